import { startEarlyRead } from './app/early-read';
import './styles.css';

// The first screen's data is read while the app's code loads (a few hundred milliseconds of
// fetching and compiling that the reads would otherwise wait for).
startEarlyRead();
void import('./app/boot').then(({ boot }) => boot());

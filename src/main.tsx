import './styles.css';
import { boot } from './app/boot';

boot();

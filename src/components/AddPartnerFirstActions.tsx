import { href } from '../navigation/router';
import { SampleDataButton } from './SampleDataButton';

/** Empty-state actions of screens that need partners before they show anything. */
export function AddPartnerFirstActions() {
  return (
    <>
      <a className="btn btn-primary" href={href('partners/new')}>
        Add a partner first
      </a>
      <SampleDataButton primary={false} />
    </>
  );
}

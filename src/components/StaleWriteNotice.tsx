import { ErrorPanel } from './ui';

/**
 * A save refused because the record changed elsewhere (another window) since the form was opened:
 * the message, and the owner's two ways on: reload what is stored, or save over it.
 */
export function StaleWriteNotice(props: {
  /** What was changed: "this partner", "this item", or (plural) "the settings". */
  what: string;
  message: string;
  saving: boolean;
  onReload: () => void;
  onOverwrite: () => void;
}) {
  return (
    <ErrorPanel
      title={`Not saved: ${props.what} ${props.what.startsWith('this ') ? 'was' : 'were'} changed elsewhere`}
      actions={
        <div className="row">
          <button type="button" className="btn" onClick={props.onReload}>
            Reload
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={props.saving}
            onClick={props.onOverwrite}
          >
            Overwrite
          </button>
        </div>
      }
    >
      {props.message}
    </ErrorPanel>
  );
}

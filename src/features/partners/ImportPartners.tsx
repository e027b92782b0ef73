import { Upload } from 'lucide-react';
import { progressStep } from '../../components/labels';
import { Dialog, DialogButtons, KindBadge, Progress } from '../../components/ui';
import { safeLocale } from '../../domain/intl';
import { useSettings } from '../../hooks/data';
import { ColumnsDialog } from './ImportColumns';
import { usePartnerImport, type PartnerImportState } from './usePartnerImport';
import { todayIn } from './usePartners';

const ACTION_LABEL = { create: 'New', update: 'Update', unchanged: 'No change' } as const;

/**
 * Bulk onboarding from a spreadsheet: pick a CSV, see what would happen row by row (with every
 * problem and its line), and only then write it, all at once. Reading and checking run in a
 * worker with progress and Cancel, so a file of 20,000 partners never freezes the window.
 */
export function ImportPartnersButton() {
  const settings = useSettings();
  const locale = safeLocale(settings.locale);
  const flow = usePartnerImport(todayIn(settings), settings.importMappings, locale);
  const { state } = flow;
  return (
    <>
      <ImportButton onClick={flow.start} />
      {state.step === 'working' ? (
        <Dialog open title="Import partners" onClose={flow.cancel}>
          <p>
            <strong>{state.fileName}</strong>
          </p>
          <Progress {...progressStep(state)} locale={locale} onCancel={flow.cancel} />
          <p className="muted">
            You can keep working; nothing is saved until you confirm the preview.
          </p>
        </Dialog>
      ) : state.step === 'columns' ? (
        <ColumnsDialog
          fileName={state.fileName}
          columns={state.columns}
          onCancel={flow.cancel}
          onChoose={flow.chooseColumns}
        />
      ) : state.step === 'preview' ? (
        <PreviewDialog
          state={state}
          locale={locale}
          onCancel={flow.cancel}
          onConfirm={flow.confirm}
          onBack={state.choices ? flow.backToColumns : null}
        />
      ) : null}
    </>
  );
}

/** What the import would do, row by row, with every problem; nothing is saved before Import. */
function PreviewDialog(props: {
  state: Extract<PartnerImportState, { step: 'preview' }>;
  locale: string;
  onCancel: () => void;
  onConfirm: () => void;
  onBack: (() => void) | null;
}) {
  const { state } = props;
  const plan = state.preview;
  const saving = state.saving;
  const count = (a: keyof typeof ACTION_LABEL) => plan.counts[a];
  const toWrite = count('create') + count('update');
  const num = (x: number) => x.toLocaleString(props.locale);
  return (
    <Dialog
      open
      wide
      title="Import partners"
      onClose={() => {
        if (!saving) props.onCancel();
      }}
      footer={
        <DialogButtons
          onCancel={props.onCancel}
          busy={saving}
          extra={
            props.onBack ? (
              <button type="button" className="btn" onClick={props.onBack} disabled={saving}>
                Change columns
              </button>
            ) : null
          }
          onConfirm={props.onConfirm}
          disabled={!plan.ok || toWrite === 0}
          confirmLabel={
            saving ? 'Importing…' : `Import ${num(toWrite)} partner${toWrite === 1 ? '' : 's'}`
          }
        />
      }
    >
      <div className="stack">
        <p>
          <strong>{state.fileName}</strong>: {num(count('create'))} new, {num(count('update'))} to
          update, {num(count('unchanged'))} unchanged. Nothing is saved until you confirm.
        </p>
        {plan.unmapped.length > 0 ? (
          <p role="note">
            Not imported from your file: {plan.unmapped.map((c) => `“${c}”`).join(', ')}.
          </p>
        ) : null}
        {plan.errorTotal > 0 ? (
          <div className="error-panel" role="alert">
            <strong>
              {num(plan.errorTotal)} problem{plan.errorTotal === 1 ? '' : 's'} to fix in the file
              first
            </strong>
            <table className="table pi-errors">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Column</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {plan.errors.map((e, i) => (
                  <tr key={i}>
                    <td className="num">{e.line}</td>
                    <td>{e.column}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {plan.errorTotal > plan.errors.length ? (
          <p className="muted">…and {num(plan.errorTotal - plan.errors.length)} more problems.</p>
        ) : null}
        {plan.rowTotal > 0 ? (
          <div className="pi-preview">
            <table className="table" aria-label="Import preview">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Action</th>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Status</th>
                  <th scope="col">Codes</th>
                  <th scope="col" className="num">
                    Contracts
                  </th>
                </tr>
              </thead>
              <tbody>
                {plan.rows.map((r) => (
                  <tr key={r.line}>
                    <td className="num">{r.line}</td>
                    <td>{ACTION_LABEL[r.action]}</td>
                    <td>{r.name}</td>
                    <td>
                      <KindBadge kind={r.kind} />
                    </td>
                    <td>{r.status}</td>
                    <td>{r.codes.join(', ')}</td>
                    <td className="num">{r.contracts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {plan.rowTotal > plan.rows.length ? (
              <p className="muted">…and {num(plan.rowTotal - plan.rows.length)} more rows.</p>
            ) : null}
          </div>
        ) : null}
      </div>
    </Dialog>
  );
}

function ImportButton(props: { onClick: () => Promise<void> }) {
  return (
    <button type="button" className="btn" onClick={() => void props.onClick()}>
      <Upload size={16} aria-hidden="true" /> Import CSV
    </button>
  );
}

import { useState } from 'react';
import { Upload } from 'lucide-react';
import { Dialog, KindBadge } from '../../components/ui';
import { getDb } from '../../db/db';
import { useSettings } from '../../hooks/data';
import { saveErrorMessage } from '../../db/errors';
import { allContracts, allPartners, commitPartnerImport } from '../../db/partners';
import { newId } from '../../db/repo';
import { planPartnerImport, type PartnerImportPlan } from '../../io/partners-csv';
import { openFile } from '../../platform/bridge';
import { useUi } from '../../store/ui';
import { todayIn } from './usePartners';

const ACTION_LABEL = { create: 'New', update: 'Update', unchanged: 'No change' } as const;

/**
 * Bulk onboarding from a spreadsheet: pick a CSV, see what would happen row by row (with every
 * problem and its line), and only then write it, all at once.
 */
export function ImportPartnersButton() {
  const settings = useSettings();
  const showToast = useUi((s) => s.showToast);
  const [plan, setPlan] = useState<(PartnerImportPlan & { fileName: string }) | null>(null);
  const [saving, setSaving] = useState(false);

  const pick = async () => {
    try {
      const file = await openFile('partners-csv');
      if (!file) return;
      const db = getDb();
      const [partners, contracts] = await Promise.all([allPartners(db), allContracts(db)]);
      const p = planPartnerImport(file.text, {
        partners,
        contracts,
        today: todayIn(settings),
        now: Date.now(),
        newId,
      });
      setPlan({ ...p, fileName: file.name });
    } catch (e) {
      showToast({ tone: 'error', message: `Could not read the file: ${(e as Error).message}` });
    }
  };

  const confirm = async () => {
    if (!plan?.ok) return;
    setSaving(true);
    try {
      const writes = plan.rows.filter((r) => r.action !== 'unchanged');
      await commitPartnerImport(getDb(), writes);
      showToast({
        tone: 'success',
        message: `Imported ${writes.length} partner${writes.length === 1 ? '' : 's'} from ${plan.fileName}`,
      });
      setPlan(null);
    } catch (e) {
      showToast({ tone: 'error', message: saveErrorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  const n = (a: keyof typeof ACTION_LABEL) => plan?.rows.filter((r) => r.action === a).length ?? 0;
  const toWrite = n('create') + n('update');

  return (
    <>
      <button type="button" className="btn" onClick={() => void pick()}>
        <Upload size={16} aria-hidden="true" /> Import CSV
      </button>
      <Dialog
        open={plan !== null}
        wide
        title="Import partners"
        onClose={() => setPlan(null)}
        footer={
          <>
            <button type="button" className="btn" onClick={() => setPlan(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={!plan?.ok || toWrite === 0 || saving}
              onClick={() => void confirm()}
            >
              {saving ? 'Importing…' : `Import ${toWrite} partner${toWrite === 1 ? '' : 's'}`}
            </button>
          </>
        }
      >
        {plan ? (
          <div className="stack">
            <p>
              <strong>{plan.fileName}</strong>: {n('create')} new, {n('update')} to update,{' '}
              {n('unchanged')} unchanged. Nothing is saved until you confirm.
            </p>
            {plan.errors.length > 0 ? (
              <div className="error-panel" role="alert">
                <strong>
                  {plan.errors.length} problem{plan.errors.length === 1 ? '' : 's'} to fix in the
                  file first
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
                    {plan.errors.slice(0, 200).map((e, i) => (
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
            {plan.rows.length > 0 ? (
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
                    {plan.rows.slice(0, 500).map((r) => (
                      <tr key={r.line}>
                        <td className="num">{r.line}</td>
                        <td>{ACTION_LABEL[r.action]}</td>
                        <td>{r.partner.name}</td>
                        <td>
                          <KindBadge kind={r.partner.kind} />
                        </td>
                        <td>{r.partner.status}</td>
                        <td>{r.partner.codes.join(', ')}</td>
                        <td className="num">{r.contracts.length}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {plan.rows.length > 500 ? (
                  <p className="muted">…and {plan.rows.length - 500} more rows.</p>
                ) : null}
              </div>
            ) : null}
          </div>
        ) : null}
      </Dialog>
    </>
  );
}

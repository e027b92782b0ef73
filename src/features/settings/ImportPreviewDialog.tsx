import { useState } from 'react';
import { Dialog, DialogButtons, ErrorPanel } from '../../components/ui';
import { TABLE_LABELS, type ImportMode } from '../../io/backup';
import type { BackupPreview } from './backup-parse-protocol';
import { describeChange } from './backup-text';
import { safeLocale, safeTimeZone } from '../../domain/intl';

export interface PendingImport {
  /** File name or automatic-backup name, for the dialog and the snapshot reason. */
  source: string;
  /** What the worker found in the file and what each mode would change. */
  preview: BackupPreview;
}

/**
 * What an import will do, before anything is written: when and by which version the backup was
 * made, rows per table, and what each mode changes. Nothing is written until the owner confirms.
 */
export function ImportPreviewDialog(props: {
  pending: PendingImport | null;
  locale: string;
  timeZone: string;
  onCancel: () => void;
  onConfirm: (mode: ImportMode) => Promise<string | null>;
  /** What the import is doing now, while it runs. */
  progress?: { label: string; done: number; total: number } | null;
}) {
  const [mode, setMode] = useState<ImportMode>('replace');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { pending } = props;
  const close = () => {
    setMode('replace');
    setError(null);
    props.onCancel();
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    const failure = await props.onConfirm(mode);
    setBusy(false);
    if (failure) setError(failure);
    else setMode('replace');
  };
  const locale = safeLocale(props.locale);
  const nf = new Intl.NumberFormat(locale);
  const plan = pending ? pending.preview[mode] : null;
  const meta = pending?.preview.meta;
  const brand = pending?.preview.brandName;
  const exported = meta
    ? new Intl.DateTimeFormat(locale, {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: safeTimeZone(props.timeZone),
      }).format(new Date(meta.exportedAt))
    : '';

  return (
    <Dialog
      open={pending !== null}
      title="Import this backup?"
      onClose={close}
      wide
      footer={
        <DialogButtons
          onCancel={close}
          busy={busy}
          danger={mode === 'replace'}
          onConfirm={() => void confirm()}
          confirmLabel={
            busy ? 'Importing…' : mode === 'replace' ? 'Replace my data' : 'Merge into my data'
          }
        />
      }
    >
      {pending && meta && plan ? (
        <div className="stack backup-preview">
          <p className="backup-source">
            <strong>{pending.source}</strong>
            <br />
            {brand ? `${brand} · ` : ''}exported {exported} with Pawtners {meta.appVersion}
            {pending.preview.fromVersion !== meta.schemaVersion
              ? ` (converted from backup version ${pending.preview.fromVersion})`
              : ''}
          </p>
          <ModeChoice mode={mode} onChange={setMode} />
          <ChangesTable plan={plan} nf={nf} />
          <PlanNotes plan={plan} />
          <p className="muted">
            {plan.totalChanges === 0
              ? 'Nothing would change.'
              : `${nf.format(plan.totalChanges)} records will change.`}{' '}
            What it replaces is kept first, so you can undo this import.
          </p>
          {busy && props.progress ? (
            <div className="stack">
              <p role="status" className="muted">
                {props.progress.label}
              </p>
              <progress
                aria-label="Import progress"
                max={props.progress.total || 1}
                value={props.progress.done}
              />
            </div>
          ) : null}
          {error ? <ErrorPanel title="The import did not happen">{error}</ErrorPanel> : null}
        </div>
      ) : null}
    </Dialog>
  );
}

type Plan = BackupPreview[ImportMode];

const MODES: { mode: ImportMode; title: string; words: string }[] = [
  {
    mode: 'replace',
    title: 'Replace',
    words: 'Make this computer exactly like the backup. Anything not in it is removed.',
  },
  {
    mode: 'merge',
    title: 'Merge',
    words: 'Add what is new; where both have a record, keep the one edited last.',
  },
];

function ModeChoice(props: { mode: ImportMode; onChange: (m: ImportMode) => void }) {
  return (
    <fieldset className="backup-modes">
      <legend>How to import</legend>
      {MODES.map((m) => (
        <label key={m.mode} className={`backup-mode ${props.mode === m.mode ? 'selected' : ''}`}>
          <input
            type="radio"
            name="backup-mode"
            value={m.mode}
            checked={props.mode === m.mode}
            onChange={() => props.onChange(m.mode)}
          />
          <span>
            <strong>{m.title}</strong>
            <span className="muted">{m.words}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** Rows per table in the backup and here, and what the chosen mode changes in each. */
function ChangesTable({ plan, nf }: { plan: Plan; nf: Intl.NumberFormat }) {
  return (
    <table className="table backup-table" aria-label="What will change">
      <thead>
        <tr>
          <th scope="col">Records</th>
          <th scope="col" className="num">
            In the backup
          </th>
          <th scope="col" className="num">
            On this computer
          </th>
          <th scope="col">What will change</th>
        </tr>
      </thead>
      <tbody>
        {plan.changes.map((c) => (
          <tr key={c.table}>
            <th scope="row">{TABLE_LABELS[c.table]}</th>
            <td className="num">{nf.format(c.incoming)}</td>
            <td className="num">{nf.format(c.current)}</td>
            <td className={c.add + c.update + c.remove ? '' : 'muted'}>{describeChange(c, nf)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Promo codes the backup shares with this computer, and customers counted elsewhere. */
function PlanNotes({ plan }: { plan: Plan }) {
  return (
    <>
      {plan.collisions.length ? (
        <div className="backup-collisions" role="note">
          <strong>
            {plan.collisions.length === 1
              ? '1 promo code is already used here'
              : `${plan.collisions.length} promo codes are already used here`}
          </strong>
          <ul>
            {plan.collisions.slice(0, 10).map((c) => (
              <li key={`${c.code}-${c.droppedFrom.id}`}>
                <code>{c.code}</code> stays with {c.keptBy.name}; {c.droppedFrom.name} (from the
                backup) will not get it.
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {plan.otherCustomerSalt ? (
        <p className="backup-collisions" role="note">
          <strong>Customers were counted on another computer.</strong> Its customer keys do not
          match the ones here, so a buyer who ordered in both places counts as two customers in
          repeat and lifetime figures. Nothing else is affected.
        </p>
      ) : null}
    </>
  );
}

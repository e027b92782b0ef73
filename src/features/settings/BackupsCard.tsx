import { useCallback, useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Download, FolderOpen, RotateCcw, Upload } from 'lucide-react';
import { formatBytes } from '../../components/labels';
import { Card, Dialog } from '../../components/ui';
import { latestUndo } from '../../db/backup';
import { getDb } from '../../db/db';
import { countPartners } from '../../db/partners';
import { useSettings } from '../../hooks/data';
import { safeLocale, safeTimeZone } from '../../domain/intl';
import { formatProblem } from '../../io/backup';
import { hasAutoBackups, isDesktop, readAutoBackup, showDataFolder } from '../../platform/bridge';
import type { AutoBackupEntry } from '../../shared/ipc';
import { useUi } from '../../store/ui';
import { exportReminder } from './backup-text';
import { ImportPreviewDialog } from './ImportPreviewDialog';
import {
  errorText,
  undoImportInWorker,
  useBackupImport,
  type BackupImport,
  type Checking,
  type Refused,
} from './useBackupImport';
import { useAutoBackupList, useExportBackup } from './useBackups';
import './backups.css';

type When = (ms: number) => string;

/** Export, import (with preview), undo, and the automatic backups (both builds keep them). */
export function BackupsCard() {
  const settings = useSettings();
  const showToast = useUi((s) => s.showToast);
  const snapshot = useLiveQuery(async () => {
    const s = await latestUndo(getDb());
    return s ? { id: s.id, createdAt: s.createdAt, reason: s.reason } : null;
  }, []);
  const hasData = useLiveQuery(async () => (await countPartners(getDb())) > 0, []) ?? false;
  // Whatever the settings hold, this card must work: it is how the owner gets out of bad data.
  const locale = safeLocale(settings.locale);
  const timeZone = safeTimeZone(settings.timeZone);
  const when = useCallback(
    (ms: number) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
        ms,
      ),
    [locale, timeZone],
  );
  const exportNow = useExportBackup(locale, timeZone);
  const imp = useBackupImport(locale);
  const { importFromFile, checking, review } = imp;
  const undo = (id: string) => undoImportInWorker(id);

  const restoreAuto = async (entry: AutoBackupEntry) => {
    try {
      review(`Automatic backup of ${when(entry.createdAt)}`, await readAutoBackup(entry.name));
    } catch (e) {
      showToast({ tone: 'error', message: `That backup could not be read: ${errorText(e)}` });
    }
  };

  // File > Import/Export backup in the desktop menu land here (see useMenuActions).
  useEffect(() => {
    const onMenu = (e: Event) => {
      const action = (e as CustomEvent<string>).detail;
      if (action === 'export-backup') void exportNow();
      if (action === 'import-backup') void importFromFile();
    };
    window.addEventListener('pawtners:menu', onMenu);
    return () => window.removeEventListener('pawtners:menu', onMenu);
  }, [exportNow, importFromFile]);

  const reminder = isDesktop ? null : exportReminder(settings.lastExportAt, hasData, Date.now());

  return (
    <Card title="Backups" className="mt">
      <div className="stack backup-card-body">
        <p className="muted">
          A backup is one file with everything: partners, contracts, content, orders, payouts and
          these settings. Keep a copy somewhere safe, or use it to move Pawtners to another
          computer.
        </p>
        {reminder ? (
          <div className="backup-reminder" role="status">
            {reminder}
          </div>
        ) : null}
        <div className="row backup-actions">
          <button type="button" className="btn btn-primary" onClick={() => void exportNow()}>
            <Download aria-hidden="true" size={16} /> Export backup
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => void importFromFile()}
            disabled={checking !== null}
          >
            <Upload aria-hidden="true" size={16} /> Import backup…
          </button>
          {isDesktop ? (
            <button type="button" className="btn" onClick={() => void showDataFolder()}>
              <FolderOpen aria-hidden="true" size={16} /> Show data folder
            </button>
          ) : null}
        </div>
        <p className="muted small">
          {settings.lastExportAt
            ? `Last exported ${when(settings.lastExportAt)}.`
            : 'Never exported from here.'}
          {checking ? ` Checking ${checking.source}…` : ''}
        </p>
        {snapshot ? (
          <div className="backup-undo">
            <span>
              <strong>Last import</strong> on {when(snapshot.createdAt)}: {snapshot.reason}.
            </span>
            <button type="button" className="btn" onClick={() => void undo(snapshot.id)}>
              <RotateCcw aria-hidden="true" size={16} /> Undo import
            </button>
          </div>
        ) : null}
        {hasAutoBackups ? (
          <AutoBackupsSection
            hasData={hasData}
            when={when}
            locale={locale}
            onRestore={restoreAuto}
          />
        ) : null}
      </div>
      <ImportPreviewDialog
        pending={imp.pending}
        locale={locale}
        timeZone={timeZone}
        onCancel={imp.cancelPreview}
        onConfirm={imp.confirm}
        progress={imp.progress}
      />
      <CheckingDialog checking={checking} locale={locale} onCancel={imp.cancelCheck} />
      <RefusedDialog imp={imp} />
    </Card>
  );
}

/** The automatic backups kept, Back up now, and Restore… for each. */
function AutoBackupsSection(props: {
  hasData: boolean;
  when: When;
  locale: string;
  onRestore: (a: AutoBackupEntry) => Promise<void>;
}) {
  const { hasData, when, locale } = props;
  const { autos, backingUp, backUp } = useAutoBackupList();
  const restoreAuto = props.onRestore;
  return (
    <div>
      <div className="row backup-auto-head">
        <h3>Automatic backups</h3>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void backUp()}
          disabled={backingUp}
        >
          {backingUp ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      <p className="muted small">
        {isDesktop
          ? 'Pawtners saves one when you quit and at most once a day, keeping 7 daily and 4 weekly copies in the data folder.'
          : 'Pawtners saves one at most once a day while it is open, keeping 7 daily and 4 weekly copies in this browser. They go if the browser’s data for this site is cleared: export a backup too.'}
      </p>
      {autos === null ? (
        <p className="muted">Loading…</p>
      ) : autos.length === 0 ? (
        <p className="muted">
          {hasData
            ? 'None yet: the first one is made today.'
            : 'None yet: the first one is made once you add partners.'}
        </p>
      ) : (
        <table className="table" aria-label="Automatic backups">
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {autos.map((a) => (
              <tr key={a.name}>
                <td>{when(a.createdAt)}</td>
                <td className="num">{formatBytes(a.size, locale)}</td>
                <td className="num">
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Restore the backup of ${when(a.createdAt)}`}
                    onClick={() => void restoreAuto(a)}
                  >
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Reading and checking a backup, with progress and Cancel. */
function CheckingDialog(props: {
  checking: Checking | null;
  locale: string;
  onCancel: () => void;
}) {
  const { checking, locale } = props;
  const cancelCheck = props.onCancel;
  return (
    <Dialog open={checking !== null} title="Checking the backup" onClose={cancelCheck}>
      {checking ? (
        <div className="stack">
          <p>
            <strong>{checking.source}</strong>
          </p>
          <div className="progress-wrap">
            <div className="progress-label" role="status">
              {checking.label}
              {checking.total > 1
                ? `: ${
                    checking.label === 'Reading file'
                      ? `${formatBytes(checking.done, locale)} of ${formatBytes(checking.total, locale)}`
                      : `${checking.done.toLocaleString(locale)} of ${checking.total.toLocaleString(locale)} records`
                  }`
                : '…'}
            </div>
            <progress
              max={checking.total > 1 ? checking.total : undefined}
              value={checking.total > 1 ? checking.done : undefined}
              aria-label={checking.label}
            />
            <button type="button" className="btn" onClick={cancelCheck}>
              Cancel
            </button>
          </div>
          <p className="muted">Nothing is changed until you confirm what the backup holds.</p>
        </div>
      ) : null}
    </Dialog>
  );
}

/** A backup refused by the check: every problem found, and that nothing changed. */
function RefusedDialog({ imp }: { imp: BackupImport }) {
  const refused: Refused | null = imp.refused;
  const setRefused = imp.setRefused;
  return (
    <Dialog
      open={refused !== null}
      title="This file cannot be imported"
      onClose={() => setRefused(null)}
      footer={
        <button type="button" className="btn btn-primary" onClick={() => setRefused(null)}>
          Close
        </button>
      }
    >
      {refused ? (
        <div className="stack">
          <p>
            <strong>{refused.source}</strong> was checked and refused.{' '}
            <strong>Nothing was changed.</strong>
          </p>
          <ul className="backup-problems" aria-label="Problems found">
            {refused.problems.map((p, i) => (
              <li key={i}>{formatProblem(p)}</li>
            ))}
          </ul>
          <p className="muted small">
            If you edited this file by hand, undo those edits; otherwise export a new backup from
            the computer it came from.
          </p>
        </div>
      ) : null}
    </Dialog>
  );
}

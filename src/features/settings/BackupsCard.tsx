import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Download, FolderOpen, RotateCcw, Upload } from 'lucide-react';
import { Card, Dialog } from '../../components/ui';
import { latestUndo, markExported } from '../../db/backup';
import { getDb } from '../../db/db';
import { countPartners } from '../../db/partners';
import { exportBackup } from './backup-file';
import { useSettings } from '../../hooks/data';
import { dateInZone } from '../../domain/dates';
import { safeLocale, safeTimeZone } from '../../domain/intl';
import { formatProblem, type BackupProblem, type ImportMode } from '../../io/backup';
import {
  hasAutoBackups,
  isDesktop,
  listAutoBackups,
  onAutoBackupsChanged,
  openFileBlob,
  readAutoBackup,
  saveFile,
  showDataFolder,
} from '../../platform/bridge';
import type { AutoBackupEntry } from '../../shared/ipc';
import { useUi } from '../../store/ui';
import { exportReminder, formatBytes } from './backup-text';
import { ImportPreviewDialog, type PendingImport } from './ImportPreviewDialog';
import type { BackupMessage, BackupRequest } from './backup-parse-protocol';
import { backUpNow } from './useAutoBackups';
import { saveErrorMessage } from '../../db/errors';
import './backups.css';

interface Refused {
  source: string;
  problems: BackupProblem[];
}

/** A backup being read and checked in the worker. */
interface Checking {
  source: string;
  label: string;
  done: number;
  total: number;
}

/** How a confirmed import ended: what it changed, or why it did not happen. */
type Applied = { totalChanges: number; undoId: string } | { failure: string };

const newBackupWorker = () =>
  new Worker(new URL('./backup-parse.worker.ts', import.meta.url), { type: 'module' });

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Export, import (with preview), undo, and the automatic backups (both builds keep them). */
export function BackupsCard() {
  const settings = useSettings();
  const showToast = useUi((s) => s.showToast);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [refused, setRefused] = useState<Refused | null>(null);
  const [checking, setChecking] = useState<Checking | null>(null);
  const [autos, setAutos] = useState<AutoBackupEntry[] | null>(null);
  const [progress, setProgress] = useState<{ label: string; done: number; total: number } | null>(
    null,
  );
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

  const [backingUp, setBackingUp] = useState(false);
  const refreshAutos = useCallback(async () => {
    if (!hasAutoBackups) return;
    try {
      setAutos(await listAutoBackups());
    } catch (e) {
      setAutos([]);
      showToast({
        tone: 'error',
        message: `The automatic backups could not be listed: ${saveErrorMessage(e)}`,
      });
    }
  }, [showToast]);
  useEffect(() => {
    void refreshAutos();
    // A backup made by the daily check (or in another tab) shows up at once.
    return onAutoBackupsChanged(() => void refreshAutos());
  }, [refreshAutos]);

  const backUp = async () => {
    setBackingUp(true);
    try {
      showToast(
        (await backUpNow())
          ? { tone: 'success', message: 'Automatic backup made' }
          : { message: 'Nothing to back up yet: add partners or orders first.' },
      );
    } catch (e) {
      showToast({ tone: 'error', message: `The backup failed: ${saveErrorMessage(e)}` });
    } finally {
      setBackingUp(false);
    }
  };

  const exportNow = useCallback(async () => {
    const now = Date.now();
    try {
      const { parts, counts } = await exportBackup(getDb(), { appVersion: __APP_VERSION__, now });
      const saved = await saveFile({
        kind: 'backup',
        suggestedName: `pawtners-backup-${dateInZone(now, timeZone)}.json`,
        data: parts,
        encoding: 'utf8',
      });
      if (!saved) return;
      await markExported(getDb(), now);
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      showToast({
        tone: 'success',
        message: `Backup saved (${rows.toLocaleString(locale)} records): ${saved.location}`,
      });
    } catch (e) {
      showToast({ tone: 'error', message: `The backup could not be saved: ${errorText(e)}` });
    }
  }, [locale, timeZone, showToast]);

  // The worker holds the backup from the check until the import (or Cancel): the main thread
  // never parses it nor holds its rows.
  const worker = useRef<Worker | null>(null);
  /** Settles the confirmed import that is running. */
  const applying = useRef<((r: Applied) => void) | null>(null);
  const stopWorker = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    applying.current?.({ failure: 'The import stopped before it finished; nothing was changed.' });
    applying.current = null;
  }, []);
  useEffect(() => stopWorker, [stopWorker]);

  /**
   * Validate the whole file in the worker (progress, Cancel), then show what it would change or
   * why it is refused. Nothing is written here.
   */
  const review = useCallback(
    (source: string, file: Blob | string) => {
      stopWorker();
      setPending(null);
      const w = newBackupWorker();
      worker.current = w;
      setChecking({ source, label: 'Reading file', done: 0, total: 0 });
      w.onmessage = (e: MessageEvent<BackupMessage>) => {
        if (worker.current !== w) return;
        const m = e.data;
        const settle = applying.current;
        switch (m.type) {
          case 'progress':
            if (settle) setProgress({ label: m.label, done: m.done, total: m.total });
            else setChecking({ source, label: m.label, done: m.done, total: m.total });
            return;
          case 'refused':
            stopWorker();
            setChecking(null);
            setRefused({ source, problems: m.problems });
            return;
          case 'preview':
            setChecking(null);
            setPending({ source, preview: m.preview });
            return;
          case 'applied':
            applying.current = null;
            stopWorker();
            settle?.({ totalChanges: m.totalChanges, undoId: m.undoId });
            return;
          case 'failed':
            if (settle) {
              // The worker keeps the backup: the owner may try again.
              applying.current = null;
              settle({ failure: m.message });
            } else {
              stopWorker();
              setChecking(null);
              showToast({ tone: 'error', message: `The file could not be read: ${m.message}` });
            }
        }
      };
      w.onerror = (e) => {
        if (worker.current !== w) return;
        stopWorker();
        setChecking(null);
        setPending(null);
        showToast({
          tone: 'error',
          message: `The backup could not be checked: ${e.message || 'the check stopped unexpectedly'}`,
        });
      };
      const req: BackupRequest = { type: 'review', file, appVersion: __APP_VERSION__ };
      w.postMessage(req);
    },
    [showToast, stopWorker],
  );

  const cancelCheck = useCallback(() => {
    stopWorker();
    setChecking(null);
  }, [stopWorker]);

  const importFromFile = useCallback(async () => {
    try {
      const file = await openFileBlob('backup');
      if (file) review(file.name, file.blob);
    } catch (e) {
      showToast({ tone: 'error', message: `The file could not be read: ${errorText(e)}` });
    }
  }, [review, showToast]);

  const restoreAuto = async (entry: AutoBackupEntry) => {
    try {
      review(`Automatic backup of ${when(entry.createdAt)}`, await readAutoBackup(entry.name));
    } catch (e) {
      showToast({ tone: 'error', message: `That backup could not be read: ${errorText(e)}` });
    }
  };

  const undo = useCallback(
    async (snapshotId: string) => {
      const setBusy = useUi.getState().setBusy;
      // In a worker: a restore's copy is a whole backup file, read and checked off the window.
      const w = newBackupWorker();
      try {
        setBusy({ label: 'Undoing the import', done: 0, total: 1 });
        await new Promise<void>((resolve, reject) => {
          w.onmessage = (e: MessageEvent<BackupMessage>) => {
            const m = e.data;
            if (m.type === 'progress') setBusy({ label: m.label, done: m.done, total: m.total });
            else if (m.type === 'undone') resolve();
            else if (m.type === 'failed') reject(new Error(m.message));
          };
          w.onerror = (e) => reject(new Error(e.message || 'the undo stopped unexpectedly'));
          const req: BackupRequest = {
            type: 'undo',
            undoId: snapshotId,
            appVersion: __APP_VERSION__,
          };
          w.postMessage(req);
        });
        showToast({ tone: 'success', message: 'Import undone: your data is back as it was' });
      } catch (e) {
        showToast({ tone: 'error', message: errorText(e) });
      } finally {
        w.terminate();
        setBusy(null);
      }
    },
    [showToast],
  );

  const confirm = async (mode: ImportMode): Promise<string | null> => {
    const w = worker.current;
    if (!pending || !w) return null;
    const done = new Promise<Applied>((resolve) => {
      applying.current = resolve;
    });
    const req: BackupRequest = {
      type: 'apply',
      mode,
      now: Date.now(),
      reason: `Before ${mode === 'replace' ? 'restoring' : 'merging'} ${pending.source}`,
    };
    w.postMessage(req);
    const r = await done;
    setProgress(null);
    if ('failure' in r) return r.failure;
    setPending(null);
    showToast({
      tone: 'success',
      message: `Backup ${mode === 'replace' ? 'restored' : 'merged'}: ${r.totalChanges.toLocaleString(locale)} records changed`,
      timeoutMs: 15_000,
      action: { label: 'Undo import', run: () => void undo(r.undoId) },
    });
    return null;
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
                      <td className="num">{formatBytes(a.size)}</td>
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
        ) : null}
      </div>
      <ImportPreviewDialog
        pending={pending}
        locale={locale}
        timeZone={timeZone}
        onCancel={() => {
          // An import under way finishes (or rolls back) whole: it is not cut off from here.
          if (applying.current) return;
          stopWorker();
          setPending(null);
        }}
        onConfirm={confirm}
        progress={progress}
      />
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
                        ? `${formatBytes(checking.done)} of ${formatBytes(checking.total)}`
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
    </Card>
  );
}

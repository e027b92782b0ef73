import { useCallback, useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Download, FolderOpen, RotateCcw, Upload } from 'lucide-react';
import { Card, Dialog } from '../../components/ui';
import {
  applyImport,
  latestUndo,
  markExported,
  previewImport,
  undoImport,
} from '../../db/backup';
import { getDb } from '../../db/db';
import { countPartners } from '../../db/partners';
import { exportBackup } from './backup-file';
import { useSettings } from '../../hooks/data';
import { dateInZone } from '../../domain/dates';
import { safeLocale, safeTimeZone } from '../../domain/intl';
import { formatProblem, parseBackup, type BackupProblem, type ImportMode } from '../../io/backup';
import {
  isDesktop,
  listAutoBackups,
  openFile,
  readAutoBackup,
  saveFile,
  showDataFolder,
} from '../../platform/bridge';
import type { AutoBackupEntry } from '../../shared/ipc';
import { useUi } from '../../store/ui';
import { exportReminder, formatBytes } from './backup-text';
import { ImportPreviewDialog, type PendingImport } from './ImportPreviewDialog';
import './backups.css';

interface Refused {
  source: string;
  problems: BackupProblem[];
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Export, import (with preview), undo, and in the desktop app the automatic backups. */
export function BackupsCard() {
  const settings = useSettings();
  const showToast = useUi((s) => s.showToast);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [refused, setRefused] = useState<Refused | null>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const [autos, setAutos] = useState<AutoBackupEntry[] | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
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

  const refreshAutos = useCallback(async () => {
    if (isDesktop) setAutos(await listAutoBackups());
  }, []);
  useEffect(() => {
    void refreshAutos();
  }, [refreshAutos]);

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

  /** Validate the whole file, then show what it would change. Nothing is written here. */
  const review = useCallback(async (source: string, text: string) => {
    setChecking(source);
    try {
      const r = parseBackup(text, __APP_VERSION__);
      if (!r.ok) {
        setRefused({ source, problems: r.problems });
        return;
      }
      setPending({
        source,
        backup: r.backup,
        preview: await previewImport(getDb(), r.backup.data),
      });
    } finally {
      setChecking(null);
    }
  }, []);

  const importFromFile = useCallback(async () => {
    try {
      const file = await openFile('backup');
      if (file) await review(file.name, file.text);
    } catch (e) {
      showToast({ tone: 'error', message: `The file could not be read: ${errorText(e)}` });
    }
  }, [review, showToast]);

  const restoreAuto = async (entry: AutoBackupEntry) => {
    try {
      await review(
        `Automatic backup of ${when(entry.createdAt)}`,
        await readAutoBackup(entry.name),
      );
    } catch (e) {
      showToast({ tone: 'error', message: `That backup could not be read: ${errorText(e)}` });
    }
  };

  const undo = useCallback(
    async (snapshotId: string) => {
      try {
        await undoImport(getDb(), snapshotId);
        showToast({ tone: 'success', message: 'Import undone: your data is back as it was' });
      } catch (e) {
        showToast({ tone: 'error', message: errorText(e) });
      }
    },
    [showToast],
  );

  const confirm = async (mode: ImportMode): Promise<string | null> => {
    if (!pending) return null;
    try {
      const { plan, undoId: snapshotId } = await applyImport(getDb(), pending.backup.data, mode, {
        now: Date.now(),
        reason: `Before ${mode === 'replace' ? 'restoring' : 'merging'} ${pending.source}`,
        onProgress: (label, done, total) =>
          setProgress(`${label}: ${Math.round((done / total) * 100)} %`),
      });
      setProgress(null);
      setPending(null);
      showToast({
        tone: 'success',
        message: `Backup ${mode === 'replace' ? 'restored' : 'merged'}: ${plan.totalChanges.toLocaleString(locale)} records changed`,
        timeoutMs: 15_000,
        action: { label: 'Undo import', run: () => void undo(snapshotId) },
      });
      return null;
    } catch (e) {
      setProgress(null);
      return errorText(e);
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
          {checking ? ` Checking ${checking}…` : ''}
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
        {isDesktop ? (
          <div>
            <h3>Automatic backups</h3>
            <p className="muted small">
              Pawtners saves one when you quit and at most once a day, keeping 7 daily and 4 weekly
              copies in the data folder.
            </p>
            {autos === null ? (
              <p className="muted">Loading…</p>
            ) : autos.length === 0 ? (
              <p className="muted">None yet: the first one is made today.</p>
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
        onCancel={() => setPending(null)}
        onConfirm={confirm}
        progress={progress}
      />
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

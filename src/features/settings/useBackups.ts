import { useCallback, useEffect, useState } from 'react';
import { markExported } from '../../db/backup';
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { dateInZone } from '../../domain/dates';
import {
  hasAutoBackups,
  listAutoBackups,
  onAutoBackupsChanged,
  saveFile,
} from '../../platform/bridge';
import type { AutoBackupEntry } from '../../shared/ipc';
import { useUi } from '../../store/ui';
import { exportBackup } from './backup-file';
import { errorText } from './useBackupImport';
import { backUpNow } from './useAutoBackups';

/** The automatic backups kept (null while they are listed), and Back up now. */
export function useAutoBackupList() {
  const showToast = useUi((s) => s.showToast);
  const [autos, setAutos] = useState<AutoBackupEntry[] | null>(null);
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
  return { autos, backingUp, backUp };
}

/** Export backup: the whole database as one file where the owner chooses. */
export function useExportBackup(locale: string, timeZone: string) {
  const showToast = useUi((s) => s.showToast);
  return useCallback(async () => {
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
}

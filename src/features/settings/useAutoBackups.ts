import { useEffect } from 'react';
import { getDb } from '../../db/db';
import { countOrders } from '../../db/orders';
import { countPartners } from '../../db/partners';
import { exportBackupText } from './backup-file';
import {
  isDesktop,
  listAutoBackups,
  onBackupRequest,
  writeAutoBackup,
} from '../../platform/bridge';
import { useUi } from '../../store/ui';
import { DAY_MS } from './backup-text';

const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Desktop only: answer main's request for a backup on quit, and write one at most daily while the
 * app runs (main keeps 7 daily and 4 weekly). An empty database is never backed up, so deleting
 * everything cannot push the good copies out of the rotation.
 */
export function useAutoBackups(): void {
  useEffect(() => {
    if (!isDesktop) return;
    const make = async (): Promise<string> => {
      const db = getDb();
      const [partners, orders] = await Promise.all([countPartners(db), countOrders(db)]);
      if (partners + orders === 0) return '';
      return exportBackupText(db, { appVersion: __APP_VERSION__, now: Date.now() });
    };
    const off = onBackupRequest(make);
    const writeIfDue = async () => {
      try {
        const newest = (await listAutoBackups())[0]?.createdAt ?? 0;
        if (Date.now() - newest < DAY_MS) return;
        const json = await make();
        if (json) await writeAutoBackup(json);
      } catch (e) {
        useUi.getState().showToast({
          tone: 'error',
          message: `The automatic backup failed: ${e instanceof Error ? e.message : String(e)}`,
        });
      }
    };
    void writeIfDue();
    const timer = setInterval(() => void writeIfDue(), CHECK_EVERY_MS);
    return () => {
      off();
      clearInterval(timer);
    };
  }, []);
}

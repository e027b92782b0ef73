import { whenOwnerIdle } from '../../hooks/owner-idle';
import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { countOrders } from '../../db/orders';
import { countPartners } from '../../db/partners';
import { exportBackup } from './backup-file';
import { partsText, type TextPart } from '../../io/rows-text';
import {
  hasAutoBackups,
  listAutoBackups,
  onBackupRequest,
  writeAutoBackup,
} from '../../platform/bridge';
import { useUi } from '../../store/ui';
import { DAY_MS } from './backup-text';

const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * The whole database as an automatic backup's text parts, or null when it holds no partner and
 * no order: an empty database is never backed up, so deleting everything cannot push the good
 * copies out of the rotation (the stores refuse such a backup too).
 */
async function autoBackupParts(): Promise<TextPart[] | null> {
  const db = getDb();
  const [partners, orders] = await Promise.all([countPartners(db), countOrders(db)]);
  if (partners + orders === 0) return null;
  return (await exportBackup(db, { appVersion: __APP_VERSION__, now: Date.now() })).parts;
}

/** The backup main asks for on quit (desktop): one string, '' when there is nothing to keep. */
async function autoBackupText(): Promise<string> {
  const parts = await autoBackupParts();
  return parts ? partsText(parts) : '';
}

/** Make an automatic backup now ("Back up now"); false when there is nothing to back up. */
export async function backUpNow(): Promise<boolean> {
  const parts = await autoBackupParts();
  if (!parts) return false;
  await writeAutoBackup(parts);
  return true;
}

let running: Promise<void> | null = null;

/** How long the owner must leave the app alone before an automatic backup starts. */
export const OWNER_IDLE_MS = 10_000;

/** Write an automatic backup when the newest is a day old or more (one check at a time). */
function writeIfDue(): Promise<void> {
  return (running ??= (async () => {
    try {
      const newest = (await listAutoBackups())[0]?.createdAt ?? 0;
      if (Date.now() - newest < DAY_MS) return;
      // A backup reads every table in one transaction (seconds for a big shop): edits wait for it.
      await whenOwnerIdle(OWNER_IDLE_MS);
      await backUpNow();
    } catch (e) {
      useUi.getState().showToast({
        tone: 'error',
        message: `The automatic backup failed: ${saveErrorMessage(e)}`,
      });
    } finally {
      running = null;
    }
  })());
}

/**
 * Both builds: write an automatic backup at most daily while the app runs, also as soon as data
 * first appears (a brand loaded or imported today is protected today), kept 7 daily and 4
 * weekly by the desktop app's data folder or the browser's backup store. The desktop app also
 * answers main's request for a backup on quit.
 */
export function useAutoBackups(): void {
  const hasData = useLiveQuery(async () => (await countPartners(getDb())) > 0, []) ?? false;
  useEffect(() => {
    if (!hasAutoBackups) return;
    const off = onBackupRequest(autoBackupText);
    const timer = setInterval(() => void writeIfDue(), CHECK_EVERY_MS);
    return () => {
      off();
      clearInterval(timer);
    };
  }, []);
  // At start, and whenever the database goes from empty to holding partners.
  useEffect(() => {
    if (hasAutoBackups && hasData) void writeIfDue();
  }, [hasData]);
}

/** Wording for the Backups card: what an import will change, and the weekly export reminder. */
import type { TableChange } from '../../io/backup';

export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** "+12 new, 3 updated, 5 removed", or "No change". */
export function describeChange(c: TableChange, nf: Intl.NumberFormat): string {
  const parts: string[] = [];
  if (c.add) parts.push(`${nf.format(c.add)} new`);
  if (c.update) parts.push(`${nf.format(c.update)} updated`);
  if (c.remove) parts.push(`${nf.format(c.remove)} removed`);
  if (c.keptLocal) parts.push(`${nf.format(c.keptLocal)} kept (newer here)`);
  if (c.sameTimeDiffers)
    parts.push(
      `${nf.format(c.sameTimeDiffers)} differ but were saved at the same time (yours kept; Replace takes the backup's)`,
    );
  return parts.length ? parts.join(', ') : 'No change';
}

/**
 * The browser reminder: null when a recent export exists or there is nothing to lose yet.
 * (The desktop app backs up by itself, so it never nags.)
 */
export function exportReminder(
  lastExportAt: number | null,
  hasData: boolean,
  now: number,
): string | null {
  if (!hasData) return null;
  if (lastExportAt === null)
    return 'You have not exported a backup yet. Your data lives only in this browser: export one and keep it somewhere safe.';
  const days = Math.floor((now - lastExportAt) / DAY_MS);
  if (now - lastExportAt < WEEK_MS) return null;
  return `Your last backup is ${days} days old. Export a fresh one and keep it somewhere safe.`;
}

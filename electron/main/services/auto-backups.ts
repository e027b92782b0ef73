/** Retention of automatic backups: 7 daily and 4 weekly. Pure: names in, names to delete out. */

const NAME = /^pawtners-auto-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.json$/;

export function autoBackupName(now: Date): string {
  return `pawtners-auto-${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z.json`;
}

export function parseAutoBackupTime(name: string): number | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const t = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`);
  return Number.isNaN(t) ? null : t;
}

/** ISO week key (YYYY-Www) of a UTC instant. */
function weekKey(ms: number): string {
  const d = new Date(ms);
  const day = (d.getUTCDay() + 6) % 7;
  const thursday = new Date(
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3),
  );
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / 604_800_000);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Which backups to keep: the newest of each of the 7 newest days, then the newest of each of the
 * 4 newest weeks older than those days.
 */
export function selectBackupsToKeep(names: string[]): Set<string> {
  const dated = names
    .map((n) => ({ n, t: parseAutoBackupTime(n) }))
    .filter((x): x is { n: string; t: number } => x.t !== null)
    .sort((a, b) => b.t - a.t);
  const keep = new Set<string>();
  const days = new Set<string>();
  let oldestDaily = Infinity;
  for (const { n, t } of dated) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (days.has(day)) continue;
    if (days.size === 7) break;
    days.add(day);
    keep.add(n);
    oldestDaily = t;
  }
  const dailyWeeks = new Set([...keep].map((n) => weekKey(parseAutoBackupTime(n)!)));
  const weeks = new Set<string>();
  for (const { n, t } of dated) {
    if (t >= oldestDaily || weeks.size === 4) continue;
    const w = weekKey(t);
    if (weeks.has(w) || dailyWeeks.has(w)) continue;
    weeks.add(w);
    keep.add(n);
  }
  return keep;
}

/** True when the newest backup is older than a day (so a new one is due). */
export function isBackupDue(names: string[], now: number): boolean {
  const times = names.map(parseAutoBackupTime).filter((t): t is number => t !== null);
  if (times.length === 0) return true;
  return now - Math.max(...times) >= 86_400_000;
}

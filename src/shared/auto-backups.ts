/**
 * Automatic backups, the rules both builds share (the desktop app's files under userData/backups
 * and the browser build's copies in IndexedDB): names, the 7-daily / 4-weekly retention, and the
 * check that a text is a whole backup exactly as the app's backup writer lays it out. Pure.
 */

const NAME = /^pawtners-auto-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.json$/;

/** `pawtners-auto-2026-11-24T12-00-00Z.json` for a UTC instant. */
export function autoBackupName(now: Date): string {
  return `pawtners-auto-${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z.json`;
}

/** The instant in an automatic backup's name, or null when the name is not one. */
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
 * 4 newest weeks older than those days. Names that are not automatic backups are never returned
 * (and never deleted: see {@link backupsToDelete}).
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

/**
 * What retention removes once `written` has been stored and verified: automatic backups outside
 * the 7-daily / 4-weekly set, but never `written` itself (the newest good copy, even when the
 * clock went back and older-named copies look newer) and never a name that is not a backup's.
 */
export function backupsToDelete(names: string[], written: string): string[] {
  const keep = selectBackupsToKeep(names);
  return names.filter((n) => n !== written && !keep.has(n) && parseAutoBackupTime(n) !== null);
}

/** True when the newest backup is older than a day (so a new one is due). */
export function isBackupDue(names: string[], now: number): boolean {
  const times = names.map(parseAutoBackupTime).filter((t): t is number => t !== null);
  if (times.length === 0) return true;
  return now - Math.max(...times) >= 86_400_000;
}

// ---------------------------------------------------------------------------------------------
// What the backup writer produces (BackupTextBuilder in src/io/backup.ts): a pretty-printed
// header, then `"data"` with one table per `\n    "<table>": [` line in the counts' order, one
// record per `\n      {...}` line, and a fixed closing. test/unit/auto-backup-check.test.ts holds
// this to the real writer.

/** How every backup the app writes begins. */
export const BACKUP_OPENING = '{\n  "format": "pawtners-backup",\n  "schemaVersion": ';
const DATA_OPENING = ',\n  "data": {';
const TABLE_INDENT = '\n    ';
const ROW_INDENT = '\n      ';
const CLOSING = '\n  }\n}\n';
/** The same cap as an opened backup file (a very large brand's backup is ~200 MB). */
export const MAX_AUTO_BACKUP_CHARS = 512 * 1024 * 1024;
/** The header is ~400 characters for 11 tables; room to spare, but a bound on the search. */
export const MAX_HEADER_CHARS = 4096;

/** The envelope's header: everything but the data. */
export interface AutoBackupHeader {
  format: 'pawtners-backup';
  schemaVersion: number;
  appVersion: string;
  exportedAt: string;
  counts: Record<string, number>;
}

export type AutoBackupCheck =
  { ok: true; header: AutoBackupHeader } | { ok: false; reason: string };

const HEADER_KEYS = ['format', 'schemaVersion', 'appVersion', 'exportedAt', 'counts'];
const SEMVER = /^\d{1,6}\.\d{1,6}\.\d{1,6}(?:[-+][0-9A-Za-z.+-]{1,40})?$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const TABLE_NAME = /^[A-Za-z]{1,40}$/;

function refuse(reason: string): AutoBackupCheck {
  return { ok: false, reason };
}

/**
 * Check the beginning of a backup (at least its first {@link MAX_HEADER_CHARS} characters, or all
 * of it): the header must be the writer's, key for key.
 */
export function checkBackupHead(head: string): AutoBackupCheck {
  if (!head.startsWith(BACKUP_OPENING)) return refuse('it does not start like a Pawtners backup');
  const end = head.indexOf(DATA_OPENING);
  if (end < 0 || end > MAX_HEADER_CHARS) return refuse('its header is incomplete');
  let parsed: unknown;
  try {
    parsed = JSON.parse(`${head.slice(0, end)}\n}`);
  } catch {
    return refuse('its header is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return refuse('its header is not an object');
  const h = parsed as Record<string, unknown>;
  if (Object.keys(h).join() !== HEADER_KEYS.join())
    return refuse(`its header must hold exactly ${HEADER_KEYS.join(', ')}`);
  if (h.format !== 'pawtners-backup') return refuse('it is not a Pawtners backup');
  const v = h.schemaVersion;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1 || v > 999)
    return refuse('its schemaVersion is not a version number');
  if (typeof h.appVersion !== 'string' || !SEMVER.test(h.appVersion))
    return refuse('its appVersion is not a version');
  const at = h.exportedAt;
  if (typeof at !== 'string' || !ISO_INSTANT.test(at) || new Date(at).toISOString() !== at)
    return refuse('its exportedAt is not an ISO instant');
  const c = h.counts;
  if (typeof c !== 'object' || c === null || Array.isArray(c))
    return refuse('its counts are not an object');
  const entries = Object.entries(c);
  if (entries.length === 0 || entries.length > 64) return refuse('its counts list no tables');
  for (const [k, n] of entries) {
    if (!TABLE_NAME.test(k)) return refuse('its counts name an unknown table');
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0)
      return refuse(`its count of ${k} is not a whole number`);
  }
  return { ok: true, header: h as unknown as AutoBackupHeader };
}

const EMPTY = 'an empty database is not backed up automatically';

/** No partner and no order: never an automatic backup (it would rotate the good ones out). */
export function isEmptyBackup(header: AutoBackupHeader): boolean {
  return (header.counts.partners ?? 0) + (header.counts.orders ?? 0) === 0;
}

/**
 * The quick check of a backup the app has just written in this same window (a browser's parts,
 * never joined into one string): its header, not empty, and its closing.
 */
export function checkBackupEnds(head: string, tail: string): AutoBackupCheck {
  const h = checkBackupHead(head);
  if (!h.ok) return h;
  if (isEmptyBackup(h.header)) return refuse(EMPTY);
  const t = checkBackupTail(tail);
  return t ? refuse(t) : h;
}

/** Check the end of a backup (its last few characters, or all of it): why not, or null. */
export function checkBackupTail(tail: string): string | null {
  return tail.endsWith(CLOSING) ? null : 'it is cut off (the closing is missing)';
}

/**
 * Check a whole automatic backup before it is stored: the writer's header, every table of the
 * counts in order with exactly that many one-line records, the writer's closing; and not an empty
 * database (partners and orders both 0), so deleting everything cannot rotate the good copies
 * out. One pass over the text, no parse of the records.
 */
export function checkAutoBackupText(text: unknown): AutoBackupCheck {
  if (typeof text !== 'string') return refuse('it is not text');
  if (text.length > MAX_AUTO_BACKUP_CHARS) return refuse('it is larger than 512 MB');
  const head = checkBackupHead(text.slice(0, MAX_HEADER_CHARS));
  if (!head.ok) return head;
  const tail = checkBackupTail(text);
  if (tail) return refuse(tail);
  const { counts } = head.header;
  let pos = text.indexOf(DATA_OPENING) + DATA_OPENING.length;
  let first = true;
  for (const [table, expected] of Object.entries(counts)) {
    const opening = `${first ? '' : ','}${TABLE_INDENT}${JSON.stringify(table)}: [`;
    first = false;
    if (!text.startsWith(opening, pos)) return refuse(`the table ${table} is missing or misplaced`);
    pos += opening.length;
    let rows = 0;
    if (text.startsWith(']', pos)) {
      pos += 1;
    } else {
      // Each record is one line: `\n      {...}` then `,` when another follows, else `\n    ]`.
      for (;;) {
        if (!text.startsWith(`${ROW_INDENT}{`, pos))
          return refuse(`a record of ${table} is not where the writer puts it`);
        const eol = text.indexOf('\n', pos + ROW_INDENT.length);
        if (eol < 0) return refuse(`the table ${table} is cut off`);
        rows++;
        const more = text.charCodeAt(eol - 1) === 44; /* , */
        const last = text.charCodeAt(more ? eol - 2 : eol - 1);
        if (last !== 125 /* } */) return refuse(`a record of ${table} is cut off`);
        pos = eol;
        if (more) continue;
        if (!text.startsWith(`${TABLE_INDENT}]`, pos))
          return refuse(`the table ${table} is not closed`);
        pos += TABLE_INDENT.length + 1;
        break;
      }
    }
    if (rows !== expected)
      return refuse(`the table ${table} holds ${rows} records, its count says ${expected}`);
  }
  if (pos !== text.length - CLOSING.length) return refuse('there is more after the last table');
  return isEmptyBackup(head.header) ? refuse(EMPTY) : head;
}

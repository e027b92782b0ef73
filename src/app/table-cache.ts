/**
 * Whole-table reads that screens share while nothing changes: the Dashboard and the partner list
 * both want every partner and every rollup (several megabytes), and re-reading them each time the
 * screen opens cost half a second of decoding, much of it while the list was being scrolled.
 *
 * A table's rows are kept with the table's write generation; every committed write Dexie announces
 * (this window or another) bumps it, so a kept copy is never served after a change. Inside a live
 * query, every call also counts the table, which makes Dexie watch the whole table just as
 * toArray() would, so the query still re-runs on the next write when the rows came from the copy.
 *
 * The arrays are frozen and shared: callers must not change them or their rows.
 */
import Dexie from 'dexie';
import { getDb, type PawtnersDb } from '../db/db';
import { STARTUP_COPIES_STORE } from '../db/startup-copies';
import { unpackRollups, type PackedRollups } from '../domain/stats';
import { EARLY_DB_NAME, EARLY_TABLES, takeEarlyRead, type EarlyTable } from './early-read';

export type CachedTable = EarlyTable;

const generation = new Map<CachedTable, number>(EARLY_TABLES.map((t) => [t, 0]));
const kept = new Map<
  CachedTable,
  { db: PawtnersDb; generation: number; rows: readonly unknown[] }
>();
let early: Promise<void> | null = null;

function bump(table: CachedTable): void {
  generation.set(table, generation.get(table)! + 1);
  kept.delete(table);
}

// Part keys look like "idb://pawtners/partners/" or "idb://pawtners/partners/:dels"; "all" means
// everything may have changed (a page restored from the back-forward cache).
Dexie.on('storagemutated', (parts) => {
  for (const key of Object.keys(parts)) {
    if (key === 'all') {
      for (const t of EARLY_TABLES) bump(t);
      return;
    }
    const m = /^idb:\/\/([^/]+)\/([^/]+)\//.exec(key);
    if (!m || m[1] !== getDb().name) continue;
    if (generation.has(m[2] as CachedTable)) bump(m[2] as CachedTable);
    // A partial write (an edit here, an import in the worker, another window) dropped a copy:
    // write it again once the owner pauses, so the next start is fast too.
    if (m[2] === STARTUP_COPIES_STORE) restoreCopiesLater(getDb());
  }
});

/** Seed the kept copies with the rows read before the app loaded, if nothing was written since. */
function adoptEarlyRead(): Promise<void> {
  early ??= takeEarlyRead().then((rows) => {
    const db = getDb();
    if (!rows || db.name !== EARLY_DB_NAME) return;
    const { tables } = rows;
    if (rows.packedStats) tables.partnerStats = unpackRollups(rows.packedStats as PackedRollups);
    if (rows.copiesMissing) restoreCopiesLater(db);
    for (const t of EARLY_TABLES)
      if (generation.get(t) === 0)
        kept.set(t, { db, generation: 0, rows: Object.freeze(tables[t]) });
  });
  return early;
}

/**
 * How long after start-up, or after the last write that dropped one, the one-record copies are
 * written again.
 */
const RESTORE_COPIES_AFTER_MS = 3000;
let restoreTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * A write dropped a one-record copy of a table (src/db/startup-copies.ts), before this start (so
 * this start read the table) or since: write the copy again once the app is idle and no write has
 * come for a few seconds, for the next start. When nothing is missing this reads only the copies'
 * keys, and writes nothing.
 */
function restoreCopiesLater(db: PawtnersDb): void {
  const idle = globalThis.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 0));
  clearTimeout(restoreTimer);
  restoreTimer = setTimeout(
    () =>
      idle(
        () => {
          import('../db/startup-copies')
            .then(({ ensureStartupCopies }) => ensureStartupCopies(db))
            // Only a speed-up: if it fails (the window is closing, another version took over the
            // database), the next start reads the table and tries again.
            .catch(() => undefined);
        },
        { timeout: 10_000 },
      ),
    RESTORE_COPIES_AFTER_MS,
  );
}

/** How a table is read when there is no kept copy (default: one toArray()). */
export interface ReadOptions<T> {
  /** Read the rows some other way, e.g. in chunks so no single decoding task is long. */
  read?: () => Promise<T[]>;
  /** False when `read` stopped early (its screen has gone): partial rows are not kept. */
  complete?: () => boolean;
}

/**
 * Every row of `table`, from the kept copy when the table has not been written since it was read.
 * Use inside useLiveQuery like `db.table.toArray()`.
 */
export async function cachedRows<T>(
  table: CachedTable,
  opts: ReadOptions<T> = {},
): Promise<readonly T[]> {
  const db = getDb();
  // Asked first, while still inside the calling live query's context (awaiting a promise that is
  // not Dexie's may leave it): count() makes Dexie watch the whole table, kept copy or not.
  const watch = db.table(table).count();
  await adoptEarlyRead();
  const hit = kept.get(table);
  if (hit && hit.db === db && hit.generation === generation.get(table)) {
    await watch;
    return hit.rows as readonly T[];
  }
  const at = generation.get(table)!;
  const rows = Object.freeze(
    await (opts.read ? opts.read() : (db.table(table).toArray() as Promise<T[]>)),
  );
  await watch;
  if (generation.get(table) === at && (opts.complete?.() ?? true))
    kept.set(table, { db, generation: at, rows });
  return rows;
}

/** For tests: forget every kept copy. */
export function clearTableCache(): void {
  for (const t of EARLY_TABLES) bump(t);
}

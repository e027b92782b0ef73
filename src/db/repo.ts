import { generateSampleData, type DataSet } from '../domain/sample-data';
import { dateInZone } from '../domain/dates';
import { defaultSettings, SETTINGS_ID, type Settings } from '../domain/schemas';
import { buildAllStats } from '../domain/stats';
import type { EntityTable } from 'dexie';
import { DATA_TABLES, type DataTable, type PawtnersDb } from './db';
import { setTxFlags } from './core';
import { checkVersion } from './stale';
import { deferRollups, finishRollups } from './rollups';

export { newId } from './ids';

/** The stored settings row (undefined when the database is new). */
export async function storedSettings(db: PawtnersDb): Promise<Settings | undefined> {
  const row = await db.settings.get(SETTINGS_ID);
  return row && withNewFields(row);
}

/** A row written before a field existed (theme, logo) reads with that field's default. */
function withNewFields(row: Settings): Settings {
  return { ...defaultSettings(row.createdAt), ...row };
}

/**
 * A read that costs nothing and that a live query (useLiveQuery) runs again after any write to
 * any of `tables` (the whole primary-key range of each is observed): for work done outside the
 * live query, in the background, when those tables change.
 */
export async function tablesChangeProbe(
  db: PawtnersDb,
  tables: readonly DataTable[] | readonly string[],
): Promise<void> {
  await Promise.all(tables.map((t) => db.table(t).limit(1).primaryKeys()));
}

/**
 * The rows whose `index` holds any of `keys`, in index order, each row once: one index read per
 * key, all sent at once. Dexie's `anyOf` walks one cursor along the index instead, a request per
 * step; on disk, a walk over a hundred customers of 300,000 orders kept a read-only transaction on
 * `orders` open for up to 160 ms after its page was left, and a partner's save (whose transaction
 * takes in `orders` for the rollups) waited behind it.
 */
export async function rowsWithAnyOf<T extends { id: string }>(
  table: EntityTable<T, 'id'>,
  index: string,
  keys: readonly string[],
): Promise<T[]> {
  const sorted = [...new Set(keys)].sort();
  const parts = await Promise.all(sorted.map((k) => table.where(index).equals(k).toArray()));
  const seen = new Set<string>();
  const out: T[] = [];
  for (const part of parts)
    for (const row of part)
      if (!seen.has(row.id)) {
        seen.add(row.id);
        out.push(row);
      }
  return out;
}

/** The settings row, or defaults when the database is new. */
export async function readSettings(db: PawtnersDb): Promise<Settings> {
  const row = await db.settings.get(SETTINGS_ID);
  return row ? withNewFields(row) : defaultSettings(Date.now());
}

/**
 * Save settings. With `expectedUpdatedAt` (the version the form was filled from), a save over a
 * newer version written elsewhere is refused (StaleWriteError).
 */
export async function saveSettings(
  db: PawtnersDb,
  patch: Partial<Settings>,
  expectedUpdatedAt?: number,
): Promise<void> {
  await db.transaction('rw', [db.settings, db.orders], async () => {
    checkVersion('the settings', await db.settings.get(SETTINGS_ID), expectedUpdatedAt);
    const cur = await readSettings(db);
    // Customer keys are hashes made with the salt: a new salt would split every customer in two.
    if (
      patch.customerSalt !== undefined &&
      patch.customerSalt !== cur.customerSalt &&
      cur.customerSalt !== '' &&
      (await db.orders.count()) > 0
    )
      throw new Error('The customer salt cannot change while orders exist.');
    await db.settings.put({ ...cur, ...patch, id: SETTINGS_ID, updatedAt: Date.now() });
  });
}

/** Rows per bulkPut when writing a whole data set. */
const CHUNK = 5000;

/**
 * Write a whole data set in one transaction, replacing everything (all or nothing). Deleted rows
 * are not recorded as deletions: this is a fresh start (sample data, tests).
 */
export async function replaceAllData(db: PawtnersDb, data: DataSet): Promise<void> {
  const tz = data.settings[0]?.timeZone ?? defaultSettings(0).timeZone;
  const stats = buildAllStats(
    data.partners.map((p) => p.id),
    data.orders,
    data.contentItems,
    data.contracts,
    tz,
  );
  await db.transaction('rw', [...DATA_TABLES, 'deletions', 'partnerStats'], async () => {
    setTxFlags({ noDeletionRecords: true });
    deferRollups();
    for (const t of DATA_TABLES) {
      const table = db.table(t);
      await table.clear();
      const rows = data[t] as unknown[];
      for (let i = 0; i < rows.length; i += CHUNK) await table.bulkPut(rows.slice(i, i + CHUNK));
    }
    await db.deletions.clear();
    await db.deletions.bulkPut(data.deletions);
    await finishRollups({ discard: true, payouts: data.payouts });
    await db.partnerStats.clear();
    await db.partnerStats.bulkPut(stats);
  });
}

/** Fill the demo pet brand. Replaces any data already stored. */
export async function loadSampleData(db: PawtnersDb, now = Date.now()): Promise<void> {
  const today = dateInZone(now, 'America/New_York');
  await replaceAllData(db, generateSampleData(today, now));
}

/** Delete every record (recorded as deletions; the undo logs stay). */
export async function deleteAllData(db: PawtnersDb): Promise<void> {
  await db.transaction('rw', [...DATA_TABLES, 'deletions', 'partnerStats'], async () => {
    deferRollups();
    for (const t of DATA_TABLES) await db.table(t).clear();
    await finishRollups();
  });
}

/** Counts per table, for the dashboard and backup previews. */
export async function countAll(db: PawtnersDb): Promise<Record<DataTable, number>> {
  const entries = await Promise.all(
    DATA_TABLES.map(async (t) => [t, await db.table(t).count()] as const),
  );
  return Object.fromEntries(entries) as Record<DataTable, number>;
}

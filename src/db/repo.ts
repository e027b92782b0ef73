import { generateSampleData, type DataSet } from '../domain/sample-data';
import { dateInZone } from '../domain/dates';
import { defaultSettings, SETTINGS_ID, type Settings } from '../domain/schemas';
import { buildAllStats } from '../domain/stats';
import { DATA_STORES, DATA_TABLES, type PawtnersDb } from './db';
import { countOrders, isPaged, ORDER_TABLES, PAGED } from './order-pages';
import type { PagedTable } from './paged-store';

/** A new random record id. */
export function newId(): string {
  return crypto.randomUUID();
}

/** The settings row, or defaults when the database is new. */
export async function readSettings(db: PawtnersDb): Promise<Settings> {
  return (await db.settings.get(SETTINGS_ID)) ?? defaultSettings(Date.now());
}

export async function saveSettings(db: PawtnersDb, patch: Partial<Settings>): Promise<void> {
  await db.transaction('rw', [db.settings, ...ORDER_TABLES], async () => {
    const cur = await readSettings(db);
    // Customer keys are hashes made with the salt: a new salt would split every customer in two.
    if (
      patch.customerSalt !== undefined &&
      patch.customerSalt !== cur.customerSalt &&
      cur.customerSalt !== '' &&
      (await countOrders(db)) > 0
    )
      throw new Error('The customer salt cannot change while orders exist.');
    await db.settings.put({ ...cur, ...patch, id: SETTINGS_ID, updatedAt: Date.now() });
  });
}

/** Write a whole data set in one transaction, replacing everything (all or nothing). */
export async function replaceAllData(db: PawtnersDb, data: DataSet): Promise<void> {
  const tz = data.settings[0]?.timeZone ?? 'America/New_York';
  const stats = buildAllStats(
    data.partners.map((p) => p.id),
    data.orders,
    data.contentItems,
    data.contracts,
    tz,
  );
  await db.transaction('rw', [...DATA_STORES, 'partnerStats'], async () => {
    // replaceAll clears a paged table's live pages itself.
    for (const t of DATA_TABLES)
      if (isPaged(t)) await (PAGED[t] as unknown as PagedTable<AnyRow>).replaceAll(db, data[t]);
      else {
        await db.table(t).clear();
        await db.table(t).bulkPut(data[t]);
      }
    await db.partnerStats.clear();
    await db.partnerStats.bulkPut(stats);
  });
}

/** Fill the demo pet brand. Replaces any data already stored. */
export async function loadSampleData(db: PawtnersDb, now = Date.now()): Promise<void> {
  const today = dateInZone(now, 'America/New_York');
  await replaceAllData(db, generateSampleData(today, now));
}

/** Delete every record (the safety snapshots stay so the owner can still go back). */
export async function deleteAllData(db: PawtnersDb): Promise<void> {
  await db.transaction('rw', [...DATA_STORES, 'partnerStats'], () => clearData(db));
}

type AnyRow = { id: string; updatedAt: number };

/** Inside a transaction: empty every data table and the rollups. Paged tables clear only their
 * live pages: the page generations that safety snapshots keep must stay. */
async function clearData(db: PawtnersDb): Promise<void> {
  for (const t of DATA_TABLES)
    if (isPaged(t)) await PAGED[t].clear(db);
    else await db.table(t).clear();
  await db.partnerStats.clear();
}

/** Counts per table, for the dashboard and backup previews. */
export async function countAll(
  db: PawtnersDb,
): Promise<Record<(typeof DATA_TABLES)[number], number>> {
  const entries = await Promise.all(
    DATA_TABLES.map(
      async (t) => [t, isPaged(t) ? await PAGED[t].count(db) : await db.table(t).count()] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<(typeof DATA_TABLES)[number], number>;
}

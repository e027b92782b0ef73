/**
 * Reading the per-partner rollups (kept by src/db/rollups.ts), and rebuilding them all (repair).
 */
import { buildAllStats, type PartnerStats } from '../domain/stats';
import { defaultSettings, SETTINGS_ID } from '../domain/constants';
import type { PawtnersDb } from './db';

/** Every partner's rollup (2,000 small records at the large set). */
export function allPartnerStats(db: PawtnersDb): Promise<PartnerStats[]> {
  return db.partnerStats.toArray();
}

/** The rollups of some partners (undefined where none). */
export function partnerStatsOf(
  db: PawtnersDb,
  ids: readonly string[],
): Promise<(PartnerStats | undefined)[]> {
  return db.partnerStats.bulkGet([...ids]);
}

/** Rebuild every rollup from the stored rows (a repair; rollups normally follow every write). */
export async function rebuildAllStats(db: PawtnersDb): Promise<void> {
  await db.transaction(
    'rw',
    [db.settings, db.partners, db.orders, db.contentItems, db.contracts, db.partnerStats],
    async () => {
      const [settings, partners, orders, content, contracts] = await Promise.all([
        db.settings.get(SETTINGS_ID),
        db.partners.toCollection().primaryKeys(),
        db.orders.toArray(),
        db.contentItems.toArray(),
        db.contracts.toArray(),
      ]);
      const stats = buildAllStats(
        partners,
        orders,
        content,
        contracts,
        settings?.timeZone ?? defaultSettings(0).timeZone,
      );
      await db.partnerStats.clear();
      await db.partnerStats.bulkPut(stats);
    },
  );
}

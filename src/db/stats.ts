/**
 * Reading the per-partner rollups (kept by src/db/rollups.ts), and rebuilding them all (repair).
 */
import { buildAllStats, type PartnerStats } from '../domain/stats';
import { defaultSettings, SETTINGS_ID } from '../domain/constants';
import { paidPerPartner } from '../domain/payout-sums';
import { allCampaigns } from './content';
import type { PawtnersDb } from './db';
import { allBonuses, allBonusRules, allContracts, allPartners } from './partners';
import { allShipments } from './seeding';
import type { Bonus, BonusRule, Campaign, Contract, Partner, Shipment } from '../domain/schemas';
import { rebuildPayoutSums } from './payouts';

/** Every partner's rollup (2,000 small records at the large set). */
export function allPartnerStats(db: PawtnersDb): Promise<PartnerStats[]> {
  return db.partnerStats.toArray();
}

/** Milliseconds of a day. */
const DAY_MS = 86_400_000;

/**
 * What each partner has been paid in all (cents by partner id), for what is still owed: from the
 * payment sums (src/domain/payout-sums.ts, one small record per period end), never the payments.
 * With `currency`, only payments in it (a payment in another currency pays what was earned in
 * that currency, never what is owed in the brand's). A background read (not a live query) passes
 * `pace` (writesDone), awaited before it reads.
 */
export async function paidByPartner(
  db: PawtnersDb,
  currency?: string,
  pace?: () => Promise<void>,
): Promise<Map<string, number>> {
  if (pace) await pace();
  return paidPerPartner(await db.payoutSums.toArray(), currency);
}

/**
 * The known customers (customerKey) with an order placed before `beforeMs` that was not
 * cancelled: who was already a customer when a period began. Those orders are read a slice of
 * time at a time through the placedAtMs index, and only their keys are kept.
 */
export async function customersBefore(
  db: PawtnersDb,
  beforeMs: number,
  sliceMs = 92 * DAY_MS,
): Promise<Set<string>> {
  const out = new Set<string>();
  const first = await db.orders.orderBy('placedAtMs').first();
  if (!first) return out;
  for (let lo = first.placedAtMs; lo < beforeMs; lo += sliceMs) {
    const hi = Math.min(lo + sliceMs, beforeMs);
    const rows = await db.orders.where('placedAtMs').between(lo, hi, true, false).toArray();
    for (const o of rows) if (o.customerKey && o.status !== 'cancelled') out.add(o.customerKey);
  }
  return out;
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
  await rebuildPayoutSums(db);
}

/** One partner's rollup (undefined before the partner has any order or post). */
export function partnerStatsOf(
  db: PawtnersDb,
  partnerId: string,
): Promise<PartnerStats | undefined> {
  return db.partnerStats.get(partnerId);
}

/** What every period figure starts from: read by src/db/figures.ts, which shares one copy. */
export interface FiguresBase {
  partners: readonly Partner[];
  contracts: readonly Contract[];
  campaigns: readonly Campaign[];
  bonuses: readonly Bonus[];
  bonusRules: readonly BonusRule[];
  /** Gift shipments (product seeding), newest first. */
  shipments: readonly Shipment[];
  rollups: readonly PartnerStats[];
}

/**
 * The small tables the period figures start from (partners, contracts, campaigns, bonuses, bonus
 * rules, gift shipments) and every partner's rollup, in one snapshot: never the orders, content or
 * payouts themselves. Screens take it from figuresOf(db) (src/db/figures.ts), not from here.
 */
export function readFiguresBase(db: PawtnersDb): Promise<FiguresBase> {
  return db.transaction(
    'r',
    [
      db.partners,
      db.contracts,
      db.campaigns,
      db.bonuses,
      db.bonusRules,
      db.shipments,
      db.partnerStats,
    ],
    async () => {
      const [partners, contracts, campaigns, bonuses, bonusRules, shipments, rollups] =
        await Promise.all([
          allPartners(db),
          allContracts(db),
          allCampaigns(db),
          allBonuses(db),
          allBonusRules(db),
          allShipments(db),
          allPartnerStats(db),
        ]);
      return { partners, contracts, campaigns, bonuses, bonusRules, shipments, rollups };
    },
  );
}

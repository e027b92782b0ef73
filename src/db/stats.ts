/**
 * Keeping the per-partner rollups (src/domain/stats.ts) in step with the records. Every write of
 * orders, content items or contracts calls refreshPartnerStats() INSIDE its own transaction, whose
 * scope must include STATS_SOURCE_TABLES, so a rollup never disagrees with what is stored.
 */
import Dexie from 'dexie';
import { applyOrderDelta, buildPartnerStats, UNATTRIBUTED } from '../domain/stats';
import { defaultSettings, SETTINGS_ID, type Contract, type Order } from '../domain/schemas';
import { rebuildStatsInTransaction, STATS_SOURCE_TABLES, type PawtnersDb } from './db';
import { contentStore, forEachOrderPage } from './order-pages';

export { STATS_SOURCE_TABLES };

/**
 * Recompute the rollups of these partners (null = the unattributed orders) from the stored
 * records. Call it inside the transaction that changed them; it opens its own when there is none.
 * With `{ orders: false }` (only content changed) the order part of each rollup is kept as it is
 * and no order page is read.
 */
export async function refreshPartnerStats(
  db: PawtnersDb,
  partnerIds: Iterable<string | null>,
  opts: { orders?: boolean } = {},
): Promise<void> {
  const ids = [...new Set([...partnerIds].map((p) => p ?? UNATTRIBUTED))];
  if (ids.length === 0) return;
  await db.transaction('rw', [...STATS_SOURCE_TABLES], async () => {
    const tz = ((await db.settings.get(SETTINGS_ID)) ?? defaultSettings(0)).timeZone;
    const real = ids.filter((id) => id !== UNATTRIBUTED);
    const wanted = new Set(real);
    const [current, content, contracts] = await Promise.all([
      db.partnerStats.bulkGet(ids),
      contentStore.find(db, (c) => wanted.has(c.partnerId)),
      contractsOf(db, real),
    ]);
    const reuse = opts.orders === false && current.every((c) => c !== undefined);
    const orders = new Map<string, Order[]>(ids.map((id) => [id, []]));
    if (!reuse)
      // One pass over the order pages for all of them (orders have no partner index).
      await forEachOrderPage(db, (page) => {
        for (const o of page) orders.get(o.partnerId ?? UNATTRIBUTED)?.push(o);
      });
    const group = <T extends { partnerId: string }>(rows: readonly T[]) => {
      const m = new Map<string, T[]>();
      for (const r of rows) m.set(r.partnerId, [...(m.get(r.partnerId) ?? []), r]);
      return m;
    };
    const contentBy = group(content);
    const contractsBy = group(contracts);
    const out = ids.map((id, i) => {
      const built = buildPartnerStats(
        id,
        reuse ? [] : orders.get(id)!,
        contentBy.get(id) ?? [],
        contractsBy.get(id) ?? [],
        tz,
      );
      return reuse ? { ...built, orderDays: current[i]!.orderDays } : built;
    });
    await db.partnerStats.bulkPut(out);
  });
}

/** Partners' contracts from this many partners on are read all at once and filtered. */
const MANY_PARTNERS = 64;

/**
 * The contracts of these partners. For many partners one read of the whole (small) table beats
 * the index: anyOf walks it with a request per partner, and inside a big write each of those waits
 * behind the page writes queued before it. For a 100,000-row import touching 2,000 partners the
 * rollup update fell from 1.25-1.3 s to 0.58-0.61 s of the write.
 */
export function contractsOf(db: PawtnersDb, partnerIds: readonly string[]): Promise<Contract[]> {
  if (partnerIds.length < MANY_PARTNERS)
    return db.contracts.where('partnerId').anyOf(partnerIds).toArray();
  const wanted = new Set(partnerIds);
  return db.contracts.toArray().then((all) => all.filter((c) => wanted.has(c.partnerId)));
}

/** Drop the rollup of partners that no longer exist (call in the deleting transaction). */
export async function removePartnerStats(db: PawtnersDb, partnerIds: string[]): Promise<void> {
  await db.partnerStats.bulkDelete(partnerIds);
}

/** Rebuild every rollup from scratch (after a restore, a time-zone change, or to repair). */
export async function rebuildAllStats(db: PawtnersDb): Promise<void> {
  await db.transaction('rw', [...STATS_SOURCE_TABLES, 'partners'], async () => {
    await rebuildStatsInTransaction(Dexie.currentTransaction);
  });
}

/**
 * Update the rollups for an order write, by delta: `before` are the stored versions of the
 * written or deleted orders (undefined where new), `after` the versions written. Call it inside
 * the writing transaction.
 */
export async function applyOrderChangesToStats(
  db: PawtnersDb,
  before: readonly (Order | undefined)[],
  after: readonly Order[],
): Promise<void> {
  const removed = new Map<string, Order[]>();
  const added = new Map<string, Order[]>();
  const push = (m: Map<string, Order[]>, o: Order) => {
    const k = o.partnerId ?? UNATTRIBUTED;
    const l = m.get(k);
    if (l) l.push(o);
    else m.set(k, [o]);
  };
  for (const o of before) if (o) push(removed, o);
  for (const o of after) push(added, o);
  const ids = [...new Set([...removed.keys(), ...added.keys()])];
  if (ids.length === 0) return;
  await db.transaction('rw', [...STATS_SOURCE_TABLES], async () => {
    const tz = ((await db.settings.get(SETTINGS_ID)) ?? defaultSettings(0)).timeZone;
    const [current, contracts] = await Promise.all([
      db.partnerStats.bulkGet(ids),
      contractsOf(db, ids),
    ]);
    const byPartner = new Map<string, Contract[]>();
    for (const c of contracts)
      byPartner.set(c.partnerId, [...(byPartner.get(c.partnerId) ?? []), c]);
    const next = ids.map((id, i) =>
      applyOrderDelta(
        current[i],
        id,
        removed.get(id) ?? [],
        added.get(id) ?? [],
        byPartner.get(id) ?? [],
        tz,
      ),
    );
    await db.partnerStats.bulkPut(next);
  });
}

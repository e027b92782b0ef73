/** Payout repository: the records statements are built from, and recording payments. */
import { payoutSchema, type Payout } from '../domain/schemas';
import type { StatementData } from '../domain/payout-statements';
import type { PawtnersDb } from './db';
import {
  allOrders,
  CONTENT_TABLES,
  contentStore,
  ORDER_TABLES,
  PAYOUT_TABLES,
  payoutStore,
} from './order-pages';

/** Everything a statement needs, read in one transaction so the numbers agree. */
export async function readStatementData(db: PawtnersDb): Promise<StatementData> {
  return db.transaction(
    'r',
    [
      db.partners,
      db.contracts,
      ...ORDER_TABLES,
      ...CONTENT_TABLES,
      db.bonuses,
      db.bonusRules,
      ...PAYOUT_TABLES,
    ],
    async () => {
      const [partners, contracts, orders, content, bonuses, bonusRules, payouts] =
        await Promise.all([
          db.partners.toArray(),
          db.contracts.toArray(),
          allOrders(db),
          contentStore.all(db),
          db.bonuses.toArray(),
          db.bonusRules.toArray(),
          payoutStore.all(db),
        ]);
      return { partners, contracts, orders, content, bonuses, bonusRules, payouts };
    },
  );
}

/** Record payments (one or many, e.g. a bulk PayPal run) all or nothing. */
export async function recordPayouts(db: PawtnersDb, payouts: readonly Payout[]): Promise<void> {
  const valid = payouts.map((p) => {
    const r = payoutSchema.safeParse(p);
    if (!r.success)
      throw new Error(
        `Payment for ${p.partnerId} is not valid: ${r.error.issues[0]?.path.join('.')} ${r.error.issues[0]?.message}`,
      );
    return r.data;
  });
  await db.transaction('rw', [db.partners, ...PAYOUT_TABLES], async () => {
    for (const p of valid)
      if (!(await db.partners.get(p.partnerId))) throw new Error('That partner no longer exists.');
    await payoutStore.put(db, valid);
  });
}

/** Undo a recorded payment. */
export async function deletePayout(db: PawtnersDb, id: string): Promise<void> {
  await db.transaction('rw', [...PAYOUT_TABLES], () => payoutStore.put(db, [], [id]));
}

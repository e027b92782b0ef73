/** Payout repository: the records statements are built from, and recording payments. */
import { payoutSchema, type Payout } from '../domain/schemas';
import { buildPaidBuckets, type PaidBucket } from '../domain/payout-sums';
import type { StatementBasis, StatementData } from '../domain/payout-statements';
import type { PawtnersDb } from './db';
import { figuresOf, type FiguresBase } from './figures';

/**
 * Everything a statement needs, read in one transaction so the numbers agree. With `partnerIds`,
 * only those partners' orders, content and payouts are read (through the partner indexes).
 */
export async function readStatementData(
  db: PawtnersDb,
  partnerIds?: readonly string[],
): Promise<StatementData> {
  return db.transaction(
    'r',
    [db.partners, db.contracts, db.orders, db.contentItems, db.bonuses, db.bonusRules, db.payouts],
    async () => {
      const byPartner = <T>(
        table: 'orders' | 'contentItems' | 'payouts',
        index: string,
      ): Promise<T[]> =>
        partnerIds
          ? Promise.all(
              partnerIds.map(
                (id) =>
                  db
                    .table(table)
                    .where(index)
                    .between([id, -Infinity], [id, [[]]])
                    .toArray() as Promise<T[]>,
              ),
            ).then((x) => x.flat())
          : (db.table(table).toArray() as Promise<T[]>);
      const [partners, contracts, orders, content, bonuses, bonusRules, payouts] =
        await Promise.all([
          partnerIds ? db.partners.bulkGet([...partnerIds]) : db.partners.toArray(),
          partnerIds
            ? db.contracts
                .where('partnerId')
                .anyOf([...partnerIds])
                .toArray()
            : db.contracts.toArray(),
          byPartner<StatementData['orders'][number]>('orders', '[partnerId+placedAtMs]'),
          byPartner<StatementData['content'][number]>('contentItems', '[partnerId+plannedDate]'),
          partnerIds
            ? db.bonuses
                .where('partnerId')
                .anyOf([...partnerIds])
                .toArray()
            : db.bonuses.toArray(),
          db.bonusRules.toArray(),
          byPartner<Payout>('payouts', '[partnerId+paidDate]'),
        ]);
      return {
        partners: partners.filter((p) => p !== undefined),
        contracts,
        orders,
        content,
        bonuses,
        bonusRules,
        payouts,
      };
    },
  );
}

/** What a period's statements need besides the payments, from the shared figures. */
export function statementBasisOf(figures: FiguresBase): StatementBasis {
  const { partners, contracts, bonuses, bonusRules, rollups } = figures;
  return { partners, contracts, bonuses, bonusRules, stats: rollups };
}

/**
 * What a period's statements need besides the payments (rollups for the orders; all small), as
 * the Payouts screen gets it: the shared figures of src/db/figures.ts.
 */
export async function readStatementBasis(db: PawtnersDb): Promise<StatementBasis> {
  return statementBasisOf(await figuresOf(db).current());
}

/**
 * The payment sums a period's statements need (src/domain/payout-sums.ts): those of the periods
 * ending from `from` on, which hold the payments overlapping the period and those of the periods
 * ended in the lookback before it (domain/payout-carry.ts). A few records, whatever the number of
 * payments.
 */
export function paidBucketsFrom(db: PawtnersDb, from: string): Promise<PaidBucket[]> {
  return db.payoutSums.where('periodEnd').aboveOrEqual(from).toArray();
}

/**
 * The payment sums from `from` on (paidBucketsFrom) and, in the same snapshot, whether each of the
 * payments `ids()` names was stored (payments just recorded or undone on screen, shown before the
 * sums are read again: features/payouts/pending.ts). `ids` is asked inside the transaction, so a
 * payment written after it asked was not yet stored in this snapshot.
 */
export async function paidSnapshot(
  db: PawtnersDb,
  from: string,
  ids: () => readonly string[],
): Promise<{ buckets: PaidBucket[]; checked: Map<string, boolean> }> {
  return db.transaction('r', [db.payoutSums, db.payouts], async () => {
    const want = [...ids()];
    const [buckets, rows] = await Promise.all([
      paidBucketsFrom(db, from),
      want.length ? db.payouts.bulkGet(want) : Promise.resolve([]),
    ]);
    return { buckets, checked: new Map(want.map((id, i) => [id, rows[i] !== undefined])) };
  });
}

/** Sum every payment again (a repair; the sums normally follow every write of payouts). */
export async function rebuildPayoutSums(db: PawtnersDb): Promise<void> {
  await db.transaction('rw', [db.payouts, db.payoutSums], async () => {
    const buckets = buildPaidBuckets(await db.payouts.toArray());
    await db.payoutSums.clear();
    await db.payoutSums.bulkPut(buckets);
  });
}

/** The newest `limit` payments, newest first (by paid date). */
export function recentPayouts(db: PawtnersDb, limit: number): Promise<Payout[]> {
  return db.payouts.orderBy('paidDate').reverse().limit(limit).toArray();
}

export function countPayouts(db: PawtnersDb): Promise<number> {
  return db.payouts.count();
}

/** A partner's payments, oldest first. */
export function payoutsOfPartner(db: PawtnersDb, partnerId: string): Promise<Payout[]> {
  return db.payouts
    .where('[partnerId+paidDate]')
    .between([partnerId, ''], [partnerId, '\uffff'])
    .toArray();
}

export function allPayouts(db: PawtnersDb): Promise<Payout[]> {
  return db.payouts.toArray();
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
  await db.transaction('rw', [db.partners, db.payouts], async () => {
    const ids = [...new Set(valid.map((p) => p.partnerId))];
    const found = await db.partners.bulkGet(ids);
    if (found.some((p) => !p)) throw new Error('That partner no longer exists.');
    await db.payouts.bulkPut(valid);
  });
}

/** Undo a recorded payment. */
export async function deletePayout(db: PawtnersDb, id: string): Promise<void> {
  await db.payouts.delete(id);
}

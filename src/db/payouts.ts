/** Payout repository: the records statements are built from, and recording payments. */
import { payoutSchema, type Payout } from '../domain/schemas';
import type { DateRange } from '../domain/dates';
import type { StatementBasis, StatementData } from '../domain/payout-statements';
import type { PawtnersDb } from './db';

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

/** What a period's statements need besides the payments (rollups for the orders; all small). */
export async function readStatementBasis(db: PawtnersDb): Promise<StatementBasis> {
  return db.transaction(
    'r',
    [db.partners, db.contracts, db.bonuses, db.bonusRules, db.partnerStats],
    async () => {
      const [partners, contracts, bonuses, bonusRules, stats] = await Promise.all([
        db.partners.toArray(),
        db.contracts.toArray(),
        db.bonuses.toArray(),
        db.bonusRules.toArray(),
        db.partnerStats.toArray(),
      ]);
      return { partners, contracts, bonuses, bonusRules, stats };
    },
  );
}

/** Payments whose period overlaps [start, end] (YYYY-MM-DD): those a period's statements count. */
export async function payoutsOverlapping(db: PawtnersDb, range: DateRange): Promise<Payout[]> {
  return (await payoutsForStatements(db, range, range.start)).overlapping;
}

/**
 * What a period's statements read of the payments, in one range read of the periodEnd index (a
 * plain read: a filtered cursor costs a callback per row): those whose period overlaps `range`,
 * and those of periods that ended from `from` up to the day before it (set against what was
 * earned before, they give the overpayment the period carries in: domain/payout-carry.ts).
 */
export async function payoutsForStatements(
  db: PawtnersDb,
  range: DateRange,
  from: string,
): Promise<{ overlapping: Payout[]; earlier: Payout[] }> {
  const rows = await db.payouts.where('periodEnd').aboveOrEqual(from).toArray();
  const overlapping: Payout[] = [];
  const earlier: Payout[] = [];
  for (const p of rows)
    if (p.periodEnd < range.start) earlier.push(p);
    else if (p.periodStart <= range.end) overlapping.push(p);
  return { overlapping, earlier };
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

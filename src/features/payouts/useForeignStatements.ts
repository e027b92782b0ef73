/**
 * Statements in other currencies (issue 22): the commission earned on orders kept apart in their
 * own currency (useForeignCommission), what was paid in that currency, and the overpayment carried
 * in per currency. The orders behind an overpayment are read only for the currencies that had
 * payments in the months before the period (usually none).
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { ordersInCurrency } from '../../db/orders';
import { rangeMs } from '../../domain/currency-totals';
import { addDays, type DateRange } from '../../domain/dates';
import {
  foreignCarriedIn,
  foreignCarryStart,
  foreignKey,
  foreignStatements,
  partnerTerms,
  type ForeignStatement,
} from '../../domain/payout-foreign';
import { paidForStatements, type PaidBucket } from '../../domain/payout-sums';
import type { ForeignCommission, StatementBasis } from '../../domain/payout-statements';

export function useForeignStatements(args: {
  basis: StatementBasis | undefined;
  /** The period the figures are for, once read. */
  range: DateRange | undefined;
  /** Commission earned in other currencies in `range` (null until read). */
  earned: readonly ForeignCommission[] | null;
  /** Payment sums read for `range` (every currency), with those recorded here. */
  buckets: readonly PaidBucket[] | undefined;
  currency: string;
  timeZone: string;
}): ForeignStatement[] | null {
  const { basis, range, earned, buckets, currency, timeZone } = args;
  const paid = useMemo(
    () => (range && buckets ? paidForStatements(buckets, range, { except: currency }) : null),
    [range, buckets, currency],
  );
  // Per currency paid before the period: the days whose orders the overpayment is set against.
  const windows = useMemo(() => {
    if (!range || !paid) return null;
    const out: { currency: string; days: DateRange }[] = [];
    for (const c of new Set(paid.earlier.map((p) => p.currency))) {
      const start = foreignCarryStart(paid.earlier, c);
      if (start) out.push({ currency: c, days: { start, end: addDays(range.start, -1) } });
    }
    return out;
  }, [range, paid]);
  const windowKey = JSON.stringify(windows);
  const carryOrders = useLiveQuery(async () => {
    if (!windows) return undefined;
    const lists = await Promise.all(
      windows.map(async (w) => {
        const { fromMs, toMs } = rangeMs(w.days);
        return ordersInCurrency(getDb(), w.currency, fromMs, toMs);
      }),
    );
    return { key: windowKey, orders: lists.flat() };
  }, [windowKey]);
  return useMemo(() => {
    if (!basis || !range || !earned || !paid || !carryOrders || carryOrders.key !== windowKey)
      return null;
    const terms = partnerTerms(basis);
    const carried = new Map<string, number>();
    for (const c of new Set(paid.earlier.map((p) => p.currency)))
      for (const [id, cents] of foreignCarriedIn(
        paid.earlier,
        carryOrders.orders,
        terms,
        range,
        c,
        timeZone,
      ))
        carried.set(foreignKey(id, c), cents);
    const partners = new Map(basis.partners.map((p) => [p.id, p]));
    return foreignStatements(partners, earned, paid.overlapping, currency, carried);
  }, [basis, range, earned, paid, carryOrders, windowKey, currency, timeZone]);
}

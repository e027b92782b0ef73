/**
 * Commission on orders kept apart in another currency than the brand's (issue 22), for a period:
 * the statements take it out of the brand-currency figures and the screen shows it in its own
 * currency. Only those orders are read (usually none: one index jump finds that out).
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { ordersNotInCurrency } from '../../db/orders';
import { apartByPartner, foreignCurrencyTotals, rangeMs } from '../../domain/currency-totals';
import type { DateRange } from '../../domain/dates';
import { partnerTerms } from '../../domain/payout-foreign';
import { foreignCommissions, type StatementBasis } from '../../domain/payout-statements';

export function useForeignCommission(
  basis: StatementBasis | undefined,
  range: DateRange,
  currency: string,
  timeZone: string,
) {
  const orders = useLiveQuery(async () => {
    const { fromMs, toMs } = rangeMs(range);
    return { range, orders: await ordersNotInCurrency(getDb(), currency, fromMs, toMs) };
  }, [range, currency]);
  return useMemo(() => {
    if (!basis || !orders) return undefined;
    if (orders.orders.length === 0) return { range: orders.range, list: [], apart: new Map() };
    const terms = partnerTerms(basis);
    const args = [orders.orders, terms, orders.range, currency, timeZone] as const;
    return {
      range: orders.range,
      list: foreignCommissions(foreignCurrencyTotals(...args)),
      apart: apartByPartner(...args),
    };
  }, [basis, orders, currency, timeZone]);
}

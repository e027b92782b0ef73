import { useLiveQuery } from 'dexie-react-hooks';
import { convertedOrders } from '../../db/converted';
import { getDb } from '../../db/db';
import { ordersNotInCurrency } from '../../db/orders';
import { rangeMs } from '../../domain/currency-totals';
import type { DateRange } from '../../domain/dates';
import type { Order } from '../../domain/schemas';

/**
 * The orders of the period in other currencies than the brand's (kept apart at import), which the
 * comparison takes out of its figures and lists on their own; undefined while they are read. Only
 * those orders are read, by the [currency+placedAtMs] index: with none, one index jump.
 */
export function useApartOrders(range: DateRange, currency: string): Order[] | undefined {
  const { start, end } = range;
  return useLiveQuery(() => {
    const { fromMs, toMs } = rangeMs({ start, end });
    return ordersNotInCurrency(getDb(), currency, fromMs, toMs);
  }, [start, end, currency]);
}

/**
 * The orders of the period converted from another currency at import (in the figures; the screen
 * says so, with the rate). Read by the [fx.from+placedAtMs] index: with none, one index jump.
 */
export function useConvertedOrders(range: DateRange): Order[] | undefined {
  const { start, end } = range;
  return useLiveQuery(() => {
    const { fromMs, toMs } = rangeMs({ start, end });
    return convertedOrders(getDb(), fromMs, toMs);
  }, [start, end]);
}

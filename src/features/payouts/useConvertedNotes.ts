/**
 * Which Payouts figures include orders converted from another currency at import, and at what
 * rate (issue 22): for the period and per partner. Read once the statements are on screen, through
 * the index of converted orders (with none, one empty index jump).
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { convertedOrders } from '../../db/converted';
import { getDb } from '../../db/db';
import { convertedTotals, convertedWords, rangeMs } from '../../domain/currency-totals';
import { partnerTerms } from '../../domain/payout-foreign';
import type { DateRange } from '../../domain/dates';
import type { StatementBasis } from '../../domain/payout-statements';
import type { Order } from '../../domain/schemas';

export function useConvertedNotes(args: {
  ready: boolean;
  basis: StatementBasis | undefined;
  range: DateRange;
  timeZone: string;
  locale: string;
}): { all: string; byPartner: Map<string, string> } | null {
  const { ready, basis, range, timeZone, locale } = args;
  const read = useLiveQuery(async () => {
    if (!ready) return undefined;
    const { fromMs, toMs } = rangeMs(range);
    return { range, orders: await convertedOrders(getDb(), fromMs, toMs) };
  }, [ready, range]);
  return useMemo(() => {
    if (!basis || !read || read.range !== range || read.orders.length === 0) return null;
    const terms = partnerTerms(basis);
    const mine = new Map<string, Order[]>();
    for (const o of read.orders)
      if (o.partnerId) mine.set(o.partnerId, [...(mine.get(o.partnerId) ?? []), o]);
    const byPartner = new Map<string, string>();
    for (const [id, orders] of mine) {
      const words = convertedWords(convertedTotals(orders, terms, range, timeZone), locale);
      if (words) byPartner.set(id, words);
    }
    const all = convertedWords(convertedTotals(read.orders, terms, range, timeZone), locale);
    return all ? { all, byPartner } : null;
  }, [basis, read, range, timeZone, locale]);
}

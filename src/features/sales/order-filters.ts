/**
 * The Sales filters as an indexed query (src/db/orders.ts OrderQuery), what they select in
 * words, and the totals over the orders they select. Pure.
 */
import type { OrderQuery } from '../../db/orders';
import { addDays, dateInZone } from '../../domain/dates';
import { countsAsOrder, netRevenueCents } from '../../domain/earnings';
import { conversionWords } from '../../domain/money';
import type { Order, Partner } from '../../domain/schemas';

export interface Filters {
  from: string;
  to: string;
  /** '' = everyone, 'none' = unattributed, else a partner id. */
  partner: string;
  kind: '' | 'ambassador' | 'affiliate';
  status: string;
  method: '' | 'code' | 'referral' | 'manual' | 'none';
  /** Only the orders one of the totals counts (see ONLY_CHECK); '' = every selected order. */
  only: '' | OnlySet;
  /** A 3-letter currency code, or '' for every currency. */
  currency: string;
}

/** The sets of orders the totals count, so the rows can be filtered to exactly what a total sums. */
export type OnlySet = 'revenue' | 'counted' | 'refunds' | 'discounts' | 'credited';

/**
 * What each total counts, as one check per order: the totals below and the "Show" filter use the
 * same checks, so a total always equals the sum over the rows it offers to show.
 */
export const ONLY_CHECK: Record<OnlySet, (o: Order) => boolean> = {
  // Revenue: order totals less refunds; cancelled orders count zero.
  revenue: (o) => o.status !== 'cancelled',
  counted: (o) => countsAsOrder(o),
  refunds: (o) => o.status !== 'cancelled' && o.refundedCents > 0,
  discounts: (o) => o.status !== 'cancelled' && o.discountCents > 0,
  credited: (o) => o.partnerId !== null,
};

export const ONLY_WORDS: Record<OnlySet, string> = {
  revenue: 'not cancelled (counted in revenue)',
  counted: 'not cancelled or fully refunded',
  refunds: 'with a refund, not cancelled',
  discounts: 'with a discount, not cancelled',
  credited: 'credited to a partner',
};

export const NO_FILTERS: Filters = {
  from: '',
  to: '',
  partner: '',
  kind: '',
  status: '',
  method: '',
  only: '',
  currency: '',
};

const DAY_MS = 86_400_000;

/**
 * The first instant whose calendar date in `timeZone` is `date` (YYYY-MM-DD) or later: the
 * lower bound of that day, whatever the zone's offset or clock change that day.
 */
export function dayStartMs(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(0);
  t.setUTCFullYear(y!, m! - 1, d!);
  const utc = t.getTime();
  if (!Number.isFinite(utc)) return NaN;
  // Every zone is within a day of UTC: search the two days around UTC midnight.
  let lo = utc - 2 * DAY_MS; // date there is before `date`
  let hi = utc + 2 * DAY_MS; // date there is `date` or later
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dateInZone(mid, timeZone) >= date) hi = mid;
    else lo = mid;
  }
  return hi;
}

const METHOD_CHECK: Record<Exclude<Filters['method'], ''>, (o: Order) => boolean> = {
  code: (o) => o.attribution?.method === 'code',
  referral: (o) => o.attribution?.method === 'referral',
  manual: (o) => o.attribution?.method === 'manual',
  none: (o) => o.attribution === null,
};

/**
 * The filters as a query: the dates (in the brand's time zone) and the partner go to the index,
 * kind, status and attribution are checked on each order the index range yields.
 */
export function orderQueryOf(
  f: Filters,
  partners: readonly Pick<Partner, 'id' | 'kind'>[],
  timeZone: string,
): OrderQuery {
  const q: OrderQuery = {};
  if (f.from) q.fromMs = dayStartMs(f.from, timeZone);
  if (f.to) q.toMs = dayStartMs(addDays(f.to, 1), timeZone) - 1;
  if (f.partner === 'none') q.partnerId = null;
  else if (f.partner) q.partnerId = f.partner;
  const checks: ((o: Order) => boolean)[] = [];
  if (f.kind) {
    const ids = new Set(partners.filter((p) => p.kind === f.kind).map((p) => p.id));
    checks.push((o) => o.partnerId !== null && ids.has(o.partnerId));
  }
  if (f.status) checks.push((o) => o.status === f.status);
  if (f.method) checks.push(METHOD_CHECK[f.method]);
  if (f.only) checks.push(ONLY_CHECK[f.only]);
  if (f.currency) checks.push((o) => o.currency === f.currency);
  if (checks.length === 1) q.keep = checks[0];
  else if (checks.length > 1) q.keep = (o) => checks.every((c) => c(o));
  return q;
}

const KIND_WORDS = { ambassador: 'brand ambassadors', affiliate: 'micro-affiliates' } as const;
const METHOD_WORDS = {
  code: 'credited by code',
  referral: 'credited by referral / UTM',
  manual: 'credited by hand',
  none: 'not credited',
} as const;

/** What the filters select, in words ("placed 2024-05-01 to 2024-05-31 · Maya Chen"), or null. */
export function describeFilters(
  f: Filters,
  partners: ReadonlyMap<string, Pick<Partner, 'name'>>,
): string | null {
  const parts: string[] = [];
  if (f.from && f.to) parts.push(`placed ${f.from} to ${f.to}`);
  else if (f.from) parts.push(`placed on or after ${f.from}`);
  else if (f.to) parts.push(`placed on or before ${f.to}`);
  if (f.partner === 'none') parts.push('credited to nobody');
  else if (f.partner)
    parts.push(`credited to ${partners.get(f.partner)?.name ?? 'a deleted partner'}`);
  if (f.kind) parts.push(KIND_WORDS[f.kind]);
  if (f.status) parts.push(`status ${f.status}`);
  if (f.method) parts.push(METHOD_WORDS[f.method]);
  if (f.only) parts.push(ONLY_WORDS[f.only]);
  if (f.currency) parts.push(`in ${f.currency}`);
  return parts.length ? parts.join(' · ') : null;
}

/** The money of the selected orders in one currency (amounts in that currency's cents). */
export interface CurrencyTotals {
  /** Orders in this currency. */
  orders: number;
  /** Order totals less refunds; cancelled orders count zero. */
  revenue: number;
  /** Refunds on orders that were not cancelled. */
  refunded: number;
  /** Discounts on orders that were not cancelled. */
  discounts: number;
}

/**
 * The figures above the list, over every order the filters select. Each count is of one set in
 * ONLY_CHECK; money is per currency, never added across currencies.
 */
export interface OrderTotals {
  /** Orders selected. */
  orders: number;
  /** Of those, the orders in each set of ONLY_CHECK. */
  sets: Record<OnlySet, number>;
  /** Money per currency, in the order the currencies were first met. */
  byCurrency: Map<string, CurrencyTotals>;
  /** Orders converted at import, per rate ("converted at 1 EUR = 1.08 USD" -> orders). */
  converted: Map<string, number>;
}

export const emptyTotals = (): OrderTotals => ({
  orders: 0,
  sets: { revenue: 0, counted: 0, refunds: 0, discounts: 0, credited: 0 },
  byCurrency: new Map(),
  converted: new Map(),
});

const ONLY_SETS = Object.keys(ONLY_CHECK) as OnlySet[];

/** Add a chunk of orders to running totals (in place). */
export function addToTotals(t: OrderTotals, orders: readonly Order[]): void {
  for (const o of orders) {
    t.orders += 1;
    for (const k of ONLY_SETS) if (ONLY_CHECK[k](o)) t.sets[k] += 1;
    let c = t.byCurrency.get(o.currency);
    if (!c)
      t.byCurrency.set(o.currency, (c = { orders: 0, revenue: 0, refunded: 0, discounts: 0 }));
    c.orders += 1;
    c.revenue += netRevenueCents(o);
    if (ONLY_CHECK.refunds(o)) c.refunded += o.refundedCents;
    if (ONLY_CHECK.discounts(o)) c.discounts += o.discountCents;
    if (o.fx) {
      const words = conversionWords(o.fx, o.currency);
      t.converted.set(words, (t.converted.get(words) ?? 0) + 1);
    }
  }
}

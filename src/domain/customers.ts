/**
 * What partners build over time: customers they acquired, how often those come back, and the value
 * they bring (docs/metrics.md; the seed judges ambassadors by lifetime value and awareness, and
 * hyperlocal partners by regional sales). Pure functions over orders; customers are known only by
 * a salted hash (customerKey); orders without one are anonymous and never merged.
 */
import { addDays, daysBetween, type DateRange } from './dates';
import { netRevenueCents, orderDate } from './earnings';
import type { Order, Partner } from './schemas';

type OrderLike = Pick<
  Order,
  | 'id'
  | 'placedAtMs'
  | 'customerKey'
  | 'partnerId'
  | 'status'
  | 'totalCents'
  | 'refundedCents'
  | 'region'
>;

export interface Acquisition {
  customerKey: string;
  /** The partner credited with the customer's first order, or null (organic). */
  partnerId: string | null;
  firstDate: string;
  /** The customer's later orders' dates (not cancelled), oldest first. */
  laterDates: string[];
  /** Net revenue of all the customer's orders by date, for lifetime value. */
  revenueByDate: { date: string; cents: number }[];
}

/** One entry per known customer: who acquired them, and what they bought afterwards. */
export function acquisitions(
  orders: readonly OrderLike[],
  timeZone: string,
): Map<string, Acquisition> {
  const byCustomer = new Map<string, OrderLike[]>();
  for (const o of orders) {
    if (!o.customerKey || o.status === 'cancelled') continue;
    const list = byCustomer.get(o.customerKey);
    if (list) list.push(o);
    else byCustomer.set(o.customerKey, [o]);
  }
  const out = new Map<string, Acquisition>();
  for (const [key, list] of byCustomer) {
    list.sort((a, b) => a.placedAtMs - b.placedAtMs || a.id.localeCompare(b.id));
    const first = list[0]!;
    out.set(key, {
      customerKey: key,
      partnerId: first.partnerId,
      firstDate: orderDate(first, timeZone),
      laterDates: list.slice(1).map((o) => orderDate(o, timeZone)),
      revenueByDate: list.map((o) => ({ date: orderDate(o, timeZone), cents: netRevenueCents(o) })),
    });
  }
  return out;
}

export interface CustomerValue {
  /** Customers whose first order falls in the range. */
  newCustomers: number;
  /** Share of eligible customers who ordered again within N days; null with fewer than `minCustomers`. */
  repeatRate: Record<90 | 180 | 365, number | null>;
  /** Customers whose N-day window has fully passed by `today` (the denominator of repeatRate). */
  eligible: Record<90 | 180 | 365, number>;
  /** Net revenue of the acquired customers within `windowDays` of their first order, up to today. */
  lifetimeValueCents: number;
  /** lifetimeValueCents / newCustomers, or null without customers. */
  valuePerCustomerCents: number | null;
}

export const REPEAT_WINDOWS = [90, 180, 365] as const;
export const MIN_CUSTOMERS_FOR_RATE = 5;

/** Value of the customers acquired in `range` by the partners that `accept` selects. */
export function customerValue(
  acq: Iterable<Acquisition>,
  accept: (partnerId: string | null) => boolean,
  range: DateRange,
  today: string,
  windowDays = 365,
  minCustomers = MIN_CUSTOMERS_FOR_RATE,
): CustomerValue {
  let newCustomers = 0;
  let ltv = 0;
  const eligible = { 90: 0, 180: 0, 365: 0 };
  const repeated = { 90: 0, 180: 0, 365: 0 };
  for (const a of acq) {
    if (!accept(a.partnerId) || a.firstDate < range.start || a.firstDate > range.end) continue;
    newCustomers += 1;
    const windowEnd = addDays(a.firstDate, windowDays);
    for (const r of a.revenueByDate) if (r.date <= windowEnd && r.date <= today) ltv += r.cents;
    for (const w of REPEAT_WINDOWS) {
      if (daysBetween(a.firstDate, today) < w) continue;
      eligible[w] += 1;
      const limit = addDays(a.firstDate, w);
      if (a.laterDates.some((d) => d <= limit)) repeated[w] += 1;
    }
  }
  const rate = (w: 90 | 180 | 365) =>
    eligible[w] >= minCustomers ? repeated[w] / eligible[w] : null;
  return {
    newCustomers,
    repeatRate: { 90: rate(90), 180: rate(180), 365: rate(365) },
    eligible,
    lifetimeValueCents: ltv,
    valuePerCustomerCents: newCustomers > 0 ? Math.round(ltv / newCustomers) : null,
  };
}

export interface CohortRow {
  /** Month of acquisition `YYYY-MM`. */
  month: string;
  size: number;
  /** retained[k] = share of the cohort with an order k months after the acquisition month (k >= 1). */
  retained: (number | null)[];
}

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** Cohort retention by month of acquisition; null where that month is still in the future. */
export function cohorts(
  acq: Iterable<Acquisition>,
  accept: (partnerId: string | null) => boolean,
  today: string,
  months = 12,
): CohortRow[] {
  const rows = new Map<string, { size: number; hits: number[] }>();
  for (const a of acq) {
    if (!accept(a.partnerId)) continue;
    const m = a.firstDate.slice(0, 7);
    const row = rows.get(m) ?? { size: 0, hits: new Array<number>(months + 1).fill(0) };
    row.size += 1;
    const seen = new Set<number>();
    for (const d of a.laterDates) {
      const k = monthIndex(d) - monthIndex(a.firstDate);
      if (k >= 1 && k <= months && !seen.has(k)) {
        seen.add(k);
        row.hits[k]! += 1;
      }
    }
    rows.set(m, row);
  }
  const nowIdx = monthIndex(today);
  return [...rows.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, r]) => ({
      month,
      size: r.size,
      retained: Array.from({ length: months }, (_, i) =>
        monthIndex(`${month}-01`) + i + 1 > nowIdx ? null : r.hits[i + 1]! / r.size,
      ),
    }));
}

export interface RegionRow {
  key: string;
  country: string;
  province: string;
  city: string;
  orders: number;
  revenueCents: number;
  newCustomers: number;
}

/** Orders, revenue and new customers by region (city level) in a range. */
export function byRegion(
  orders: readonly OrderLike[],
  acq: Map<string, Acquisition>,
  range: DateRange,
  timeZone: string,
): RegionRow[] {
  const rows = new Map<string, RegionRow>();
  for (const o of orders) {
    if (o.status === 'cancelled') continue;
    const day = orderDate(o, timeZone);
    if (day < range.start || day > range.end) continue;
    const { country, province, city } = o.region;
    const key = [country, province, city].join('|');
    const row = rows.get(key) ?? {
      key,
      country,
      province,
      city,
      orders: 0,
      revenueCents: 0,
      newCustomers: 0,
    };
    row.orders += 1;
    row.revenueCents += netRevenueCents(o);
    if (o.customerKey && acq.get(o.customerKey)?.firstDate === day) row.newCustomers += 1;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.revenueCents - a.revenueCents);
}

export interface RegionalUplift {
  during: DateRange;
  before: DateRange;
  duringCents: number;
  beforeCents: number;
  /** (during - before) / before; null when there were no sales before. An estimate, not causation. */
  uplift: number | null;
}

/**
 * Sales in a partner's region while it was active vs the same number of days just before.
 * `inRegion` decides which orders belong to the region (e.g. same city and state).
 */
export function regionalUplift(
  orders: readonly OrderLike[],
  inRegion: (o: OrderLike) => boolean,
  active: DateRange,
  timeZone: string,
): RegionalUplift {
  const days = daysBetween(active.start, active.end) + 1;
  const before = { start: addDays(active.start, -days), end: addDays(active.start, -1) };
  let duringCents = 0;
  let beforeCents = 0;
  for (const o of orders) {
    if (!inRegion(o)) continue;
    const d = orderDate(o, timeZone);
    if (d >= active.start && d <= active.end) duringCents += netRevenueCents(o);
    else if (d >= before.start && d <= before.end) beforeCents += netRevenueCents(o);
  }
  return {
    during: active,
    before,
    duringCents,
    beforeCents,
    uplift: beforeCents > 0 ? (duringCents - beforeCents) / beforeCents : null,
  };
}

/** Brand follower counts by month for one platform, oldest first (for the awareness chart). */
export function followerSeries(
  rows: readonly { platform: string; month: string; followers: number }[],
): Map<string, { month: string; followers: number }[]> {
  const out = new Map<string, { month: string; followers: number }[]>();
  for (const r of rows) {
    const list = out.get(r.platform) ?? [];
    list.push({ month: r.month, followers: r.followers });
    out.set(r.platform, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.month.localeCompare(b.month));
  return out;
}

/** ROI counted on attributed (first-order) revenue, and on the acquired customers' lifetime value. */
export interface RoiTwoWays {
  costCents: number;
  attributedRevenueCents: number;
  lifetimeValueCents: number;
  firstOrderRoi: number | null;
  lifetimeRoi: number | null;
  windowDays: number;
}

export function roiTwoWays(
  costCents: number,
  attributedRevenueCents: number,
  lifetimeValueCents: number,
  windowDays: number,
): RoiTwoWays {
  const r = (rev: number) => (costCents > 0 ? (rev - costCents) / costCents : null);
  return {
    costCents,
    attributedRevenueCents,
    lifetimeValueCents,
    firstOrderRoi: r(attributedRevenueCents),
    lifetimeRoi: r(lifetimeValueCents),
    windowDays,
  };
}

/** Whether an order's shipping address is in a partner's city (and state or province, when set). */
export function inPartnerCity(
  p: Pick<Partner, 'location'>,
): (o: { region: { city: string; province: string } }) => boolean {
  const city = p.location.city.toLowerCase();
  const region = p.location.region.toLowerCase();
  return (o) =>
    o.region.city.toLowerCase() === city && (!region || o.region.province.toLowerCase() === region);
}

/**
 * A hyperlocal partner's uplift: ITS OWN attributed sales in its city while active, against the
 * stated baseline of its own attributed sales there in the same number of days just before.
 * Never the whole city's revenue: two partners in one city each count only what was credited to
 * them, so no sale is claimed twice.
 */
export function hyperlocalUplift(
  orders: readonly OrderLike[],
  partner: Pick<Partner, 'id' | 'location'>,
  active: DateRange,
  timeZone: string,
): RegionalUplift {
  const here = inPartnerCity(partner);
  return regionalUplift(orders, (o) => o.partnerId === partner.id && here(o), active, timeZone);
}

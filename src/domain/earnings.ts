/**
 * What a partner earns and costs in a period, and the revenue credited to them, following
 * docs/metrics.md. Pure: records in, integer cents out. Used by Payouts (statements), Compare and
 * the partner pages, so every screen agrees on the same numbers.
 */
import { activeContractAt } from './contracts';
import { dateInZone, dayNumber, daysInMonth, overlapDays, type DateRange } from './dates';
import { percentOf, prorate } from './money';
import type { Bonus, BonusRule, ContentItem, Contract, Order, PartnerKind } from './schemas';

export interface EarningsOptions {
  /** The brand's time zone: an order counts on the calendar day it was placed there. */
  timeZone: string;
  /** Count discounts given through the partner's code as a cost of that partner. */
  countDiscountAsCost: boolean;
}

/** One partner's records. Orders are the ones credited to this partner (any date). */
export interface PartnerRecords {
  kind: PartnerKind;
  contracts: readonly Contract[];
  orders: readonly Order[];
  content: readonly ContentItem[];
  bonuses: readonly Bonus[];
  bonusRules: readonly BonusRule[];
  /** Product gifted to the partner, one entry per shipment that has left (src/domain/seeding.ts). */
  gifts?: readonly GiftCost[];
}

/** What one gift shipment adds to a partner's cost, on its ship date. */
export interface GiftCost {
  date: string;
  /** Products at unit cost plus shipping. */
  costCents: number;
  /** Products at retail price: shown beside the cost, never added to it. */
  retailCents: number;
}

export interface Earnings {
  /** Attributed revenue: order totals net of refunds; cancelled orders count zero. */
  revenueCents: number;
  /** Attributed orders that were not cancelled or fully refunded. */
  orders: number;
  commissionCents: number;
  retainerCents: number;
  /** Flat fees of published posts. */
  feesCents: number;
  bonusCents: number;
  /** Product perks (gifted product at cost). */
  perksCents: number;
  /** Discounts given through the partner's codes (only when counted as cost). */
  discountCents: number;
  /** Gifted product (seeding) at unit cost plus shipping, by ship date. */
  giftedCents: number;
  /** The same gifts at retail price (shown beside the cost; not a cost). */
  giftedRetailCents: number;
  /** Money owed to the partner: commission + retainer + fees + bonuses. */
  payableCents: number;
  /** Total cost of the partnership: payable + perks + gifted product + counted discounts. */
  costCents: number;
}

/** The calendar day of an order in the brand's time zone. */
export function orderDate(order: Pick<Order, 'placedAtMs'>, timeZone: string): string {
  return dateInZone(order.placedAtMs, timeZone);
}

/** Revenue of one order: total net of refunds, zero when cancelled. */
export function netRevenueCents(
  order: Pick<Order, 'status' | 'totalCents' | 'refundedCents'>,
): number {
  if (order.status === 'cancelled') return 0;
  return Math.max(0, order.totalCents - order.refundedCents);
}

/** Whether an order counts as an order (for CPA, AOV): not cancelled and not fully refunded. */
export function countsAsOrder(
  order: Pick<Order, 'status' | 'totalCents' | 'refundedCents'>,
): boolean {
  return order.status !== 'cancelled' && order.status !== 'refunded' && netRevenueCents(order) > 0;
}

/**
 * Commission of one order under a contract: rate x base (subtotal or total), reversed in
 * proportion to the refunded share of the total; cancelled orders earn nothing.
 */
export function orderCommissionCents(
  order: Pick<Order, 'status' | 'subtotalCents' | 'totalCents' | 'refundedCents'>,
  contract: Pick<Contract, 'commissionRate' | 'commissionBase'> | null,
): number {
  if (!contract || order.status === 'cancelled' || contract.commissionRate === 0) return 0;
  const base = contract.commissionBase === 'subtotal' ? order.subtotalCents : order.totalCents;
  const gross = percentOf(base, contract.commissionRate);
  if (order.totalCents <= 0) return gross;
  const refunded = Math.min(order.refundedCents, order.totalCents);
  return gross - prorate(gross, refunded, order.totalCents);
}

interface Period {
  start: string;
  end: string;
  days: number;
}

function periodsOf(kind: Contract['retainerPeriod'], range: DateRange): Period[] {
  const months = kind === 'monthly' ? 1 : kind === 'quarterly' ? 3 : 12;
  const out: Period[] = [];
  const [sy, sm] = range.start.split('-').map(Number) as [number, number];
  // Align to calendar periods: months, quarters (Jan/Apr/Jul/Oct) or years.
  let y = sy;
  let m = months === 1 ? sm : months === 3 ? Math.floor((sm - 1) / 3) * 3 + 1 : 1;
  for (;;) {
    const start = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
    if (start > range.end) break;
    let ey = y;
    let em = m + months - 1;
    if (em > 12) {
      ey += 1;
      em -= 12;
    }
    const end = `${String(ey).padStart(4, '0')}-${String(em).padStart(2, '0')}-${String(daysInMonth(ey, em)).padStart(2, '0')}`;
    out.push({ start, end, days: overlapDays({ start, end }, { start, end }) });
    m += months;
    if (m > 12) {
      y += 1;
      m -= 12;
    }
  }
  return out;
}

function contractSpan(
  c: Pick<Contract, 'startDate' | 'endDate'>,
  range: DateRange,
): DateRange | null {
  const start = c.startDate > range.start ? c.startDate : range.start;
  const end = c.endDate !== null && c.endDate < range.end ? c.endDate : range.end;
  return start <= end ? { start, end } : null;
}

/** An amount per period, accrued for the days of `range` the contract was active. */
function accrue(
  c: Pick<Contract, 'startDate' | 'endDate'>,
  amountCents: number,
  period: Contract['retainerPeriod'],
  range: DateRange,
): number {
  if (amountCents === 0) return 0;
  const span = contractSpan(c, range);
  if (!span) return 0;
  // Fast path (Compare's monthly series): a monthly amount over days of one calendar month.
  if (period === 'monthly' && span.start.slice(0, 7) === span.end.slice(0, 7)) {
    const [y, m] = span.start.split('-').map(Number) as [number, number];
    return prorate(amountCents, dayNumber(span.end) - dayNumber(span.start) + 1, daysInMonth(y, m));
  }
  let total = 0;
  for (const p of periodsOf(period, span))
    total += prorate(amountCents, overlapDays(p, span), p.days);
  return total;
}

/** Retainer/salary accrued in `range` (per calendar period, prorated by active days). */
export function accruedRetainerCents(c: Contract, range: DateRange): number {
  return accrue(c, c.retainerCents, c.retainerPeriod, range);
}

/** Perks (product value per month) accrued in `range`. */
export function accruedPerksCents(c: Contract, range: DateRange): number {
  return accrue(c, c.perksCentsPerMonth, 'monthly', range);
}

const inRange = (d: string, r: DateRange) => d >= r.start && d <= r.end;

/** Whole calendar months inside `range`, as ranges. */
function wholeMonths(range: DateRange): DateRange[] {
  return periodsOf('monthly', range).filter((p) => p.start >= range.start && p.end <= range.end);
}

/**
 * Manual bonuses dated in `range`, plus milestone rules: each whole calendar month inside `range`
 * whose attributed revenue (`revenueByMonth`, keyed YYYY-MM) reaches a rule's threshold.
 */
export function bonusesCents(
  rec: Pick<PartnerRecords, 'kind' | 'bonuses' | 'bonusRules'>,
  range: DateRange,
  revenueByMonth: ReadonlyMap<string, number>,
): number {
  let total = 0;
  for (const b of rec.bonuses) if (inRange(b.date, range)) total += b.amountCents;
  if (rec.bonusRules.length === 0) return total;
  for (const rule of rec.bonusRules) {
    if (!rule.active || (rule.kind !== null && rule.kind !== rec.kind)) continue;
    for (const m of wholeMonths(range)) {
      if ((revenueByMonth.get(m.start.slice(0, 7)) ?? 0) >= rule.minMonthlyRevenueCents)
        total += rule.bonusCents;
    }
  }
  return total;
}

/** Everything a partner earned and cost in `range`, and the revenue credited to them. */
export function partnerEarnings(
  rec: PartnerRecords,
  range: DateRange,
  opts: EarningsOptions,
): Earnings {
  let revenueCents = 0;
  let orders = 0;
  let commissionCents = 0;
  let discountCents = 0;
  const revenueByMonth = new Map<string, number>();
  for (const o of rec.orders) {
    const day = orderDate(o, opts.timeZone);
    if (!inRange(day, range)) continue;
    const net = netRevenueCents(o);
    revenueCents += net;
    revenueByMonth.set(day.slice(0, 7), (revenueByMonth.get(day.slice(0, 7)) ?? 0) + net);
    if (countsAsOrder(o)) orders += 1;
    commissionCents += orderCommissionCents(o, activeContractAt(rec.contracts, day));
    if (opts.countDiscountAsCost && o.status !== 'cancelled') discountCents += o.discountCents;
  }
  let retainerCents = 0;
  let perksCents = 0;
  for (const c of rec.contracts) {
    retainerCents += accruedRetainerCents(c, range);
    perksCents += accruedPerksCents(c, range);
  }
  let feesCents = 0;
  for (const item of rec.content) {
    if (item.status === 'published' && inRange(item.plannedDate, range))
      feesCents += item.costCents;
  }
  const bonusCents = bonusesCents(rec, range, revenueByMonth);
  return withTotals({
    revenueCents,
    orders,
    commissionCents,
    retainerCents,
    feesCents,
    bonusCents,
    perksCents,
    discountCents,
    ...giftedIn(rec.gifts, range),
  });
}

/** Gifted product shipped in `range`: at cost (plus shipping), and at retail beside it. */
export function giftedIn(
  gifts: readonly GiftCost[] | undefined,
  range: DateRange,
): { giftedCents: number; giftedRetailCents: number } {
  let giftedCents = 0;
  let giftedRetailCents = 0;
  for (const g of gifts ?? []) {
    if (!inRange(g.date, range)) continue;
    giftedCents += g.costCents;
    giftedRetailCents += g.retailCents;
  }
  return { giftedCents, giftedRetailCents };
}

/**
 * Complete the parts with what is payable (cash to the partner) and the total cost. The one place
 * a partner's payable and cost are composed from their parts: every path (this file, the rollup
 * fast path in period-sums.ts) ends here, so a new kind of cost is added once, here and in Earnings.
 */
export function withTotals(parts: Omit<Earnings, 'payableCents' | 'costCents'>): Earnings {
  const payableCents =
    parts.commissionCents + parts.retainerCents + parts.feesCents + parts.bonusCents;
  return {
    ...parts,
    payableCents,
    costCents: payableCents + parts.perksCents + parts.giftedCents + parts.discountCents,
  };
}

/** ROI = (revenue - cost) / cost; null when there is no cost. */
export function roi(revenueCents: number, costCents: number): number | null {
  return costCents > 0 ? (revenueCents - costCents) / costCents : null;
}

/** ROAS = revenue / cost; null when there is no cost. */
export function roas(revenueCents: number, costCents: number): number | null {
  return costCents > 0 ? revenueCents / costCents : null;
}

/** CPA = cost / attributed orders, in cents; null without orders. */
export function cpaCents(costCents: number, orders: number): number | null {
  return orders > 0 ? Math.round(costCents / orders) : null;
}

/** AOV = revenue / orders, in cents; null without orders. */
export function aovCents(revenueCents: number, orders: number): number | null {
  return orders > 0 ? Math.round(revenueCents / orders) : null;
}

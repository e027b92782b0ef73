/**
 * Orders in currencies other than the brand's, kept apart at import (issue 22): their revenue and
 * the commission they earn, per currency and per kind of partner, so the Dashboard shows each
 * currency on its own line and takes them out of the brand-currency figures the rollups sum.
 */
import { activeContractAt } from './contracts';
import { monthsInRange, type DateRange } from './dates';
import {
  countsAsOrder,
  netRevenueCents,
  orderCommissionCents,
  orderDate,
  withTotals,
  type Earnings,
  type EarningsOptions,
} from './earnings';
import type { MonthPoint } from './compare';
import { safeLocale } from './intl';
import { conversionWords } from './money';
import { PARTNER_KINDS, type Contract, type Order, type PartnerKind } from './schemas';

export interface KindSums {
  revenueCents: number;
  commissionCents: number;
  /** Orders that count (not cancelled, not fully refunded). */
  orders: number;
}

export interface CurrencyTotals extends KindSums {
  currency: string;
  byKind: Record<PartnerKind, KindSums>;
  /** Commission per partner, to take out of what each is owed in the brand's currency. */
  commissionByPartner: Map<string, number>;
  /** Per partner: what to take out of their brand-currency figures (earningsLessApart). */
  byPartner: Map<string, ApartSums>;
}

export interface PartnerTerms {
  kind: PartnerKind;
  contracts: readonly Pick<
    Contract,
    'startDate' | 'endDate' | 'commissionRate' | 'commissionBase'
  >[];
}

/** The day range as epoch ms wide enough for any time zone (the orders are then read by day). */
export function rangeMs(range: DateRange): { fromMs: number; toMs: number } {
  const DAY = 86_400_000;
  return {
    fromMs: Date.parse(`${range.start}T00:00:00Z`) - DAY,
    toMs: Date.parse(`${range.end}T00:00:00Z`) + 2 * DAY,
  };
}

/**
 * The orders among `orders` credited to a partner in `partners` and placed in `range` (in the
 * brand's zone), each with its partner's terms and its day. Orders credited to nobody, or to a
 * partner not in `partners`, are left out, as the rollups' partner figures leave them out.
 */
function* credited(
  orders: readonly Order[],
  partners: ReadonlyMap<string, PartnerTerms>,
  range: DateRange,
  timeZone: string,
): Generator<{ o: Order; p: PartnerTerms & { id: string }; date: string }> {
  for (const o of orders) {
    if (o.partnerId === null) continue;
    const p = partners.get(o.partnerId);
    if (!p) continue;
    const date = orderDate(o, timeZone);
    if (date < range.start || date > range.end) continue;
    yield { o, p: { ...p, id: o.partnerId }, date };
  }
}

/** credited() orders not in `brandCurrency` (kept apart at import). */
function* creditedApart(
  orders: readonly Order[],
  partners: ReadonlyMap<string, PartnerTerms>,
  range: DateRange,
  brandCurrency: string,
  timeZone: string,
): Generator<{ o: Order; p: PartnerTerms & { id: string }; date: string }> {
  for (const c of credited(orders, partners, range, timeZone))
    if (c.o.currency !== brandCurrency) yield c;
}

/**
 * Sums of the credited orders among `orders` placed in `range` (in the brand's zone) that are not
 * in `brandCurrency`, one entry per currency, sorted by currency. Orders credited to nobody, or
 * to a partner not in `partners`, are left out, as the rollups' partner figures leave them out.
 */
export function foreignCurrencyTotals(
  orders: readonly Order[],
  partners: ReadonlyMap<string, PartnerTerms>,
  range: DateRange,
  brandCurrency: string,
  timeZone: string,
): CurrencyTotals[] {
  const out = new Map<string, CurrencyTotals>();
  for (const { o, p, date } of creditedApart(orders, partners, range, brandCurrency, timeZone)) {
    let t = out.get(o.currency);
    if (!t) {
      t = {
        currency: o.currency,
        revenueCents: 0,
        commissionCents: 0,
        orders: 0,
        byKind: {
          ambassador: { revenueCents: 0, commissionCents: 0, orders: 0 },
          affiliate: { revenueCents: 0, commissionCents: 0, orders: 0 },
        },
        commissionByPartner: new Map(),
        byPartner: new Map(),
      };
      out.set(o.currency, t);
    }
    const revenue = netRevenueCents(o);
    const commission = orderCommissionCents(o, activeContractAt(p.contracts, date));
    t.revenueCents += revenue;
    t.commissionCents += commission;
    const counted = countsAsOrder(o) ? 1 : 0;
    t.orders += counted;
    t.byKind[p.kind].orders += counted;
    t.byKind[p.kind].revenueCents += revenue;
    t.byKind[p.kind].commissionCents += commission;
    t.commissionByPartner.set(p.id, (t.commissionByPartner.get(p.id) ?? 0) + commission);
    let mine = t.byPartner.get(p.id);
    if (!mine)
      t.byPartner.set(
        p.id,
        (mine = { revenueCents: 0, commissionCents: 0, discountCents: 0, orders: 0 }),
      );
    mine.revenueCents += revenue;
    mine.commissionCents += commission;
    if (o.status !== 'cancelled') mine.discountCents += o.discountCents;
    mine.orders += counted;
  }
  return [...out.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** One currency kept apart, month by month (aligned with monthsInRange of the period). */
export interface CurrencyMonths {
  currency: string;
  revenueCents: Record<PartnerKind, number[]>;
  commissionCents: Record<PartnerKind, number[]>;
}

/**
 * foreignCurrencyTotals() month by month: revenue and commission of the credited orders not in
 * `brandCurrency`, per currency, kind and calendar month of `range` (the Compare charts).
 */
export function foreignCurrencyMonths(
  orders: readonly Order[],
  partners: ReadonlyMap<string, PartnerTerms>,
  range: DateRange,
  brandCurrency: string,
  timeZone: string,
): CurrencyMonths[] {
  const months = monthsInRange(range);
  const at = new Map(months.map((m, i) => [m, i]));
  const zeros = () => months.map(() => 0);
  const out = new Map<string, CurrencyMonths>();
  for (const { o, p, date } of creditedApart(orders, partners, range, brandCurrency, timeZone)) {
    const i = at.get(date.slice(0, 7))!;
    let t = out.get(o.currency);
    if (!t) {
      t = {
        currency: o.currency,
        revenueCents: { ambassador: zeros(), affiliate: zeros() },
        commissionCents: { ambassador: zeros(), affiliate: zeros() },
      };
      out.set(o.currency, t);
    }
    t.revenueCents[p.kind][i]! += netRevenueCents(o);
    t.commissionCents[p.kind][i]! += orderCommissionCents(o, activeContractAt(p.contracts, date));
  }
  return [...out.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/**
 * The monthly series in the brand's currency only: each month's revenue less the revenue of the
 * orders kept apart in other currencies, and its cost less their commission.
 */
export function monthlyInBrandCurrency(
  monthly: readonly MonthPoint[],
  apart: readonly CurrencyMonths[],
): MonthPoint[] {
  if (apart.length === 0) return [...monthly];
  return monthly.map((m, i) => {
    const revenueCents = { ...m.revenueCents };
    const costCents = { ...m.costCents };
    for (const t of apart)
      for (const k of PARTNER_KINDS) {
        revenueCents[k] -= t.revenueCents[k][i] ?? 0;
        costCents[k] -= t.commissionCents[k][i] ?? 0;
      }
    return { month: m.month, revenueCents, costCents };
  });
}

/** What one partner's orders kept apart in other currencies add to its rollup sums. */
export interface ApartSums {
  revenueCents: number;
  commissionCents: number;
  discountCents: number;
  orders: number;
}

/** apart sums per partner (every currency together: only to take them out of the rollups'). */
export function apartByPartner(
  orders: readonly Order[],
  partners: ReadonlyMap<string, PartnerTerms>,
  range: DateRange,
  brandCurrency: string,
  timeZone: string,
): Map<string, ApartSums> {
  const out = new Map<string, ApartSums>();
  for (const { o, p, date } of creditedApart(orders, partners, range, brandCurrency, timeZone)) {
    let s = out.get(p.id);
    if (!s)
      out.set(p.id, (s = { revenueCents: 0, commissionCents: 0, discountCents: 0, orders: 0 }));
    s.revenueCents += netRevenueCents(o);
    s.commissionCents += orderCommissionCents(o, activeContractAt(p.contracts, date));
    if (o.status !== 'cancelled') s.discountCents += o.discountCents;
    s.orders += countsAsOrder(o) ? 1 : 0;
  }
  return out;
}

/** A partner's earnings in the brand's currency only: its orders kept apart taken out. */
export function earningsLessApart(
  e: Earnings,
  apart: ApartSums | undefined,
  opts: Pick<EarningsOptions, 'countDiscountAsCost'>,
): Earnings {
  if (!apart) return e;
  return withTotals({
    ...e,
    revenueCents: e.revenueCents - apart.revenueCents,
    orders: e.orders - apart.orders,
    commissionCents: e.commissionCents - apart.commissionCents,
    discountCents: opts.countDiscountAsCost
      ? e.discountCents - apart.discountCents
      : e.discountCents,
  });
}

/**
 * Commission earned in other currencies, as payments per partner: taken from what a partner is
 * owed in the brand's currency (payoutsOwed), it leaves only brand-currency money in the figure.
 */
export function apartAsPaid(
  totals: readonly CurrencyTotals[],
): { partnerId: string; amountCents: number }[] {
  return totals.flatMap((t) =>
    [...t.commissionByPartner].map(([partnerId, amountCents]) => ({ partnerId, amountCents })),
  );
}

/** Credited orders converted at import at one rate from one currency (issue 22). */
export interface ConvertedTotals {
  /** The file's currency. */
  from: string;
  /** The owner's rate: units of `to` per unit of `from`, as typed ("1.27"). */
  rate: string;
  /** The brand's currency the orders were converted to. */
  to: string;
  /** Orders that count (not cancelled, not fully refunded), and per kind of partner. */
  orders: number;
  byKind: Record<PartnerKind, number>;
  /** Their revenue after conversion (net of refunds), in `to`. */
  revenueCents: number;
}

/**
 * The credited orders among `orders` placed in `range` that were converted at import, per
 * currency and rate (sorted by currency, then rate): which figures include converted money.
 * Orders credited to nobody, or to a partner not in `partners`, are left out.
 */
export function convertedTotals(
  orders: readonly Order[],
  partners: ReadonlyMap<string, PartnerTerms>,
  range: DateRange,
  timeZone: string,
): ConvertedTotals[] {
  const out = new Map<string, ConvertedTotals>();
  for (const { o, p } of credited(orders, partners, range, timeZone)) {
    if (!o.fx || !countsAsOrder(o)) continue;
    const key = `${o.fx.from} ${o.fx.rate} ${o.currency}`;
    let t = out.get(key);
    if (!t)
      out.set(
        key,
        (t = {
          from: o.fx.from,
          rate: o.fx.rate,
          to: o.currency,
          orders: 0,
          byKind: { ambassador: 0, affiliate: 0 },
          revenueCents: 0,
        }),
      );
    t.orders += 1;
    t.byKind[p.kind] += 1;
    t.revenueCents += netRevenueCents(o);
  }
  return [...out.values()].sort(
    (a, b) => a.from.localeCompare(b.from) || Number(a.rate) - Number(b.rate),
  );
}

/**
 * "120 orders converted at 1 GBP = 1.27 USD", one part per rate, joined with commas and "and";
 * empty when nothing was converted. `kind` counts only that kind's orders.
 */
export function convertedWords(
  totals: readonly ConvertedTotals[],
  locale: string,
  kind?: PartnerKind,
): string {
  const parts = totals
    .map((t) => ({ t, n: kind ? t.byKind[kind] : t.orders }))
    .filter(({ n }) => n > 0)
    .map(
      ({ t, n }) =>
        `${n.toLocaleString(safeLocale(locale))} ${n === 1 ? 'order' : 'orders'} ${conversionWords(t, t.to)}`,
    );
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

const KIND_WORDS: Record<PartnerKind, string> = {
  ambassador: 'brand ambassadors',
  affiliate: 'micro-affiliates',
};

/**
 * "<lead> 120 orders converted at 1 GBP = 1.27 USD (the rate you entered at import)", and with
 * `byKind`, how many of them each kind's figures hold. Empty when nothing was converted.
 */
export function convertedSentence(
  totals: readonly ConvertedTotals[],
  locale: string,
  lead: string,
  byKind = false,
): string {
  const all = convertedWords(totals, locale);
  if (all === '') return '';
  const num = (n: number) => n.toLocaleString(safeLocale(locale));
  const kinds = PARTNER_KINDS.map((k) => ({
    k,
    n: totals.reduce((sum, t) => sum + t.byKind[k], 0),
  })).filter((x) => x.n > 0);
  let split = '';
  if (byKind && kinds.length === 1) split = `, all for ${KIND_WORDS[kinds[0]!.k]}`;
  else if (byKind) split = `: ${kinds.map((x) => `${num(x.n)} for ${KIND_WORDS[x.k]}`).join(', ')}`;
  const rates = totals.length === 1 ? 'the rate' : 'the rates';
  return `${lead} ${all} (${rates} you entered at import)${split}.`;
}

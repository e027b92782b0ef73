/**
 * Orders in currencies other than the brand's, kept apart at import (issue 22): their revenue and
 * the commission they earn, per currency and per kind of partner, so the Dashboard shows each
 * currency on its own line and takes them out of the brand-currency figures the rollups sum.
 */
import { activeContractAt } from './contracts';
import type { DateRange } from './dates';
import { countsAsOrder, netRevenueCents, orderCommissionCents, orderDate } from './earnings';
import type { Contract, Order, PartnerKind } from './schemas';

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
  for (const o of orders) {
    if (o.currency === brandCurrency || o.partnerId === null) continue;
    const p = partners.get(o.partnerId);
    if (!p) continue;
    const date = orderDate(o, timeZone);
    if (date < range.start || date > range.end) continue;
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
    t.commissionByPartner.set(
      o.partnerId,
      (t.commissionByPartner.get(o.partnerId) ?? 0) + commission,
    );
  }
  return [...out.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

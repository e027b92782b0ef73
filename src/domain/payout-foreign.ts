/**
 * Statements in other currencies than the brand's (issue 22): commission earned on orders kept
 * apart at import in their own currency (GBP orders earn GBP commission), owed and paid in that
 * currency. Each currency is its own account: a payment in GBP pays only GBP commission, and the
 * overpayment carried in (payout-carry.ts) is worked out per currency, never across currencies.
 */
import { activeContractAt } from './contracts';
import type { DateRange } from './dates';
import { orderCommissionCents, orderDate } from './earnings';
import { statementBalance } from './payout-carry';
import type { PaidLike, PaidSum } from './payout-sums';
import {
  carriedIntoPeriod,
  type ForeignCommission,
  type StatementBasis,
} from './payout-statements';
import type { PartnerTerms } from './currency-totals';
import type { Contract, Order, Partner } from './schemas';

/** One partner's statement in one other currency. */
export interface ForeignStatement {
  partner: Partner;
  currency: string;
  /** Commission earned in the period on orders in this currency. */
  commissionCents: number;
  /** Paid in this currency for periods overlapping this one. */
  paidCents: number;
  /** Overpaid in this currency before the period, deducted here. */
  carriedInCents: number;
  owedCents: number;
  owedBackCents: number;
}

/** The key of a partner's statement in a currency (selection, rows). */
export const foreignKey = (partnerId: string, currency: string) => `${partnerId}/${currency}`;

/**
 * The statements in other currencies: one per partner and currency with commission earned, a
 * payment, or an overpayment carried in. `paid` holds the sums of payments overlapping the period
 * in any currency (those in `brandCurrency` are left out here); `carried` is by foreignKey().
 */
export function foreignStatements(
  partners: ReadonlyMap<string, Partner>,
  earned: readonly ForeignCommission[],
  paid: readonly PaidSum[],
  brandCurrency: string,
  carried: ReadonlyMap<string, number> = new Map(),
): ForeignStatement[] {
  const rows = new Map<string, { partnerId: string; currency: string; c: number; p: number }>();
  const row = (partnerId: string, currency: string) => {
    const k = foreignKey(partnerId, currency);
    let r = rows.get(k);
    if (!r) rows.set(k, (r = { partnerId, currency, c: 0, p: 0 }));
    return r;
  };
  for (const e of earned) row(e.partnerId, e.currency).c += e.commissionCents;
  for (const s of paid)
    if (s.currency !== brandCurrency) row(s.partnerId, s.currency).p += s.amountCents;
  for (const k of carried.keys()) {
    const [partnerId, currency] = k.split('/') as [string, string];
    row(partnerId, currency);
  }
  const out: ForeignStatement[] = [];
  for (const [k, r] of rows) {
    const partner = partners.get(r.partnerId);
    if (!partner) continue;
    const carriedInCents = carried.get(k) ?? 0;
    out.push({
      partner,
      currency: r.currency,
      commissionCents: r.c,
      paidCents: r.p,
      carriedInCents,
      ...statementBalance(r.c, r.p, carriedInCents),
    });
  }
  return out.sort(
    (a, b) =>
      a.currency.localeCompare(b.currency) ||
      b.owedCents - a.owedCents ||
      a.partner.name.localeCompare(b.partner.name),
  );
}

/**
 * The overpayment each partner carries into `range` in `currency` (by partner id), from that
 * currency's payments of periods ended before it and the commission its orders in that currency
 * earned over the days those payments are set against (payout-carry.ts). `orders` holds the
 * orders in `currency` over those days (foreignCarryWindow).
 */
export function foreignCarriedIn(
  payments: readonly PaidLike[],
  orders: readonly Order[],
  terms: ReadonlyMap<string, PartnerTerms>,
  range: DateRange,
  currency: string,
  timeZone: string,
): Map<string, number> {
  const mine = payments.filter((p) => p.currency === currency);
  const byPartner = new Map<string, Order[]>();
  for (const o of orders) {
    if (o.currency !== currency || o.partnerId === null) continue;
    const l = byPartner.get(o.partnerId);
    if (l) l.push(o);
    else byPartner.set(o.partnerId, [o]);
  }
  return carriedIntoPeriod(mine, range, (partnerId, days) => {
    const t = terms.get(partnerId);
    if (!t) return 0;
    let cents = 0;
    for (const o of byPartner.get(partnerId) ?? []) {
      const day = orderDate(o, timeZone);
      if (day < days.start || day > days.end) continue;
      cents += orderCommissionCents(o, activeContractAt(t.contracts, day));
    }
    return cents;
  });
}

/** The first day of the earlier payments in `currency` (the carry window's start), or null. */
export function foreignCarryStart(earlier: readonly PaidLike[], currency: string): string | null {
  let since: string | null = null;
  for (const p of earlier)
    if (p.currency === currency && (since === null || p.periodStart < since)) since = p.periodStart;
  return since;
}

/** What "Mark as paid" and the PayPal file need of a statement, in any currency. */
export interface Payable {
  /** The partner's id for a statement in the brand's currency, foreignKey() for another. */
  key: string;
  partner: Partner;
  currency: string;
  owedCents: number;
  carriedInCents: number;
}

export function brandPayable(
  s: { partner: Partner; owedCents: number; carriedInCents: number },
  currency: string,
): Payable {
  return {
    key: s.partner.id,
    partner: s.partner,
    currency,
    owedCents: s.owedCents,
    carriedInCents: s.carriedInCents,
  };
}

export function foreignPayable(f: ForeignStatement): Payable {
  return {
    key: foreignKey(f.partner.id, f.currency),
    partner: f.partner,
    currency: f.currency,
    owedCents: f.owedCents,
    carriedInCents: f.carriedInCents,
  };
}

/** Each partner's kind and contracts (what commission on an order needs), by partner id. */
export function partnerTerms(
  basis: Pick<StatementBasis, 'partners' | 'contracts'>,
): Map<string, PartnerTerms> {
  const contracts = new Map<string, Contract[]>();
  for (const c of basis.contracts) {
    const l = contracts.get(c.partnerId);
    if (l) l.push(c);
    else contracts.set(c.partnerId, [c]);
  }
  return new Map(
    basis.partners.map((p) => [p.id, { kind: p.kind, contracts: contracts.get(p.id) ?? [] }]),
  );
}

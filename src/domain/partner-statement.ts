/**
 * One partner's statement for a period (issue 21): their orders with the commission each earned,
 * the retainer, post fees, bonuses, gifted product, what was paid and what is owed, in the brand's
 * name and currency. Every figure comes from the money rules of earnings.ts and
 * payout-statements.ts (no commission is computed here): the order lines use
 * orderCommissionCents, the totals the period's Statement, so the lines add up to its commission.
 */
import { activeContractAt } from './contracts';
import type { DateRange } from './dates';
import {
  netRevenueCents,
  orderCommissionCents,
  giftedIn,
  orderDate,
  withTotals,
  type EarningsOptions,
} from './earnings';
import { buildStatements, type Statement, type StatementData } from './payout-statements';
import type { Partner, Payout, Shipment } from './schemas';
import { giftCostsByPartner } from './gifts';

export interface StatementOrderLine {
  orderId: string;
  date: string;
  /** What the customer paid, net of refunds (0 when cancelled). */
  amountCents: number;
  commissionCents: number;
  status: string;
}

export interface PartnerStatementDoc {
  brandName: string;
  currency: string;
  range: DateRange;
  partner: Pick<Partner, 'id' | 'name' | 'email' | 'kind'>;
  orders: StatementOrderLine[];
  commissionCents: number;
  retainerCents: number;
  feesCents: number;
  bonusCents: number;
  /** Earned in the period: commission + retainer + fees + bonuses. */
  earnedCents: number;
  /** Gifted product sent in the period, at cost plus shipping (not paid in cash). */
  giftedCostCents: number;
  /** The same products at retail price. */
  giftedRetailCents: number;
  /** Product perks of the contract, at cost (not paid in cash). */
  perksCents: number;
  payouts: Pick<Payout, 'paidDate' | 'amountCents' | 'reference' | 'method'>[];
  paidCents: number;
  carriedInCents: number;
  owedCents: number;
  owedBackCents: number;
  /**
   * Orders in other currencies, kept apart at import (issue 22): not in the figures above; their
   * commission is owed in its own currency.
   */
  apart: { currency: string; orders: number; commissionCents: number }[];
}

export interface StatementBrand {
  brandName: string;
  currency: string;
}

/** The statement of one partner from its period Statement and its records. */
export function statementDoc(
  s: Statement<Payout>,
  data: Pick<StatementData, 'orders' | 'contracts'>,
  shipments: readonly Shipment[],
  range: DateRange,
  opts: EarningsOptions,
  brand: StatementBrand,
): PartnerStatementDoc {
  const contracts = data.contracts.filter((c) => c.partnerId === s.partner.id);
  const orders: StatementOrderLine[] = [];
  const apart = new Map<string, { currency: string; orders: number; commissionCents: number }>();
  for (const o of data.orders) {
    if (o.partnerId !== s.partner.id) continue;
    const date = orderDate(o, opts.timeZone);
    if (date < range.start || date > range.end) continue;
    if (o.currency !== brand.currency) {
      const a = apart.get(o.currency) ?? { currency: o.currency, orders: 0, commissionCents: 0 };
      a.orders += 1;
      a.commissionCents += orderCommissionCents(o, activeContractAt(contracts, date));
      apart.set(o.currency, a);
      continue;
    }
    orders.push({
      orderId: o.orderId,
      date,
      amountCents: netRevenueCents(o),
      commissionCents: orderCommissionCents(o, activeContractAt(contracts, date)),
      status: o.status,
    });
  }
  orders.sort((a, b) => a.date.localeCompare(b.date) || a.orderId.localeCompare(b.orderId));
  const gifts = giftedIn(
    giftCostsByPartner(shipments.filter((x) => x.partnerId === s.partner.id)).get(s.partner.id),
    range,
  );
  const e = s.earnings;
  return {
    ...brand,
    range,
    partner: {
      id: s.partner.id,
      name: s.partner.name,
      email: s.partner.email,
      kind: s.partner.kind,
    },
    orders,
    commissionCents: e.commissionCents,
    retainerCents: e.retainerCents,
    feesCents: e.feesCents,
    bonusCents: e.bonusCents,
    earnedCents: e.payableCents,
    giftedCostCents: gifts.giftedCents,
    giftedRetailCents: gifts.giftedRetailCents,
    perksCents: e.perksCents,
    payouts: s.payouts.map((p) => ({
      paidDate: p.paidDate,
      amountCents: p.amountCents,
      reference: p.reference,
      method: p.method,
    })),
    paidCents: s.paidCents,
    carriedInCents: s.carriedInCents,
    owedCents: s.owedCents,
    owedBackCents: s.owedBackCents,
    apart: [...apart.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

/**
 * The statements of the partners in `data` for `range` (`data` holds only their records, every
 * payment included for the carried overpayment), in the order of `partnerIds`. A partner with
 * nothing in the period gets an empty statement rather than none.
 */
export function partnerStatements(
  partnerIds: readonly string[],
  data: StatementData,
  shipments: readonly Shipment[],
  range: DateRange,
  opts: EarningsOptions,
  brand: StatementBrand,
): PartnerStatementDoc[] {
  // The brand-currency statement, as Payouts shows it: orders and payments in other currencies
  // are kept apart (issue 22).
  const inBrand: StatementData = {
    ...data,
    orders: data.orders.filter((o) => o.currency === brand.currency),
    payouts: data.payouts.filter((p) => p.currency === brand.currency),
  };
  const built = new Map(buildStatements(inBrand, range, opts).map((s) => [s.partner.id, s]));
  const partners = new Map(data.partners.map((p) => [p.id, p]));
  const out: PartnerStatementDoc[] = [];
  for (const id of partnerIds) {
    const partner = partners.get(id);
    if (!partner) continue;
    const s = built.get(id) ?? emptyStatement(partner);
    out.push(statementDoc(s, data, shipments, range, opts, brand));
  }
  return out;
}

function emptyStatement(partner: Partner): Statement<Payout> {
  return {
    partner,
    earnings: withTotals({
      revenueCents: 0,
      orders: 0,
      commissionCents: 0,
      retainerCents: 0,
      feesCents: 0,
      bonusCents: 0,
      perksCents: 0,
      discountCents: 0,
      giftedCents: 0,
      giftedRetailCents: 0,
    }),
    payouts: [],
    paidCents: 0,
    carriedInCents: 0,
    owedCents: 0,
    owedBackCents: 0,
  };
}

/** A file name part from a partner's name: `maya-chen`. */
export function fileSlug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return s || 'partner';
}

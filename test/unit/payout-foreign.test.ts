/**
 * Statements in other currencies (issue 22), hand-computed. Maya (affiliate, 10 % of the order
 * total) sells in USD (the brand's currency) and in GBP (orders kept apart at import), UTC brand.
 *   January GBP: order G1 £200.00 -> commission £20.00, paid £20.00 on 5 February.
 *   G1 is then refunded in full (after the payout): January earned £0.00, so £20.00 was overpaid
 *   in GBP. February GBP: order G2 £50.00 -> £5.00; February USD: order U1 $300.00 -> $30.00.
 *   February, GBP: earned £5.00, carried in £20.00 -> owed £0.00, owes back £15.00.
 *   February, USD: earned $30.00, nothing paid, and no overpayment carried in: the £20.00 paid in
 *   pounds never offsets dollars -> owed $30.00.
 */
import { describe, expect, it } from 'vitest';
import { foreignCarriedIn, foreignStatements } from '../../src/domain/payout-foreign';
import { buildPaidBuckets, paidForStatements } from '../../src/domain/payout-sums';
import {
  carriedFromStats,
  foreignCommissions,
  inBrandCurrency,
  periodEarningsFromStats,
  statementsFrom,
} from '../../src/domain/payout-statements';
import { apartByPartner, foreignCurrencyTotals } from '../../src/domain/currency-totals';
import { carryLookbackStart } from '../../src/domain/payout-carry';
import { contract, partner as maya, sample, stamp } from './payout-fixture';
import { buildAllStats } from '../../src/domain/stats';
import type { Order, Payout } from '../../src/domain/schemas';

const order = (id: string, date: string, total: number, currency: string, refunded = 0): Order => ({
  ...sample.orders[0]!,
  id,
  ...stamp,
  source: 'shopify',
  orderId: id,
  placedAt: `${date}T12:00:00Z`,
  placedAtMs: Date.parse(`${date}T12:00:00Z`),
  currency,
  subtotalCents: total,
  discountCents: 0,
  shippingCents: 0,
  taxCents: 0,
  totalCents: total,
  refundedCents: refunded,
  status: refunded >= total ? 'refunded' : 'paid',
  codes: [],
  partnerId: 'p1',
  attribution: null,
  fx: undefined,
});
const payment = (
  id: string,
  start: string,
  end: string,
  cents: number,
  currency: string,
): Payout => ({
  id,
  ...stamp,
  partnerId: 'p1',
  periodStart: start,
  periodEnd: end,
  amountCents: cents,
  currency,
  paidDate: '2026-02-05',
  method: 'paypal',
  reference: '',
  note: '',
});

const TZ = 'UTC';
const FEB = { start: '2026-02-01', end: '2026-02-28' };
const orders = [
  order('G1', '2026-01-10', 20_000, 'GBP', 20_000),
  order('G2', '2026-02-10', 5_000, 'GBP'),
  order('U1', '2026-02-12', 30_000, 'USD'),
];
const payments = [payment('pay-gbp', '2026-01-01', '2026-01-31', 2_000, 'GBP')];
const terms = new Map([['p1', { kind: maya.kind, contracts: [contract] }]]);

describe('statements in other currencies', () => {
  const buckets = buildPaidBuckets(payments);
  it('owe GBP commission in GBP, with the GBP overpayment carried in', () => {
    const febGbp = orders.filter((o) => o.currency === 'GBP' && o.placedAt >= '2026-02');
    const earned = foreignCommissions(foreignCurrencyTotals(febGbp, terms, FEB, 'USD', TZ));
    expect(earned).toEqual([{ partnerId: 'p1', currency: 'GBP', commissionCents: 500 }]);
    const paid = paidForStatements(buckets, FEB, { except: 'USD' });
    expect(paid.overlapping).toEqual([]);
    const carried = foreignCarriedIn(paid.earlier, orders, terms, FEB, 'GBP', TZ);
    expect(carried).toEqual(new Map([['p1', 2_000]]));
    const [gbp, ...rest] = foreignStatements(
      new Map([['p1', maya]]),
      earned,
      paid.overlapping,
      'USD',
      new Map([['p1/GBP', 2_000]]),
    );
    expect(rest).toEqual([]);
    expect(gbp).toMatchObject({
      currency: 'GBP',
      commissionCents: 500,
      paidCents: 0,
      carriedInCents: 2_000,
      owedCents: 0,
      owedBackCents: 1_500,
    });
  });

  it('a GBP payment pays GBP commission, never USD, and carries nothing into USD', () => {
    // January's GBP payment, for January: in the January GBP statement, not the USD one.
    const jan = { start: '2026-01-01', end: '2026-01-31' };
    const janPaid = paidForStatements(buckets, jan, { except: 'USD' });
    const janGbp = foreignStatements(
      new Map([['p1', maya]]),
      foreignCommissions(foreignCurrencyTotals(orders, terms, jan, 'USD', TZ)),
      janPaid.overlapping,
      'USD',
    );
    // G1 refunded in full: £0.00 earned, £20.00 paid -> owes back £20.00.
    expect(janGbp.map((f) => [f.currency, f.paidCents, f.owedBackCents])).toEqual([
      ['GBP', 2_000, 2_000],
    ]);
    expect(paidForStatements(buckets, jan, 'USD').overlapping).toEqual([]);

    // February in USD: $30.00 earned, nothing paid in USD, nothing carried from the pounds.
    const stats = buildAllStats(['p1'], orders, [], [contract], TZ);
    const basis = { partners: [maya], contracts: [contract], bonuses: [], bonusRules: [], stats };
    const opts = { timeZone: TZ, countDiscountAsCost: false };
    const usd = paidForStatements(buckets, FEB, 'USD');
    expect(usd.earlier).toEqual([]);
    const apart = apartByPartner(orders, terms, FEB, 'USD', TZ);
    const earned = inBrandCurrency(periodEarningsFromStats(basis, FEB, opts), apart, opts);
    const [s] = statementsFrom(
      earned,
      usd.overlapping,
      FEB,
      carriedFromStats(basis, usd.earlier, FEB, opts),
    );
    expect(s!.earnings.commissionCents).toBe(3_000);
    expect(s!.carriedInCents).toBe(0);
    expect(s!.owedCents).toBe(3_000);
    // Were the pound payment counted against dollars, February would carry in $20.00 (January
    // earned $0.00 in dollars) and owe $10.00.
    const mixed = carriedFromStats(
      basis,
      paidForStatements(buckets, FEB, 'GBP').earlier,
      FEB,
      opts,
    );
    expect(mixed.get('p1')).toBe(2_000);
    expect(carryLookbackStart(FEB)).toBe('2025-08-01');
  });
});

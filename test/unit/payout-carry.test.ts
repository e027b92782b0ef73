/**
 * A refund that arrives after a payout (issue 18): hand-computed fixtures. One micro-affiliate on
 * 10 % of the order total, no retainer; orders placed at noon UTC in a UTC brand.
 *   January: order A $100.00 and order B $50.00 -> commission $10.00 + $5.00 = $15.00, paid $15.00
 *   on 5 February. Refunds of A arrive later (or earlier, in the last case).
 */
import { describe, expect, it } from 'vitest';
import {
  buildStatements,
  carriedFromStats,
  foreignCommissions,
  periodEarnings,
  periodEarningsFromStats,
  statementsFrom,
  inBrandCurrency,
  type StatementData,
} from '../../src/domain/payout-statements';
import { apartByPartner, foreignCurrencyTotals } from '../../src/domain/currency-totals';
import { carriedInCents, earlierPayments, statementBalance } from '../../src/domain/payout-carry';
import { contract, partner, stamp } from './payout-fixture';
import { buildAllStats } from '../../src/domain/stats';
import type { Order, Payout } from '../../src/domain/schemas';

const order = (id: string, date: string, total: number, refunded = 0): Order => ({
  id,
  ...stamp,
  source: 'shopify',
  orderId: id,
  placedAt: `${date}T12:00:00Z`,
  placedAtMs: Date.parse(`${date}T12:00:00Z`),
  currency: 'USD',
  subtotalCents: total,
  discountCents: 0,
  shippingCents: 0,
  taxCents: 0,
  totalCents: total,
  refundedCents: refunded,
  status: refunded >= total ? 'refunded' : refunded > 0 ? 'partially refunded' : 'paid',
  codes: [],
  tags: [],
  note: '',
  partnerId: 'p1',
  attribution: { method: 'code', reason: '' },
  customerKey: null,
  email: null,
  region: { country: '', province: '', city: '' },
});
const paid = (month: string, cents: number, paidDate: string): Payout => ({
  id: `pay-${month}`,
  ...stamp,
  partnerId: 'p1',
  periodStart: `${month}-01`,
  periodEnd: month === '2026-02' ? '2026-02-28' : `${month}-31`,
  amountCents: cents,
  currency: 'USD',
  paidDate,
  method: 'paypal',
  reference: '',
  note: '',
});
const JAN = { start: '2026-01-01', end: '2026-01-31' };
const FEB = { start: '2026-02-01', end: '2026-02-28' };
const MAR = { start: '2026-03-01', end: '2026-03-31' };
const opts = { timeZone: 'UTC', countDiscountAsCost: false };

function data(orders: Order[], payouts: Payout[]): StatementData {
  return {
    partners: [partner],
    contracts: [contract],
    orders,
    content: [],
    bonuses: [],
    bonusRules: [],
    payouts,
  };
}
/** The one statement of the period, checked against the same from the rollups. */
function statement(d: StatementData, range: typeof JAN) {
  const fromOrders = buildStatements(d, range, opts);
  const basis = {
    ...d,
    stats: buildAllStats(['p1'], d.orders, [], d.contracts, 'UTC'),
  };
  const fromStats = statementsFrom(
    periodEarningsFromStats(basis, range, opts),
    d.payouts,
    range,
    carriedFromStats(basis, d.payouts, range, opts),
  );
  expect(fromStats).toEqual(fromOrders);
  expect(fromOrders).toHaveLength(1);
  const s = fromOrders[0]!;
  return {
    earned: s.earnings.payableCents,
    paid: s.paidCents,
    carriedIn: s.carriedInCents,
    owed: s.owedCents,
    owedBack: s.owedBackCents,
  };
}

describe('an overpayment from a refund after a payout is carried forward', () => {
  it('full refund after payout: January shows $10.00 overpaid, February deducts it', () => {
    // A refunded in full after January was paid $15.00: January now earns $5.00 (B only).
    const d = data(
      [
        order('A', '2026-01-10', 100_00, 100_00),
        order('B', '2026-01-20', 50_00),
        order('C', '2026-02-10', 300_00),
      ],
      [paid('2026-01', 15_00, '2026-02-05')],
    );
    expect(statement(d, JAN)).toEqual({
      earned: 5_00,
      paid: 15_00,
      carriedIn: 0,
      owed: 0,
      owedBack: 10_00,
    });
    // February: $30.00 on C, less the $10.00 overpaid = $20.00.
    expect(statement(d, FEB)).toEqual({
      earned: 30_00,
      paid: 0,
      carriedIn: 10_00,
      owed: 20_00,
      owedBack: 0,
    });
    // Once February is paid the $20.00, nothing carries into March.
    const settled = { ...d, payouts: [...d.payouts, paid('2026-02', 20_00, '2026-03-05')] };
    expect(
      statement({ ...settled, orders: [...d.orders, order('D', '2026-03-03', 10_00)] }, MAR),
    ).toEqual({
      earned: 1_00,
      paid: 0,
      carriedIn: 0,
      owed: 1_00,
      owedBack: 0,
    });
  });

  it('partial refund after payout: $40.00 of A refunded takes $4.00 off February', () => {
    // January now: 10 % of (100 - 40) = $6.00 + $5.00 = $11.00 earned, $15.00 paid.
    const d = data(
      [
        order('A', '2026-01-10', 100_00, 40_00),
        order('B', '2026-01-20', 50_00),
        order('C', '2026-02-10', 300_00),
      ],
      [paid('2026-01', 15_00, '2026-02-05')],
    );
    expect(statement(d, JAN)).toEqual({
      earned: 11_00,
      paid: 15_00,
      carriedIn: 0,
      owed: 0,
      owedBack: 4_00,
    });
    expect(statement(d, FEB)).toEqual({
      earned: 30_00,
      paid: 0,
      carriedIn: 4_00,
      owed: 26_00,
      owedBack: 0,
    });
  });

  it('a refund larger than the next period earns: owed back, and the rest carries on', () => {
    // $10.00 overpaid in January; February earns $4.00 (D $40.00): nothing due, $6.00 owed back.
    const d = data(
      [
        order('A', '2026-01-10', 100_00, 100_00),
        order('B', '2026-01-20', 50_00),
        order('D', '2026-02-10', 40_00),
        order('E', '2026-03-10', 200_00),
      ],
      [paid('2026-01', 15_00, '2026-02-05')],
    );
    expect(statement(d, FEB)).toEqual({
      earned: 4_00,
      paid: 0,
      carriedIn: 10_00,
      owed: 0,
      owedBack: 6_00,
    });
    // March earns $20.00: paid $15.00 against $5.00 + $4.00 earned before = $6.00 still carried.
    expect(statement(d, MAR)).toEqual({
      earned: 20_00,
      paid: 0,
      carriedIn: 6_00,
      owed: 14_00,
      owedBack: 0,
    });
    // With no earnings at all in March, the statement still shows the $6.00 owed back.
    const quiet = { ...d, orders: d.orders.filter((o) => o.id !== 'E') };
    expect(statement(quiet, MAR)).toEqual({
      earned: 0,
      paid: 0,
      carriedIn: 6_00,
      owed: 0,
      owedBack: 6_00,
    });
  });

  it('a refund before the payout carries nothing', () => {
    // A was refunded before January was paid, so January was paid its $5.00.
    const d = data(
      [
        order('A', '2026-01-10', 100_00, 100_00),
        order('B', '2026-01-20', 50_00),
        order('C', '2026-02-10', 300_00),
      ],
      [paid('2026-01', 5_00, '2026-02-05')],
    );
    expect(statement(d, JAN)).toEqual({
      earned: 5_00,
      paid: 5_00,
      carriedIn: 0,
      owed: 0,
      owedBack: 0,
    });
    expect(statement(d, FEB)).toEqual({
      earned: 30_00,
      paid: 0,
      carriedIn: 0,
      owed: 30_00,
      owedBack: 0,
    });
  });

  it('an unpaid earlier period does not hide the overpayment, and paying it late changes nothing', () => {
    // January ($15.00 earned) not paid yet; February paid $30.00, then $100.00 of C refunded: it
    // earns $20.00, $10.00 overpaid. March earns $20.00 (E $200.00).
    const d = data(
      [
        order('A', '2026-01-10', 100_00),
        order('B', '2026-01-20', 50_00),
        order('C', '2026-02-10', 300_00, 100_00),
        order('E', '2026-03-10', 200_00),
      ],
      [paid('2026-02', 30_00, '2026-03-05')],
    );
    expect(statement(d, JAN)).toEqual({
      earned: 15_00,
      paid: 0,
      carriedIn: 0,
      owed: 15_00,
      owedBack: 0,
    });
    expect(statement(d, MAR)).toEqual({
      earned: 20_00,
      paid: 0,
      carriedIn: 10_00,
      owed: 10_00,
      owedBack: 0,
    });
    // January paid late: $45.00 paid against $35.00 earned before March, still $10.00.
    const late = { ...d, payouts: [...d.payouts, paid('2026-01', 15_00, '2026-03-20')] };
    expect(statement(late, MAR)).toEqual({
      earned: 20_00,
      paid: 0,
      carriedIn: 10_00,
      owed: 10_00,
      owedBack: 0,
    });
  });

  it('the rule in pieces', () => {
    const e = earlierPayments(
      [paid('2026-01', 15_00, '2026-02-05'), paid('2026-02', 1_00, '2026-03-05')],
      FEB,
    );
    expect([...e]).toEqual([['p1', { since: '2026-01-01', paidCents: 15_00 }]]);
    // Payments of periods that ended more than CARRY_LOOKBACK_MONTHS (6) before are not counted.
    const old = { ...paid('2025-07', 99_00, '2025-08-05'), periodEnd: '2025-07-31' };
    expect(earlierPayments([old], FEB).size).toBe(0);
    expect(earlierPayments([old], { start: '2026-01-01', end: '2026-01-31' }).size).toBe(1);
    expect(carriedInCents(e.get('p1')!, 20_00)).toBe(0);
    expect(carriedInCents(e.get('p1')!, 5_00)).toBe(10_00);
    expect(statementBalance(4_00, 0, 10_00)).toEqual({ owedCents: 0, owedBackCents: 6_00 });
    expect(statementBalance(30_00, 5_00, 10_00)).toEqual({ owedCents: 15_00, owedBackCents: 0 });
  });
});

describe('commission on orders kept apart in another currency', () => {
  it('comes out of the brand-currency statement and is listed in its own currency', () => {
    // February: C $300.00 (USD) and F €80.00 kept apart in EUR: 10 % = $30.00 and €8.00.
    const eur = { ...order('F', '2026-02-12', 80_00), currency: 'EUR' };
    const d = data([order('C', '2026-02-10', 300_00), eur], []);
    const earned = periodEarnings({ ...d }, FEB, opts);
    expect(earned[0]!.earnings).toMatchObject({ commissionCents: 38_00, revenueCents: 380_00 });
    const terms = new Map([['p1', { kind: 'affiliate' as const, contracts: [contract] }]]);
    const args = [d.orders, terms, FEB, 'USD', 'UTC'] as const;
    expect(foreignCommissions(foreignCurrencyTotals(...args))).toEqual([
      { partnerId: 'p1', currency: 'EUR', commissionCents: 8_00 },
    ]);
    const [s] = statementsFrom(inBrandCurrency(earned, apartByPartner(...args), opts), [], FEB);
    expect(s!.earnings).toMatchObject({
      commissionCents: 30_00,
      payableCents: 30_00,
      revenueCents: 300_00,
    });
    expect(s!.owedCents).toBe(30_00);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInZone } from '../../src/domain/dates';
import type { Order } from '../../src/domain/schemas';
import {
  addToTotals,
  dayStartMs,
  describeFilters,
  emptyTotals,
  NO_FILTERS,
  ONLY_CHECK,
  orderQueryOf,
  type OnlySet,
} from '../../src/features/sales/order-filters';

describe('Sales filters as an indexed query', () => {
  it.each([
    ['2024-05-01', 'America/New_York'],
    ['2024-03-10', 'America/New_York'], // clocks go forward that night
    ['2024-11-03', 'America/New_York'], // and back
    ['2024-09-08', 'America/Santiago'], // midnight itself is skipped
    ['2024-06-30', 'Pacific/Kiritimati'],
    ['2024-06-30', 'Pacific/Pago_Pago'],
    ['2024-01-01', 'UTC'],
  ])('%s in %s starts at the first instant of that date there', (date, tz) => {
    const ms = dayStartMs(date, tz);
    expect(dateInZone(ms, tz)).toBe(date);
    expect(dateInZone(ms - 1, tz) < date).toBe(true);
  });

  it('puts dates and partner on the index and the rest on a per-row check', () => {
    const tz = 'America/New_York';
    expect(orderQueryOf(NO_FILTERS, [], tz)).toEqual({});
    const q = orderQueryOf(
      { ...NO_FILTERS, from: '2024-05-01', to: '2024-05-31', partner: 'p1' },
      [],
      tz,
    );
    expect(q).toEqual({
      fromMs: Date.parse('2024-05-01T04:00:00Z'),
      toMs: Date.parse('2024-06-01T04:00:00Z') - 1,
      partnerId: 'p1',
    });
    expect(orderQueryOf({ ...NO_FILTERS, partner: 'none' }, [], tz).partnerId).toBeNull();
    const keep = orderQueryOf(
      { ...NO_FILTERS, kind: 'ambassador', status: 'paid', method: 'code' },
      [
        { id: 'a', kind: 'ambassador' },
        { id: 'b', kind: 'affiliate' },
      ],
      tz,
    ).keep!;
    const o = (over: Partial<Order>) =>
      ({
        partnerId: 'a',
        status: 'paid',
        attribution: { method: 'code', reason: '' },
        ...over,
      }) as Order;
    expect(keep(o({}))).toBe(true);
    expect(keep(o({ partnerId: 'b' }))).toBe(false);
    expect(keep(o({ partnerId: null }))).toBe(false);
    expect(keep(o({ status: 'refunded' }))).toBe(false);
    expect(keep(o({ attribution: { method: 'manual', reason: '' } }))).toBe(false);
    const none = orderQueryOf({ ...NO_FILTERS, method: 'none' }, [], tz).keep!;
    expect(none(o({ attribution: null }))).toBe(true);
    expect(none(o({}))).toBe(false);
  });

  it('says what the filters select', () => {
    const names = new Map([['p1', { name: 'Maya Chen' }]]);
    expect(describeFilters(NO_FILTERS, names)).toBeNull();
    expect(
      describeFilters(
        { ...NO_FILTERS, from: '2024-05-01', to: '2024-05-31', partner: 'p1', method: 'manual' },
        names,
      ),
    ).toBe('placed 2024-05-01 to 2024-05-31 · credited to Maya Chen · credited by hand');
  });

  it('adds up the totals as the list counts them', () => {
    const t = emptyTotals();
    const o = (over: Partial<Order>) =>
      ({
        status: 'paid',
        totalCents: 1000,
        refundedCents: 0,
        discountCents: 100,
        partnerId: null,
        ...over,
      }) as Order;
    addToTotals(t, [o({ partnerId: 'p' }), o({ status: 'cancelled' })]);
    addToTotals(t, [o({ status: 'partially refunded', refundedCents: 400 })]);
    expect(t.orders).toBe(3);
    expect(t.sets).toEqual({ revenue: 2, counted: 2, refunds: 1, discounts: 2, credited: 1 });
    expect([...t.byCurrency]).toEqual([
      [undefined, { orders: 3, revenue: 1600, refunded: 400, discounts: 200 }],
    ]);
  });

  it('a cancelled order with a refund is in the rows but in no money total, and says so', () => {
    // The bug: "Refunded $0.00" above rows that showed refunds (on cancelled orders).
    const t = emptyTotals();
    const cancelled = order({ status: 'cancelled', refundedCents: 500 });
    addToTotals(t, [cancelled]);
    expect(t.sets.refunds).toBe(0);
    expect(t.byCurrency.get('USD')).toEqual({ orders: 1, revenue: 0, refunded: 0, discounts: 0 });
    const q = orderQueryOf({ ...NO_FILTERS, only: 'refunds' }, [], 'UTC');
    expect(q.keep!(cancelled)).toBe(false);
  });

  it('counts the orders converted at import per rate, in the owner’s words', () => {
    const t = emptyTotals();
    const eur = { from: 'EUR', rate: '1.08', totalCents: 2800 };
    addToTotals(t, [
      order({ currency: 'USD', totalCents: 3024, fx: eur }),
      order({ currency: 'USD', totalCents: 1080, fx: { ...eur, totalCents: 1000 } }),
      order({
        currency: 'USD',
        totalCents: 1270,
        fx: { from: 'GBP', rate: '1.27', totalCents: 1000 },
      }),
      order({ currency: 'USD', totalCents: 500 }),
    ]);
    expect([...t.converted]).toEqual([
      ['converted at 1 EUR = 1.08 USD', 2],
      ['converted at 1 GBP = 1.27 USD', 1],
    ]);
  });

  it('keeps currencies apart: each currency has its own sums', () => {
    const t = emptyTotals();
    addToTotals(t, [
      order({ currency: 'GBP', totalCents: 1200 }),
      order({
        currency: 'USD',
        totalCents: 1000,
        refundedCents: 250,
        status: 'partially refunded',
      }),
      order({ currency: 'GBP', totalCents: 800, discountCents: 100 }),
    ]);
    expect([...t.byCurrency]).toEqual([
      ['GBP', { orders: 2, revenue: 2000, refunded: 0, discounts: 100 }],
      ['USD', { orders: 1, revenue: 750, refunded: 250, discounts: 0 }],
    ]);
    const gbp = orderQueryOf({ ...NO_FILTERS, currency: 'GBP' }, [], 'UTC');
    expect(gbp.keep!(order({ currency: 'GBP' }))).toBe(true);
    expect(gbp.keep!(order({ currency: 'USD' }))).toBe(false);
    expect(describeFilters({ ...NO_FILTERS, only: 'refunds', currency: 'GBP' }, new Map())).toBe(
      'with a refund, not cancelled · in GBP',
    );
  });

  it('every total equals the sum over exactly the rows its "show them" filter keeps', () => {
    const orderArb = fc.record({
      status: fc.constantFrom('paid', 'partially refunded', 'refunded', 'cancelled' as const),
      totalCents: fc.integer({ min: 0, max: 50_000 }),
      refundedCents: fc.integer({ min: 0, max: 50_000 }),
      discountCents: fc.integer({ min: 0, max: 5_000 }),
      currency: fc.constantFrom('USD', 'GBP', 'PKR'),
      partnerId: fc.constantFrom(null, 'p1'),
    });
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 30 }), (raw) => {
        const orders = raw.map((r) =>
          order({ ...r, refundedCents: Math.min(r.refundedCents, r.totalCents) }),
        );
        const t = emptyTotals();
        addToTotals(t, orders);
        const rowsOf = (k: OnlySet, cur?: string) =>
          orders.filter((o) => {
            const q = orderQueryOf({ ...NO_FILTERS, only: k, currency: cur ?? '' }, [], 'UTC');
            return q.keep!(o);
          });
        for (const k of Object.keys(ONLY_CHECK) as OnlySet[])
          expect(t.sets[k]).toBe(rowsOf(k).length);
        for (const [cur, c] of t.byCurrency) {
          const sum = (rows: Order[], f: (o: Order) => number) =>
            rows.reduce((s, o) => s + f(o), 0);
          expect(c.revenue).toBe(
            sum(rowsOf('revenue', cur), (o) => o.totalCents - o.refundedCents),
          );
          expect(c.refunded).toBe(sum(rowsOf('refunds', cur), (o) => o.refundedCents));
          expect(c.discounts).toBe(sum(rowsOf('discounts', cur), (o) => o.discountCents));
        }
      }),
    );
  });
});

function order(over: Partial<Order>): Order {
  return {
    status: 'paid',
    currency: 'USD',
    totalCents: 1000,
    refundedCents: 0,
    discountCents: 0,
    partnerId: null,
    ...over,
  } as Order;
}

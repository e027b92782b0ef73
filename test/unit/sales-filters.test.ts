import { describe, expect, it } from 'vitest';
import { dateInZone } from '../../src/domain/dates';
import type { Order } from '../../src/domain/schemas';
import {
  addToTotals,
  dayStartMs,
  describeFilters,
  emptyTotals,
  NO_FILTERS,
  orderQueryOf,
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
    expect(t).toEqual({
      orders: 3,
      counted: 2,
      revenue: 1600,
      refunded: 400,
      discounts: 200,
      credited: 1,
    });
  });
});

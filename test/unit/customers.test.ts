import { describe, expect, it } from 'vitest';
import {
  acquisitions,
  byRegion,
  cohorts,
  customerValue,
  hyperlocalUplift,
  regionalUplift,
} from '../../src/domain/customers';
import type { Order } from '../../src/domain/schemas';

const brooklyn = { country: 'US', province: 'NY', city: 'Brooklyn' };
const austin = { country: 'US', province: 'TX', city: 'Austin' };
let n = 0;
const o = (
  customerKey: string | null,
  date: string,
  partnerId: string | null,
  total: number,
  refunded = 0,
  status: Order['status'] = 'paid',
  region = austin,
) => ({
  id: `o${++n}`,
  placedAtMs: Date.parse(`${date}T12:00:00Z`),
  customerKey,
  partnerId,
  status,
  totalCents: total,
  refundedCents: refunded,
  region,
});

// Hand-computed cohort fixture.
const orders = [
  o('c1', '2025-01-10', 'p1', 5000),
  o('c1', '2025-02-15', null, 3000), // a repeat without a code still counts for p1's customer
  o('c1', '2025-06-01', 'p2', 4000), // credited to p2, but c1 was acquired by p1
  o('c2', '2025-01-20', 'p1', 2000),
  o('c2', '2025-05-01', 'p1', 9999, 0, 'cancelled'), // cancelled: not a repeat
  o('c3', '2025-02-05', 'p2', 6000, 1000, 'partially refunded', brooklyn),
  o('c3', '2025-03-01', 'p2', 2500, 0, 'paid', brooklyn),
  o(null, '2025-03-02', 'p2', 700), // anonymous: never a customer
  o(null, '2025-03-03', 'p2', 800),
  o('c4', '2025-03-10', null, 1000, 0, 'paid', brooklyn),
];
const tz = 'UTC';
const today = '2025-12-31';
const year = { start: '2025-01-01', end: '2025-12-31' };
const acq = acquisitions(orders, tz);
const is = (id: string) => (p: string | null) => p === id;

describe('customer acquisition and lifetime value', () => {
  it('credits each customer to the partner of their first order; anonymous orders are not customers', () => {
    expect(acq.size).toBe(4);
    expect(acq.get('c1')).toMatchObject({
      partnerId: 'p1',
      firstDate: '2025-01-10',
      laterDates: ['2025-02-15', '2025-06-01'],
    });
    expect(acq.get('c2')!.laterDates).toEqual([]);
    expect(acq.get('c4')!.partnerId).toBeNull();
  });
  it('computes new customers, repeat rates and lifetime value', () => {
    const p1 = customerValue(acq.values(), is('p1'), year, today, 365, 1);
    expect(p1.newCustomers).toBe(2);
    expect(p1.lifetimeValueCents).toBe(14_000); // c1 5000+3000+4000, c2 2000
    expect(p1.valuePerCustomerCents).toBe(7_000);
    // A 365-day window has not passed yet for January customers by Dec 31: no rate, not a zero.
    expect(p1.repeatRate).toEqual({ 90: 0.5, 180: 0.5, 365: null });
    expect(p1.eligible[365]).toBe(0);
    const p2 = customerValue(acq.values(), is('p2'), year, today, 365, 1);
    expect(p2.newCustomers).toBe(1);
    expect(p2.lifetimeValueCents).toBe(7_500); // 6000 - 1000 refunded + 2500
    expect(p2.repeatRate[90]).toBe(1);
  });
  it('limits lifetime value to the window and says when there is not enough data', () => {
    const p1 = customerValue(acq.values(), is('p1'), year, today, 30);
    expect(p1.lifetimeValueCents).toBe(7_000); // only first orders fall within 30 days
    expect(p1.repeatRate[90]).toBeNull(); // 2 eligible customers < 5
    expect(p1.eligible[90]).toBe(2);
    // Customers whose window has not passed yet are not counted against the rate.
    const early = customerValue(acq.values(), is('p1'), year, '2025-03-01', 365, 1);
    expect(early.eligible).toEqual({ 90: 0, 180: 0, 365: 0 });
  });
  it('builds cohort retention by month of acquisition', () => {
    const rows = cohorts(acq.values(), is('p1'), today);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.month).toBe('2025-01');
    expect(rows[0]!.size).toBe(2);
    expect(rows[0]!.retained).toEqual([0.5, 0, 0, 0, 0.5, 0, 0, 0, 0, 0, 0, null]);
  });
  it('groups by region and estimates regional uplift', () => {
    const regions = byRegion(orders, acq, year, tz);
    const bk = regions.find((r) => r.city === 'Brooklyn')!;
    expect(bk).toMatchObject({ orders: 3, revenueCents: 8_500, newCustomers: 2 });
    const u = regionalUplift(
      orders,
      (x) => x.region.city === 'Brooklyn',
      { start: '2025-03-01', end: '2025-03-31' },
      tz,
    );
    expect(u.before).toEqual({ start: '2025-01-29', end: '2025-02-28' });
    expect(u.beforeCents).toBe(5_000);
    expect(u.duringCents).toBe(3_500);
    expect(u.uplift).toBeCloseTo(-0.3, 10);
  });
  it('hyperlocal uplift counts only the partner’s own attributed sales in its city', () => {
    const loc = (city: string, region: string) => ({ location: { city, region, country: 'US' } });
    const march = { start: '2025-03-01', end: '2025-03-31' };
    // Brooklyn in March: p2's own 2,500; c4's 1,000 is credited to nobody. Before (Jan 29 - Feb 28):
    // p2's own 6,000 - 1,000 refunded.
    const p2 = hyperlocalUplift(orders, { id: 'p2', ...loc('brooklyn', 'ny') }, march, tz);
    expect(p2).toMatchObject({ duringCents: 2_500, beforeCents: 5_000 });
    expect(p2.uplift).toBeCloseTo(-0.5, 10);
    // A second partner in the same city claims none of it.
    const p9 = hyperlocalUplift(orders, { id: 'p9', ...loc('Brooklyn', '') }, march, tz);
    expect(p9).toMatchObject({ duringCents: 0, beforeCents: 0, uplift: null });
    // Another state with the same city name is not the partner's city.
    expect(
      hyperlocalUplift(orders, { id: 'p2', ...loc('Brooklyn', 'MD') }, march, tz).duringCents,
    ).toBe(0);
  });
});

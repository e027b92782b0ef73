import { describe, expect, it } from 'vitest';
import { foreignCurrencyTotals, type PartnerTerms } from '../../src/domain/currency-totals';
import type { Order } from '../../src/domain/schemas';
import {
  inBrandCurrency,
  type DashboardFigures,
} from '../../src/features/dashboard/dashboardFigures';

const contract = (rate: number) => ({
  startDate: '2025-01-01',
  endDate: null,
  commissionRate: rate,
  commissionBase: 'subtotal' as const,
});
const partners = new Map<string, PartnerTerms>([
  ['amb', { kind: 'ambassador', contracts: [contract(10)] }],
  ['aff', { kind: 'affiliate', contracts: [contract(20)] }],
]);

function order(
  day: string,
  partnerId: string | null,
  currency: string,
  subtotal: number,
  over: Partial<Order> = {},
): Order {
  return {
    currency,
    partnerId,
    placedAtMs: Date.parse(`${day}T15:00:00Z`),
    subtotalCents: subtotal,
    totalCents: subtotal + 500,
    refundedCents: 0,
    discountCents: 0,
    status: 'paid',
    ...over,
  } as Order;
}

describe('foreignCurrencyTotals', () => {
  const orders = [
    order('2025-06-10', 'aff', 'GBP', 4000), // £45 revenue, £8 commission
    order('2025-06-11', 'amb', 'GBP', 10000), // £105, £10
    order('2025-06-12', 'aff', 'GBP', 2000, { status: 'cancelled' }), // nothing
    order('2025-06-12', 'aff', 'PKR', 100000), // ₨1,005, ₨200
    order('2025-06-13', 'aff', 'USD', 9999), // the brand's: left out
    order('2025-06-13', null, 'GBP', 9999), // credited to nobody: left out
    order('2025-07-02', 'aff', 'GBP', 9999), // after the period
  ];
  it('sums revenue, commission and orders per currency and kind, in the period only', () => {
    const t = foreignCurrencyTotals(
      orders,
      partners,
      { start: '2025-06-01', end: '2025-06-30' },
      'USD',
      'UTC',
    );
    expect(t.map((x) => x.currency)).toEqual(['GBP', 'PKR']);
    const [gbp, pkr] = t;
    expect(gbp).toMatchObject({ revenueCents: 15000, commissionCents: 1800, orders: 2 });
    expect(gbp!.byKind).toEqual({
      ambassador: { revenueCents: 10500, commissionCents: 1000, orders: 1 },
      affiliate: { revenueCents: 4500, commissionCents: 800, orders: 1 },
    });
    expect([...gbp!.commissionByPartner]).toEqual([
      ['aff', 800],
      ['amb', 1000],
    ]);
    expect(pkr).toMatchObject({ revenueCents: 100500, commissionCents: 20000, orders: 1 });
  });

  it('is empty when every order is in the brand currency', () => {
    expect(
      foreignCurrencyTotals(
        orders,
        partners,
        { start: '2025-06-01', end: '2025-06-30' },
        'GBP',
        'UTC',
      ).map((x) => x.currency),
    ).toEqual(['PKR', 'USD']);
    expect(
      foreignCurrencyTotals([], partners, { start: '2025-06-01', end: '2025-06-30' }, 'USD', 'UTC'),
    ).toEqual([]);
  });
});

describe('inBrandCurrency', () => {
  const fig = (value: number | null) => ({ value, records: 5, min: 3 });
  const figures: DashboardFigures = {
    kinds: {
      ambassador: { revenue: fig(50000), spend: fig(20000), roi: fig(1.5) },
      affiliate: { revenue: fig(null), spend: fig(null), roi: fig(null) },
    },
    totals: {
      ambassador: { revenueCents: 50000, costCents: 20000, orders: 10 },
      affiliate: { revenueCents: 30000, costCents: 6000, orders: 7 },
    },
    top: [],
  };
  it('takes orders kept apart out of revenue, their commission out of spend, per kind', () => {
    const [gbp] = foreignCurrencyTotals(
      [order('2025-06-11', 'amb', 'GBP', 10000), order('2025-06-10', 'aff', 'GBP', 4000)],
      partners,
      { start: '2025-06-01', end: '2025-06-30' },
      'USD',
      'UTC',
    );
    const b = inBrandCurrency(figures, [gbp!]);
    expect(b.totals).toEqual({
      ambassador: { revenueCents: 39500, costCents: 19000, orders: 9 },
      affiliate: { revenueCents: 25500, costCents: 5200, orders: 6 },
    });
    expect(b.kinds.ambassador.revenue.value).toBe(39500);
    expect(b.kinds.ambassador.spend.value).toBe(19000);
    // (39,500 - 19,000) / 19,000
    expect(b.kinds.ambassador.roi.value).toBeCloseTo(20500 / 19000, 10);
    // Too few partners stays "not enough data".
    expect(b.kinds.affiliate.revenue.value).toBeNull();
    expect(inBrandCurrency(figures, [])).toBe(figures);
  });
});

import { describe, expect, it } from 'vitest';
import { foreignCurrencyTotals, type PartnerTerms } from '../../src/domain/currency-totals';
import { roi, withTotals } from '../../src/domain/earnings';
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

describe('inBrandCurrency: the top partners', () => {
  it('ranks each partner by their brand-currency figures (pounds never lift a partner)', () => {
    const earnings = (revenueCents: number, commissionCents: number, retainerCents: number) =>
      withTotals({
        revenueCents,
        orders: 1,
        commissionCents,
        retainerCents,
        feesCents: 0,
        bonusCents: 0,
        perksCents: 0,
        discountCents: 0,
        giftedCents: 0,
        giftedRetailCents: 0,
      });
    // amb: $100 and £205 (a £200 subtotal plus £5) counted together by the rollups (30,500), 10 %
    // commission on subtotals (3,000) and a 2,000 retainer: ROI (30,500 - 5,000) / 5,000 = 5.1.
    // aff: $150, 3,000 commission: ROI 4.
    const amb = earnings(30500, 3000, 2000);
    const aff = earnings(15000, 3000, 0);
    const top = [
      {
        partnerId: 'amb',
        name: 'Amb',
        kind: 'ambassador' as const,
        tags: [],
        earnings: amb,
        roi: roi(30500, 5000),
      },
      {
        partnerId: 'aff',
        name: 'Aff',
        kind: 'affiliate' as const,
        tags: [],
        earnings: aff,
        roi: roi(15000, 3000),
      },
    ];
    const f: DashboardFigures = {
      kinds: figuresOf(),
      totals: {
        ambassador: { revenueCents: 30500, costCents: 5000, orders: 2 },
        affiliate: { revenueCents: 15000, costCents: 3000, orders: 1 },
      },
      top,
    };
    expect(f.top.map((x) => x.roi)).toEqual([5.1, 4]);
    const [gbp] = foreignCurrencyTotals(
      [order('2025-06-11', 'amb', 'GBP', 20000)],
      partners,
      { start: '2025-06-01', end: '2025-06-30' },
      'USD',
      'UTC',
    );
    expect(gbp!.byPartner.get('amb')).toEqual({
      revenueCents: 20500,
      commissionCents: 2000,
      discountCents: 0,
      orders: 1,
    });
    const b = inBrandCurrency(f, [gbp!], { countDiscountAsCost: false });
    // In dollars alone amb has 10,000 at a cost of 1,000 + 2,000: ROI 7,000 / 3,000.
    expect(b.top.map((x) => x.partnerId)).toEqual(['aff', 'amb']);
    const after = b.top[1]!;
    expect(after.earnings.revenueCents).toBe(10000);
    expect(after.earnings.costCents).toBe(3000);
    expect(after.roi).toBeCloseTo(7000 / 3000);
    expect(b.top[0]).toEqual(top[1]);
  });
});

function figuresOf(): DashboardFigures['kinds'] {
  const fig = (value: number | null) => ({ value, records: 5, min: 3 });
  const k = { revenue: fig(1), spend: fig(1), roi: fig(1) };
  return { ambassador: k, affiliate: k };
}

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

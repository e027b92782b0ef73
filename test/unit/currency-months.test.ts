/**
 * The Compare charts draw the brand's currency only: orders kept apart in another currency come
 * out of each month's revenue (and their commission out of its cost) and are listed on their own.
 */
import { describe, expect, it } from 'vitest';
import type { MonthPoint } from '../../src/domain/compare';
import {
  foreignCurrencyMonths,
  monthlyInBrandCurrency,
  type PartnerTerms,
} from '../../src/domain/currency-totals';
import type { Order } from '../../src/domain/schemas';

const terms = (kind: PartnerTerms['kind'], rate: number): PartnerTerms => ({
  kind,
  contracts: [
    { startDate: '2025-01-01', endDate: null, commissionRate: rate, commissionBase: 'subtotal' },
  ],
});
const partners = new Map([
  ['amb', terms('ambassador', 10)],
  ['aff', terms('affiliate', 20)],
]);
const order = (
  iso: string,
  partnerId: string | null,
  currency: string,
  subtotal: number,
  over: Partial<Order> = {},
) =>
  ({
    currency,
    partnerId,
    placedAtMs: Date.parse(iso),
    subtotalCents: subtotal,
    totalCents: subtotal + 500,
    refundedCents: 0,
    discountCents: 0,
    status: 'paid',
    ...over,
  }) as Order;

const range = { start: '2025-03-10', end: '2025-05-20' };
const orders = [
  order('2025-03-12T15:00:00Z', 'amb', 'GBP', 10_000), // £105.00, commission £10.00
  order('2025-03-30T15:00:00Z', 'aff', 'GBP', 5_000, { refundedCents: 2_750 }), // half refunded
  order('2025-05-02T15:00:00Z', 'aff', 'PKR', 100_000), // Rs 1,005.00, commission Rs 200.00
  order('2025-04-01T15:00:00Z', 'amb', 'USD', 9_999), // the brand's currency: in the lines
  order('2025-04-01T15:00:00Z', null, 'GBP', 9_999), // credited to nobody
  order('2025-03-09T15:00:00Z', 'amb', 'GBP', 9_999), // before the period
  // 23:00 on May 20 in New York is May 21 in UTC: inside the period in the brand's zone.
  order('2025-05-21T03:00:00Z', 'amb', 'GBP', 2_000),
];

describe('orders kept apart, month by month', () => {
  const apart = foreignCurrencyMonths(orders, partners, range, 'USD', 'America/New_York');

  it('sums revenue and commission per currency, kind and month of the period', () => {
    expect(apart).toEqual([
      {
        currency: 'GBP',
        revenueCents: { ambassador: [10_500, 0, 2_500], affiliate: [2_750, 0, 0] },
        // 20 % of £50.00 = £10.00, less the refunded half of the total (5,500): £5.00.
        commissionCents: { ambassador: [1_000, 0, 200], affiliate: [500, 0, 0] },
      },
      {
        currency: 'PKR',
        revenueCents: { ambassador: [0, 0, 0], affiliate: [0, 0, 100_500] },
        commissionCents: { ambassador: [0, 0, 0], affiliate: [0, 0, 20_000] },
      },
    ]);
  });

  it('takes them out of the monthly series, leaving the brand-currency figures', () => {
    const point = (month: string, ra: number, rf: number, ca: number, cf: number): MonthPoint => ({
      month,
      revenueCents: { ambassador: ra, affiliate: rf },
      costCents: { ambassador: ca, affiliate: cf },
    });
    // What the rollups sum: every credited order, whatever its currency.
    const monthly = [
      point('2025-03', 30_500, 2_750, 5_000, 500),
      point('2025-04', 10_499, 0, 31_000, 0),
      point('2025-05', 2_500, 100_500, 31_200, 20_000),
    ];
    expect(monthlyInBrandCurrency(monthly, apart)).toEqual([
      point('2025-03', 20_000, 0, 4_000, 0),
      point('2025-04', 10_499, 0, 31_000, 0),
      point('2025-05', 0, 0, 31_000, 0),
    ]);
    expect(monthlyInBrandCurrency(monthly, [])).toEqual(monthly);
  });
});

describe('the comparison in the brand currency', () => {
  it('equals the comparison of the same brand without the orders kept apart', async () => {
    const { data, range: period, opts } = await import('./compare-fixture');
    const { compareFromIndex, indexByPartner, NO_FILTERS } =
      await import('../../src/domain/compare');
    const base = data.orders.find((o) => o.id === 'o1')!;
    const pounds = [
      {
        ...base,
        id: 'g1',
        orderId: 'g1',
        currency: 'GBP',
        totalCents: 7_000,
        subtotalCents: 7_000,
      },
      {
        ...base,
        id: 'g2',
        orderId: 'g2',
        partnerId: 'f1',
        currency: 'GBP',
        placedAtMs: Date.parse('2025-02-03T15:00:00Z'),
      },
    ];
    const withPounds = { ...data, orders: [...data.orders, ...pounds] };
    const apart = compareFromIndex(
      withPounds,
      indexByPartner(withPounds, opts.timeZone),
      period,
      NO_FILTERS,
      { ...opts, apart: { currency: 'USD', orders: pounds } },
    );
    const without = compareFromIndex(
      data,
      indexByPartner(data, opts.timeZone),
      period,
      NO_FILTERS,
      opts,
    );
    expect(apart.kinds).toEqual(without.kinds);
    expect(apart.partners).toEqual(without.partners);
    expect(apart.monthly).toEqual(without.monthly);
    expect(apart.apart.map((t) => t.currency)).toEqual(['GBP']);
    // Ada's £70.00 in January, Finn's £100.00 (20 % commission: £20.00) in February.
    expect(apart.apart[0]!.revenueCents).toEqual({
      ambassador: [7_000, 0],
      affiliate: [0, 10_000],
    });
    expect(apart.apart[0]!.commissionCents).toEqual({ ambassador: [0, 0], affiliate: [0, 2_000] });
  });
});

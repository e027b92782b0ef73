import { describe, expect, it } from 'vitest';
import {
  accruedRetainerCents,
  aovCents,
  cpaCents,
  orderCommissionCents,
  partnerEarnings,
  roas,
  roi,
} from '../../src/domain/earnings';
import type { BonusRule, ContentItem, Contract, Order } from '../../src/domain/schemas';

const stamp = { createdAt: 0, updatedAt: 0 };
const contract = (over: Partial<Contract>): Contract => ({
  id: 'k1',
  ...stamp,
  partnerId: 'p1',
  startDate: '2025-01-16',
  endDate: null,
  retainerCents: 30_000,
  retainerPeriod: 'monthly',
  commissionRate: 10,
  commissionBase: 'subtotal',
  commissionOnRepeat: false,
  flatFeePerPostCents: 0,
  perksCentsPerMonth: 5_000,
  deliverablesPerMonth: 4,
  notes: '',
  ...over,
});
const order = (
  id: string,
  iso: string,
  subtotal: number,
  total: number,
  refunded: number,
  status: Order['status'],
  discount = 0,
): Order => ({
  id,
  ...stamp,
  source: 'shopify',
  orderId: id,
  placedAt: iso,
  placedAtMs: Date.parse(iso),
  currency: 'USD',
  subtotalCents: subtotal,
  discountCents: discount,
  shippingCents: 0,
  taxCents: total - subtotal,
  totalCents: total,
  refundedCents: refunded,
  status,
  codes: [],
  tags: [],
  note: '',
  partnerId: 'p1',
  attribution: { method: 'code', reason: '' },
  customerKey: null,
  email: null,
  region: { country: '', province: '', city: '' },
});
const post = (date: string, status: ContentItem['status'], cost: number): ContentItem => ({
  id: `c-${date}`,
  ...stamp,
  partnerId: 'p1',
  campaignId: null,
  platform: 'instagram',
  format: 'post',
  plannedDate: date,
  plannedTime: '',
  status,
  title: '',
  brief: '',
  control: 'partner',
  publishedUrl: '',
  costCents: cost,
  metrics: null,
});

// Hand-computed fixture (see the numbers in each comment).
const orders = [
  order('o1', '2025-01-20T15:00:00Z', 10_000, 11_500, 0, 'paid', 1_500), // commission 1000
  order('o2', '2025-02-03T15:00:00Z', 8_000, 9_200, 4_600, 'partially refunded'), // 800 - 400 = 400
  order('o3', '2025-02-10T15:00:00Z', 5_000, 5_750, 0, 'cancelled', 500), // nothing
  order('o4', '2025-01-10T15:00:00Z', 2_000, 2_300, 0, 'paid'), // before the contract: no commission
  order('o5', '2025-03-01T03:30:00Z', 3_000, 3_450, 0, 'paid'), // Feb 28 in New York: 300
  order('o6', '2025-02-12T15:00:00Z', 4_000, 4_600, 4_600, 'refunded', 600), // fully reversed
];
const rule: BonusRule = {
  id: 'r',
  ...stamp,
  name: 'Big month',
  kind: null,
  minMonthlyRevenueCents: 12_000,
  bonusCents: 5_000,
  active: true,
};
const records = {
  kind: 'ambassador' as const,
  contracts: [contract({})],
  orders,
  content: [
    post('2025-01-25', 'published', 2_500),
    post('2025-03-02', 'published', 2_500),
    post('2025-02-01', 'planned', 2_500),
  ],
  bonuses: [
    { id: 'b', ...stamp, partnerId: 'p1', date: '2025-02-14', amountCents: 10_000, reason: 'x' },
  ],
  bonusRules: [rule],
};
const range = { start: '2025-01-01', end: '2025-02-28' };
const opts = { timeZone: 'America/New_York', countDiscountAsCost: false };

describe('partner earnings for a period', () => {
  it('matches the hand-computed statement', () => {
    expect(partnerEarnings(records, range, opts)).toEqual({
      revenueCents: 21_850, // 11500 + 4600 + 0 + 2300 + 3450 + 0
      orders: 4, // o1, o2, o4, o5
      commissionCents: 1_700, // 1000 + 400 + 300
      retainerCents: 45_484, // 30000 x 16/31 (15484) + 30000
      feesCents: 2_500, // one published post in range
      bonusCents: 15_000, // manual 10000 + January revenue 13800 >= 12000
      perksCents: 7_581, // 5000 x 16/31 (2581) + 5000
      discountCents: 0,
      giftedCents: 0,
      giftedRetailCents: 0,
      payableCents: 64_684,
      costCents: 72_265,
    });
  });
  it('counts discounts given through codes as cost when the brand says so', () => {
    const e = partnerEarnings(records, range, { ...opts, countDiscountAsCost: true });
    expect(e.discountCents).toBe(2_100); // 1500 + 600; the cancelled order's 500 does not count
    expect(e.costCents).toBe(74_365);
  });
  it('uses the contract active on the order date when terms change', () => {
    const two = [
      contract({ id: 'a', startDate: '2025-01-01', endDate: '2025-01-31', commissionRate: 10 }),
      contract({
        id: 'b',
        startDate: '2025-02-01',
        commissionRate: 20,
        retainerCents: 0,
        perksCentsPerMonth: 0,
      }),
    ];
    const e = partnerEarnings(
      { ...records, contracts: two, bonusRules: [], bonuses: [] },
      range,
      opts,
    );
    // o1 10% of 10000 = 1000, o4 10% of 2000 = 200, o2 20% of 8000 = 1600 halved = 800, o5 20% of 3000 = 600
    expect(e.commissionCents).toBe(2_600);
    expect(e.retainerCents).toBe(30_000); // January only
  });
  it('accrues quarterly retainers by active days of each quarter', () => {
    const q = contract({
      startDate: '2025-02-15',
      endDate: '2025-05-14',
      retainerCents: 90_000,
      retainerPeriod: 'quarterly',
    });
    // Q1: 45 of 90 days = 45000; Q2: 44 of 91 days = 43516.48
    expect(accruedRetainerCents(q, { start: '2025-01-01', end: '2025-12-31' })).toBe(88_516);
    const y = contract({
      startDate: '2024-07-01',
      endDate: null,
      retainerCents: 366_000,
      retainerPeriod: 'yearly',
    });
    expect(accruedRetainerCents(y, { start: '2024-01-01', end: '2024-01-31' })).toBe(0);
    expect(accruedRetainerCents(y, { start: '2024-07-01', end: '2024-07-31' })).toBe(31_000); // 2024 has 366 days
  });
  it('commission on the total, and nothing without a contract', () => {
    const c = contract({ commissionBase: 'total', commissionRate: 12.5 });
    expect(orderCommissionCents(orders[0]!, c)).toBe(1_438); // 1437.5 rounds half up
    expect(orderCommissionCents(orders[0]!, null)).toBe(0);
  });
  it('ratios', () => {
    expect(roi(30_000, 10_000)).toBe(2);
    expect(roi(5_000, 0)).toBeNull();
    expect(roas(30_000, 10_000)).toBe(3);
    expect(cpaCents(10_000, 3)).toBe(3_333);
    expect(cpaCents(10_000, 0)).toBeNull();
    expect(aovCents(21_850, 4)).toBe(5_463);
  });
});

import { describe, expect, it } from 'vitest';
import { partnerEarnings } from '../../src/domain/earnings';
import {
  followersByPlatform,
  newCustomersByPartner,
  partnerFigures,
  postTotals,
  rankPartners,
} from '../../src/domain/partner-figures';
import { buildPartnerStats, packPosts } from '../../src/domain/stats';
import type { Order, Partner } from '../../src/domain/schemas';
import { SEED_CONTENT, SEED_CONTRACT, SEED_ORDERS, seedOrder } from '../fixtures/partner-march';

const orders = [...SEED_ORDERS, seedOrder(4, '2025-04-02', 9_000, 9_000)]; // the 4th is in April
const content = SEED_CONTENT;
const order = (
  id: string,
  day: string,
  status: Order['status'],
  partnerId: string | null,
  customerKey: string,
): Order => ({
  ...seedOrder(0, day, 100, 100, status === 'cancelled'),
  id,
  partnerId,
  customerKey,
});
const partner: Pick<Partner, 'accounts'> = {
  accounts: [
    { platform: 'instagram', handle: 'a', followers: 10_000, engagementRate: 0 },
    { platform: 'tiktok', handle: 'b', followers: 4_000, engagementRate: 0 },
  ] as Partner['accounts'],
};
const march = { start: '2025-03-01', end: '2025-03-31' };
const opts = { timeZone: 'UTC', countDiscountAsCost: false };

const contract = { ...SEED_CONTRACT, retainerCents: 30_000 }; // and a $300 monthly retainer

describe('partnerFigures (hand-computed March 2025)', () => {
  const earnings = partnerEarnings(
    { kind: 'affiliate', contracts: [contract], orders, content, bonuses: [], bonusRules: [] },
    march,
    opts,
  );
  const totals = postTotals(packPosts(content), march, followersByPlatform(partner));
  const f = partnerFigures(earnings, totals, 1_200); // CPM $12.00

  it('revenue $165.00 over 2 orders; cost = retainer $300 + commission $15 + post fee $50', () => {
    expect(f.revenueCents).toBe(16_500);
    expect(f.orders).toBe(2);
    expect(f.costCents).toBe(36_500);
  });
  it('ROI = (165 - 365) / 365, ROAS = 165 / 365', () => {
    expect(f.roi).toBeCloseTo(-200 / 365, 10);
    expect(f.roas).toBeCloseTo(165 / 365, 10);
  });
  it('CPA = $365 / 2 = $182.50, AOV = $165 / 2 = $82.50', () => {
    expect(f.cpaCents).toBe(18_250);
    expect(f.aovCents).toBe(8_250);
  });
  it('EMV = 8,000 impressions / 1000 x $12 = $96.00', () => {
    expect(f.impressions).toBe(8_000);
    expect(f.emvCents).toBe(9_600);
  });
  it('engagement = mean of 10 % (by reach) and 15 % (by followers) = 12.5 %, base mixed', () => {
    expect(f.engagementRate).toBeCloseTo(0.125, 10);
    expect(f.engagementBase).toBe('mixed');
    expect(f.posts).toBe(3);
  });
  it('conversion = 2 orders / 100 clicks = 2 %', () => {
    expect(f.clicks).toBe(100);
    expect(f.conversion).toBeCloseTo(0.02, 10);
  });
  it('the same figures from the rollup as from the records', () => {
    const stats = buildPartnerStats('p-001', orders, content, [contract], 'UTC');
    const t2 = postTotals(stats.posts, march, followersByPlatform(partner));
    expect(t2).toEqual(totals);
  });
});

describe('partnerFigures without the data for a figure', () => {
  const none = postTotals(packPosts([]), march, [0, 0, 0, 0, 0, 0]);
  const noCost = partnerFigures(
    partnerEarnings(
      { kind: 'affiliate', contracts: [], orders, content: [], bonuses: [], bonusRules: [] },
      march,
      opts,
    ),
    none,
    1_200,
  );
  it('no cost: no ROI, ROAS; CPA is $0.00 per order; no clicks: no conversion; no metrics: no EMV', () => {
    expect(noCost.roi).toBeNull();
    expect(noCost.roas).toBeNull();
    expect(noCost.cpaCents).toBe(0);
    expect(noCost.conversion).toBeNull();
    expect(noCost.emvCents).toBeNull();
    expect(noCost.engagementRate).toBeNull();
    expect(noCost.engagementBase).toBeNull();
  });
  it('no orders: no CPA or AOV', () => {
    const f = partnerFigures(
      partnerEarnings(
        {
          kind: 'affiliate',
          contracts: [contract],
          orders: [],
          content: [],
          bonuses: [],
          bonusRules: [],
        },
        march,
        opts,
      ),
      none,
      1_200,
    );
    expect(f.cpaCents).toBeNull();
    expect(f.aovCents).toBeNull();
    expect(f.roi).toBe(-1);
  });
});

describe('rankPartners', () => {
  const names: Record<string, string> = { a: 'Alma', b: 'Bo', c: 'Cy', d: 'Di' };
  it('ranks best first, leaves out partners without the figure, ties by name', () => {
    const v: Record<string, number | null> = { a: 5, b: null, c: 9, d: 5 };
    expect(
      rankPartners(
        ['a', 'b', 'c', 'd'],
        (id) => v[id]!,
        (id) => names[id]!,
        2,
      ),
    ).toEqual([
      { partnerId: 'c', value: 9 },
      { partnerId: 'a', value: 5 },
    ]);
  });
  it('leaves out zero', () => {
    expect(
      rankPartners(
        ['a'],
        () => 0,
        (id) => names[id]!,
      ),
    ).toEqual([]);
  });
});

describe('newCustomersByPartner', () => {
  it('counts first orders in the period, credited to the partner, of customers not known before', () => {
    const inPeriod = [
      order('n1', '2025-03-02', 'paid', 'p1', 'k1'), // new for p1
      order('n2', '2025-03-09', 'paid', 'p2', 'k1'), // k1 again: not new
      order('n3', '2025-03-04', 'paid', 'p2', 'k2'), // new for p2
      order('n4', '2025-03-05', 'paid', 'p1', 'k3'), // k3 known before: not new
      order('n5', '2025-03-06', 'cancelled', 'p1', 'k4'), // cancelled: not a customer
      order('n6', '2025-03-07', 'paid', null, 'k5'), // organic
      order('n7', '2025-03-08', 'paid', 'p1', 'k6'), // new for p1
    ];
    const m = newCustomersByPartner(inPeriod, new Set(['k3']), march, 'UTC');
    expect(Object.fromEntries(m)).toEqual({ p1: 2, p2: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import {
  ASPECTS,
  betterIndex,
  computeComparison,
  FIGURES,
  leaderboard,
  NO_FILTERS,
  type CompareData,
  type FigureKey,
} from '../../src/domain/compare';
import type { ContentItem, Contract, Order, Partner } from '../../src/domain/schemas';

const stamp = { createdAt: 0, updatedAt: 0 };

const partner = (over: Partial<Partner> & Pick<Partner, 'id' | 'kind'>): Partner => ({
  ...stamp,
  name: over.id,
  email: '',
  tags: [],
  status: 'active',
  statusHistory: [],
  niche: 'dogs',
  location: { city: '', region: '', country: 'US' },
  exclusive: false,
  payout: { method: 'none', handle: '' },
  notes: '',
  accounts: [],
  codes: [],
  referralSlug: '',
  archived: false,
  ...over,
});

const contract = (over: Partial<Contract> & Pick<Contract, 'id' | 'partnerId'>): Contract => ({
  ...stamp,
  startDate: '2025-01-01',
  endDate: null,
  retainerCents: 0,
  retainerPeriod: 'monthly',
  commissionRate: 0,
  commissionBase: 'subtotal',
  commissionOnRepeat: false,
  flatFeePerPostCents: 0,
  perksCentsPerMonth: 0,
  deliverablesPerMonth: 0,
  notes: '',
  ...over,
});

const order = (
  id: string,
  partnerId: string,
  iso: string,
  subtotal: number,
  total: number,
  status: Order['status'] = 'paid',
  refunded = 0,
): Order => ({
  id,
  ...stamp,
  source: 'shopify',
  orderId: id,
  placedAt: iso,
  placedAtMs: Date.parse(iso),
  currency: 'USD',
  subtotalCents: subtotal,
  discountCents: 0,
  shippingCents: 0,
  taxCents: total - subtotal,
  totalCents: total,
  refundedCents: refunded,
  status,
  codes: [],
  tags: [],
  note: '',
  partnerId,
  attribution: { method: 'code', reason: '' },
  customerKey: null,
  email: null,
  region: { country: '', province: '', city: '' },
});

const metrics = (reach: number, impressions: number, likes: number, rest = [0, 0, 0]) => ({
  reach,
  impressions,
  likes,
  comments: rest[0]!,
  shares: rest[1]!,
  saves: rest[2]!,
  clicks: 0,
});

const post = (
  id: string,
  partnerId: string,
  date: string,
  over: Partial<ContentItem> = {},
): ContentItem => ({
  id,
  ...stamp,
  partnerId,
  campaignId: null,
  platform: 'instagram',
  format: 'post',
  plannedDate: date,
  plannedTime: '',
  status: 'published',
  title: '',
  brief: '',
  control: 'partner',
  publishedUrl: '',
  costCents: 0,
  metrics: null,
  ...over,
});

/*
 * Hand-computed fixture. Period 2025-01-01..2025-02-28 (59 days = 1.93839 months of 30.4375 days).
 * A1: ambassador, contract starts 2025-01-16 (cut in half by the period), retainer 310.00/month.
 * A2: ambassador, contract ends 2025-01-31, retainer 200.00 + perks 50.00, 10 % commission.
 * F1: micro-affiliate, 20 % commission, 25.00 per published post.
 * F2: micro-affiliate whose contract ended in 2024: not in play.
 */
const data: CompareData = {
  partners: [
    partner({
      id: 'a1',
      kind: 'ambassador',
      exclusive: true,
      tags: ['community ambassador'],
      accounts: [
        { platform: 'instagram', handle: '@a1', followers: 20_000, engagementRate: 3 },
        { platform: 'tiktok', handle: '@a1', followers: 5_000, engagementRate: 3 },
      ],
    }),
    partner({
      id: 'a2',
      kind: 'ambassador',
      accounts: [{ platform: 'youtube', handle: '@a2', followers: 60_000, engagementRate: 2 }],
    }),
    partner({
      id: 'f1',
      kind: 'affiliate',
      tags: ['peer-to-peer affiliate'],
      accounts: [{ platform: 'instagram', handle: '@f1', followers: 5_000, engagementRate: 6 }],
    }),
    partner({ id: 'f2', kind: 'affiliate', accounts: [] }),
  ],
  contracts: [
    contract({ id: 'k-a1', partnerId: 'a1', startDate: '2025-01-16', retainerCents: 31_000 }),
    contract({
      id: 'k-a2',
      partnerId: 'a2',
      startDate: '2024-06-01',
      endDate: '2025-01-31',
      retainerCents: 20_000,
      perksCentsPerMonth: 5_000,
      commissionRate: 10,
    }),
    contract({ id: 'k-f1', partnerId: 'f1', startDate: '2024-10-01', commissionRate: 20 }),
    contract({ id: 'k-f2', partnerId: 'f2', startDate: '2024-01-01', endDate: '2024-06-30' }),
  ],
  campaigns: [
    {
      id: 'cmp1',
      ...stamp,
      name: 'Spring',
      goal: 'sales',
      startDate: '2025-01-01',
      endDate: '2025-01-31',
      budgetCents: 0,
      notes: '',
      partnerIds: ['f1'],
    },
  ],
  contentItems: [
    post('c1', 'a1', '2025-01-20', {
      control: 'co-created',
      metrics: metrics(1_000, 2_000, 80, [10, 5, 5]),
    }),
    post('c2', 'a1', '2025-02-10', { control: 'co-created', metrics: metrics(2_000, 3_000, 100) }),
    post('c3', 'a1', '2025-02-15'),
    post('c4', 'a1', '2025-02-20', { status: 'planned' }),
    post('c5', 'a2', '2025-01-05', { platform: 'youtube', metrics: metrics(0, 4_000, 600) }),
    post('fc1', 'f1', '2025-01-10', {
      campaignId: 'cmp1',
      costCents: 2_500,
      metrics: metrics(500, 600, 40, [5, 3, 2]),
    }),
    post('fc2', 'f1', '2025-02-02', { costCents: 2_500, metrics: metrics(400, 500, 20) }),
    post('fc3', 'f1', '2025-02-20', { costCents: 2_500, status: 'missed' }),
  ],
  orders: [
    order('o1', 'a1', '2025-01-20T15:00:00Z', 10_000, 10_000),
    order('o2', 'a1', '2025-02-05T15:00:00Z', 6_000, 6_000),
    order('o3', 'a1', '2025-02-10T15:00:00Z', 4_000, 4_000, 'refunded', 4_000),
    order('o4', 'a1', '2025-02-11T15:00:00Z', 5_000, 5_000, 'partially refunded', 1_000),
    order('o5', 'a1', '2025-02-12T15:00:00Z', 3_000, 3_000, 'cancelled'),
    order('o6', 'a1', '2025-02-20T15:00:00Z', 5_000, 5_000),
    order('o7', 'a1', '2025-03-05T15:00:00Z', 9_999, 9_999),
    order('o8', 'a2', '2025-01-10T15:00:00Z', 8_000, 8_000),
    order('o9', 'a2', '2025-01-25T15:00:00Z', 12_000, 12_000),
    order('o10', 'a2', '2025-02-15T15:00:00Z', 2_000, 2_000),
    order('f-o1', 'f1', '2025-01-03T15:00:00Z', 4_000, 4_500),
    order('f-o2', 'f1', '2025-01-15T15:00:00Z', 5_000, 5_500),
    order('f-o3', 'f1', '2025-02-01T15:00:00Z', 3_000, 3_300),
    order('f-o4', 'f1', '2025-02-14T15:00:00Z', 6_000, 6_600, 'refunded', 6_600),
    order('f-o5', 'f1', '2025-02-27T15:00:00Z', 2_000, 2_200, 'partially refunded', 1_100),
    // 22:00 on Feb 28 in New York: inside the period.
    order('f-o6', 'f1', '2025-03-01T03:00:00Z', 1_000, 1_000),
    order('f-o7', 'f1', '2024-12-31T12:00:00Z', 7_000, 7_000),
    order('x1', 'nobody', '2025-01-12T15:00:00Z', 1_000, 1_000),
  ],
  bonuses: [],
  bonusRules: [],
};
const range = { start: '2025-01-01', end: '2025-02-28' };
const opts = {
  timeZone: 'America/New_York',
  countDiscountAsCost: false,
  cpmCents: 1_000,
  today: '2025-03-31',
};
const MONTHS = 59 / 30.4375;

const values = (keys: FigureKey[], g: { figures: Record<FigureKey, { value: number | null }> }) =>
  Object.fromEntries(keys.map((k) => [k, g.figures[k].value]));

describe('comparison figures', () => {
  const c = computeComparison(data, range, NO_FILTERS, opts);

  it('brand ambassadors match the hand-computed figures', () => {
    const a = c.kinds.ambassador;
    expect(values(['partners', 'revenue', 'orders', 'spend', 'aov', 'cpa'], a)).toEqual({
      partners: 2,
      revenue: 47_000, // A1 10000+6000+0(refunded)+4000+0(cancelled)+5000; A2 8000+12000+2000
      orders: 7, // A1 o1 o2 o4 o6; A2 o8 o9 o10
      spend: 74_000, // A1 retainer 31000x16/31 + 31000 = 47000; A2 20000 + 2000 + 5000 = 27000
      aov: 6_714, // 47000 / 7
      cpa: 10_571, // 74000 / 7
    });
    expect(a.figures.roi.value).toBeCloseTo(-27_000 / 74_000, 10);
    expect(a.figures.roas.value).toBeCloseTo(47_000 / 74_000, 10);
    expect(a.spendMix).toEqual({
      retainerCents: 67_000,
      commissionCents: 2_000,
      feesCents: 0,
      perksCents: 5_000,
      bonusCents: 0,
      discountCents: 0,
    });
    expect(a.figures.fixedSpend.value).toBe(72_000);
    expect(a.figures.commissionSpend.value).toBe(2_000);
    expect(a.figures.fixedShare.value).toBeCloseTo(72_000 / 74_000, 10);
    // Rates: A1 (100/1000 + 100/2000) / 2 = 0.075; A2 600 / 60000 followers (no reach) = 0.01.
    expect(a.figures.engagementRate.value).toBeCloseTo((0.075 + 0.01) / 2, 10);
    expect(a.figures.engagementPerPost.value).toBeCloseTo(800 / 3, 10);
    expect(a.figures.postsPerPartnerMonth.value).toBeCloseTo(4 / 2 / MONTHS, 10);
    expect(a.figures.coCreatedShare.value).toBe(0.5); // 2 of 4 published posts
    expect(a.figures.emv.value).toBe(9_000); // 9000 impressions / 1000 x 10.00
    expect(a.figures.totalFollowers.value).toBe(80_000); // largest accounts 20000 + 60000
    expect(a.figures.medianFollowers.value).toBe(40_000);
    expect(a.figures.exclusiveShare.value).toBe(0.5);
    expect(a.figures.avgPartnershipDays.value).toBe((75 + 245) / 2);
  });

  it('micro-affiliates match, and thin figures say "not enough data" (null)', () => {
    const f = c.kinds.affiliate;
    expect(values(['partners', 'revenue', 'orders', 'spend', 'aov', 'cpa'], f)).toEqual({
      partners: 1, // F2's contract ended in 2024
      revenue: 15_400, // 4500 + 5500 + 3300 + 0 + 1100 + 1000
      orders: 5,
      spend: 7_800, // commission 800+1000+600+0+200+200, fees 2 x 2500
      aov: 3_080,
      cpa: 1_560,
    });
    expect(f.figures.roi.value).toBeCloseTo(7_600 / 7_800, 10);
    expect(f.figures.commissionSpend.value).toBe(2_800);
    expect(f.figures.fixedShare.value).toBe(0);
    // Only 2 posts with metrics (minimum 3).
    expect(f.figures.engagementRate).toEqual({ value: null, records: 2, min: 3 });
    expect(f.figures.engagementPerPost.value).toBeNull();
    expect(f.figures.emv.value).toBeNull();
    expect(f.figures.coCreatedShare.value).toBeNull();
    expect(f.figures.avgPartnershipDays.value).toBe(182);
    expect(f.counts).toEqual({ partners: 1, posts: 2, postsWithMetrics: 2, orders: 5 });
  });

  it('picks the better side of each pair, and none on ties or missing values', () => {
    const pair = [c.kinds.ambassador, c.kinds.affiliate];
    expect(betterIndex('revenue', pair)).toBe(0);
    expect(betterIndex('roi', pair)).toBe(1);
    expect(betterIndex('cpa', pair)).toBe(1); // lower is better
    expect(betterIndex('avgPartnershipDays', pair)).toBe(1);
    expect(betterIndex('engagementRate', pair)).toBeNull(); // affiliates have too few posts
    expect(betterIndex('postsPerPartnerMonth', pair)).toBeNull(); // tie: 1.03 each
    expect(betterIndex('fixedShare', pair)).toBeNull(); // no direction
  });

  it('splits revenue and cost by month', () => {
    expect(c.monthly).toEqual([
      {
        month: '2025-01',
        revenueCents: { ambassador: 30_000, affiliate: 10_000 },
        costCents: { ambassador: 43_000, affiliate: 4_300 },
      },
      {
        month: '2025-02',
        revenueCents: { ambassador: 17_000, affiliate: 5_400 },
        costCents: { ambassador: 31_000, affiliate: 3_500 },
      },
    ]);
  });

  it('ranks partners by ROI', () => {
    expect(leaderboard(c.partners).map((p) => p.partnerId)).toEqual(['f1', 'a2', 'a1']);
    const f1 = c.partners.find((p) => p.partnerId === 'f1')!;
    expect(f1.postsPerMonth).toBeCloseTo(2 / MONTHS, 10);
    expect(f1.engagementPerPost).toBe(35); // (50 + 20) / 2
  });

  it('a kind or sub-type with no data shows no numbers at all', () => {
    const none = computeComparison(
      data,
      range,
      { ...NO_FILTERS, subtype: 'nano-ambassador' },
      opts,
    );
    for (const g of [none.kinds.ambassador, none.kinds.affiliate]) {
      expect(g.figures.partners.value).toBe(0);
      for (const key of Object.keys(FIGURES) as FigureKey[])
        if (key !== 'partners') expect(g.figures[key].value, key).toBeNull();
    }
    const byTag = Object.fromEntries(c.subtypes.map((s) => [s.key, s.figures.revenue.value]));
    expect(byTag).toEqual({
      'nano-ambassador': null,
      'hyperlocal influencer': null,
      'community ambassador': 25_000,
      'peer-to-peer affiliate': 15_400,
      'brand-advocate micro-tier': null,
    });
  });

  it('filters by campaign and by platform', () => {
    const camp = computeComparison(data, range, { ...NO_FILTERS, campaignId: 'cmp1' }, opts);
    expect(camp.kinds.ambassador.figures.partners.value).toBe(0);
    expect(camp.kinds.affiliate.figures.spend.value).toBe(5_300); // one campaign post fee
    const tiktok = computeComparison(data, range, { ...NO_FILTERS, platform: 'tiktok' }, opts);
    expect(tiktok.kinds.ambassador.figures.partners.value).toBe(1);
    expect(tiktok.kinds.ambassador.figures.totalFollowers.value).toBe(5_000);
    expect(tiktok.kinds.ambassador.counts.posts).toBe(0);
    expect(tiktok.kinds.affiliate.figures.partners.value).toBe(0);
  });

  it('has the seven aspects of the comparison, each with figures', () => {
    expect(ASPECTS.map((a) => a.label)).toEqual([
      'Definition',
      'Engagement',
      'Audience reach',
      'Compensation',
      'Content control',
      'Brand loyalty',
      'Use case',
    ]);
    for (const a of ASPECTS) expect(a.figures.length).toBeGreaterThan(0);
  });
});

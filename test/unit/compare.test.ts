import { describe, expect, it } from 'vitest';
import {
  ASPECTS,
  betterIndex,
  computeComparison,
  FIGURES,
  leaderboard,
  NO_FILTERS,
  payoutsOwed,
  indexByPartner,
  type FigureKey,
} from '../../src/domain/compare';
import { data, opts, range } from './compare-fixture';

const MONTHS = 59 / 30.4375;

const values = (keys: FigureKey[], g: { figures: Record<FigureKey, { value: number | null }> }) =>
  Object.fromEntries(keys.map((k) => [k, g.figures[k].value]));

describe('comparison figures', () => {
  const c = computeComparison(data, range, NO_FILTERS, opts);

  it("gifted product adds to the ambassadors' spend, ROI and CPA, with its retail value beside it", () => {
    const item = (quantity: number, unitCostCents: number, retailCents: number) => ({
      productId: 'x',
      name: 'Treats',
      sku: '',
      quantity,
      unitCostCents,
      retailCents,
      size: '',
    });
    const ship = (id: string, date: string, status: 'sent' | 'to-send', swapOf: string | null) => ({
      id,
      createdAt: 0,
      updatedAt: 0,
      partnerId: 'a1',
      date,
      status,
      items: [item(2, 420, 1_499), item(1, 1_150, 3_900)],
      shippingCents: 895,
      lot: '',
      bestBefore: null,
      swapOf,
      note: '',
    });
    const both = computeComparison(
      {
        ...data,
        shipments: [
          ship('s1', '2025-01-20', 'sent', null), // 19.90 at cost + 8.95 = 28.85; retail 68.98
          ship('s2', '2025-02-10', 'sent', 's1'), // a swap: its 8.95 shipping only
          ship('s3', '2025-02-12', 'to-send', null), // not sent: nothing yet
          ship('s4', '2024-12-31', 'sent', null), // before the period
        ],
      },
      range,
      NO_FILTERS,
      opts,
    );
    const g = both.kinds.ambassador;
    expect(values(['spend', 'giftedSpend', 'giftedRetail', 'fixedSpend', 'cpa'], g)).toEqual({
      spend: 74_000 + 3_780,
      giftedSpend: 3_780, // 2885 + 895
      giftedRetail: 6_898,
      fixedSpend: 72_000 + 3_780,
      cpa: 11_111, // 77780 / 7 orders
    });
    expect(g.figures.roi.value).toBeCloseTo((47_000 - 77_780) / 77_780, 10);
    expect(g.spendMix.giftedCents).toBe(3_780);
    // Affiliates got nothing: unchanged.
    expect(both.kinds.affiliate.figures.giftedSpend.value).toBe(0);
    expect(both.kinds.affiliate.figures.spend.value).toBe(c.kinds.affiliate.figures.spend.value);
  });

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
      giftedCents: 0,
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
    expect(f.counts).toEqual({ partners: 1, posts: 2, postsWithMetrics: 2, orders: 5, reach: 900 });
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

  it('owes each partner what is payable up to today minus payouts, never below zero', () => {
    const owed = payoutsOwed(
      data,
      indexByPartner(data, opts.timeZone),
      [
        { partnerId: 'a1', amountCents: 50_000 },
        { partnerId: 'f1', amountCents: 99_999 }, // overpaid: does not offset others
      ],
      { ...opts, today: '2025-02-28' },
    );
    // A1: retainer 47000 - 50000 -> 0. A2: 8 months x 20000 + commission 800 + 1200 = 162000
    // (perks are not paid out). F1 overpaid -> 0. F2: nothing.
    expect(owed).toEqual({
      totalCents: 162_000,
      byPartner: [{ partnerId: 'a2', owedCents: 162_000 }],
    });
  });
});

/**
 * One partner's figures for a period as docs/metrics.md defines them: revenue, cost, ROI, ROAS,
 * CPA, AOV, EMV, engagement rate and conversion. Money comes from the existing earnings functions
 * (an `Earnings` from partnerEarnings() or the rollups); this file only adds the ratios and the
 * post figures (impressions, engagements, clicks) of the partner's published posts.
 */
import { dayNumber, type DateRange } from './dates';
import { aovCents, cpaCents, roas, roi, type Earnings } from './earnings';
import { PLATFORMS, type Platform } from './constants';
import { lowerBound, POST_STRIDE, type Packed } from './stats';
import { acquisitions } from './customers';
import type { Partner } from './schemas';

/** What a period's published posts add up to (from a rollup's packed posts). */
export interface PostTotals {
  posts: number;
  /** Posts with recorded metrics. */
  postsWithMetrics: number;
  impressions: number;
  engagements: number;
  clicks: number;
  /** Sum of per-post engagement rates and how many posts have one. */
  rateSum: number;
  ratePosts: number;
  /** Of ratePosts, how many were divided by followers because reach was unknown. */
  byFollowers: number;
}

/** Followers of the partner's account on each platform (the base when a post has no reach). */
export function followersByPlatform(p: Pick<Partner, 'accounts'>): number[] {
  const out = PLATFORMS.map(() => 0);
  for (const a of p.accounts) {
    const i = PLATFORMS.indexOf(a.platform as Platform);
    if (i >= 0 && a.followers > out[i]!) out[i] = a.followers;
  }
  return out;
}

/**
 * Sum the published posts of `range` in a rollup's packed posts (see POST_STRIDE). A post's
 * engagement rate is engagements / reach, or / the followers of the partner's account on that
 * platform when reach is unknown; posts with neither have no rate.
 */
export function postTotals(
  posts: Packed,
  range: DateRange,
  followers: readonly number[],
): PostTotals {
  const t: PostTotals = {
    posts: 0,
    postsWithMetrics: 0,
    impressions: 0,
    engagements: 0,
    clicks: 0,
    rateSum: 0,
    ratePosts: 0,
    byFollowers: 0,
  };
  const end = dayNumber(range.end);
  for (
    let i = lowerBound(posts, POST_STRIDE, dayNumber(range.start)) * POST_STRIDE;
    i < posts.length && posts[i]! <= end;
    i += POST_STRIDE
  ) {
    t.posts += 1;
    if (posts[i + 8] !== 1) continue;
    t.postsWithMetrics += 1;
    const reach = posts[i + 2]!;
    const eng = posts[i + 4]!;
    t.impressions += posts[i + 3]!;
    t.engagements += eng;
    t.clicks += posts[i + 6]!;
    const base = reach > 0 ? reach : (followers[posts[i + 7]!] ?? 0);
    if (base > 0) {
      t.rateSum += eng / base;
      t.ratePosts += 1;
      if (reach <= 0) t.byFollowers += 1;
    }
  }
  return t;
}

export interface PartnerFigures {
  revenueCents: number;
  costCents: number;
  orders: number;
  /** (revenue - cost) / cost; null without cost. */
  roi: number | null;
  /** revenue / cost; null without cost. */
  roas: number | null;
  /** cost / orders; null without orders. */
  cpaCents: number | null;
  /** revenue / orders; null without orders. */
  aovCents: number | null;
  /** impressions / 1000 x CPM; null when no post has metrics. */
  emvCents: number | null;
  impressions: number;
  /** Mean engagement rate over the published posts that have one; null without any. */
  engagementRate: number | null;
  /** What the rate was divided by: reach, followers (reach unknown), or some of each. */
  engagementBase: 'reach' | 'followers' | 'mixed' | null;
  posts: number;
  clicks: number;
  /** orders / clicks; null where no clicks are recorded. */
  conversion: number | null;
}

/** Every figure of one partner in a period from its earnings and its posts' totals. */
export function partnerFigures(e: Earnings, t: PostTotals, cpmCents: number): PartnerFigures {
  const base =
    t.ratePosts === 0
      ? null
      : t.byFollowers === 0
        ? 'reach'
        : t.byFollowers === t.ratePosts
          ? 'followers'
          : 'mixed';
  return {
    revenueCents: e.revenueCents,
    costCents: e.costCents,
    orders: e.orders,
    roi: roi(e.revenueCents, e.costCents),
    roas: roas(e.revenueCents, e.costCents),
    cpaCents: cpaCents(e.costCents, e.orders),
    aovCents: aovCents(e.revenueCents, e.orders),
    emvCents: t.postsWithMetrics > 0 ? Math.round((t.impressions * cpmCents) / 1000) : null,
    impressions: t.impressions,
    engagementRate: t.ratePosts > 0 ? t.rateSum / t.ratePosts : null,
    engagementBase: base,
    posts: t.posts,
    clicks: t.clicks,
    conversion: t.clicks > 0 ? e.orders / t.clicks : null,
  };
}

export type RankBy = 'revenue' | 'roi' | 'orders' | 'newCustomers';

export const RANK_LABEL: Record<RankBy, string> = {
  revenue: 'revenue',
  roi: 'ROI',
  orders: 'orders',
  newCustomers: 'new customers',
};

export interface Ranked {
  partnerId: string;
  /** The figure ranked by (cents for revenue, a ratio for ROI, a count otherwise). */
  value: number;
}

/**
 * The top `limit` partners by one figure, best first; partners without the figure (no cost for
 * ROI) or with nothing (zero revenue, orders or new customers) are left out. Ties go by `name`.
 */
export function rankPartners(
  ids: readonly string[],
  valueOf: (id: string) => number | null,
  name: (id: string) => string,
  limit = 5,
): Ranked[] {
  const out: Ranked[] = [];
  for (const partnerId of ids) {
    const value = valueOf(partnerId);
    if (value !== null && value !== 0) out.push({ partnerId, value });
  }
  const byName = new Intl.Collator().compare;
  return out
    .sort((a, b) => b.value - a.value || byName(name(a.partnerId), name(b.partnerId)))
    .slice(0, limit);
}

/**
 * New customers per partner in `range`: customers whose first order (not cancelled) falls in the
 * range and was credited to the partner. `orders` are every order of the range; `known` holds the
 * customers who ordered before it (they were acquired earlier, by whoever).
 */
export function newCustomersByPartner(
  orders: Parameters<typeof acquisitions>[0],
  known: ReadonlySet<string>,
  range: DateRange,
  timeZone: string,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of acquisitions(orders, timeZone).values()) {
    if (known.has(a.customerKey) || a.partnerId === null) continue;
    if (a.firstDate < range.start || a.firstDate > range.end) continue;
    out.set(a.partnerId, (out.get(a.partnerId) ?? 0) + 1);
  }
  return out;
}

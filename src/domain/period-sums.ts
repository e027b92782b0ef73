/**
 * Fast period sums over per-partner rollups, for the Compare screen: the same integers as
 * earningsFromStats() and monthlyEarningsFromStats() (src/domain/stats.ts), but with calendar
 * arithmetic on day numbers instead of date strings, one pass over the rollup for the period and
 * all its months, and the period-independent parts (contract and bonus dates as day numbers, posts
 * per platform) worked out once per rollup. Changing the period then costs a walk over the days in
 * it, with no string or Date work per day or per month (test/unit/compare-fast.test.ts proves the
 * numbers equal).
 */
import { prorate } from './money';
import { dayNumber, type DateRange } from './dates';
import { withTotals, type Earnings, type EarningsOptions } from './earnings';
import {
  lowerBound,
  ORDER_STRIDE,
  POST_STRIDE,
  postsOnPlatform,
  type PartnerStats as Rollup,
} from './stats';
import type { Bonus, BonusRule, Contract, PartnerKind, Platform } from './schemas';

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Months since year 0 (year × 12 + month − 1) of a day number (civil_from_days). */
export function monthIndexOfDay(n: number): number {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 12 + m - 1;
}

/** Day number of the first day of a month index. */
export function monthStartDay(mi: number): number {
  return daysFromCivil(Math.floor(mi / 12), (mi % 12) + 1, 1);
}

const PERIOD_MONTHS: Record<Contract['retainerPeriod'], number> = {
  monthly: 1,
  quarterly: 3,
  yearly: 12,
};

/**
 * An amount per calendar period (1, 3 or 12 months, aligned to Jan/Apr/Jul/Oct for quarters)
 * accrued over the days `start`..`end` (day numbers), prorated per period by the days covered:
 * accrue() of src/domain/earnings.ts on day numbers.
 */
export function accrueDays(
  amountCents: number,
  months: number,
  start: number,
  end: number,
): number {
  if (amountCents === 0 || start > end) return 0;
  const mi = monthIndexOfDay(start);
  let p = mi - ((mi % 12) % months);
  let total = 0;
  let pStart = monthStartDay(p);
  while (pStart <= end) {
    const next = monthStartDay(p + months);
    const overlap = Math.min(next - 1, end) - Math.max(pStart, start) + 1;
    total += prorate(amountCents, Math.max(0, overlap), next - pStart);
    p += months;
    pStart = next;
  }
  return total;
}

interface PreparedContract {
  start: number;
  /** Infinity for an open contract. */
  end: number;
  retainerCents: number;
  retainerMonths: number;
  perksCents: number;
}

/** The period-independent part of one partner's records, as numbers. */
export interface PreparedPartner {
  contracts: PreparedContract[];
  bonusDays: number[];
  bonusCents: number[];
}

const prepared = new WeakMap<object, PreparedPartner>();

/** Contracts and bonuses as day numbers, worked out once per index entry (`key`). */
export function preparePartner(
  key: object,
  contracts: readonly Contract[],
  bonuses: readonly Bonus[],
): PreparedPartner {
  let p = prepared.get(key);
  if (!p) {
    p = {
      contracts: contracts.map((c) => ({
        start: dayNumber(c.startDate),
        end: c.endDate === null ? Infinity : dayNumber(c.endDate),
        retainerCents: c.retainerCents,
        retainerMonths: PERIOD_MONTHS[c.retainerPeriod],
        perksCents: c.perksCentsPerMonth,
      })),
      bonusDays: bonuses.map((b) => dayNumber(b.date)),
      bonusCents: bonuses.map((b) => b.amountCents),
    };
    prepared.set(key, p);
  }
  return p;
}

/**
 * Days from the first contract start to the last contract end (open or future ends count to
 * `today`), inclusive; contracts starting after today are left out. Null without a contract.
 */
export function partnershipDays(prep: PreparedPartner, today: number): number | null {
  let first = Infinity;
  let last = -Infinity;
  for (const c of prep.contracts) {
    if (c.start > today) continue;
    if (c.start < first) first = c.start;
    const end = Math.min(c.end, today);
    if (end > last) last = end;
  }
  return first === Infinity ? null : last - first + 1;
}

const platformPosts = new WeakMap<Float64Array, Map<Platform, Float64Array>>();

/** A rollup's posts on one platform (all of them for null), filtered once per rollup. */
export function postsFor(posts: Float64Array, platform: Platform | null): Float64Array {
  if (platform === null) return posts;
  let m = platformPosts.get(posts);
  if (!m) {
    m = new Map();
    platformPosts.set(posts, m);
  }
  let out = m.get(platform);
  if (!out) {
    out = postsOnPlatform(posts, platform);
    m.set(platform, out);
  }
  return out;
}

/** A period cut into calendar months (the first and last possibly partial), as day numbers. */
export interface MonthWindows {
  start: number;
  end: number;
  starts: number[];
  ends: number[];
  /** Days in each window's calendar month (the whole month, not just the window). */
  monthDays: number[];
  /** Whether the window is a whole calendar month (milestone bonuses count only those). */
  whole: boolean[];
}

export function monthWindows(range: DateRange): MonthWindows {
  const start = dayNumber(range.start);
  const end = dayNumber(range.end);
  const w: MonthWindows = { start, end, starts: [], ends: [], monthDays: [], whole: [] };
  for (let mi = monthIndexOfDay(start); ; mi++) {
    const ms = monthStartDay(mi);
    if (ms > end) break;
    const me = monthStartDay(mi + 1) - 1;
    w.starts.push(Math.max(ms, start));
    w.ends.push(Math.min(me, end));
    w.monthDays.push(me - ms + 1);
    w.whole.push(ms >= start && me <= end);
  }
  return w;
}

/** Figures from the posts of a period that are not money (for engagement and content figures). */
export interface PostSums {
  posts: number;
  coCreated: number;
  postsWithMetrics: number;
  engagements: number;
  impressions: number;
  reach: number;
  rateSum: number;
  ratePosts: number;
}

export interface PeriodSums {
  earnings: Earnings;
  /** Stored orders of the period, cancelled ones too. */
  orderRecords: number;
  postSums: PostSums;
}

/**
 * One partner's earnings for the period of `w`, and the revenue and cost of each of its months
 * added into `monthRevenue` / `monthCost` (indexed like the windows). `posts` are the posts in
 * play (see postsFor); `followers` is the base of the engagement rate when a post has no reach.
 */
export function partnerPeriodSums(
  rollup: Rollup,
  posts: Float64Array,
  prep: PreparedPartner,
  kind: PartnerKind,
  rules: readonly BonusRule[],
  w: MonthWindows,
  followers: number,
  opts: EarningsOptions,
  monthRevenue: Float64Array,
  monthCost: Float64Array,
): PeriodSums {
  const n = w.starts.length;
  const rev = new Float64Array(n);
  const cost = new Float64Array(n);
  const discounts = opts.countDiscountAsCost;
  let revenueCents = 0;
  let orders = 0;
  let commissionCents = 0;
  let discountCents = 0;
  let orderRecords = 0;
  const od = rollup.orderDays;
  let k = 0;
  for (
    let i = lowerBound(od, ORDER_STRIDE, w.start) * ORDER_STRIDE;
    i < od.length && od[i]! <= w.end;
    i += ORDER_STRIDE
  ) {
    while (od[i]! > w.ends[k]!) k++;
    rev[k]! += od[i + 1]!;
    orders += od[i + 2]!;
    commissionCents += od[i + 3]!;
    cost[k]! += od[i + 3]!;
    if (discounts) {
      discountCents += od[i + 4]!;
      cost[k]! += od[i + 4]!;
    }
    orderRecords += od[i + 5]!;
  }
  for (let j = 0; j < n; j++) revenueCents += rev[j]!;

  const s: PostSums = {
    posts: 0,
    coCreated: 0,
    postsWithMetrics: 0,
    engagements: 0,
    impressions: 0,
    reach: 0,
    rateSum: 0,
    ratePosts: 0,
  };
  let feesCents = 0;
  k = 0;
  for (
    let i = lowerBound(posts, POST_STRIDE, w.start) * POST_STRIDE;
    i < posts.length && posts[i]! <= w.end;
    i += POST_STRIDE
  ) {
    while (posts[i]! > w.ends[k]!) k++;
    feesCents += posts[i + 1]!;
    cost[k]! += posts[i + 1]!;
    s.posts += 1;
    s.coCreated += posts[i + 5]!;
    if (posts[i + 8] !== 1) continue;
    s.postsWithMetrics += 1;
    const eng = posts[i + 4]!;
    s.engagements += eng;
    s.impressions += posts[i + 3]!;
    s.reach += posts[i + 2]!;
    const base = posts[i + 2]! > 0 ? posts[i + 2]! : followers;
    if (base > 0) {
      s.rateSum += eng / base;
      s.ratePosts += 1;
    }
  }

  let retainerCents = 0;
  let perksCents = 0;
  for (const c of prep.contracts) {
    const cs = Math.max(c.start, w.start);
    const ce = Math.min(c.end, w.end);
    if (cs > ce) continue;
    const monthly = c.retainerMonths === 1;
    // Quarterly and yearly retainers prorate per quarter or year, so the period's sum is not the
    // sum of its months; monthly amounts are, month by month (accrueDays does the same).
    if (!monthly) retainerCents += accrueDays(c.retainerCents, c.retainerMonths, cs, ce);
    for (let j = 0; j < n; j++) {
      const a = Math.max(cs, w.starts[j]!);
      const b = Math.min(ce, w.ends[j]!);
      if (a > b) continue;
      const perks = c.perksCents === 0 ? 0 : prorate(c.perksCents, b - a + 1, w.monthDays[j]!);
      const retainer =
        c.retainerCents === 0
          ? 0
          : monthly
            ? prorate(c.retainerCents, b - a + 1, w.monthDays[j]!)
            : accrueDays(c.retainerCents, c.retainerMonths, a, b);
      perksCents += perks;
      if (monthly) retainerCents += retainer;
      cost[j]! += perks + retainer;
    }
  }

  let bonusCents = 0;
  for (let b = 0; b < prep.bonusDays.length; b++) {
    const d = prep.bonusDays[b]!;
    if (d < w.start || d > w.end) continue;
    bonusCents += prep.bonusCents[b]!;
    // Windows are contiguous months; find the one holding the bonus day.
    let j = 0;
    while (d > w.ends[j]!) j++;
    cost[j]! += prep.bonusCents[b]!;
  }
  for (const rule of rules) {
    if (!rule.active || (rule.kind !== null && rule.kind !== kind)) continue;
    for (let j = 0; j < n; j++) {
      if (w.whole[j] && rev[j]! >= rule.minMonthlyRevenueCents) {
        bonusCents += rule.bonusCents;
        cost[j]! += rule.bonusCents;
      }
    }
  }

  for (let j = 0; j < n; j++) {
    monthRevenue[j]! += rev[j]!;
    monthCost[j]! += cost[j]!;
  }
  return {
    earnings: withTotals({
      revenueCents,
      orders,
      commissionCents,
      retainerCents,
      feesCents,
      bonusCents,
      perksCents,
      discountCents,
    }),
    orderRecords,
    postSums: s,
  };
}

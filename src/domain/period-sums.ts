/**
 * The fast path for money: a partner's earnings from its rollup (src/domain/stats.ts) instead of
 * its orders, with calendar arithmetic on day numbers. The reference rules are in
 * src/domain/earnings.ts (partnerEarnings); every function here gives exactly its integers, which
 * test/unit/money-paths.test.ts checks on generated partners, contracts, orders, refunds, posts,
 * bonuses and periods. Nothing here has a rule of its own: per-order commission, revenue and
 * discounts are summed into the rollups by earnings.ts's functions, and totals are composed by
 * earnings.ts's withTotals.
 *
 * - earningsFromRollup: one partner, one period (Payouts statements, money owed, Growth).
 * - partnerPeriodWalk: the same with the period's month windows and contracts already prepared
 *   (Dashboard, the partner list).
 * - buildTables + partnerPeriodSums / partnerMonthSums: per-partner tables built once per data
 *   load, so any period is a few lookups (Compare: its table and its monthly charts).
 */
import { prorate } from './money';
import { dayNumber, type DateRange } from './dates';
import {
  withTotals,
  type Earnings,
  type EarningsOptions,
  type GiftCost,
  type PartnerRecords,
} from './earnings';
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
  /** Gift shipments (seeding): day, cost and retail value, each in its own list. */
  giftDays: number[];
  giftCents: number[];
  giftRetailCents: number[];
}

const prepared = new WeakMap<object, PreparedPartner>();

/** Contracts, bonuses and gifts as day numbers, worked out once per index entry (`key`). */
export function preparePartner(
  key: object,
  contracts: readonly Contract[],
  bonuses: readonly Bonus[],
  gifts: readonly GiftCost[] = [],
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
      giftDays: gifts.map((g) => dayNumber(g.date)),
      giftCents: gifts.map((g) => g.costCents),
      giftRetailCents: gifts.map((g) => g.retailCents),
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

/** A rollup's packed numbers (whatever typed array the rollup stores them in). */
type Numbers = Rollup['orderDays'];

const platformPosts = new WeakMap<Numbers, Map<Platform, Numbers>>();

/** A rollup's posts on one platform (all of them for null), filtered once per rollup. */
export function postsFor(posts: Numbers, platform: Platform | null): Numbers {
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
 * What one partner's period sums are looked up in, built once per data load: prefix sums over the
 * order days, so a range's order figures are two binary searches, and calendar-month tables of the
 * money that accrues by month (order revenue, commission and discounts; perks and retainers,
 * quarterly and yearly ones prorated per quarter or year as accrueDays does), so a whole month of
 * a period is one lookup. Only the first and last month of a period can be partial; those are
 * worked out from the prefix sums and the contracts directly.
 *
 * Every partner's tables live in one Float64Array shared by the whole index: allocating 14,000
 * small typed arrays (seven per partner) cost more than filling them.
 */
export interface PartnerTables {
  buf: Float64Array;
  /** Where the prefix sums start: field f (1..5) of row r at cumAt + (f - 1) * (rows + 1) + r. */
  cumAt: number;
  rows: number;
  /** Month index (see monthIndexOfDay) of the first month in the tables. */
  m0: number;
  months: number;
  /** Where the month tables start: table `MONTH_FIELDS[x]` of month k at monthAt + x * months + k. */
  monthAt: number;
}

/** The month tables, in their order in the buffer. */
const REV = 0;
const COMM = 1;
const DISC = 2;
const PERKS = 3;
/** Monthly retainers (their period sum is the sum of their months). */
const RET_MONTHLY = 4;
/** Quarterly and yearly retainers accrued per month (for the monthly cost series only). */
const RET_OTHER = 5;
const MONTH_FIELDS = 6;
/** Running sums of PERKS and RET_MONTHLY (months + 1 each), so whole months are two lookups. */
const CUM_AT = MONTH_FIELDS;

export interface TableSource {
  orderDays: Numbers;
  prep: PreparedPartner;
}

/** The months a partner's tables cover: from its first order or contract to `lastMonth` or later. */
function tableSpan(src: TableSource, lastMonth: number): { m0: number; months: number } {
  const od = src.orderDays;
  const rows = od.length / ORDER_STRIDE;
  let first = rows > 0 ? od[0]! : Infinity;
  let last = rows > 0 ? od[(rows - 1) * ORDER_STRIDE]! : -Infinity;
  for (const c of src.prep.contracts) {
    if (c.start < first) first = c.start;
    if (c.start > last) last = c.start;
    if (c.end !== Infinity && c.end > last) last = c.end;
  }
  if (first === Infinity) return { m0: 0, months: 0 };
  const m0 = monthIndexOfDay(first);
  // Open contracts accrue up to any month asked for; the rest of the data ends where it ends.
  return { m0, months: Math.max(monthIndexOfDay(last), lastMonth) - m0 + 1 };
}

function fillTables(buf: Float64Array, t: PartnerTables, src: TableSource): void {
  const od = src.orderDays;
  const { rows, cumAt, months, monthAt, m0 } = t;
  for (let f = 0; f < 5; f++) {
    const base = cumAt + f * (rows + 1);
    let acc = 0;
    for (let r = 0; r < rows; r++) {
      acc += od[r * ORDER_STRIDE + 1 + f]!;
      buf[base + r + 1] = acc;
    }
  }
  if (months === 0) return;
  let k = 0;
  let next = monthStartDay(m0 + 1);
  for (let i = 0; i < od.length; i += ORDER_STRIDE) {
    while (od[i]! >= next) {
      k++;
      next = monthStartDay(m0 + k + 1);
    }
    buf[monthAt + REV * months + k]! += od[i + 1]!;
    buf[monthAt + COMM * months + k]! += od[i + 3]!;
    buf[monthAt + DISC * months + k]! += od[i + 4]!;
  }
  const m1 = m0 + months - 1;
  for (const c of src.prep.contracts) {
    const lastM = Math.min(c.end === Infinity ? m1 : monthIndexOfDay(c.end), m1);
    for (let mi = monthIndexOfDay(c.start); mi <= lastM; mi++) {
      const ms = monthStartDay(mi);
      const me = monthStartDay(mi + 1) - 1;
      const f = contractFixed(c, ms, me, me - ms + 1);
      if (!f) continue;
      const at = monthAt + mi - m0;
      buf[at + PERKS * months]! += f.perks;
      buf[at + RET_MONTHLY * months]! += f.retainerMonthly;
      buf[at + RET_OTHER * months]! += f.retainerOther;
    }
  }
  const cum = monthAt + CUM_AT * months;
  for (let k = 0; k < months; k++) {
    buf[cum + k + 1] = buf[cum + k]! + buf[monthAt + PERKS * months + k]!;
    buf[cum + months + 1 + k + 1] =
      buf[cum + months + 1 + k]! + buf[monthAt + RET_MONTHLY * months + k]!;
  }
}

function monthSlots(months: number): number {
  return MONTH_FIELDS * months + 2 * (months + 1);
}

/** The tables of every partner of `sources`, covering at least up to month index `lastMonth`. */
export function buildTables(sources: readonly TableSource[], lastMonth: number): PartnerTables[] {
  let size = 0;
  const spans = sources.map((src) => {
    const span = tableSpan(src, lastMonth);
    size += 5 * (src.orderDays.length / ORDER_STRIDE + 1) + monthSlots(span.months);
    return span;
  });
  const buf = new Float64Array(size);
  let at = 0;
  return sources.map((src, i) => {
    const rows = src.orderDays.length / ORDER_STRIDE;
    const { m0, months } = spans[i]!;
    const t: PartnerTables = { buf, cumAt: at, rows, m0, months, monthAt: at + 5 * (rows + 1) };
    at = t.monthAt + monthSlots(months);
    fillTables(buf, t, src);
    return t;
  });
}

/** Whether `t` holds every month up to `lastMonth` that an open contract of `prep` accrues in. */
export function tablesCover(t: PartnerTables, prep: PreparedPartner, lastMonth: number): boolean {
  return t.m0 + t.months - 1 >= lastMonth || prep.contracts.every((c) => c.end !== Infinity);
}

/** Sum of order-day field `f` (1..5) over rows lo..hi-1, from the prefix sums. */
function rangeSum(t: PartnerTables, f: number, lo: number, hi: number): number {
  const base = t.cumAt + (f - 1) * (t.rows + 1);
  return t.buf[base + hi]! - t.buf[base + lo]!;
}

/** Perks and monthly retainers of the whole months `ka`..`kb` (table months), two lookups each. */
function wholeMonthsFixed(t: PartnerTables, ka: number, kb: number): [number, number] {
  const a = Math.max(ka, 0);
  const b = Math.min(kb, t.months - 1);
  if (a > b) return [0, 0];
  const cum = t.monthAt + CUM_AT * t.months;
  const ret = cum + t.months + 1;
  return [t.buf[cum + b + 1]! - t.buf[cum + a]!, t.buf[ret + b + 1]! - t.buf[ret + a]!];
}

/**
 * Perks and retainer of a partial month `a`..`b` (in a month of `monthDays` days), from the
 * contracts: the cost of this window, and whether the retainer part counts in the period's
 * retainer sum (monthly ones; quarterly and yearly ones are summed per quarter or year).
 */
function partialFixed(
  prep: PreparedPartner,
  a: number,
  b: number,
  monthDays: number,
): { perks: number; retainerMonthly: number; retainerOther: number } {
  const out = { perks: 0, retainerMonthly: 0, retainerOther: 0 };
  for (const c of prep.contracts) {
    const f = contractFixed(c, a, b, monthDays);
    if (!f) continue;
    out.perks += f.perks;
    out.retainerMonthly += f.retainerMonthly;
    out.retainerOther += f.retainerOther;
  }
  return out;
}

/**
 * One contract's perks and retainer over the days `a`..`b` of a month of `monthDays` days (null
 * when the contract does not run then): perks and monthly retainers prorated by the days,
 * quarterly and yearly retainers accrued per quarter or year (accrueDays).
 */
function contractFixed(
  c: PreparedContract,
  a: number,
  b: number,
  monthDays: number,
): { perks: number; retainerMonthly: number; retainerOther: number } | null {
  const ca = Math.max(c.start, a);
  const cb = Math.min(c.end, b);
  if (ca > cb) return null;
  const days = cb - ca + 1;
  const monthly = c.retainerMonths === 1;
  return {
    perks: c.perksCents === 0 ? 0 : prorate(c.perksCents, days, monthDays),
    retainerMonthly:
      monthly && c.retainerCents !== 0 ? prorate(c.retainerCents, days, monthDays) : 0,
    retainerOther: monthly ? 0 : accrueDays(c.retainerCents, c.retainerMonths, ca, cb),
  };
}

function activeRules(rules: readonly BonusRule[], kind: PartnerKind): BonusRule[] {
  return rules.filter((r) => r.active && (r.kind === null || r.kind === kind));
}

/** Order revenue of window `j` of `w`: a table lookup for a whole month, prefix sums otherwise. */
/** One-off bonuses paid from day `start` to day `end`. */
function bonusesIn(prep: PreparedPartner, start: number, end: number): number {
  let cents = 0;
  for (let b = 0; b < prep.bonusDays.length; b++) {
    const d = prep.bonusDays[b]!;
    if (d >= start && d <= end) cents += prep.bonusCents[b]!;
  }
  return cents;
}

/** Gifted product (at cost and at retail) shipped from day `start` to day `end`. */
function giftsIn(
  prep: PreparedPartner,
  start: number,
  end: number,
): { giftedCents: number; giftedRetailCents: number } {
  let giftedCents = 0;
  let giftedRetailCents = 0;
  for (let g = 0; g < prep.giftDays.length; g++) {
    const d = prep.giftDays[g]!;
    if (d < start || d > end) continue;
    giftedCents += prep.giftCents[g]!;
    giftedRetailCents += prep.giftRetailCents[g]!;
  }
  return { giftedCents, giftedRetailCents };
}

/** A period's earnings from its order sums and the rest, with the gifts shipped in it. */
function periodEarnings(
  sums: Pick<Earnings, 'revenueCents' | 'orders' | 'commissionCents' | 'discountCents'>,
  rest: Pick<Earnings, 'retainerCents' | 'feesCents' | 'bonusCents' | 'perksCents'>,
  prep: PreparedPartner,
  w: MonthWindows,
): Earnings {
  return withTotals({ ...sums, ...rest, ...giftsIn(prep, w.start, w.end) });
}

/** What the milestone rules pay for one whole month with this revenue. */
function milestoneBonus(active: readonly BonusRule[], monthRevenueCents: number): number {
  let cents = 0;
  for (const rule of active)
    if (monthRevenueCents >= rule.minMonthlyRevenueCents) cents += rule.bonusCents;
  return cents;
}

function windowRevenue(
  t: PartnerTables,
  od: Numbers,
  w: MonthWindows,
  mi0: number,
  j: number,
): number {
  if (w.whole[j]) {
    const k = mi0 + j - t.m0;
    return k < 0 || k >= t.months ? 0 : t.buf[t.monthAt + REV * t.months + k]!;
  }
  return rangeSum(
    t,
    1,
    lowerBound(od, ORDER_STRIDE, w.starts[j]!),
    lowerBound(od, ORDER_STRIDE, w.ends[j]! + 1),
  );
}

/**
 * The published posts of the period `w` (POST_STRIDE numbers each): their flat fees and the
 * figures that are not money. `followers` is the base of the engagement rate without reach.
 */
function sumPosts(
  posts: Numbers,
  w: MonthWindows,
  followers: number,
): PostSums & { feesCents: number } {
  const s = {
    feesCents: 0,
    posts: 0,
    coCreated: 0,
    postsWithMetrics: 0,
    engagements: 0,
    impressions: 0,
    reach: 0,
    rateSum: 0,
    ratePosts: 0,
  };
  for (
    let i = lowerBound(posts, POST_STRIDE, w.start) * POST_STRIDE;
    i < posts.length && posts[i]! <= w.end;
    i += POST_STRIDE
  ) {
    s.feesCents += posts[i + 1]!;
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
  return s;
}

/** One partner as the table-based sums read it. */
export interface TablesInput {
  rollup: Rollup;
  /** The rollup's posts, or only those of one platform (postsFor). */
  posts: Numbers;
  prep: PreparedPartner;
  tables: PartnerTables;
  kind: PartnerKind;
  rules: readonly BonusRule[];
}

/** The input with what both table-based sums read of the windows: their count, first month, days. */
function withWindows(input: TablesInput, w: MonthWindows) {
  return {
    ...input,
    n: w.starts.length,
    mi0: monthIndexOfDay(w.start),
    od: input.rollup.orderDays,
  };
}

/**
 * One partner's earnings and post figures for the period of `w`, in a few lookups: order figures
 * from prefix sums (two binary searches), perks and monthly retainers of the whole months from
 * running sums (two lookups), the partial first and last month from the contracts. Quarterly and
 * yearly retainers are accrued per quarter or year over the period, as accrueDays does; posts,
 * bonuses and bonus rules (a handful per partner) are walked. `followers` is the base of the
 * engagement rate when a post has no reach.
 */
export function partnerPeriodSums(
  input: TablesInput,
  w: MonthWindows,
  followers: number,
  opts: EarningsOptions,
): PeriodSums {
  const { posts, prep, tables: t, kind, rules, n, mi0, od } = withWindows(input, w);
  const lo = lowerBound(od, ORDER_STRIDE, w.start);
  const hi = lowerBound(od, ORDER_STRIDE, w.end + 1);
  const sums = {
    revenueCents: rangeSum(t, 1, lo, hi),
    orders: rangeSum(t, 2, lo, hi),
    commissionCents: rangeSum(t, 3, lo, hi),
    discountCents: opts.countDiscountAsCost ? rangeSum(t, 4, lo, hi) : 0,
  };
  const orderRecords = rangeSum(t, 5, lo, hi);

  let retainerCents = 0;
  let perksCents = 0;
  for (const c of prep.contracts) {
    if (c.retainerMonths === 1 || c.retainerCents === 0) continue;
    const cs = Math.max(c.start, w.start);
    const ce = Math.min(c.end, w.end);
    if (cs <= ce) retainerCents += accrueDays(c.retainerCents, c.retainerMonths, cs, ce);
  }
  // Windows 0 and n - 1 may be partial months; every window between them is a whole month.
  const firstWhole = w.whole[0] ? 0 : 1;
  const lastWhole = w.whole[n - 1] ? n - 1 : n - 2;
  if (firstWhole <= lastWhole) {
    const [perks, retainer] = wholeMonthsFixed(t, mi0 + firstWhole - t.m0, mi0 + lastWhole - t.m0);
    perksCents += perks;
    retainerCents += retainer;
  }
  for (const j of n === 1 ? [0] : [0, n - 1]) {
    if (w.whole[j]) continue;
    const f = partialFixed(prep, w.starts[j]!, w.ends[j]!, w.monthDays[j]!);
    perksCents += f.perks;
    retainerCents += f.retainerMonthly;
  }

  const { feesCents, ...s } = sumPosts(posts, w, followers);

  let bonusCents = bonusesIn(prep, w.start, w.end);
  const active = rules.length ? activeRules(rules, kind) : [];
  if (active.length)
    for (let j = firstWhole; j <= lastWhole; j++) {
      bonusCents += milestoneBonus(active, windowRevenue(t, od, w, mi0, j));
    }

  return {
    earnings: periodEarnings(sums, { retainerCents, feesCents, bonusCents, perksCents }, prep, w),
    orderRecords,
    postSums: s,
  };
}

/**
 * One partner's revenue and cost in each month of `w`, added into `monthRevenue` / `monthCost`
 * (indexed like the windows): for the charts, which follow the figures, so this one walks the
 * months. Whole months are table lookups; posts and bonuses land in the month holding their day.
 */
export function partnerMonthSums(
  input: TablesInput,
  w: MonthWindows,
  opts: EarningsOptions,
  monthRevenue: Float64Array,
  monthCost: Float64Array,
): void {
  const { posts, prep, tables: t, kind, rules, n, mi0, od } = withWindows(input, w);
  const discounts = opts.countDiscountAsCost;
  const active = rules.length ? activeRules(rules, kind) : [];
  const { buf, months } = t;
  for (let j = 0; j < n; j++) {
    const rev = windowRevenue(t, od, w, mi0, j);
    let cost = 0;
    if (w.whole[j]) {
      const k = mi0 + j - t.m0;
      if (k >= 0 && k < months) {
        const at = t.monthAt + k;
        cost =
          buf[at + COMM * months]! +
          (discounts ? buf[at + DISC * months]! : 0) +
          buf[at + PERKS * months]! +
          buf[at + RET_MONTHLY * months]! +
          buf[at + RET_OTHER * months]!;
      }
      cost += milestoneBonus(active, rev);
    } else {
      const l = lowerBound(od, ORDER_STRIDE, w.starts[j]!);
      const h = lowerBound(od, ORDER_STRIDE, w.ends[j]! + 1);
      const f = partialFixed(prep, w.starts[j]!, w.ends[j]!, w.monthDays[j]!);
      cost =
        rangeSum(t, 3, l, h) +
        (discounts ? rangeSum(t, 4, l, h) : 0) +
        f.perks +
        f.retainerMonthly +
        f.retainerOther;
    }
    monthRevenue[j]! += rev;
    monthCost[j]! += cost;
  }
  let k = 0;
  for (
    let i = lowerBound(posts, POST_STRIDE, w.start) * POST_STRIDE;
    i < posts.length && posts[i]! <= w.end;
    i += POST_STRIDE
  ) {
    while (posts[i]! > w.ends[k]!) k++;
    monthCost[k]! += posts[i + 1]!;
  }
  addInMonths(prep.bonusDays, prep.bonusCents, w, monthCost);
  addInMonths(prep.giftDays, prep.giftCents, w, monthCost);
}

/** Each amount whose day falls in the period of `w` added into the month holding that day. */
function addInMonths(
  days: readonly number[],
  cents: readonly number[],
  w: MonthWindows,
  monthCost: Float64Array,
): void {
  for (let x = 0; x < days.length; x++) {
    const d = days[x]!;
    if (d < w.start || d > w.end) continue;
    // Windows are contiguous months; find the one holding the day.
    let j = 0;
    while (d > w.ends[j]!) j++;
    monthCost[j]! += cents[x]!;
  }
}

/** One partner's figures for a single period, walked from its rollup (see partnerPeriodWalk). */
export interface PeriodWalk {
  earnings: Earnings;
  /** Stored orders of the period, cancelled ones too. */
  orderRecords: number;
  /** Published posts in the period. */
  posts: number;
}

/**
 * partnerPeriodSums()'s earnings for the period of `w` without the lookup tables: one walk over
 * the period's order days and posts, and each contract accrued over its overlap with the period
 * (a month at a time, as the tables hold it). For one period of a data load (the Dashboard), this
 * is cheaper than building every partner's tables first. Same integers (tested).
 */
export function partnerPeriodWalk(
  rollup: Rollup,
  prep: PreparedPartner,
  kind: PartnerKind,
  rules: readonly BonusRule[],
  w: MonthWindows,
  opts: EarningsOptions,
): PeriodWalk {
  const active = rules.length ? activeRules(rules, kind) : [];
  const monthRevenue = active.length ? new Float64Array(w.starts.length) : null;
  const od = rollup.orderDays;
  const sums = { revenueCents: 0, orders: 0, commissionCents: 0, discountCents: 0 };
  let orderRecords = 0;
  let j = 0;
  for (
    let i = lowerBound(od, ORDER_STRIDE, w.start) * ORDER_STRIDE;
    i < od.length && od[i]! <= w.end;
    i += ORDER_STRIDE
  ) {
    sums.revenueCents += od[i + 1]!;
    sums.orders += od[i + 2]!;
    sums.commissionCents += od[i + 3]!;
    if (opts.countDiscountAsCost) sums.discountCents += od[i + 4]!;
    orderRecords += od[i + 5]!;
    if (monthRevenue) {
      while (od[i]! > w.ends[j]!) j++;
      monthRevenue[j]! += od[i + 1]!;
    }
  }
  let retainerCents = 0;
  let perksCents = 0;
  for (const c of prep.contracts) {
    const cs = Math.max(c.start, w.start);
    const ce = Math.min(c.end, w.end);
    if (cs > ce) continue;
    retainerCents += accrueDays(c.retainerCents, c.retainerMonths, cs, ce);
    perksCents += accrueDays(c.perksCents, 1, cs, ce);
  }
  const { feesCents, posts } = sumPosts(rollup.posts, w, 0);
  let bonusCents = bonusesIn(prep, w.start, w.end);
  // Milestone rules count whole calendar months of the period only.
  if (monthRevenue)
    for (let k = 0; k < monthRevenue.length; k++) {
      if (w.whole[k]) bonusCents += milestoneBonus(active, monthRevenue[k]!);
    }
  return {
    earnings: periodEarnings(sums, { retainerCents, feesCents, bonusCents, perksCents }, prep, w),
    orderRecords,
    posts,
  };
}

/**
 * partnerEarnings() (src/domain/earnings.ts) of one partner over `range`, from its rollup instead
 * of its orders and posts: the same integers.
 */
export function earningsFromRollup(
  rollup: Rollup,
  rec: Pick<PartnerRecords, 'kind' | 'contracts' | 'bonuses' | 'bonusRules' | 'gifts'>,
  range: DateRange,
  opts: EarningsOptions,
): Earnings {
  // A fresh key: the records of a one-off call are not kept.
  const prep = preparePartner({}, rec.contracts, rec.bonuses, rec.gifts);
  return partnerPeriodWalk(rollup, prep, rec.kind, rec.bonusRules, monthWindows(range), opts)
    .earnings;
}

/**
 * Brand ambassadors vs micro-affiliates with the owner's own numbers (docs/metrics.md): per-kind and
 * per-sub-type figures for a period and filters, which side of each pair is better, monthly series
 * and per-partner points for the charts. Pure: records, range and clock in; numbers out.
 *
 * A figure is `null` ("not enough data") when it rests on fewer records than its minimum
 * (MIN_RECORDS); it is never replaced by a made-up number.
 */
import { dayNumber, fromDayNumber, monthsInRange, type DateRange } from './dates';
import {
  buildTables,
  earningsFromRollup,
  monthIndexOfDay,
  monthWindows,
  partnerMonthSums,
  partnerPeriodSums,
  partnershipDays,
  postsFor,
  preparePartner,
  tablesCover,
  type MonthWindows,
  type PartnerTables,
  type PostSums,
  type TablesInput,
} from './period-sums';
import { buildAllStats, packPosts, type PartnerStats as Rollup } from './stats';
import {
  apartByPartner,
  convertedTotals,
  earningsLessApart,
  foreignCurrencyMonths,
  monthlyInBrandCurrency,
  type ApartSums,
  type ConvertedTotals,
  type CurrencyMonths,
  type PartnerTerms,
} from './currency-totals';
import {
  aovCents,
  cpaCents,
  roas,
  roi,
  type Earnings,
  type EarningsOptions,
  type GiftCost,
} from './earnings';
import { SUBTYPE_TAGS } from './constants';
import { giftCostsByPartner } from './gifts';
import { safeCurrency, safeLocale } from './intl';
import type {
  Bonus,
  BonusRule,
  Campaign,
  ContentItem,
  Contract,
  Order,
  Partner,
  PartnerKind,
  Payout,
  Platform,
  Settings,
  Shipment,
} from './schemas';

/** What the comparison needs besides per-partner rollups. */
export interface CompareBase {
  partners: readonly Partner[];
  contracts: readonly Contract[];
  campaigns: readonly Campaign[];
  bonuses: readonly Bonus[];
  bonusRules: readonly BonusRule[];
  /** Gift shipments (product seeding); absent = none. */
  shipments?: readonly Shipment[];
}

/** Every record, for computing the comparison from scratch (tests, small data). */
export interface CompareData extends CompareBase {
  contentItems: readonly ContentItem[];
  orders: readonly Order[];
}

export interface CompareFilters {
  campaignId: string | null;
  platform: Platform | null;
  /** A sub-type tag; only partners carrying it count. */
  subtype: string | null;
}

export const NO_FILTERS: CompareFilters = { campaignId: null, platform: null, subtype: null };

export interface CompareOptions extends EarningsOptions {
  /** Brand CPM for earned media value, in cents per 1,000 impressions. */
  cpmCents: number;
  /** Today in the brand's time zone: open contracts run to today for partnership length. */
  today: string;
  /**
   * Orders of the period in other currencies than `currency` (the brand's), kept apart at import:
   * taken out of every figure, which are then in the brand's currency only, and listed on their
   * own (Comparison.apart). Without them every credited order counts.
   */
  apart?: { currency: string; orders: readonly Order[] };
  /**
   * Orders of the period converted from another currency at import (their `fx`): already in the
   * figures, in the brand's currency; listed so the screen can say so (Comparison.converted).
   */
  converted?: readonly Order[];
}

/** Minimum records behind a figure before it is shown. */
export const MIN_RECORDS = {
  /** Partners in play, for follower, spend, revenue, loyalty and length figures. */
  partners: 1,
  /** Published posts with metrics, for engagement rate, engagement per post and EMV. */
  postsWithMetrics: 3,
  /** Published posts, for the share of co-created content. */
  posts: 3,
  /** Counted orders, for AOV and CPA. */
  orders: 5,
} as const;

export type FigureKey =
  | 'partners'
  | 'spend'
  | 'engagementRate'
  | 'postsPerPartnerMonth'
  | 'engagementPerPost'
  | 'totalFollowers'
  | 'medianFollowers'
  | 'emv'
  | 'fixedSpend'
  | 'giftedSpend'
  | 'giftedRetail'
  | 'commissionSpend'
  | 'fixedShare'
  | 'coCreatedShare'
  | 'exclusiveShare'
  | 'avgPartnershipDays'
  | 'revenue'
  | 'orders'
  | 'aov'
  | 'roi'
  | 'roas'
  | 'cpa';

export type FigureFormat = 'count' | 'money' | 'percent' | 'ratio' | 'decimal' | 'days';

interface FigureDef {
  label: string;
  format: FigureFormat;
  /** Which way is better; null when neither is (a mix, not a score). */
  better: 'higher' | 'lower' | null;
  /** What the figure counts as its records, for the "not enough data" note. */
  records: keyof typeof MIN_RECORDS;
  /** How it is computed, in plain words (shown as a hint). */
  how: string;
}

export const FIGURES: Record<FigureKey, FigureDef> = {
  partners: {
    label: 'Partners active',
    format: 'count',
    better: null,
    records: 'partners',
    how: 'Partners with a contract, a sale or a published post in the period.',
  },
  spend: {
    label: 'Total spend',
    format: 'money',
    better: null,
    records: 'partners',
    how: 'Retainers accrued for active days, commissions, post fees, bonuses, perks (and discounts if you count them).',
  },
  engagementRate: {
    label: 'Engagement rate',
    format: 'percent',
    better: 'higher',
    records: 'postsWithMetrics',
    how: '(Likes + comments + shares + saves) ÷ reach per post (÷ followers when reach is unknown); mean per partner, then mean of partners.',
  },
  postsPerPartnerMonth: {
    label: 'Posts per partner per month',
    format: 'decimal',
    better: 'higher',
    records: 'partners',
    how: 'Published posts ÷ partners active ÷ months in the period (content quantity).',
  },
  engagementPerPost: {
    label: 'Engagement per post',
    format: 'decimal',
    better: 'higher',
    records: 'postsWithMetrics',
    how: 'Likes + comments + shares + saves ÷ published posts with metrics (content quality).',
  },
  totalFollowers: {
    label: 'Total followers',
    format: 'count',
    better: 'higher',
    records: 'partners',
    how: "Sum of each partner's largest account (audiences overlap, so accounts are not added up).",
  },
  medianFollowers: {
    label: 'Median followers',
    format: 'count',
    better: 'higher',
    records: 'partners',
    how: "The middle partner's largest account.",
  },
  emv: {
    label: 'Earned media value',
    format: 'money',
    better: 'higher',
    records: 'postsWithMetrics',
    how: 'Impressions ÷ 1,000 × your CPM setting.',
  },
  fixedSpend: {
    label: 'Fixed spend',
    format: 'money',
    better: null,
    records: 'partners',
    how: 'Retainers, perks and gifted product at cost.',
  },
  giftedSpend: {
    label: 'Gifted product (at cost)',
    format: 'money',
    better: null,
    records: 'partners',
    how: 'Product sent to partners at unit cost, plus shipping, counted on the day it shipped.',
  },
  giftedRetail: {
    label: 'Gifted product (retail value)',
    format: 'money',
    better: null,
    records: 'partners',
    how: 'The same product at its retail price: shown for reference, not counted in spend.',
  },
  commissionSpend: {
    label: 'Commission spend',
    format: 'money',
    better: null,
    records: 'partners',
    how: 'Commissions on attributed sales, net of refunds.',
  },
  fixedShare: {
    label: 'Fixed share of spend',
    format: 'percent',
    better: null,
    records: 'partners',
    how: 'Fixed spend ÷ total spend.',
  },
  coCreatedShare: {
    label: 'Co-created content',
    format: 'percent',
    better: null,
    records: 'posts',
    how: 'Published posts made together with you ÷ all published posts.',
  },
  exclusiveShare: {
    label: 'Exclusive partners',
    format: 'percent',
    better: 'higher',
    records: 'partners',
    how: 'Partners who promote only your brand ÷ partners active.',
  },
  avgPartnershipDays: {
    label: 'Average partnership length',
    format: 'days',
    better: 'higher',
    records: 'partners',
    how: 'Days from the first contract start to its end (or today), mean over partners with a contract.',
  },
  revenue: {
    label: 'Revenue',
    format: 'money',
    better: 'higher',
    records: 'partners',
    how: 'Attributed order totals net of refunds; cancelled orders count zero.',
  },
  orders: {
    label: 'Orders',
    format: 'count',
    better: 'higher',
    records: 'partners',
    how: 'Attributed orders, not cancelled or fully refunded.',
  },
  aov: {
    label: 'Average order value',
    format: 'money',
    better: 'higher',
    records: 'orders',
    how: 'Revenue ÷ orders.',
  },
  roi: {
    label: 'ROI',
    format: 'percent',
    better: 'higher',
    records: 'partners',
    how: '(Revenue − spend) ÷ spend.',
  },
  roas: {
    label: 'ROAS',
    format: 'ratio',
    better: 'higher',
    records: 'partners',
    how: 'Revenue ÷ spend.',
  },
  cpa: {
    label: 'Cost per order (CPA)',
    format: 'money',
    better: 'lower',
    records: 'orders',
    how: 'Spend ÷ orders.',
  },
};

export type AspectKey =
  'definition' | 'engagement' | 'reach' | 'compensation' | 'control' | 'loyalty' | 'useCase';

export interface Aspect {
  key: AspectKey;
  label: string;
  /** Short qualitative statements, in Pawtners' own words (facts from the product seed). */
  ambassador: string;
  affiliate: string;
  figures: readonly FigureKey[];
}

/** The seven aspects of the comparison, each with the owner's figures that speak to it. */
export const ASPECTS: readonly Aspect[] = [
  {
    key: 'definition',
    label: 'Definition',
    ambassador: 'A long-term partner who stands for your brand and its values.',
    affiliate: 'An independent creator who promotes your products for a commission.',
    figures: ['partners', 'spend'],
  },
  {
    key: 'engagement',
    label: 'Engagement',
    ambassador: 'Woven into the brand, with ongoing commitments.',
    affiliate: 'Flexible, joins campaign by campaign.',
    figures: ['engagementRate', 'postsPerPartnerMonth', 'engagementPerPost'],
  },
  {
    key: 'reach',
    label: 'Audience reach',
    ambassador: 'Usually a wider, loyal following.',
    affiliate: 'Smaller, closely targeted niche audiences.',
    figures: ['totalFollowers', 'medianFollowers', 'emv'],
  },
  {
    key: 'compensation',
    label: 'Compensation',
    ambassador: 'A fixed retainer or salary, plus perks and bonuses.',
    affiliate: 'Paid by results: commission on the sales they bring.',
    figures: ['fixedSpend', 'giftedSpend', 'giftedRetail', 'commissionSpend', 'fixedShare'],
  },
  {
    key: 'control',
    label: 'Content control',
    ambassador: 'Content is planned and made together with you.',
    affiliate: 'They run their own content, their own way.',
    figures: ['coCreatedShare'],
  },
  {
    key: 'loyalty',
    label: 'Brand loyalty',
    ambassador: 'High: steady advocacy for one brand.',
    affiliate: 'It varies: many promote several brands.',
    figures: ['exclusiveShare', 'avgPartnershipDays'],
  },
  {
    key: 'useCase',
    label: 'Use case',
    ambassador: 'Building the brand and awareness over the long run.',
    affiliate: 'A quick lift in sales through targeted promotions.',
    figures: ['revenue', 'orders', 'aov', 'roi', 'roas', 'cpa'],
  },
];

export interface Figure {
  /** The value (cents for money, a fraction for percent, days, counts), or null. */
  value: number | null;
  /** The records it rests on, and the minimum it needs. */
  records: number;
  min: number;
}

export interface SpendMix {
  retainerCents: number;
  commissionCents: number;
  feesCents: number;
  perksCents: number;
  giftedCents: number;
  bonusCents: number;
  discountCents: number;
}

export interface GroupResult {
  /** 'ambassador', 'affiliate' or a sub-type tag. */
  key: string;
  label: string;
  figures: Record<FigureKey, Figure>;
  spendMix: SpendMix;
  /** Counts behind the figures, to show with "not enough data". */
  counts: {
    partners: number;
    posts: number;
    postsWithMetrics: number;
    orders: number;
    /** People reached by published posts with metrics. */
    reach: number;
  };
}

export interface PartnerPoint {
  partnerId: string;
  name: string;
  kind: PartnerKind;
  tags: readonly string[];
  earnings: Earnings;
  roi: number | null;
  /** Published posts per month in the period. */
  postsPerMonth: number;
  /** Engagements per published post with metrics; null without metrics. */
  engagementPerPost: number | null;
}

export interface MonthPoint {
  month: string;
  revenueCents: Record<PartnerKind, number>;
  costCents: Record<PartnerKind, number>;
}

export interface Comparison {
  range: DateRange;
  /** Months in the period (days ÷ 30.4375), for per-month figures. */
  months: number;
  kinds: Record<PartnerKind, GroupResult>;
  subtypes: GroupResult[];
  partners: PartnerPoint[];
  /** Revenue and cost per calendar month; worked out on first read (only the charts need it). */
  readonly monthly: MonthPoint[];
  /** Orders kept apart in other currencies, per currency, kind and month (not in the figures). */
  readonly apart: CurrencyMonths[];
  /** Credited orders converted at import, per currency and rate (in the figures). */
  readonly converted: ConvertedTotals[];
}

export const KIND_NAMES: Record<PartnerKind, string> = {
  ambassador: 'Brand Ambassadors',
  affiliate: 'Micro-Affiliates',
};

const AVG_MONTH_DAYS = 365.25 / 12;

export interface PartnerIndexEntry {
  contracts: Contract[];
  bonuses: Bonus[];
  /** Gift shipments that have left (seeding), as costs by ship date. */
  gifts: GiftCost[];
  /** The partner's rollup: daily order sums and published posts (src/domain/stats.ts). */
  stats: Rollup;
}

/** Records grouped by partner once, so every figure reuses the same grouping. */
export type PartnerIndex = Map<string, PartnerIndexEntry>;

function emptyRollup(partnerId: string): Rollup {
  return { partnerId, orderDays: new Float64Array(0), posts: new Float64Array(0) };
}

/** The index from stored rollups (what the app reads: no order is loaded). */
export function indexFromStats(
  data: Pick<CompareData, 'partners' | 'contracts' | 'bonuses' | 'shipments'>,
  rollups: readonly Rollup[],
): PartnerIndex {
  const idx: PartnerIndex = new Map();
  const byId = new Map(rollups.map((r) => [r.partnerId, r]));
  const gifts = giftCostsByPartner(data.shipments ?? []);
  for (const p of data.partners)
    idx.set(p.id, {
      contracts: [],
      bonuses: [],
      gifts: gifts.get(p.id) ?? [],
      stats: byId.get(p.id) ?? emptyRollup(p.id),
    });
  for (const c of data.contracts) idx.get(c.partnerId)?.contracts.push(c);
  for (const b of data.bonuses) idx.get(b.partnerId)?.bonuses.push(b);
  return idx;
}

/** The index from raw records, building each partner's rollup on the way. */
export function indexByPartner(data: CompareData, timeZone: string): PartnerIndex {
  const partnerIds = data.partners.map((p) => p.id);
  return indexFromStats(
    data,
    buildAllStats(partnerIds, data.orders, data.contentItems, data.contracts, timeZone),
  );
}

/** Limit the posts of every partner to one campaign's content items. */
export function withCampaignPosts(
  index: PartnerIndex,
  campaignItems: readonly ContentItem[],
): PartnerIndex {
  const byPartner = new Map<string, ContentItem[]>();
  for (const c of campaignItems)
    byPartner.set(c.partnerId, [...(byPartner.get(c.partnerId) ?? []), c]);
  const out: PartnerIndex = new Map();
  for (const [id, e] of index)
    out.set(id, { ...e, stats: { ...e.stats, posts: packPosts(byPartner.get(id) ?? []) } });
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface PartnerStats extends Omit<PostSums, 'rateSum'> {
  partner: Partner;
  earnings: Earnings;
  inPlay: boolean;
  followers: number;
  /** Mean engagement rate of the partner's posts, or null without a usable post. */
  rate: number | null;
  longevityDays: number | null;
}

function followersOf(p: Partner, platform: Platform | null): number {
  let best = 0;
  for (const a of p.accounts)
    if ((platform === null || a.platform === platform) && a.followers > best) best = a.followers;
  return best;
}

function partnerMatches(p: Partner, f: CompareFilters, campaign: Campaign | null): boolean {
  if (f.subtype !== null && !p.tags.includes(f.subtype)) return false;
  if (f.platform !== null && !p.accounts.some((a) => a.platform === f.platform)) return false;
  if (campaign && !campaign.partnerIds.includes(p.id)) return false;
  return true;
}

/** A partner of the index as the table-based period sums read it. */
function tablesInput(
  e: PartnerIndexEntry,
  tables: PartnerTables,
  platform: Platform | null,
  kind: PartnerKind,
  rules: readonly BonusRule[],
): TablesInput {
  return {
    rollup: e.stats,
    posts: postsFor(e.stats.posts, platform),
    prep: preparePartner(e, e.contracts, e.bonuses, e.gifts),
    tables,
    kind,
    rules,
  };
}

function statsFor(
  p: Partner,
  e: PartnerIndexEntry,
  tables: PartnerTables,
  rules: readonly BonusRule[],
  w: MonthWindows,
  todayN: number,
  f: CompareFilters,
  opts: CompareOptions,
): PartnerStats {
  const followers = followersOf(p, f.platform);
  const prep = preparePartner(e, e.contracts, e.bonuses, e.gifts);
  const { earnings, orderRecords, postSums } = partnerPeriodSums(
    tablesInput(e, tables, f.platform, p.kind, rules),
    w,
    followers,
    opts,
  );
  let hasContract = false;
  for (const c of prep.contracts) if (c.start <= w.end && c.end >= w.start) hasContract = true;
  const ps = postSums;
  return {
    posts: ps.posts,
    coCreated: ps.coCreated,
    postsWithMetrics: ps.postsWithMetrics,
    engagements: ps.engagements,
    impressions: ps.impressions,
    reach: ps.reach,
    ratePosts: ps.ratePosts,
    partner: p,
    earnings,
    inPlay: hasContract || orderRecords > 0 || ps.posts > 0,
    followers,
    rate: ps.ratePosts > 0 ? ps.rateSum / ps.ratePosts : null,
    longevityDays: partnershipDays(prep, todayN),
  };
}

function fig(value: number | null, records: number, min: number): Figure {
  return { value: records >= min ? value : null, records, min };
}

function groupResult(
  key: string,
  label: string,
  stats: readonly PartnerStats[],
  months: number,
  cpmCents: number,
): GroupResult {
  const s = stats.filter((x) => x.inPlay);
  const sum = (f: (x: PartnerStats) => number) => s.reduce((a, x) => a + f(x), 0);
  const n = s.length;
  const posts = sum((x) => x.posts);
  const withMetrics = sum((x) => x.postsWithMetrics);
  const rated = s.filter((x) => x.rate !== null);
  const e = (k: keyof Earnings) => sum((x) => x.earnings[k]);
  const revenue = e('revenueCents');
  const orders = e('orders');
  const cost = e('costCents');
  const fixed = e('retainerCents') + e('perksCents') + e('giftedCents');
  const withLength = s.filter((x) => x.longevityDays !== null);
  const P = MIN_RECORDS.partners;
  const figures: Record<FigureKey, Figure> = {
    partners: { value: n, records: n, min: 0 },
    spend: fig(cost, n, P),
    engagementRate: fig(
      rated.length > 0 ? rated.reduce((a, x) => a + x.rate!, 0) / rated.length : null,
      withMetrics,
      MIN_RECORDS.postsWithMetrics,
    ),
    postsPerPartnerMonth: fig(n > 0 && months > 0 ? posts / n / months : null, n, P),
    engagementPerPost: fig(
      withMetrics > 0 ? sum((x) => x.engagements) / withMetrics : null,
      withMetrics,
      MIN_RECORDS.postsWithMetrics,
    ),
    totalFollowers: fig(
      sum((x) => x.followers),
      n,
      P,
    ),
    medianFollowers: fig(n > 0 ? median(s.map((x) => x.followers)) : null, n, P),
    emv: fig(
      Math.round((sum((x) => x.impressions) * cpmCents) / 1000),
      withMetrics,
      MIN_RECORDS.postsWithMetrics,
    ),
    fixedSpend: fig(fixed, n, P),
    giftedSpend: fig(e('giftedCents'), n, P),
    giftedRetail: fig(e('giftedRetailCents'), n, P),
    commissionSpend: fig(e('commissionCents'), n, P),
    fixedShare: fig(cost > 0 ? fixed / cost : null, n, P),
    coCreatedShare: fig(
      posts > 0 ? sum((x) => x.coCreated) / posts : null,
      posts,
      MIN_RECORDS.posts,
    ),
    exclusiveShare: fig(n > 0 ? s.filter((x) => x.partner.exclusive).length / n : null, n, P),
    avgPartnershipDays: fig(
      withLength.length > 0
        ? withLength.reduce((a, x) => a + x.longevityDays!, 0) / withLength.length
        : null,
      withLength.length,
      P,
    ),
    revenue: fig(revenue, n, P),
    orders: fig(orders, n, P),
    aov: fig(aovCents(revenue, orders), orders, MIN_RECORDS.orders),
    roi: fig(roi(revenue, cost), n, P),
    roas: fig(roas(revenue, cost), n, P),
    cpa: fig(cpaCents(cost, orders), orders, MIN_RECORDS.orders),
  };
  return {
    key,
    label,
    figures,
    spendMix: {
      retainerCents: e('retainerCents'),
      commissionCents: e('commissionCents'),
      feesCents: e('feesCents'),
      perksCents: e('perksCents'),
      giftedCents: e('giftedCents'),
      bonusCents: e('bonusCents'),
      discountCents: e('discountCents'),
    },
    counts: {
      partners: n,
      posts,
      postsWithMetrics: withMetrics,
      orders,
      reach: sum((x) => x.reach),
    },
  };
}

const builtTables = new WeakMap<
  PartnerIndex,
  { lastMonth: number; byEntry: Map<PartnerIndexEntry, PartnerTables> }
>();

/**
 * Every partner's lookup tables (see PartnerTables), built once per index, i.e. per data load.
 * They are rebuilt only when a period reaches past the months they hold while an open contract
 * still accrues there (a custom period in the future).
 */
function indexTables(
  index: PartnerIndex,
  lastMonth: number,
): Map<PartnerIndexEntry, PartnerTables> {
  const built = builtTables.get(index);
  if (built && built.lastMonth >= lastMonth) return built.byEntry;
  if (built) {
    let covered = true;
    for (const [e, t] of built.byEntry)
      if (!tablesCover(t, preparePartner(e, e.contracts, e.bonuses, e.gifts), lastMonth))
        covered = false;
    if (covered) {
      built.lastMonth = lastMonth;
      return built.byEntry;
    }
  }
  const entries = [...index.values()];
  const list = buildTables(
    entries.map((e) => ({
      orderDays: e.stats.orderDays,
      prep: preparePartner(e, e.contracts, e.bonuses, e.gifts),
    })),
    Math.max(lastMonth, built?.lastMonth ?? lastMonth),
  );
  const byEntry = new Map(entries.map((e, i) => [e, list[i]!]));
  builtTables.set(index, { lastMonth, byEntry });
  return byEntry;
}

/** Everything the Compare screen shows for one period and set of filters, from raw records. */
export function computeComparison(
  data: CompareData,
  range: DateRange,
  filters: CompareFilters,
  opts: CompareOptions,
): Comparison {
  let index = indexByPartner(data, opts.timeZone);
  if (filters.campaignId !== null)
    index = withCampaignPosts(
      index,
      data.contentItems.filter((c) => c.campaignId === filters.campaignId),
    );
  return compareFromIndex(data, index, range, filters, opts);
}

/**
 * The comparison from a partner index (rollups). With a campaign filter, the index's posts must
 * already be limited to that campaign (withCampaignPosts).
 */
export function compareFromIndex(
  data: CompareBase,
  index: PartnerIndex,
  range: DateRange,
  filters: CompareFilters,
  opts: CompareOptions,
): Comparison {
  const campaign =
    filters.campaignId === null
      ? null
      : (data.campaigns.find((c) => c.id === filters.campaignId) ?? null);
  const w = monthWindows(range);
  const todayN = dayNumber(opts.today);
  const tables = indexTables(index, Math.max(monthIndexOfDay(w.end), monthIndexOfDay(todayN)));
  const months = (w.end - w.start + 1) / AVG_MONTH_DAYS;
  const stats: PartnerStats[] = [];
  const inputs: { p: Partner; e: PartnerIndexEntry; t: PartnerTables }[] = [];
  for (const p of data.partners) {
    if (!partnerMatches(p, filters, campaign)) continue;
    const e = index.get(p.id);
    if (!e) continue;
    inputs.push({ p, e, t: tables.get(e)! });
  }
  const terms = new Map(inputs.map(({ p, e }) => [p.id, { kind: p.kind, contracts: e.contracts }]));
  const apart = apartOf(terms, range, opts);
  for (const { p, e, t } of inputs) {
    const s = statsFor(p, e, t, data.bonusRules, w, todayN, filters, opts);
    stats.push({ ...s, earnings: earningsLessApart(s.earnings, apart.byPartner.get(p.id), opts) });
  }
  // The monthly series feed only the charts, which are drawn after the figures: worked out on
  // first read, so a period change paints its figures without walking every month of every partner.
  const monthlySeries = (): MonthPoint[] => {
    const n = w.starts.length;
    const monthly = {
      ambassador: { revenue: new Float64Array(n), cost: new Float64Array(n) },
      affiliate: { revenue: new Float64Array(n), cost: new Float64Array(n) },
    };
    for (const { p, e, t } of inputs)
      partnerMonthSums(
        tablesInput(e, t, filters.platform, p.kind, data.bonusRules),
        w,
        opts,
        monthly[p.kind].revenue,
        monthly[p.kind].cost,
      );
    const all = monthsInRange(range).map((month, i) => ({
      month,
      revenueCents: {
        ambassador: monthly.ambassador.revenue[i]!,
        affiliate: monthly.affiliate.revenue[i]!,
      },
      costCents: {
        ambassador: monthly.ambassador.cost[i]!,
        affiliate: monthly.affiliate.cost[i]!,
      },
    }));
    return monthlyInBrandCurrency(all, apart.months);
  };
  const ofKind = (k: PartnerKind) => stats.filter((x) => x.partner.kind === k);
  const kinds = {
    ambassador: groupResult(
      'ambassador',
      KIND_NAMES.ambassador,
      ofKind('ambassador'),
      months,
      opts.cpmCents,
    ),
    affiliate: groupResult(
      'affiliate',
      KIND_NAMES.affiliate,
      ofKind('affiliate'),
      months,
      opts.cpmCents,
    ),
  };
  const subtypes = SUBTYPE_TAGS.map((t) =>
    groupResult(
      t,
      t,
      stats.filter((x) => x.partner.tags.includes(t)),
      months,
      opts.cpmCents,
    ),
  );
  const partners: PartnerPoint[] = stats
    .filter((x) => x.inPlay)
    .map((x) => ({
      partnerId: x.partner.id,
      name: x.partner.name,
      kind: x.partner.kind,
      tags: x.partner.tags,
      earnings: x.earnings,
      roi: roi(x.earnings.revenueCents, x.earnings.costCents),
      postsPerMonth: months > 0 ? x.posts / months : 0,
      engagementPerPost: x.postsWithMetrics > 0 ? x.engagements / x.postsWithMetrics : null,
    }));
  let monthPoints: MonthPoint[] | undefined;
  return {
    range,
    months,
    kinds,
    subtypes,
    partners,
    get monthly() {
      return (monthPoints ??= monthlySeries());
    },
    apart: apart.months,
    converted: opts.converted?.length
      ? convertedTotals(opts.converted, terms, range, opts.timeZone)
      : [],
  };
}

/** The orders kept apart in other currencies (opts.apart) of these partners, for the period. */
function apartOf(
  terms: ReadonlyMap<string, PartnerTerms>,
  range: DateRange,
  opts: CompareOptions,
): { byPartner: Map<string, ApartSums>; months: CurrencyMonths[] } {
  if (!opts.apart || opts.apart.orders.length === 0) return { byPartner: new Map(), months: [] };
  const { currency, orders } = opts.apart;
  return {
    byPartner: apartByPartner(orders, terms, range, currency, opts.timeZone),
    months: foreignCurrencyMonths(orders, terms, range, currency, opts.timeZone),
  };
}

/**
 * Index of the better group for a figure among `groups` (null when the figure has no direction,
 * fewer than two groups have a value, or the best value is tied).
 */
export function betterIndex(key: FigureKey, groups: readonly GroupResult[]): number | null {
  const dir = FIGURES[key].better;
  if (dir === null) return null;
  let best: number | null = null;
  let tie = false;
  let valued = 0;
  groups.forEach((g, i) => {
    const v = g.figures[key].value;
    if (v === null) return;
    valued += 1;
    if (best === null) {
      best = i;
      return;
    }
    const b = groups[best]!.figures[key].value!;
    if (v === b) tie = true;
    else if (dir === 'higher' ? v > b : v < b) {
      best = i;
      tie = false;
    }
  });
  return valued >= 2 && !tie ? best : null;
}

/** Partners by ROI, best first; partners without spend (no ROI) last, by revenue. */
export function leaderboard(points: readonly PartnerPoint[], limit = 10): PartnerPoint[] {
  return [...points]
    .sort((a, b) => {
      if (a.roi === null || b.roi === null) {
        if (a.roi !== b.roi) return a.roi === null ? 1 : -1;
        return b.earnings.revenueCents - a.earnings.revenueCents;
      }
      return b.roi - a.roi;
    })
    .slice(0, limit);
}

/**
 * Money owed to partners today: for each partner, everything payable up to `today` minus what was
 * paid out, never below zero per partner (an overpaid partner does not offset another).
 */
export function payoutsOwed(
  data: Pick<CompareData, 'partners' | 'bonusRules'>,
  index: PartnerIndex,
  payouts: readonly Pick<Payout, 'partnerId' | 'amountCents'>[],
  opts: EarningsOptions & { today: string },
): { totalCents: number; byPartner: { partnerId: string; owedCents: number }[] } {
  const paid = new Map<string, number>();
  for (const p of payouts) paid.set(p.partnerId, (paid.get(p.partnerId) ?? 0) + p.amountCents);
  const byPartner: { partnerId: string; owedCents: number }[] = [];
  let totalCents = 0;
  for (const p of data.partners) {
    const e = index.get(p.id);
    if (!e) continue;
    const payable = earningsFromRollup(
      e.stats,
      { kind: p.kind, contracts: e.contracts, bonuses: e.bonuses, bonusRules: data.bonusRules },
      { start: '2000-01-01', end: opts.today },
      opts,
    ).payableCents;
    const owedCents = Math.max(0, payable - (paid.get(p.id) ?? 0));
    if (owedCents > 0) byPartner.push({ partnerId: p.id, owedCents });
    totalCents += owedCents;
  }
  byPartner.sort((a, b) => b.owedCents - a.owedCents);
  return { totalCents, byPartner };
}

type Locale = Pick<Settings, 'currency' | 'locale'>;

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A NumberFormat per locale and options, made once: building one costs far more than using it,
 * and the Compare screen formats hundreds of figures per render.
 */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(safeLocale(locale), options);
    numberFormats.set(key, f);
  }
  return f;
}

/** formatMoney() with a reused formatter (the same text). */
export function formatMoneyCached(amountCents: number, currency: string, locale: string): string {
  return numberFormat(locale, { style: 'currency', currency: safeCurrency(currency) }).format(
    amountCents / 100,
  );
}

/** A figure's value for display, in the brand's currency and locale. */
export function formatValue(value: number, format: FigureFormat, s: Locale): string {
  switch (format) {
    case 'money':
      return formatMoneyCached(Math.round(value), s.currency, s.locale);
    case 'percent':
      return numberFormat(s.locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'ratio':
      return `${numberFormat(s.locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(value)}×`;
    case 'decimal':
      return numberFormat(s.locale, { maximumFractionDigits: 1 }).format(value);
    case 'count':
      return numberFormat(s.locale, {}).format(Math.round(value));
    case 'days':
      return `${numberFormat(s.locale, {}).format(Math.round(value))} days`;
  }
}

const RECORD_WORDS = {
  partners: 'partners',
  postsWithMetrics: 'posts with metrics',
  posts: 'published posts',
  orders: 'orders',
} as const;

/** "Not enough data" with what is missing, e.g. "2 of 3 posts with metrics". */
export function notEnoughNote(key: FigureKey, f: Figure): string {
  return `${f.records} of ${f.min} ${RECORD_WORDS[FIGURES[key].records]} needed`;
}

export function formatFigure(key: FigureKey, f: Figure, s: Locale): string {
  return f.value === null ? 'Not enough data' : formatValue(f.value, FIGURES[key].format, s);
}

/** The first day the brand has data for: the earliest contract start, order or post. */
export function earliestDate(
  data: Pick<CompareBase, 'contracts'>,
  index: PartnerIndex,
): string | null {
  let first = Infinity;
  for (const e of index.values()) {
    if (e.stats.orderDays.length) first = Math.min(first, e.stats.orderDays[0]!);
    if (e.stats.posts.length) first = Math.min(first, e.stats.posts[0]!);
  }
  let best = Number.isFinite(first) ? fromDayNumber(first) : null;
  for (const c of data.contracts) if (best === null || c.startDate < best) best = c.startDate;
  return best;
}

import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { allBrandFollowers } from '../../db/brand';
import { contentBetween } from '../../db/content';
import { getDb } from '../../db/db';
import { ordersBetween } from '../../db/orders';
import { customersBefore } from '../../db/stats';
import { useFigures, useSettings } from '../../hooks/data';
import { indexFromStats } from '../../domain/compare';
import {
  addDays,
  dateInZone,
  daysBetween,
  endOfMonth,
  monthsInRange,
  startOfMonth,
  type DateRange,
} from '../../domain/dates';
import {
  acquisitions,
  byRegion,
  cohorts,
  customerValue,
  followerSeries,
  hyperlocalUplift,
  inPartnerCity,
  roiTwoWays,
  type CohortRow,
  type CustomerValue,
  type RegionRow,
  type RegionalUplift,
  type RoiTwoWays,
} from '../../domain/customers';
import {
  PARTNER_KINDS,
  type Bonus,
  type BonusRule,
  type BrandFollowerCount,
  type Shipment,
  type ContentItem,
  type Contract,
  type Order,
  type Partner,
  type PartnerKind,
} from '../../domain/schemas';
import { earningsFromRollup } from '../../domain/period-sums';
import type { PartnerStats } from '../../domain/stats';

export const LTV_WINDOW_DAYS = 365;

export interface KindGrowth {
  kind: PartnerKind;
  value: CustomerValue;
  roi: RoiTwoWays;
  cohorts: CohortRow[];
}

export interface HyperlocalUplift {
  partner: Partner;
  uplift: RegionalUplift;
}

export interface GrowthData {
  range: DateRange;
  today: string;
  kinds: KindGrowth[];
  regions: (RegionRow & { hyperlocal: string[] })[];
  hyperlocal: HyperlocalUplift[];
  followers: Map<string, { month: string; followers: number }[]>;
  months: string[];
  postsByKind: Record<PartnerKind, number[]>;
  hasCustomers: boolean;
}

/** Each hyperlocal partner with a city, and the days in `range` their contracts were active. */
function hyperlocalWindows(
  partners: readonly Partner[],
  contracts: readonly Contract[],
  range: DateRange,
  today: string,
): { partner: Partner; active: DateRange }[] {
  const out: { partner: Partner; active: DateRange }[] = [];
  for (const p of partners) {
    if (!p.tags.includes('hyperlocal influencer') || !p.location.city) continue;
    const ks = contracts
      .filter((k) => k.partnerId === p.id)
      .sort((a, b) => a.startDate.localeCompare(b.startDate));
    if (ks.length === 0) continue;
    const start = ks[0]!.startDate > range.start ? ks[0]!.startDate : range.start;
    const lastEnd = ks[ks.length - 1]!.endDate;
    const end = lastEnd && lastEnd < today ? lastEnd : today;
    if (start <= end) out.push({ partner: p, active: { start, end } });
  }
  return out;
}

/** What the view reads for the last 12 months, from the partners and contracts. */
export interface ReadPlan {
  today: string;
  range: DateRange;
  hyperlocal: { partner: Partner; active: DateRange }[];
  /**
   * Orders are read from here on (epoch ms): the first day of the range's first month, or the
   * first day a hyperlocal partner's "before" period needs if earlier, less a day so that every
   * order of that local day is in whatever the brand's time zone.
   */
  fromMs: number;
}

export function readPlan(
  partners: readonly Partner[],
  contracts: readonly Contract[],
  timeZone: string,
  now = Date.now(),
): ReadPlan {
  const today = dateInZone(now, timeZone);
  const range = { start: addDays(today, -364), end: today };
  const hyperlocal = hyperlocalWindows(partners, contracts, range, today);
  let from = startOfMonth(range.start);
  for (const { active } of hyperlocal) {
    const before = addDays(active.start, -(daysBetween(active.start, active.end) + 1));
    if (before < from) from = before;
  }
  return { today, range, hyperlocal, fromMs: Date.parse(`${addDays(from, -1)}T00:00:00Z`) };
}

/** The small tables and rollups the view reads whole. */
export interface GrowthBase {
  partners: readonly Partner[];
  contracts: readonly Contract[];
  bonuses: readonly Bonus[];
  bonusRules: readonly BonusRule[];
  rollups: readonly PartnerStats[];
  brandFollowers: readonly BrandFollowerCount[];
  /** Gift shipments (their cost counts like any other); absent = none. */
  shipments?: readonly Shipment[];
}

/** What is read by range (see useGrowthData). */
export interface GrowthReads {
  /** Orders placed from plan.fromMs on. */
  orders: readonly Order[];
  /** Customers with an order (not cancelled) placed before plan.fromMs. */
  known: ReadonlySet<string>;
  /** Published posts planned in the months of plan.range. */
  posts: readonly ContentItem[];
}

/** The view's figures from what was read (pure; test/db/growth-reads.test.ts). */
export function growthFigures(
  base: GrowthBase,
  plan: ReadPlan,
  { orders, known, posts }: GrowthReads,
  tz: string,
  countDiscountAsCost: boolean,
): GrowthData {
  const { today, range } = plan;
  const kindOf = new Map(base.partners.map((p) => [p.id, p.kind]));
  const acq = acquisitions(orders, tz);
  const hasCustomers = acq.size > 0 || known.size > 0;
  // A customer who ordered before the orders read was acquired then, not in this period.
  for (const key of known) acq.delete(key);
  const index = indexFromStats(base, base.rollups);
  const kinds = PARTNER_KINDS.map((kind): KindGrowth => {
    const accept = (p: string | null) => p !== null && kindOf.get(p) === kind;
    const value = customerValue(acq.values(), accept, range, today, LTV_WINDOW_DAYS);
    let cost = 0;
    let revenue = 0;
    for (const p of base.partners) {
      const e = index.get(p.id);
      if (p.kind !== kind || !e) continue;
      const earned = earningsFromRollup(
        e.stats,
        {
          kind,
          contracts: e.contracts,
          bonuses: e.bonuses,
          bonusRules: base.bonusRules,
          gifts: e.gifts,
        },
        range,
        { timeZone: tz, countDiscountAsCost },
      );
      cost += earned.costCents;
      revenue += earned.revenueCents;
    }
    return {
      kind,
      value,
      roi: roiTwoWays(cost, revenue, value.lifetimeValueCents, LTV_WINDOW_DAYS),
      cohorts: cohorts(acq.values(), accept, today).filter(
        (c) => c.month >= range.start.slice(0, 7),
      ),
    };
  });
  const sameCity = inPartnerCity;
  const hyperlocal = plan.hyperlocal.map(({ partner, active }) => ({
    partner,
    uplift: hyperlocalUplift(orders, partner, active, tz),
  }));
  const hyper = base.partners.filter(
    (p) => p.tags.includes('hyperlocal influencer') && p.location.city,
  );
  const regions = byRegion(orders, acq, range, tz).map((r) => ({
    ...r,
    hyperlocal: hyper.filter((p) => sameCity(p)({ region: r })).map((p) => p.name),
  }));
  const months = monthsInRange(range);
  const postsByKind: Record<PartnerKind, number[]> = {
    ambassador: months.map(() => 0),
    affiliate: months.map(() => 0),
  };
  for (const c of posts) {
    const i = months.indexOf(c.plannedDate.slice(0, 7));
    const k = kindOf.get(c.partnerId);
    if (i >= 0 && k) postsByKind[k][i]! += 1;
  }
  return {
    range,
    today,
    kinds,
    regions,
    hyperlocal,
    followers: followerSeries(base.brandFollowers),
    months,
    postsByKind,
    hasCustomers,
  };
}

/**
 * Everything the "Customers & growth" view shows, for the last 12 months. Reads the orders of the
 * period (and of the hyperlocal partners' "before" periods) through the placedAtMs index, and of
 * older orders only which customers they came from (so that a customer is new only at their very
 * first order); costs come from the rollups, posts from the content of the months shown.
 */
export function useGrowthData(): GrowthData | undefined {
  const settings = useSettings();
  const tz = settings.timeZone;
  const countDiscountAsCost = settings.countDiscountAsCost;
  // The shared figures (src/db/figures.ts) and the brand's own follower counts.
  const figures = useFigures();
  const brandFollowers = useLiveQuery(() => allBrandFollowers(getDb()), []);
  const base = useMemo(
    () => (figures && brandFollowers ? { ...figures, brandFollowers } : undefined),
    [figures, brandFollowers],
  );
  const plan = useMemo(
    () => (base ? readPlan(base.partners, base.contracts, tz) : undefined),
    [base, tz],
  );
  const fromMs = plan?.fromMs;
  const postFrom = plan ? startOfMonth(plan.range.start) : undefined;
  const postTo = plan ? endOfMonth(plan.today) : undefined;
  const orders = useLiveQuery(
    async () => (fromMs === undefined ? undefined : ordersBetween(getDb(), fromMs, Infinity)),
    [fromMs],
  );
  const known = useLiveQuery(
    async () => (fromMs === undefined ? undefined : customersBefore(getDb(), fromMs)),
    [fromMs],
  );
  const posts = useLiveQuery(
    async () =>
      postFrom === undefined || postTo === undefined
        ? undefined
        : (await contentBetween(getDb(), postFrom, postTo)).filter((c) => c.status === 'published'),
    [postFrom, postTo],
  );
  return useMemo(
    () =>
      base && plan && orders && known && posts
        ? growthFigures(base, plan, { orders, known, posts }, tz, countDiscountAsCost)
        : undefined,
    [base, plan, orders, known, posts, tz, countDiscountAsCost],
  );
}

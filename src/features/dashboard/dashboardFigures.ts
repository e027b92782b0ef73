/**
 * The Dashboard's period figures (revenue, spend and ROI per kind, and the top partners) without
 * the rest of the comparison: compareFromIndex() first builds lookup tables over every partner's
 * whole history (worth it for Compare, which asks many periods and figures of one load), which
 * was most of the Dashboard's start-up computing. These are the same numbers, from one walk over
 * each partner's rollup in the period (partnerPeriodWalk; test/unit/dashboard-figures.test.ts
 * proves them equal).
 */
import {
  MIN_RECORDS,
  type CompareBase,
  type Figure,
  type PartnerIndex,
  type PartnerPoint,
} from '../../domain/compare';
import { earningsLessApart, type CurrencyTotals } from '../../domain/currency-totals';
import type { DateRange } from '../../domain/dates';
import { roi, type EarningsOptions } from '../../domain/earnings';
import type { PartnerKind } from '../../domain/schemas';
import { monthWindows, partnerPeriodWalk, preparePartner } from '../../domain/period-sums';

export interface KindFigures {
  revenue: Figure;
  spend: Figure;
  roi: Figure;
}

/** A partner in play, as Compare's partner points have it, without the content figures. */
export type TopPartner = Omit<PartnerPoint, 'postsPerMonth' | 'engagementPerPost'>;

export interface DashboardFigures {
  kinds: Record<PartnerKind, KindFigures>;
  /** Revenue and cost of every partner in play, whatever their number (the top cards). */
  totals: Record<PartnerKind, { revenueCents: number; costCents: number; orders: number }>;
  /**
   * Every partner in play, best return on cost first; partners without cost last, by revenue (as
   * leaderboard()). The card shows the first few, after inBrandCurrency().
   */
  top: TopPartner[];
}

function byReturn(a: TopPartner, b: TopPartner): number {
  if (a.roi === null || b.roi === null) {
    if (a.roi !== b.roi) return a.roi === null ? 1 : -1;
    return b.earnings.revenueCents - a.earnings.revenueCents;
  }
  return b.roi - a.roi;
}

/**
 * Figures of the partners "in play" in `range` (a contract overlapping it, an order or a published
 * post in it), as the Compare screen counts them with no filter.
 */
export function dashboardFigures(
  data: CompareBase,
  index: PartnerIndex,
  range: DateRange,
  opts: EarningsOptions,
): DashboardFigures {
  const w = monthWindows(range);
  const sums = {
    ambassador: { n: 0, revenue: 0, cost: 0, orders: 0 },
    affiliate: { n: 0, revenue: 0, cost: 0, orders: 0 },
  };
  const inPlay: TopPartner[] = [];
  for (const p of data.partners) {
    const e = index.get(p.id);
    if (!e) continue;
    const prep = preparePartner(e, e.contracts, e.bonuses, e.gifts);
    const { earnings, orderRecords, posts } = partnerPeriodWalk(
      e.stats,
      prep,
      p.kind,
      data.bonusRules,
      w,
      opts,
    );
    const contract = prep.contracts.some((c) => c.start <= w.end && c.end >= w.start);
    if (!contract && orderRecords === 0 && posts === 0) continue;
    const s = sums[p.kind];
    s.n += 1;
    s.revenue += earnings.revenueCents;
    s.cost += earnings.costCents;
    s.orders += earnings.orders;
    inPlay.push({
      partnerId: p.id,
      name: p.name,
      kind: p.kind,
      tags: p.tags,
      earnings,
      roi: roi(earnings.revenueCents, earnings.costCents),
    });
  }
  const kindFigures = (s: { n: number; revenue: number; cost: number }): KindFigures => {
    const fig = (value: number | null): Figure => ({
      value: s.n >= MIN_RECORDS.partners ? value : null,
      records: s.n,
      min: MIN_RECORDS.partners,
    });
    return { revenue: fig(s.revenue), spend: fig(s.cost), roi: fig(roi(s.revenue, s.cost)) };
  };
  const kinds = {
    ambassador: kindFigures(sums.ambassador),
    affiliate: kindFigures(sums.affiliate),
  };
  const totals = {
    ambassador: {
      revenueCents: sums.ambassador.revenue,
      costCents: sums.ambassador.cost,
      orders: sums.ambassador.orders,
    },
    affiliate: {
      revenueCents: sums.affiliate.revenue,
      costCents: sums.affiliate.cost,
      orders: sums.affiliate.orders,
    },
  };
  return { kinds, totals, top: inPlay.sort(byReturn) };
}

/**
 * The figures in the brand's currency only: orders kept apart in other currencies (`foreign`, of
 * the same period) come out of revenue, and their commission out of spend, per kind.
 */
export function inBrandCurrency(
  f: DashboardFigures,
  foreign: readonly CurrencyTotals[],
  opts: Pick<EarningsOptions, 'countDiscountAsCost'> = { countDiscountAsCost: false },
): DashboardFigures {
  if (foreign.length === 0) return f;
  // Each partner's own figures too, ranked again: a partner's pounds must not lift them above
  // one with more dollars.
  const top = f.top
    .map((x) => {
      let earnings = x.earnings;
      for (const t of foreign)
        earnings = earningsLessApart(earnings, t.byPartner.get(x.partnerId), opts);
      return { ...x, earnings, roi: roi(earnings.revenueCents, earnings.costCents) };
    })
    .sort(byReturn);
  const kinds = { ...f.kinds };
  const totals = { ...f.totals };
  for (const k of ['ambassador', 'affiliate'] as const) {
    let revenue = f.totals[k].revenueCents;
    let cost = f.totals[k].costCents;
    let orders = f.totals[k].orders;
    for (const t of foreign) {
      revenue -= t.byKind[k].revenueCents;
      cost -= t.byKind[k].commissionCents;
      orders -= t.byKind[k].orders;
    }
    totals[k] = { revenueCents: revenue, costCents: cost, orders };
    const was = f.kinds[k];
    const keep = (v: number | null) => (was.revenue.value === null ? null : v);
    kinds[k] = {
      revenue: { ...was.revenue, value: keep(revenue) },
      spend: { ...was.spend, value: keep(cost) },
      roi: { ...was.roi, value: keep(roi(revenue, cost)) },
    };
  }
  return { kinds, totals, top };
}

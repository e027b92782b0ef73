/**
 * "Choosing the right strategy for your brand": project reach, orders, revenue and ROI of budget
 * splits between brand ambassadors and micro-affiliates from the brand's own unit economics (or
 * editable benchmark defaults where its data is thin) and recommend a split. Pure.
 */
import {
  compareFromIndex,
  MIN_RECORDS,
  NO_FILTERS,
  type CompareBase,
  type CompareOptions,
  type PartnerIndex,
} from './compare';
import { overlapDays, type DateRange } from './dates';
import { safeLocale } from './intl';
import { formatMoney } from './money';
import { PARTNER_KINDS, type PartnerKind } from './schemas';

export type Goal = 'awareness' | 'sales' | 'mix';

export const GOAL_LABEL: Record<Goal, string> = {
  awareness: 'Awareness',
  sales: 'Sales',
  mix: 'A mix of both',
};

export type EconomicsKey =
  'costPerThousandReachCents' | 'cpaCents' | 'aovCents' | 'monthlyRetention' | 'rampMonths';

/** One kind's unit economics: what a dollar buys at full output. */
export type UnitEconomics = Record<EconomicsKey, number>;

export const ECONOMICS_LABEL: Record<EconomicsKey, string> = {
  costPerThousandReachCents: 'Cost per 1,000 people reached',
  cpaCents: 'Cost per order',
  aovCents: 'Revenue per order',
  monthlyRetention: 'Partners still with you after a month',
  rampMonths: 'Months for a new partner to reach full output',
};

/** Where benchmark defaults come from; shown next to every benchmark value. */
export const BENCHMARK_SOURCE =
  'Pawtners planning default: a rough starting point for a small pet brand, not a published study and not your data. Edit it to match what you know.';

/** Benchmark defaults per kind, used where the brand's own data is too thin. Editable in the UI. */
export const BENCHMARKS: Record<PartnerKind, UnitEconomics> = {
  ambassador: {
    costPerThousandReachCents: 800,
    cpaCents: 4_500,
    aovCents: 5_500,
    monthlyRetention: 0.95,
    rampMonths: 3,
  },
  affiliate: {
    costPerThousandReachCents: 1_200,
    cpaCents: 1_500,
    aovCents: 5_000,
    monthlyRetention: 0.8,
    rampMonths: 1,
  },
};

/**
 * Spending more than today on one kind buys less per dollar: output grows with
 * (spend ÷ today's spend) ^ exponent beyond today's level. 1 means no diminishing returns.
 */
export const DEFAULT_SCALE_EXPONENT = 0.8;

export interface MeasuredValue {
  /** The brand's own value, or null when it rests on too few records. */
  value: number | null;
  records: number;
  min: number;
  recordsLabel: string;
}

export interface MeasuredEconomics {
  perKind: Record<PartnerKind, Record<Exclude<EconomicsKey, 'rampMonths'>, MeasuredValue>>;
  /** Today's monthly spend per kind over the window, the base for diminishing returns. */
  monthlySpendCents: Record<PartnerKind, number>;
}

const AVG_MONTH_DAYS = 365.25 / 12;
const MIN_PARTNERS_FOR_RETENTION = 3;

/**
 * The brand's own unit economics per kind over `window` (e.g. the last 12 months), optionally only
 * for partners of one niche.
 */
export function measureEconomics(
  data: CompareBase,
  index: PartnerIndex,
  window: DateRange,
  niche: string | null,
  opts: CompareOptions,
): MeasuredEconomics {
  const partners =
    niche === null
      ? data.partners
      : data.partners.filter((p) => p.niche.trim().toLowerCase() === niche.trim().toLowerCase());
  const c = compareFromIndex({ ...data, partners }, index, window, NO_FILTERS, opts);
  const months = c.months;
  const perKind = {} as MeasuredEconomics['perKind'];
  const monthlySpendCents = { ambassador: 0, affiliate: 0 };
  for (const k of PARTNER_KINDS) {
    const g = c.kinds[k];
    const cost = g.figures.spend.value ?? 0;
    monthlySpendCents[k] = months > 0 ? Math.round(cost / months) : 0;
    // Retention: partnerships that ended in the window per partner-month active in it.
    let partnerDays = 0;
    let ends = 0;
    let withContract = 0;
    for (const p of partners) {
      if (p.kind !== k) continue;
      const contracts = index.get(p.id)?.contracts ?? [];
      if (contracts.length === 0) continue;
      let days = 0;
      let lastEnd: string | null = '';
      for (const ct of contracts) {
        days += overlapDays({ start: ct.startDate, end: ct.endDate ?? window.end }, window);
        if (lastEnd !== null && (ct.endDate === null || ct.endDate > lastEnd)) lastEnd = ct.endDate;
      }
      if (days === 0) continue;
      withContract += 1;
      partnerDays += days;
      if (lastEnd !== null && lastEnd >= window.start && lastEnd < window.end) ends += 1;
    }
    const partnerMonths = partnerDays / AVG_MONTH_DAYS;
    perKind[k] = {
      costPerThousandReachCents: {
        value: g.counts.reach > 0 && cost > 0 ? Math.round((cost * 1000) / g.counts.reach) : null,
        records: g.counts.postsWithMetrics,
        min: MIN_RECORDS.postsWithMetrics,
        recordsLabel: 'posts with metrics',
      },
      cpaCents: {
        value: g.figures.cpa.value,
        records: g.counts.orders,
        min: MIN_RECORDS.orders,
        recordsLabel: 'orders',
      },
      aovCents: {
        value: g.figures.aov.value,
        records: g.counts.orders,
        min: MIN_RECORDS.orders,
        recordsLabel: 'orders',
      },
      monthlyRetention: {
        value: partnerMonths > 0 ? Math.max(0, Math.min(1, 1 - ends / partnerMonths)) : null,
        records: withContract,
        min: MIN_PARTNERS_FOR_RETENTION,
        recordsLabel: 'partners with a contract',
      },
    };
    for (const v of Object.values(perKind[k])) if (v.records < v.min) v.value = null;
  }
  return { perKind, monthlySpendCents };
}

export type EconomicsSource = 'yours' | 'benchmark' | 'edited';

/** The value the projection uses per kind and key, and where it came from. */
export interface ResolvedEconomics {
  values: Record<PartnerKind, UnitEconomics>;
  sources: Record<PartnerKind, Record<EconomicsKey, EconomicsSource>>;
}

/** Own data where there is enough, the owner's edits over anything, benchmarks for the rest. */
export function resolveEconomics(
  measured: MeasuredEconomics,
  edits: Partial<Record<PartnerKind, Partial<UnitEconomics>>>,
  benchmarks: Record<PartnerKind, UnitEconomics> = BENCHMARKS,
): ResolvedEconomics {
  const values = {} as ResolvedEconomics['values'];
  const sources = {} as ResolvedEconomics['sources'];
  for (const k of PARTNER_KINDS) {
    const v = { ...benchmarks[k] };
    const s: Record<EconomicsKey, EconomicsSource> = {
      costPerThousandReachCents: 'benchmark',
      cpaCents: 'benchmark',
      aovCents: 'benchmark',
      monthlyRetention: 'benchmark',
      rampMonths: 'benchmark',
    };
    for (const [key, m] of Object.entries(measured.perKind[k]) as [EconomicsKey, MeasuredValue][]) {
      if (m.value !== null) {
        v[key] = m.value;
        s[key] = 'yours';
      }
    }
    for (const [key, e] of Object.entries(edits[k] ?? {}) as [EconomicsKey, number | undefined][]) {
      if (e !== undefined && Number.isFinite(e)) {
        v[key] = e;
        s[key] = 'edited';
      }
    }
    values[k] = v;
    sources[k] = s;
  }
  return { values, sources };
}

/**
 * Share of full output in each month 1..h for new partnerships of one kind: output ramps up
 * linearly over `rampMonths`; each month `1 - retention` of partners leave and are replaced by
 * newcomers who start the ramp again.
 */
export function outputCurve(
  e: Pick<UnitEconomics, 'monthlyRetention' | 'rampMonths'>,
  horizonMonths: number,
): number[] {
  const ramp = Math.max(1, Math.round(e.rampMonths));
  const r = Math.max(0, Math.min(1, e.monthlyRetention));
  // shares[a] = share of partners in their (a + 1)-th month; the last bucket is "fully ramped".
  let shares: number[] = Array.from({ length: ramp }, (_, i) => (i === 0 ? 1 : 0));
  const out: number[] = [];
  for (let m = 0; m < horizonMonths; m++) {
    out.push(shares.reduce((a, s, i) => a + s * ((i + 1) / ramp), 0));
    const next = shares.map(() => 0);
    next[0] = 1 - r;
    shares.forEach((s, i) => {
      next[Math.min(i + 1, ramp - 1)]! += s * r;
    });
    shares = next;
  }
  return out;
}

/** Spend turned into full-output spend: dollars beyond today's level count for less. */
export function effectiveSpend(spendCents: number, todayCents: number, exponent: number): number {
  if (spendCents <= 0) return 0;
  const base = todayCents > 0 ? todayCents : spendCents;
  if (spendCents <= base) return spendCents;
  return base * Math.pow(spendCents / base, exponent);
}

export interface AdvisorInput {
  goal: Goal;
  monthlyBudgetCents: number;
  horizonMonths: number;
  economics: Record<PartnerKind, UnitEconomics>;
  /** Today's monthly spend per kind (the base of diminishing returns). */
  monthlySpendCents: Record<PartnerKind, number>;
  scaleExponent: number;
}

export interface Projection {
  /** Share of the budget for brand ambassadors, 0..1; the rest goes to micro-affiliates. */
  ambassadorShare: number;
  reach: number;
  orders: number;
  revenueCents: number;
  spendCents: number;
  roi: number | null;
  perKind: Record<
    PartnerKind,
    { spendCents: number; reach: number; orders: number; revenueCents: number }
  >;
}

/** Reach, orders, revenue and ROI over the horizon for one split. */
export function project(input: AdvisorInput, ambassadorShare: number): Projection {
  const perKind = {} as Projection['perKind'];
  for (const k of PARTNER_KINDS) {
    const e = input.economics[k];
    const share = k === 'ambassador' ? ambassadorShare : 1 - ambassadorShare;
    const monthly = input.monthlyBudgetCents * share;
    const eff = effectiveSpend(monthly, input.monthlySpendCents[k], input.scaleExponent);
    const output = outputCurve(e, input.horizonMonths).reduce((a, x) => a + x, 0) * eff;
    const reach =
      e.costPerThousandReachCents > 0 ? (output / e.costPerThousandReachCents) * 1000 : 0;
    const orders = e.cpaCents > 0 ? output / e.cpaCents : 0;
    perKind[k] = {
      spendCents: Math.round(monthly * input.horizonMonths),
      reach: Math.round(reach),
      orders,
      revenueCents: Math.round(orders * e.aovCents),
    };
  }
  const spendCents = input.monthlyBudgetCents * input.horizonMonths;
  const revenueCents = perKind.ambassador.revenueCents + perKind.affiliate.revenueCents;
  return {
    ambassadorShare,
    reach: perKind.ambassador.reach + perKind.affiliate.reach,
    orders: perKind.ambassador.orders + perKind.affiliate.orders,
    revenueCents,
    spendCents,
    roi: spendCents > 0 ? (revenueCents - spendCents) / spendCents : null,
    perKind,
  };
}

/** The splits the advisor compares: 0 %, 10 %, ... 100 % to ambassadors. */
export const SPLITS = Array.from({ length: 11 }, (_, i) => i / 10);

export interface Recommendation {
  projections: Projection[];
  best: Projection;
  explanation: string[];
}

function score(goal: Goal, p: Projection, maxReach: number, maxRevenue: number): number {
  const r = maxReach > 0 ? p.reach / maxReach : 0;
  const s = maxRevenue > 0 ? p.revenueCents / maxRevenue : 0;
  return goal === 'awareness' ? r : goal === 'sales' ? s : (r + s) / 2;
}

const pctText = (x: number) => `${Math.round(x * 100)}%`;

/** Project every split, pick the best for the goal and explain it in plain words. */
export function recommend(
  input: AdvisorInput,
  money: { currency: string; locale: string },
): Recommendation {
  const projections = SPLITS.map((s) => project(input, s));
  const maxReach = Math.max(...projections.map((p) => p.reach));
  const maxRevenue = Math.max(...projections.map((p) => p.revenueCents));
  let best = projections[0]!;
  let bestScore = -Infinity;
  for (const p of projections) {
    const sc = score(input.goal, p, maxReach, maxRevenue);
    // On a tie, prefer the more balanced split.
    if (
      sc > bestScore + 1e-12 ||
      (Math.abs(sc - bestScore) <= 1e-12 &&
        Math.abs(p.ambassadorShare - 0.5) < Math.abs(best.ambassadorShare - 0.5))
    ) {
      best = p;
      bestScore = sc;
    }
  }
  const fmt = (c: number) => formatMoney(Math.round(c), money.currency, money.locale);
  const locale = safeLocale(money.locale);
  const a = input.economics.ambassador;
  const f = input.economics.affiliate;
  const ambMonthly = input.monthlyBudgetCents * best.ambassadorShare;
  const explanation = [
    best.ambassadorShare === 0
      ? `Put the whole budget (${fmt(input.monthlyBudgetCents)} a month) into micro-affiliates.`
      : best.ambassadorShare === 1
        ? `Put the whole budget (${fmt(input.monthlyBudgetCents)} a month) into brand ambassadors.`
        : `Put about ${pctText(best.ambassadorShare)} (${fmt(ambMonthly)} a month) into brand ambassadors and ${pctText(1 - best.ambassadorShare)} (${fmt(input.monthlyBudgetCents - ambMonthly)}) into micro-affiliates.`,
  ];
  if (input.goal !== 'awareness') {
    const cheaper = a.cpaCents <= f.cpaCents ? 'Brand ambassadors' : 'Micro-affiliates';
    explanation.push(
      `For sales: an order costs about ${fmt(a.cpaCents)} through ambassadors and ${fmt(f.cpaCents)} through micro-affiliates, so ${cheaper.toLowerCase()} bring more orders per dollar.`,
    );
  }
  if (input.goal !== 'sales') {
    const cheaper =
      a.costPerThousandReachCents <= f.costPerThousandReachCents
        ? 'brand ambassadors'
        : 'micro-affiliates';
    explanation.push(
      `For awareness: reaching 1,000 people costs about ${fmt(a.costPerThousandReachCents)} with ambassadors and ${fmt(f.costPerThousandReachCents)} with micro-affiliates, so ${cheaper} reach more people per dollar.`,
    );
  }
  if (best.ambassadorShare > 0 && best.ambassadorShare < 1)
    explanation.push(
      'Both kinds keep a share because spending far beyond what you spend on one kind today buys less per dollar (you run out of the best-fitting partners).',
    );
  const slow =
    a.rampMonths > f.rampMonths
      ? 'Ambassadors'
      : f.rampMonths > a.rampMonths
        ? 'Micro-affiliates'
        : null;
  if (slow && input.horizonMonths <= Math.max(a.rampMonths, f.rampMonths) * 2)
    explanation.push(
      `${slow} take longer to reach full output, which weighs against them over a short ${input.horizonMonths}-month horizon; a longer horizon favours them more.`,
    );
  explanation.push(
    `Expected over ${input.horizonMonths} month${input.horizonMonths === 1 ? '' : 's'}: about ${Math.round(best.reach).toLocaleString(locale)} people reached, ${Math.round(best.orders).toLocaleString(locale)} orders and ${fmt(best.revenueCents)} revenue for ${fmt(best.spendCents)} spent${best.roi === null ? '' : ` (ROI ${pctText(best.roi)})`}. These are estimates from past numbers, not promises.`,
  );
  return { projections, best, explanation };
}

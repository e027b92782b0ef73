/**
 * Money has one reference (partnerEarnings in src/domain/earnings.ts, over a partner's records) and
 * one fast path (src/domain/period-sums.ts, over the partner's rollup). Every function of the fast
 * path must give the reference's integers, on generated partners, contracts, orders (refunds and
 * cancellations included), posts, bonuses, gift shipments, bonus rules, periods and time zones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, dayNumber, type DateRange } from '../../src/domain/dates';
import {
  cpaCents,
  partnerEarnings,
  roi,
  type EarningsOptions,
  type GiftCost,
  type PartnerRecords,
} from '../../src/domain/earnings';
import {
  buildTables,
  earningsFromRollup,
  monthIndexOfDay,
  monthWindows,
  partnerMonthSums,
  partnerPeriodSums,
  partnerPeriodWalk,
  preparePartner,
} from '../../src/domain/period-sums';
import type {
  Bonus,
  BonusRule,
  ContentItem,
  Contract,
  Order,
  PartnerKind,
} from '../../src/domain/schemas';
import { buildPartnerStats } from '../../src/domain/stats';

const stamp = { createdAt: 0, updatedAt: 0 };
const FIRST = dayNumber('2023-10-01');
const LAST = dayNumber('2026-03-31');
const day = fc.integer({ min: FIRST, max: LAST });
const cents = (max: number) => fc.integer({ min: 0, max });

const contractArb = fc
  .record({
    start: day,
    length: fc.option(fc.integer({ min: 0, max: 500 })),
    retainerCents: fc.oneof(fc.constant(0), cents(400_000)),
    retainerPeriod: fc.constantFrom('monthly', 'quarterly', 'yearly' as const),
    commissionRate: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: 40 }),
      fc.double({ min: 0.5, max: 35, noNaN: true }),
    ),
    commissionBase: fc.constantFrom('subtotal', 'total' as const),
    perksCentsPerMonth: fc.oneof(fc.constant(0), cents(20_000)),
  })
  .map((c, i = 0): Contract => ({
    ...stamp,
    id: `k-${c.start}-${i}`,
    partnerId: 'p',
    startDate: fromDayNumber(c.start),
    endDate: c.length === null ? null : fromDayNumber(c.start + c.length),
    retainerCents: c.retainerCents,
    retainerPeriod: c.retainerPeriod,
    commissionRate: c.commissionRate,
    commissionBase: c.commissionBase,
    commissionOnRepeat: false,
    flatFeePerPostCents: 0,
    perksCentsPerMonth: c.perksCentsPerMonth,
    deliverablesPerMonth: 0,
    notes: '',
  }));

function order(
  ms: number,
  subtotal: number,
  total: number,
  status: Order['status'],
  refunded: number,
  discount = 0,
): Order {
  return {
    ...stamp,
    id: `shopify:${ms}`,
    source: 'shopify',
    orderId: String(ms),
    placedAt: new Date(ms).toISOString(),
    placedAtMs: ms,
    currency: 'USD',
    subtotalCents: subtotal,
    discountCents: discount,
    shippingCents: 0,
    taxCents: total - subtotal,
    totalCents: total,
    refundedCents: refunded,
    status,
    codes: [],
    tags: [],
    note: '',
    partnerId: 'p',
    attribution: { method: 'code', reason: '' },
    customerKey: null,
    email: null,
    region: { country: '', province: '', city: '' },
  };
}

const orderArb = fc
  .record({
    ms: fc.integer({ min: Date.UTC(2023, 9, 1), max: Date.UTC(2026, 2, 31, 23, 59) }),
    subtotal: cents(60_000),
    extra: cents(8_000),
    discount: cents(5_000),
    status: fc.constantFrom('paid', 'paid', 'partially refunded', 'refunded', 'cancelled' as const),
    refundShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((o) => {
    const total = o.subtotal + o.extra;
    const refunded =
      o.status === 'refunded'
        ? total
        : o.status === 'partially refunded'
          ? Math.round(total * o.refundShare)
          : 0;
    return order(o.ms, o.subtotal, total, o.status, refunded, o.discount);
  });

const postArb = fc
  .record({
    d: day,
    status: fc.constantFrom('published', 'published', 'planned', 'missed' as const),
    cost: fc.oneof(fc.constant(0), cents(30_000)),
  })
  .map((p): ContentItem => ({
    ...stamp,
    id: `c-${p.d}`,
    partnerId: 'p',
    campaignId: null,
    platform: 'instagram',
    format: 'post',
    plannedDate: fromDayNumber(p.d),
    plannedTime: '',
    status: p.status,
    title: '',
    brief: '',
    control: 'partner',
    publishedUrl: '',
    costCents: p.cost,
    metrics: null,
  }));

const bonusArb = fc.record({ d: day, amount: cents(50_000) }).map((b): Bonus => ({
  ...stamp,
  id: `b-${b.d}`,
  partnerId: 'p',
  date: fromDayNumber(b.d),
  amountCents: b.amount,
  reason: '',
}));

/** Gift shipments (seeding) as the money code sees them: a day, a cost and a retail value. */
const giftArb = fc
  .record({ d: day, cost: cents(20_000), retail: cents(60_000) })
  .map((g): GiftCost => ({ date: fromDayNumber(g.d), costCents: g.cost, retailCents: g.retail }));

const ruleArb = fc
  .record({
    active: fc.boolean(),
    kind: fc.constantFrom(null, 'ambassador', 'affiliate' as const),
    min: cents(80_000),
    bonus: cents(10_000),
  })
  .map((r): BonusRule => ({
    ...stamp,
    id: `r-${r.min}`,
    name: 'Milestone',
    active: r.active,
    kind: r.kind,
    minMonthlyRevenueCents: r.min,
    bonusCents: r.bonus,
  }));

const caseArb = fc.record({
  kind: fc.constantFrom<PartnerKind>('ambassador', 'affiliate'),
  contracts: fc.array(contractArb, { maxLength: 3 }),
  orders: fc.array(orderArb, { maxLength: 40 }),
  content: fc.array(postArb, { maxLength: 12 }),
  bonuses: fc.array(bonusArb, { maxLength: 3 }),
  gifts: fc.array(giftArb, { maxLength: 4 }),
  bonusRules: fc.array(ruleArb, { maxLength: 2 }),
  // Gifts and bonuses on the first and last day of the period (off-by-one days).
  onEdges: fc.boolean(),
  start: fc.integer({ min: FIRST - 60, max: LAST }),
  length: fc.integer({ min: 0, max: 800 }),
  timeZone: fc.constantFrom('UTC', 'America/New_York', 'Asia/Karachi', 'Pacific/Auckland'),
  countDiscountAsCost: fc.boolean(),
});

const edges = (start: number, length: number) =>
  [start, start + length].map((d) => ({
    date: fromDayNumber(d),
    costCents: 999,
    retailCents: 1_999,
  }));

const edgeBonuses = (start: number, length: number): Bonus[] =>
  [start, start + length].map((d, i) => ({
    ...stamp,
    id: `edge-${i}`,
    partnerId: 'p',
    date: fromDayNumber(d),
    amountCents: 1_234,
    reason: '',
  }));

interface Case {
  rec: PartnerRecords;
  range: DateRange;
  opts: EarningsOptions;
}

const cases: fc.Arbitrary<Case> = caseArb.map((x) => ({
  rec: {
    kind: x.kind,
    // Ids unique per generated case.
    contracts: x.contracts.map((k, i) => ({ ...k, id: `k${i}` })),
    orders: x.orders.map((o, i) => ({ ...o, id: `o${i}`, orderId: `o${i}` })),
    content: x.content,
    bonuses: x.onEdges ? [...x.bonuses, ...edgeBonuses(x.start, x.length)] : x.bonuses,
    bonusRules: x.bonusRules,
    gifts: x.onEdges ? [...x.gifts, ...edges(x.start, x.length)] : x.gifts,
  },
  range: { start: fromDayNumber(x.start), end: fromDayNumber(x.start + x.length) },
  opts: { timeZone: x.timeZone, countDiscountAsCost: x.countDiscountAsCost },
}));

const rollupOf = ({ rec, opts }: Case) =>
  buildPartnerStats('p', rec.orders, rec.content, rec.contracts, opts.timeZone);

describe('the fast path gives the reference earnings', () => {
  it('earningsFromRollup and partnerPeriodWalk: one period', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const expected = partnerEarnings(c.rec, c.range, c.opts);
        const rollup = rollupOf(c);
        expect(earningsFromRollup(rollup, c.rec, c.range, c.opts)).toEqual(expected);
        const walked = partnerPeriodWalk(
          rollup,
          preparePartner({}, c.rec.contracts, c.rec.bonuses, c.rec.gifts),
          c.rec.kind,
          c.rec.bonusRules,
          monthWindows(c.range),
          c.opts,
        );
        expect(walked.earnings).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('partnerPeriodSums (tables built once per load): any period, before or after the data', () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 0, max: 40 }), (c, tableMonthsAhead) => {
        const rollup = rollupOf(c);
        const prep = preparePartner({}, c.rec.contracts, c.rec.bonuses, c.rec.gifts);
        const w = monthWindows(c.range);
        // Tables may have been built for a later month than this period's (Compare reuses them).
        const lastMonth = monthIndexOfDay(w.end) + tableMonthsAhead;
        const [t] = buildTables([{ orderDays: rollup.orderDays, prep }], lastMonth);
        const input = { rollup, posts: rollup.posts, prep, tables: t!, kind: c.rec.kind };
        const sums = partnerPeriodSums({ ...input, rules: c.rec.bonusRules }, w, 0, c.opts);
        expect(sums.earnings).toEqual(partnerEarnings(c.rec, c.range, c.opts));
        expect(sums.postSums.posts).toBe(
          c.rec.content.filter(
            (x) =>
              x.status === 'published' &&
              x.plannedDate >= c.range.start &&
              x.plannedDate <= c.range.end,
          ).length,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('partnerMonthSums: revenue and cost of each month of the period (the charts)', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const rollup = rollupOf(c);
        const prep = preparePartner({}, c.rec.contracts, c.rec.bonuses, c.rec.gifts);
        const w = monthWindows(c.range);
        const [t] = buildTables([{ orderDays: rollup.orderDays, prep }], monthIndexOfDay(w.end));
        const n = w.starts.length;
        const revenue = new Float64Array(n);
        const cost = new Float64Array(n);
        const input = { rollup, posts: rollup.posts, prep, tables: t!, kind: c.rec.kind };
        partnerMonthSums({ ...input, rules: c.rec.bonusRules }, w, c.opts, revenue, cost);
        for (let j = 0; j < n; j++) {
          const month = { start: fromDayNumber(w.starts[j]!), end: fromDayNumber(w.ends[j]!) };
          const e = partnerEarnings(c.rec, month, c.opts);
          expect([month.start, revenue[j], cost[j]]).toEqual([
            month.start,
            e.revenueCents,
            e.costCents,
          ]);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('hand-computed: one partner, one month', () => {
  it('commission net of refunds, retainer prorated by days, cancelled orders earn nothing', () => {
    const at = (d: string) => Date.parse(`${d}T12:00:00Z`);
    const rec: PartnerRecords = {
      kind: 'affiliate',
      contracts: [
        {
          ...stamp,
          id: 'k',
          partnerId: 'p',
          startDate: '2025-06-16',
          endDate: null,
          retainerCents: 30_000,
          retainerPeriod: 'monthly',
          commissionRate: 10,
          commissionBase: 'total',
          commissionOnRepeat: false,
          flatFeePerPostCents: 0,
          perksCentsPerMonth: 0,
          deliverablesPerMonth: 0,
          notes: '',
        },
      ],
      orders: [
        order(at('2025-06-20'), 10_000, 10_000, 'paid', 0),
        order(at('2025-06-21'), 8_000, 8_000, 'partially refunded', 2_000),
        order(at('2025-06-22'), 5_000, 5_000, 'cancelled', 0),
        // Before the contract: no commission, but the revenue is the partner's.
        order(at('2025-06-02'), 1_000, 1_000, 'paid', 0),
      ],
      content: [],
      bonuses: [],
      bonusRules: [],
    };
    const range = { start: '2025-06-01', end: '2025-06-30' };
    const opts = { timeZone: 'UTC', countDiscountAsCost: false };
    const e = partnerEarnings(rec, range, opts);
    // 10 % of 100.00 + (10 % of 80.00 less the refunded quarter) = 10.00 + 6.00;
    // 15 of June's 30 days of 300.00 = 150.00.
    expect([e.revenueCents, e.orders, e.commissionCents, e.retainerCents, e.costCents]).toEqual([
      17_000, 3, 1_600, 15_000, 16_600,
    ]);
    const rollup = buildPartnerStats('p', rec.orders, [], rec.contracts, 'UTC');
    expect(earningsFromRollup(rollup, rec, range, opts)).toEqual(e);
  });

  it('gifted product counts at cost plus shipping on its ship date, retail beside it', () => {
    const at = (d: string) => Date.parse(`${d}T12:00:00Z`);
    const rec: PartnerRecords = {
      kind: 'ambassador',
      contracts: [],
      orders: [
        order(at('2025-06-20'), 10_000, 10_000, 'paid', 0),
        order(at('2025-06-21'), 8_000, 8_000, 'paid', 0),
      ],
      content: [],
      bonuses: [],
      bonusRules: [],
      // 2 x 4.20 + 11.50 harness + 8.95 shipping = 28.85 (retail 68.98); a July one outside.
      gifts: [
        { date: '2025-06-05', costCents: 2_885, retailCents: 6_898 },
        { date: '2025-07-01', costCents: 1_065, retailCents: 2_697 },
      ],
    };
    const range = { start: '2025-06-01', end: '2025-06-30' };
    const opts = { timeZone: 'UTC', countDiscountAsCost: false };
    const e = partnerEarnings(rec, range, opts);
    expect([e.giftedCents, e.giftedRetailCents, e.payableCents, e.costCents]).toEqual([
      2_885, 6_898, 0, 2_885,
    ]);
    // ROI = (180.00 - 28.85) / 28.85; CPA = 28.85 / 2 orders = 14.43 (rounded to the cent).
    expect(roi(e.revenueCents, e.costCents)).toBeCloseTo((18_000 - 2_885) / 2_885, 10);
    expect(cpaCents(e.costCents, e.orders)).toBe(1_443);
    const rollup = buildPartnerStats('p', rec.orders, [], rec.contracts, 'UTC');
    expect(earningsFromRollup(rollup, rec, range, opts)).toEqual(e);
  });
});

/**
 * The Compare screen (compareFromIndex: its table, filters and monthly charts) gives exactly the
 * numbers of earningsFromRollup() partner by partner and month by month; earningsFromRollup and the
 * period-sums functions under Compare are checked against the reference partnerEarnings() in
 * money-paths.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLargeData } from '../../src/bench/large-dataset';
import {
  compareFromIndex,
  formatValue,
  indexByPartner,
  NO_FILTERS,
  type CompareData,
  type CompareFilters,
  type CompareOptions,
} from '../../src/domain/compare';
import {
  addDays,
  dayNumber,
  endOfMonth,
  fromDayNumber,
  monthsInRange,
  type DateRange,
} from '../../src/domain/dates';
import { accruedPerksCents, accruedRetainerCents } from '../../src/domain/earnings';
import { formatMoney } from '../../src/domain/money';
import {
  accrueDays,
  earningsFromRollup,
  monthIndexOfDay,
  monthStartDay,
} from '../../src/domain/period-sums';
import { generateSampleData } from '../../src/domain/sample-data';
import { PLATFORMS, type Contract } from '../../src/domain/schemas';

const today = '2026-11-24';
const now = Date.UTC(2026, 10, 24, 15);
const tz = 'America/New_York';

describe('calendar arithmetic on day numbers', () => {
  it('finds the month of every day from 1900 to 2100', () => {
    for (let n = dayNumber('1900-01-01'); n <= dayNumber('2100-12-31'); n++) {
      const date = fromDayNumber(n);
      const mi = monthIndexOfDay(n);
      expect(mi).toBe(Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1);
      if (date.endsWith('-01')) expect(monthStartDay(mi)).toBe(n);
    }
  });

  it('accrues retainers and perks like the string-based accrual', () => {
    const day = fc.integer({ min: dayNumber('2019-01-01'), max: dayNumber('2028-12-31') });
    fc.assert(
      fc.property(
        day,
        fc.option(fc.integer({ min: 0, max: 2000 })),
        day,
        fc.integer({ min: 0, max: 800 }),
        fc.constantFrom('monthly', 'quarterly', 'yearly' as const),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 90_000 }),
        (cs, len, rs, rlen, period, retainer, perks) => {
          const c = {
            startDate: fromDayNumber(cs),
            endDate: len === null ? null : fromDayNumber(cs + len),
            retainerCents: retainer,
            retainerPeriod: period,
            perksCentsPerMonth: perks,
          } satisfies Partial<Contract>;
          const range = { start: fromDayNumber(rs), end: fromDayNumber(rs + rlen) };
          const s = Math.max(cs, rs);
          const e = Math.min(len === null ? Infinity : cs + len, rs + rlen);
          const months = { monthly: 1, quarterly: 3, yearly: 12 }[period];
          expect(accrueDays(retainer, months, s, e)).toBe(
            accruedRetainerCents(c as Contract, range),
          );
          expect(accrueDays(perks, 1, s, e)).toBe(accruedPerksCents(c as Contract, range));
        },
      ),
      { numRuns: 400 },
    );
  });
});

/** What the comparison must say, from the per-partner rollup functions, partner by partner. */
function expectSameAsRollupPath(
  data: CompareData,
  range: DateRange,
  filters: CompareFilters,
  opts: CompareOptions,
  index = indexByPartner(data, tz),
) {
  const c = compareFromIndex(data, index, range, filters, opts);
  const months = monthsInRange(range);
  const revenue = { ambassador: months.map(() => 0), affiliate: months.map(() => 0) };
  const cost = { ambassador: months.map(() => 0), affiliate: months.map(() => 0) };
  const points = new Map(c.partners.map((x) => [x.partnerId, x]));
  let matched = 0;
  for (const p of data.partners) {
    if (filters.platform !== null && !p.accounts.some((a) => a.platform === filters.platform))
      continue;
    const e = index.get(p.id)!;
    const rec = {
      kind: p.kind,
      contracts: e.contracts,
      bonuses: e.bonuses,
      gifts: e.gifts,
      bonusRules: data.bonusRules,
    };
    const stats =
      filters.platform === null
        ? e.stats
        : { ...e.stats, posts: indexByPlatform(e.stats.posts, filters.platform) };
    const point = points.get(p.id);
    if (point) {
      matched += 1;
      expect(point.earnings, `${p.id} ${range.start}..${range.end}`).toEqual(
        earningsFromRollup(stats, rec, range, opts),
      );
    }
    months.forEach((m, i) => {
      const start = `${m}-01` < range.start ? range.start : `${m}-01`;
      const end = endOfMonth(`${m}-01`) > range.end ? range.end : endOfMonth(`${m}-01`);
      const e = earningsFromRollup(stats, rec, { start, end }, opts);
      revenue[p.kind][i]! += e.revenueCents;
      cost[p.kind][i]! += e.costCents;
    });
  }
  expect(matched).toBe(c.partners.length);
  expect(c.monthly.map((m) => m.month)).toEqual(months);
  for (const k of ['ambassador', 'affiliate'] as const) {
    expect(c.monthly.map((m) => m.revenueCents[k])).toEqual(revenue[k]);
    expect(c.monthly.map((m) => m.costCents[k])).toEqual(cost[k]);
  }
  return c;
}

/** Posts of one platform, the plain way (the fast path caches its own copy). */
function indexByPlatform(posts: Float64Array | Int32Array, platform: string): Float64Array {
  const keep: number[] = [];
  for (let i = 0; i < posts.length; i += 9)
    if (PLATFORMS[posts[i + 7]!] === platform) keep.push(...posts.subarray(i, i + 9));
  return Float64Array.from(keep);
}

const ranges: DateRange[] = [
  { start: addDays(today, -29), end: today },
  { start: '2025-11-25', end: today },
  { start: '2026-07-01', end: '2026-09-30' },
  { start: '2021-01-17', end: today },
  { start: '2026-03-15', end: '2026-03-15' },
];

describe('fast period sums equal the rollup path', () => {
  it('on the sample brand (bonus rules, manual bonuses, discounts counted, platform filter)', () => {
    const data = generateSampleData(today, now);
    data.bonusRules.push({
      ...data.bonusRules[0]!,
      id: 'br-2',
      kind: 'affiliate',
      minMonthlyRevenueCents: 50_000,
      bonusCents: 2_500,
    });
    expect(data.bonuses.length).toBeGreaterThan(0);
    for (const countDiscountAsCost of [false, true]) {
      const opts = { timeZone: tz, countDiscountAsCost, cpmCents: 1_000, today };
      for (const r of ranges) {
        const c = expectSameAsRollupPath(data, r, NO_FILTERS, opts);
        expect(c.partners.length).toBeGreaterThan(0);
        expectSameAsRollupPath(data, r, { ...NO_FILTERS, platform: 'instagram' }, opts);
      }
    }
  });

  it('on a slice of the large benchmark brand, for random periods', () => {
    const data = generateLargeData(today, now, {
      partners: 120,
      orders: 12_000,
      content: 1_500,
      years: 5,
    });
    // Quarterly and yearly retainers prorate per quarter or year, not per month.
    const periods = ['monthly', 'quarterly', 'yearly'] as const;
    data.contracts.forEach((c, i) => (c.retainerPeriod = periods[Math.floor(i / 3) % 3]!));
    expect(
      data.contracts.filter((c) => c.retainerCents > 0 && c.retainerPeriod === 'yearly').length,
    ).toBeGreaterThan(5);
    const opts = { timeZone: tz, countDiscountAsCost: false, cpmCents: 1_500, today };
    const first = dayNumber('2021-06-01');
    const last = dayNumber(today);
    fc.assert(
      fc.property(
        fc.integer({ min: first, max: last }),
        fc.integer({ min: 0, max: 1_900 }),
        (s, len) => {
          const range = { start: fromDayNumber(s), end: fromDayNumber(Math.min(last, s + len)) };
          expectSameAsRollupPath(data, range, NO_FILTERS, opts);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('period sums from per-partner tables built once per data load', () => {
  it('stay equal over many random periods on one index, incl. before the data and in the future', () => {
    const data = generateLargeData(today, now, {
      partners: 90,
      orders: 9_000,
      content: 1_200,
      years: 5,
    });
    const periods = ['monthly', 'quarterly', 'yearly'] as const;
    data.contracts.forEach((c, i) => {
      c.retainerPeriod = periods[Math.floor(i / 3) % 3]!;
      // Some contracts end, so tables stop at the data for some partners and grow for open ones.
      if (i % 4 === 1) c.endDate = addDays(c.startDate, 200 + i * 7);
      if (i % 5 === 2) c.perksCentsPerMonth = 1_250 + i;
    });
    data.bonusRules.push({
      id: 'br-large',
      name: 'Busy month',
      active: true,
      kind: null,
      minMonthlyRevenueCents: 40_000,
      bonusCents: 3_000,
      createdAt: now,
      updatedAt: now,
    });
    const p0 = data.partners[0]!.id;
    data.bonuses.push(
      {
        id: 'b-1',
        partnerId: p0,
        date: '2024-02-29',
        amountCents: 7_700,
        reason: 'Launch',
        createdAt: now,
        updatedAt: now,
      },
      {
        id: 'b-2',
        partnerId: p0,
        date: '2026-11-01',
        amountCents: 1_100,
        reason: 'Holiday',
        createdAt: now,
        updatedAt: now,
      },
    );
    const index = indexByPartner(data, tz);
    const first = dayNumber('2020-06-01');
    const last = dayNumber('2027-12-31');
    for (const countDiscountAsCost of [false, true]) {
      const opts = { timeZone: tz, countDiscountAsCost, cpmCents: 1_500, today };
      fc.assert(
        fc.property(
          fc.integer({ min: first, max: last }),
          fc.integer({ min: 0, max: 2_200 }),
          fc.constantFrom(null, 'instagram', 'tiktok' as const),
          (s, len, platform) => {
            const range = { start: fromDayNumber(s), end: fromDayNumber(s + len) };
            expectSameAsRollupPath(data, range, { ...NO_FILTERS, platform }, opts, index);
          },
        ),
        { numRuns: 30 },
      );
    }
  });
});

describe('cached number formats', () => {
  it('format exactly like fresh formatters', () => {
    for (const locale of ['en-US', 'de-DE', 'fr-CA']) {
      const s = { currency: locale === 'en-US' ? 'USD' : 'EUR', locale };
      for (const v of [0, 1, 12.345, 1_234_567.891, -42.5, 0.1234]) {
        expect(formatValue(v, 'money', s)).toBe(formatMoney(Math.round(v), s.currency, locale));
        expect(formatValue(v, 'count', s)).toBe(Math.round(v).toLocaleString(locale));
        expect(formatValue(v, 'percent', s)).toBe(
          new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(v),
        );
        expect(formatValue(v, 'decimal', s)).toBe(
          new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v),
        );
      }
    }
  });
});

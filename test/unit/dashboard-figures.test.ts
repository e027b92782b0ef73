/**
 * The Dashboard's own period figures (src/features/dashboard/dashboardFigures.ts) are exactly the
 * Compare screen's kind figures and leaderboard for the same period, with no filter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLargeData } from '../../src/bench/large-dataset';
import {
  compareFromIndex,
  earliestDate,
  indexByPartner,
  leaderboard,
  NO_FILTERS,
  type CompareData,
  type CompareOptions,
} from '../../src/domain/compare';
import { dayNumber, fromDayNumber, type DateRange } from '../../src/domain/dates';
import { generateSampleData } from '../../src/domain/sample-data';
import { PARTNER_KINDS } from '../../src/domain/schemas';
import { PERIOD_PRESETS, presetRange } from '../../src/domain/period-presets';
import { dashboardFigures } from '../../src/features/dashboard/dashboardFigures';

const today = '2026-11-24';
const now = Date.UTC(2026, 10, 24, 15);
const tz = 'America/New_York';

function expectSameAsCompare(data: CompareData, range: DateRange, opts: CompareOptions): number {
  const index = indexByPartner(data, tz);
  const c = compareFromIndex(data, index, range, NO_FILTERS, opts);
  const d = dashboardFigures(data, index, range, opts);
  for (const k of PARTNER_KINDS) {
    expect(d.kinds[k].revenue).toEqual(c.kinds[k].figures.revenue);
    expect(d.kinds[k].spend).toEqual(c.kinds[k].figures.spend);
    expect(d.kinds[k].roi).toEqual(c.kinds[k].figures.roi);
  }
  const top = leaderboard(c.partners, 5);
  expect(
    d.top.slice(0, 5).map((x) => [x.partnerId, x.name, x.kind, x.tags, x.earnings, x.roi]),
  ).toEqual(top.map((x) => [x.partnerId, x.name, x.kind, x.tags, x.earnings, x.roi]));
  return c.partners.length;
}

describe('Dashboard period figures', () => {
  it('equal Compare on the sample brand for every period the Dashboard offers', () => {
    const data = generateSampleData(today, now);
    // A bonus rule per kind, so bonuses count in the spend too.
    data.bonusRules.push({
      ...data.bonusRules[0]!,
      id: 'br-2',
      kind: 'affiliate',
      minMonthlyRevenueCents: 50_000,
      bonusCents: 2_500,
    });
    const index = indexByPartner(data, tz);
    for (const countDiscountAsCost of [false, true]) {
      const opts = { timeZone: tz, countDiscountAsCost, cpmCents: 1_000, today };
      for (const p of PERIOD_PRESETS) {
        if (p.id === 'custom') continue;
        const range = presetRange(p.id, today, earliestDate(data, index));
        expect(expectSameAsCompare(data, range, opts)).toBeGreaterThan(0);
      }
    }
  });

  it('show "not enough data" like Compare for a period before any partnership', () => {
    const data = generateSampleData(today, now);
    const opts = { timeZone: tz, countDiscountAsCost: false, cpmCents: 1_000, today };
    const range = { start: '2001-01-01', end: '2001-12-31' };
    expect(expectSameAsCompare(data, range, opts)).toBe(0);
    const d = dashboardFigures(data, indexByPartner(data, tz), range, opts);
    expect(d.kinds.ambassador.revenue.value).toBeNull();
    expect(d.top).toEqual([]);
  });

  it('equal Compare on a slice of the large benchmark brand, for random periods', () => {
    const data = generateLargeData(today, now, {
      partners: 120,
      orders: 12_000,
      content: 1_500,
      years: 5,
    });
    const periods = ['monthly', 'quarterly', 'yearly'] as const;
    data.contracts.forEach((c, i) => (c.retainerPeriod = periods[Math.floor(i / 3) % 3]!));
    const opts = { timeZone: tz, countDiscountAsCost: false, cpmCents: 1_500, today };
    const first = dayNumber('2021-06-01');
    const last = dayNumber(today);
    fc.assert(
      fc.property(
        fc.integer({ min: first, max: last }),
        fc.integer({ min: 0, max: 1_900 }),
        (s, len) => {
          const range = { start: fromDayNumber(s), end: fromDayNumber(Math.min(last, s + len)) };
          expectSameAsCompare(data, range, opts);
        },
      ),
      { numRuns: 20 },
    );
  });
});

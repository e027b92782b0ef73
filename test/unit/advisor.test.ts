import { describe, expect, it } from 'vitest';
import {
  BENCHMARKS,
  effectiveSpend,
  measureEconomics,
  outputCurve,
  project,
  recommend,
  resolveEconomics,
  type AdvisorInput,
} from '../../src/domain/advisor';
import { indexByPartner } from '../../src/domain/compare';
import { data, opts, range } from './compare-fixture';

const money = { currency: 'USD', locale: 'en-US' };
const input: AdvisorInput = {
  goal: 'sales',
  monthlyBudgetCents: 100_000,
  horizonMonths: 2,
  economics: {
    ambassador: {
      costPerThousandReachCents: 1_000,
      cpaCents: 5_000,
      aovCents: 6_000,
      monthlyRetention: 1,
      rampMonths: 1,
    },
    affiliate: {
      costPerThousandReachCents: 2_000,
      cpaCents: 2_000,
      aovCents: 4_000,
      monthlyRetention: 1,
      rampMonths: 1,
    },
  },
  monthlySpendCents: { ambassador: 50_000, affiliate: 50_000 },
  scaleExponent: 1,
};

describe('strategy advisor', () => {
  it('ramps new partners up and replaces those who leave', () => {
    expect(outputCurve({ monthlyRetention: 1, rampMonths: 3 }, 4)).toEqual([1 / 3, 2 / 3, 1, 1]);
    // Half leave each month and restart at half output.
    expect(outputCurve({ monthlyRetention: 0.5, rampMonths: 2 }, 3)).toEqual([0.5, 0.75, 0.75]);
  });

  it('counts spend beyond today for less', () => {
    expect(effectiveSpend(5_000, 10_000, 0.5)).toBe(5_000);
    expect(effectiveSpend(20_000, 10_000, 0.5)).toBeCloseTo(10_000 * Math.SQRT2, 6);
    expect(effectiveSpend(0, 10_000, 0.5)).toBe(0);
  });

  it('projects a split by hand', () => {
    const p = project(input, 0.5);
    // Ambassadors: 2 x 500.00 = 1000.00 -> reach 100,000, 20 orders, 1200.00 revenue.
    // Affiliates: 1000.00 -> reach 50,000, 50 orders, 2000.00 revenue.
    expect(p.perKind.ambassador).toEqual({
      spendCents: 100_000,
      reach: 100_000,
      orders: 20,
      revenueCents: 120_000,
    });
    expect(p.perKind.affiliate).toEqual({
      spendCents: 100_000,
      reach: 50_000,
      orders: 50,
      revenueCents: 200_000,
    });
    expect(p.reach).toBe(150_000);
    expect(p.revenueCents).toBe(320_000);
    expect(p.roi).toBeCloseTo(0.6, 10);
  });

  it('recommends by goal and explains why', () => {
    expect(recommend(input, money).best.ambassadorShare).toBe(0); // cheaper orders via affiliates
    expect(recommend({ ...input, goal: 'awareness' }, money).best.ambassadorShare).toBe(1);
    const curved = recommend({ ...input, scaleExponent: 0.5 }, money);
    // 50/50: 320.00 revenue; all affiliates: 2 x 500.00 x sqrt(2) / 20.00 x 40.00 = 282.84.
    expect(curved.best.ambassadorShare).toBe(0.5);
    expect(curved.projections[0]!.revenueCents).toBe(282_843);
    expect(curved.projections[10]!.revenueCents).toBe(169_706); // 2 x 500.00 x sqrt(2) / 50.00 x 60.00
    expect(curved.explanation[0]).toMatch(
      /^Put about \d+% \(\$[\d,.]+ a month\) into brand ambassadors/,
    );
    expect(curved.explanation.join(' ')).toContain('buys less per dollar');
  });

  it('measures the brand’s own unit economics and falls back to benchmarks where thin', () => {
    const m = measureEconomics(data, indexByPartner(data, opts.timeZone), range, null, opts);
    expect(m.perKind.ambassador.costPerThousandReachCents.value).toBe(24_667); // 74000 x 1000 / 3000
    expect(m.perKind.ambassador.cpaCents.value).toBe(10_571);
    expect(m.perKind.ambassador.aovCents.value).toBe(6_714);
    expect(m.perKind.ambassador.monthlyRetention.value).toBeNull(); // 2 partners, 3 needed
    expect(m.perKind.affiliate.costPerThousandReachCents.value).toBeNull(); // 2 posts, 3 needed
    expect(m.perKind.affiliate.cpaCents.value).toBe(1_560);
    expect(m.monthlySpendCents.ambassador).toBe(Math.round(74_000 / (59 / 30.4375)));
    const r = resolveEconomics(m, { affiliate: { aovCents: 4_200 } });
    expect(r.values.ambassador.cpaCents).toBe(10_571);
    expect(r.sources.ambassador.cpaCents).toBe('yours');
    expect(r.values.ambassador.monthlyRetention).toBe(BENCHMARKS.ambassador.monthlyRetention);
    expect(r.sources.ambassador.monthlyRetention).toBe('benchmark');
    expect(r.values.affiliate.aovCents).toBe(4_200);
    expect(r.sources.affiliate.aovCents).toBe('edited');
    const dogs = measureEconomics(data, indexByPartner(data, opts.timeZone), range, 'cats', opts);
    expect(dogs.perKind.ambassador.cpaCents.value).toBeNull(); // nobody in that niche
  });
});

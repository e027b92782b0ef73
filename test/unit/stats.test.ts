import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates';
import { partnerEarnings } from '../../src/domain/earnings';
import { earningsFromRollup } from '../../src/domain/period-sums';
import { generateSampleData } from '../../src/domain/sample-data';
import {
  applyOrderDelta,
  buildAllStats,
  buildPartnerStats,
  ORDER_STRIDE,
  packNumbers,
  packRollups,
  UNATTRIBUTED,
  unpackRollups,
  type PartnerStats,
} from '../../src/domain/stats';

const today = '2026-11-24';
const data = generateSampleData(today, Date.UTC(2026, 10, 24, 15));
const tz = 'America/New_York';
// Make the fixture harder: a milestone rule per kind and discounts counted.
data.bonusRules.push({
  ...data.bonusRules[0]!,
  id: 'br-2',
  kind: 'affiliate',
  minMonthlyRevenueCents: 50_000,
  bonusCents: 2_500,
});
const stats = new Map(
  buildAllStats(
    data.partners.map((p) => p.id),
    data.orders,
    data.contentItems,
    data.contracts,
    tz,
  ).map((s) => [s.partnerId, s]),
);

function records(partnerId: string) {
  const p = data.partners.find((x) => x.id === partnerId)!;
  return {
    kind: p.kind,
    contracts: data.contracts.filter((c) => c.partnerId === partnerId),
    orders: data.orders.filter((o) => o.partnerId === partnerId),
    content: data.contentItems.filter((c) => c.partnerId === partnerId),
    bonuses: data.bonuses.filter((b) => b.partnerId === partnerId),
    bonusRules: data.bonusRules,
  };
}

describe('per-partner rollups agree with a full recomputation (sample brand)', () => {
  it('covers every partner and the unattributed orders', () => {
    expect(stats.size).toBe(data.partners.length + 1);
    const unattributed = stats.get(UNATTRIBUTED)!;
    let revenue = 0;
    for (let i = 1; i < unattributed.orderDays.length; i += ORDER_STRIDE)
      revenue += unattributed.orderDays[i]!;
    const expected = data.orders
      .filter((o) => !o.partnerId && o.status !== 'cancelled')
      .reduce((a, o) => a + o.totalCents - o.refundedCents, 0);
    expect(revenue).toBe(expected);
  });

  it('gives the same earnings for every partner over fixed periods', () => {
    const ranges = [
      { start: '2025-11-25', end: today },
      { start: '2026-03-01', end: '2026-03-31' },
      { start: '2026-05-17', end: '2026-08-03' },
      { start: '2000-01-01', end: '2100-12-31' },
    ];
    for (const countDiscountAsCost of [false, true]) {
      for (const range of ranges) {
        for (const p of data.partners) {
          const opts = { timeZone: tz, countDiscountAsCost };
          const rec = records(p.id);
          expect(
            earningsFromRollup(stats.get(p.id)!, rec, range, opts),
            `${p.id} ${range.start}`,
          ).toEqual(partnerEarnings(rec, range, opts));
        }
      }
    }
  });

  it('gives the same earnings for random periods (property)', () => {
    const ids = data.partners.map((p) => p.id);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: ids.length - 1 }),
        fc.integer({ min: -420, max: 0 }),
        fc.integer({ min: 0, max: 200 }),
        (pi, startOffset, len) => {
          const range = {
            start: addDays(today, startOffset),
            end: addDays(today, startOffset + len),
          };
          const rec = records(ids[pi]!);
          const opts = { timeZone: tz, countDiscountAsCost: false };
          expect(earningsFromRollup(stats.get(ids[pi]!)!, rec, range, opts)).toEqual(
            partnerEarnings(rec, range, opts),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('updates by delta exactly as a rebuild would (refund, reassign, delete)', () => {
    const mine = data.orders.filter((o) => o.partnerId === 'p-002');
    const contracts = data.contracts.filter((c) => c.partnerId === 'p-002');
    const content = data.contentItems.filter((c) => c.partnerId === 'p-002');
    const before = buildPartnerStats('p-002', mine, content, contracts, tz);
    const refunded = {
      ...mine[0]!,
      status: 'refunded' as const,
      refundedCents: mine[0]!.totalCents,
    };
    const gone = mine[1]!;
    const extra = {
      ...mine[2]!,
      id: 'shopify:#new',
      orderId: '#new',
      placedAtMs: mine[2]!.placedAtMs + 86_400_000 * 3,
    };
    const after = applyOrderDelta(
      before,
      'p-002',
      [mine[0]!, gone],
      [refunded, extra],
      contracts,
      tz,
    );
    const expected = buildPartnerStats(
      'p-002',
      [refunded, ...mine.slice(2), extra],
      content,
      contracts,
      tz,
    );
    expect(after).toEqual(expected);
    // Taking every order away leaves no order days at all.
    expect(
      applyOrderDelta(expected, 'p-002', [refunded, ...mine.slice(2), extra], [], contracts, tz)
        .orderDays.length,
    ).toBe(0);
  });
});

describe('packed rollup numbers', () => {
  it('are Int32 when every value is an integer that fits, exact Float64 otherwise', () => {
    const ints = packNumbers(Float64Array.from([0, -5, 2_147_483_647, -2_147_483_648]));
    expect(ints).toBeInstanceOf(Int32Array);
    expect(Array.from(ints)).toEqual([0, -5, 2_147_483_647, -2_147_483_648]);
    for (const odd of [2_147_483_648, -2_147_483_649, 0.5, 1e15]) {
      const packed = packNumbers(Float64Array.from([1, odd]));
      expect(packed).toBeInstanceOf(Float64Array);
      expect(packed[1]).toBe(odd);
    }
  });

  it('keep a day of more than $21 million exactly (no wrap-around)', () => {
    const big = generateSampleData('2026-11-24', Date.UTC(2026, 10, 24, 15)).orders[0]!;
    const order = { ...big, status: 'paid' as const, totalCents: 3_000_000_000, refundedCents: 0 };
    const s = buildPartnerStats('p', [order], [], [], 'UTC');
    expect(s.orderDays).toBeInstanceOf(Float64Array);
    expect(s.orderDays[1]).toBe(3_000_000_000);
  });
});

describe('packed rollups', () => {
  it('give back every rollup as it was, Int32 and Float64 arrays alike', () => {
    const rows: PartnerStats[] = [
      { partnerId: 'a', orderDays: Int32Array.from([1, 2, 3, 4, 5, 6]), posts: new Int32Array(0) },
      {
        partnerId: 'b',
        orderDays: Float64Array.from([7, 0.5, 1, 2, 3, 4]),
        posts: Int32Array.from([10, 11, 12, 13, 14, 15, 16, 17, 18]),
      },
      { partnerId: 'c', orderDays: new Int32Array(0), posts: Float64Array.from([1e12, 2]) },
    ];
    const packed = packRollups(rows);
    expect(packed.ints.length).toBe(6 + 9);
    expect(packed.floats.length).toBe(6 + 2);
    const back = unpackRollups(packed);
    expect(back).toEqual(rows);
    expect(back.map((r) => [r.orderDays.constructor, r.posts.constructor])).toEqual(
      rows.map((r) => [r.orderDays.constructor, r.posts.constructor]),
    );
    expect(unpackRollups(packRollups([]))).toEqual([]);
  });
});

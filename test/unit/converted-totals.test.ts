/**
 * Figures that include orders converted from another currency at import say so, with the rate
 * (issue 22): which credited orders of the period were converted, per currency and rate, and the
 * words the Compare screen and the Dashboard show. Worked out by hand on the compare fixture.
 */
import { describe, expect, it } from 'vitest';
import { computeComparison, NO_FILTERS } from '../../src/domain/compare';
import {
  convertedSentence,
  convertedTotals,
  convertedWords,
  type PartnerTerms,
} from '../../src/domain/currency-totals';
import type { Order } from '../../src/domain/schemas';
import { data, opts, range } from './compare-fixture';

const GBP = { from: 'GBP', rate: '1.27' };
const EUR = { from: 'EUR', rate: '1.08' };
/** Orders of the fixture converted at import (the file's own totals do not matter here). */
const converted: Record<string, { from: string; rate: string }> = {
  o1: GBP, // A1 (ambassador), $100.00 on 2025-01-20: counts
  o3: GBP, // A1, fully refunded: not an order that counts
  o8: GBP, // A2 (ambassador), $80.00 on 2025-01-10: counts
  'f-o2': EUR, // F1 (micro-affiliate), $55.00 on 2025-01-15: counts
  'f-o7': EUR, // F1, 2024-12-31: before the period
  x1: GBP, // credited to nobody: left out
};
const orders: Order[] = data.orders.map((o) =>
  converted[o.id] ? { ...o, fx: { ...converted[o.id]!, totalCents: 1 } } : o,
);
const fxOrders = orders.filter((o) => o.fx);
const withFx = { ...data, orders };

describe('convertedTotals', () => {
  const terms = new Map<string, PartnerTerms>(
    data.partners.map((p) => [p.id, { kind: p.kind, contracts: [] }]),
  );

  it('counts the credited orders of the period per currency and rate, by kind', () => {
    expect(convertedTotals(fxOrders, terms, range, opts.timeZone)).toEqual([
      {
        from: 'EUR',
        rate: '1.08',
        to: 'USD',
        orders: 1,
        byKind: { ambassador: 0, affiliate: 1 },
        revenueCents: 5_500,
      },
      {
        from: 'GBP',
        rate: '1.27',
        to: 'USD',
        orders: 2,
        byKind: { ambassador: 2, affiliate: 0 },
        revenueCents: 18_000, // 10000 + 8000
      },
    ]);
  });

  it('keeps two rates for one currency apart', () => {
    const again = fxOrders.map((o) =>
      o.id === 'o8' ? { ...o, fx: { from: 'GBP', rate: '1.3', totalCents: 1 } } : o,
    );
    const t = convertedTotals(again, terms, range, opts.timeZone);
    expect(t.map((x) => [x.from, x.rate, x.orders])).toEqual([
      ['EUR', '1.08', 1],
      ['GBP', '1.27', 1],
      ['GBP', '1.3', 1],
    ]);
  });

  it('is empty without converted orders', () => {
    expect(convertedTotals(data.orders, terms, range, opts.timeZone)).toEqual([]);
  });
});

describe('the comparison lists its converted orders', () => {
  it('with every partner', () => {
    const c = computeComparison(withFx, range, NO_FILTERS, { ...opts, converted: fxOrders });
    expect(c.converted.map((x) => [x.from, x.rate, x.orders, x.byKind])).toEqual([
      ['EUR', '1.08', 1, { ambassador: 0, affiliate: 1 }],
      ['GBP', '1.27', 2, { ambassador: 2, affiliate: 0 }],
    ]);
    // Already in the figures: saying so changes none of them.
    const plain = computeComparison(withFx, range, NO_FILTERS, opts);
    expect(c.kinds).toEqual(plain.kinds);
    expect(plain.converted).toEqual([]);
  });

  it("only the filtered partners' orders", () => {
    const c = computeComparison(
      withFx,
      range,
      { ...NO_FILTERS, subtype: 'peer-to-peer affiliate' }, // F1 only
      { ...opts, converted: fxOrders },
    );
    expect(c.converted.map((x) => [x.from, x.orders])).toEqual([['EUR', 1]]);
  });
});

describe('the words', () => {
  const c = computeComparison(withFx, range, NO_FILTERS, { ...opts, converted: fxOrders });

  it('name each rate and how many orders each kind holds', () => {
    expect(convertedWords(c.converted, 'en-US')).toBe(
      '1 order converted at 1 EUR = 1.08 USD and 2 orders converted at 1 GBP = 1.27 USD',
    );
    expect(convertedWords(c.converted, 'en-US', 'ambassador')).toBe(
      '2 orders converted at 1 GBP = 1.27 USD',
    );
    expect(convertedSentence(c.converted, 'en-US', 'These figures include', true)).toBe(
      'These figures include 1 order converted at 1 EUR = 1.08 USD and 2 orders converted at' +
        ' 1 GBP = 1.27 USD (the rates you entered at import): 2 for brand ambassadors, 1 for' +
        ' micro-affiliates.',
    );
  });

  it('one rate, one kind', () => {
    const gbp = c.converted.filter((x) => x.from === 'GBP');
    expect(convertedSentence(gbp, 'en-US', 'Revenue includes', true)).toBe(
      'Revenue includes 2 orders converted at 1 GBP = 1.27 USD (the rate you entered at import),' +
        ' all for brand ambassadors.',
    );
    expect(convertedSentence([], 'en-US', 'Revenue includes', true)).toBe('');
  });
});

/**
 * The one rule for stacked discount codes (src/domain/codes.ts), over its whole range: cells as
 * the importers read them, and values as orders stored before the split hold them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attributeOrder,
  buildAttributionIndex,
  reattributionMoves,
  unknownCodes,
  type AttributionPartner,
} from '../../src/domain/attribution';
import { orderCodes, splitCodes } from '../../src/domain/codes';

const partners: AttributionPartner[] = [
  { id: 'p-lucy', name: 'Lucy Loaf', codes: ['PARTNER10'], referralSlug: '' },
  { id: 'p-max', name: 'Max', codes: ['MAX5'], referralSlug: '' },
];
const index = buildAttributionIndex(partners);

describe('orderCodes: stored values read as single codes', () => {
  it('splits values stored whole before the split, in every separator the formats doc lists', () => {
    expect(orderCodes(['EARLYACCESS30 + PARTNER10'])).toEqual(['EARLYACCESS30', 'PARTNER10']);
    expect(orderCodes(['lightning30 + partner10'])).toEqual(['lightning30', 'partner10']);
    expect(orderCodes(['A1, B2'])).toEqual(['A1', 'B2']);
    expect(orderCodes(['A1;B2\nC3'])).toEqual(['A1', 'B2', 'C3']);
    // Several stored values, one of them combined, a repeat in another case.
    expect(orderCodes(['X9', 'x9 + Y8'])).toEqual(['X9', 'Y8']);
  });

  it('keeps a plus inside one code and leaves out discount titles (they are not codes)', () => {
    expect(orderCodes(['B2G1+FREE'])).toEqual(['B2G1+FREE']);
    expect(orderCodes(['Seller discount'])).toEqual([]);
    expect(orderCodes(['Seller discount + PARTNER10'])).toEqual(['PARTNER10']);
    expect(orderCodes([])).toEqual([]);
  });

  it('gives back the stored array itself when every value is one code (nothing allocated)', () => {
    const stored = ['PARTNER10', 'B2G1+FREE', 'summer-fun_2'];
    expect(orderCodes(stored)).toBe(stored);
  });

  it('reads any joined list of single codes back as the codes (property)', () => {
    const code = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_+-]{0,11}$/);
    const sep = fc.constantFrom(' + ', ', ', ',', ';', '\n', '  +  ');
    fc.assert(
      fc.property(fc.array(code, { minLength: 1, maxLength: 5 }), sep, (codes, s) => {
        const distinct = codes.filter(
          (c, i) => codes.findIndex((d) => d.toLowerCase() === c.toLowerCase()) === i,
        );
        expect(orderCodes([codes.join(s)])).toEqual(distinct);
        expect(splitCodes(codes.join(s)).codes).toEqual(distinct);
      }),
      { numRuns: 300 },
    );
  });
});

describe('attribution reads stored combined codes as single codes', () => {
  const stored = { codes: ['EARLYACCESS30 + PARTNER10'], tags: [], note: '' };

  it('credits the partner whose code was stacked with a store-wide one', () => {
    expect(attributeOrder(stored, index, 'first-code').partnerId).toBe('p-lucy');
    expect(attributeOrder(stored, index, 'first-code').attribution?.reason).toBe(
      'Used code PARTNER10',
    );
  });

  it('applies the multi-code rule when the combined value holds two partners’ codes', () => {
    const both = { ...stored, codes: ['MAX5 + PARTNER10'] };
    expect(attributeOrder(both, index, 'first-code').partnerId).toBe('p-max');
    const review = attributeOrder(both, index, 'manual-review');
    expect(review.partnerId).toBeNull();
    expect(review.review).toMatch(/Codes of 2 partners: MAX5 \(Max\), PARTNER10 \(Lucy Loaf\)/);
  });

  it('moves such an order on a re-credit, with no re-import', () => {
    const order = {
      ...stored,
      id: 'shopify:#1',
      partnerId: null,
      attribution: null,
      status: 'paid' as const,
      totalCents: 4_000,
      refundedCents: 0,
    };
    expect(reattributionMoves([order], index, 'first-code')).toMatchObject([
      { orderId: 'shopify:#1', fromId: null, toId: 'p-lucy', revenueCents: 4_000 },
    ]);
  });

  it('lists single codes, never the combined value, among codes nobody owns', () => {
    const orders = [
      {
        partnerId: null,
        codes: ['EARLYACCESS30 + SPRING5'],
        status: 'paid' as const,
        totalCents: 2_000,
        refundedCents: 0,
        currency: 'USD',
      },
      {
        partnerId: null,
        codes: ['earlyaccess30'],
        status: 'paid' as const,
        totalCents: 1_000,
        refundedCents: 0,
        currency: 'USD',
      },
    ];
    expect(unknownCodes(orders, index).map((c) => [c.code, c.orders])).toEqual([
      ['EARLYACCESS30', 2],
      ['SPRING5', 1],
    ]);
  });
});

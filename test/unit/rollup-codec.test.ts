import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePacked, encodePacked } from '../../src/domain/rollup-codec';
import { ORDER_STRIDE, POST_STRIDE } from '../../src/domain/stats';

const INT32 = fc.integer({ min: -2_147_483_648, max: 2_147_483_647 });

/** Rows of `stride` Int32 values, the first of each a day number sorted ascending. */
const rows = (stride: number) =>
  fc
    .array(
      fc.tuple(
        fc.integer({ min: 0, max: 40_000 }),
        fc.array(INT32, { minLength: stride - 1, maxLength: stride - 1 }),
      ),
      { maxLength: 60 },
    )
    .map((rs) => {
      const sorted = [...rs].sort((a, b) => a[0] - b[0]);
      return Int32Array.from(sorted.flatMap(([day, rest]) => [day, ...rest]));
    });

describe('rollup codec', () => {
  for (const stride of [ORDER_STRIDE, POST_STRIDE]) {
    it(`gives back exactly the Int32 rollup written (stride ${stride})`, () => {
      fc.assert(
        fc.property(rows(stride), (a) => {
          const stored = encodePacked(a, stride);
          expect(stored).toBeInstanceOf(Uint8Array);
          const back = decodePacked(stored, stride);
          expect(back).toBeInstanceOf(Int32Array);
          expect(Array.from(back)).toEqual(Array.from(a));
        }),
      );
    });
  }

  it('keeps any Int32 values, day columns unsorted and at the extremes too', () => {
    fc.assert(
      fc.property(fc.array(INT32, { maxLength: 200 }), (values) => {
        const a = Int32Array.from(values);
        expect(Array.from(decodePacked(encodePacked(a, ORDER_STRIDE), ORDER_STRIDE))).toEqual(
          values,
        );
      }),
    );
    const extremes = Int32Array.from([
      2_147_483_647, -2_147_483_648, 0, -2_147_483_648, 2_147_483_647, -1,
    ]);
    expect(Array.from(decodePacked(encodePacked(extremes, 3), 3))).toEqual(Array.from(extremes));
  });

  it('stores Float64 rollups as they are, and reads rollups stored before the codec as they are', () => {
    const floats = Float64Array.from([20_000, 1.5, 3e12]);
    expect(encodePacked(floats, 3)).toBe(floats);
    expect(decodePacked(floats, 3)).toBe(floats);
    const old = Int32Array.from([20_000, 1_234, 1, 185, 0, 1]);
    expect(decodePacked(old, ORDER_STRIDE)).toBe(old);
    expect(Array.from(decodePacked(encodePacked(new Int32Array(0), 6), 6))).toEqual([]);
  });

  it('takes a typical partner-day row in well under half of its 24 bytes', () => {
    // 150 sale days over five years: revenue 40-200 dollars, 1-3 orders, 15 % commission.
    const days: number[] = [];
    for (let i = 0; i < 150; i++) {
      const revenue = 4_000 + ((i * 7_919) % 16_000);
      days.push(
        20_000 + i * 12,
        revenue,
        1 + (i % 3),
        Math.round(revenue * 0.15),
        i % 5 ? 0 : 500,
        1 + (i % 3),
      );
    }
    const a = Int32Array.from(days);
    const stored = encodePacked(a, ORDER_STRIDE);
    expect(stored.byteLength).toBeLessThan(a.byteLength * 0.45);
  });

  it('refuses cut or padded bytes with a clear message', () => {
    const stored = encodePacked(Int32Array.from([20_000, 70_000, 1, 2, 3, 4]), 6) as Uint8Array;
    expect(() => decodePacked(stored.subarray(0, stored.length - 1), 6)).toThrow(
      /ends in the middle/,
    );
    expect(() => decodePacked(Uint8Array.from([...stored, 0]), 6)).toThrow(/bytes after/);
  });
});

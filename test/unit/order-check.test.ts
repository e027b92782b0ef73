import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_EPOCH_MS } from '../../src/domain/dates';
import { isPlainValidOrder } from '../../src/domain/order-check';
import { orderSchema, type Order } from '../../src/domain/schemas';

const text = (min: number, max: number) => fc.string({ minLength: min, maxLength: max });
const count = fc.oneof(fc.nat(), fc.constant(0), fc.constant(Number.MAX_SAFE_INTEGER));
const instant = fc.oneof(
  fc.integer({ min: 0, max: MAX_EPOCH_MS }),
  fc.constantFrom(0, MAX_EPOCH_MS),
);
/** ISO instants as importers and the sample data write them. */
const isoInstant = fc
  .tuple(fc.integer({ min: 0, max: MAX_EPOCH_MS }), fc.integer({ min: -18 * 60, max: 18 * 60 }))
  .map(([ms, off]) => {
    const local = new Date(Math.min(MAX_EPOCH_MS, Math.max(0, ms + off * 60_000)));
    return off === 0
      ? local.toISOString()
      : `${local.toISOString().slice(0, 19)}${off < 0 ? '-' : '+'}${String(Math.floor(Math.abs(off) / 60)).padStart(2, '0')}:${String(Math.abs(off) % 60).padStart(2, '0')}`;
  })
  .filter((iso) => orderSchema.shape.placedAt.safeParse(iso).success);

/** Every order field but those added later, which an order may lack. */
const REQUIRED_KEYS = Object.keys(orderSchema.shape).filter(
  (k) => k !== 'discountLabels' && k !== 'fx',
) as Exclude<keyof Order, 'fx'>[];

const validOrder: fc.Arbitrary<Order> = fc.record(
  {
    id: text(1, 128),
    createdAt: instant,
    updatedAt: instant,
    source: text(1, 40),
    orderId: text(1, 100),
    placedAt: isoInstant,
    placedAtMs: instant,
    currency: fc.constantFrom('USD', 'EUR', 'GBP', 'XYZ'),
    subtotalCents: count,
    discountCents: count,
    shippingCents: count,
    taxCents: count,
    totalCents: count,
    refundedCents: count,
    status: fc.constantFrom('paid', 'partially refunded', 'refunded', 'cancelled'),
    codes: fc.array(text(1, 100), { maxLength: 20 }),
    tags: fc.array(text(0, 200), { maxLength: 100 }),
    note: text(0, 300),
    partnerId: fc.option(text(1, 128), { nil: null }),
    attribution: fc.option(
      fc.record({ method: fc.constantFrom('code', 'referral', 'manual'), reason: text(0, 500) }),
      { nil: null },
    ),
    customerKey: fc.option(text(0, 128), { nil: null }),
    email: fc.option(text(0, 320), { nil: null }),
    region: fc.record({ country: text(0, 500), province: text(0, 500), city: text(0, 500) }),
    // Optional (added later): present on some orders only.
    discountLabels: fc.array(text(1, 100), { maxLength: 20 }),
  },
  { requiredKeys: REQUIRED_KEYS },
);

/** Values that sit on or just past some rule's edge. */
const odd = fc.oneof(
  fc.constantFrom<unknown>(
    undefined,
    null,
    '',
    'x',
    'usd',
    'USDX',
    'paid ',
    'manual',
    -1,
    -0,
    0.5,
    NaN,
    Infinity,
    -Infinity,
    2 ** 53,
    Number.MAX_SAFE_INTEGER,
    MAX_EPOCH_MS,
    MAX_EPOCH_MS + 1,
    1e21,
    '2025-03-01T10:00:00-05:00',
    '2026-02-30T10:00:00-05:00',
    '2025-03-01T24:00:00Z',
    '2025-03-01T10:00:00+19:00',
    '2025-03-01T10:00:00',
    '12',
    true,
    [],
    [''],
    ['A'],
    Array.from({ length: 21 }, () => 'C'),
    Array.from({ length: 101 }, () => ''),
    {},
    { country: '', province: '', city: '' },
    { country: '', province: '', city: '', extra: '' },
    { method: 'code', reason: '' },
    { method: 'magic', reason: '' },
    { method: 'code' },
  ),
  fc.string({ maxLength: 130 }),
  fc.integer({ min: -5, max: 5 }),
  fc.string({ minLength: 320, maxLength: 330 }),
  fc.string({ minLength: 499, maxLength: 502 }),
);

const KEYS = Object.keys(orderSchema.shape);

/** A valid order with one field changed, removed, or an extra field added. */
const mutated = fc.tuple(validOrder, fc.nat(KEYS.length + 1), odd).map(([o, i, v]) => {
  const copy: Record<string, unknown> = { ...o };
  if (i === KEYS.length) copy.extra = v;
  else if (i === KEYS.length + 1) delete copy[KEYS[0]!];
  else copy[KEYS[i]!] = v;
  return copy;
});

describe('isPlainValidOrder', () => {
  it('accepts what orderSchema accepts, which zod returns unchanged', () => {
    fc.assert(
      fc.property(validOrder, (o) => {
        const zod = orderSchema.safeParse(o);
        expect(zod.success).toBe(true);
        expect(zod.data).toEqual(o);
        expect(isPlainValidOrder(o)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses whatever orderSchema refuses (and agrees on the rest)', () => {
    fc.assert(
      fc.property(mutated, (o) => {
        expect(isPlainValidOrder(o)).toBe(orderSchema.safeParse(o).success);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses non-objects and objects with another prototype', () => {
    for (const v of [null, undefined, 1, 'order', [], new Date(0)])
      expect(isPlainValidOrder(v)).toBe(false);
  });
});

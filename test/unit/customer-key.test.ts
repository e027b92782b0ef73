import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prefixedSha256, sha256Hex, withCustomerKeys } from '../../src/io/customer-key';
import type { ParsedOrder } from '../../src/io/orders-common';

async function subtleHex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('sha256Hex', () => {
  it('matches the published test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with crypto.subtle on any text, across block boundaries and non-ASCII', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (s) => {
        expect(sha256Hex(s)).toBe(await subtleHex(s));
      }),
      { numRuns: 150 },
    );
    for (let n = 50; n < 140; n++) {
      const s = 'x'.repeat(n);
      expect(sha256Hex(s)).toBe(await subtleHex(s));
    }
  });
});

describe('prefixedSha256', () => {
  it('agrees with crypto.subtle on prefix + text, one hasher used for many texts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 150 }),
          fc.constantFrom('', 'a'.repeat(64), 'é'.repeat(40)),
        ),
        fc.array(fc.string({ unit: 'binary', maxLength: 120 }), { minLength: 1, maxLength: 5 }),
        async (prefix, texts) => {
          const hash = prefixedSha256(prefix);
          for (const t of texts) expect(hash(t)).toBe(await subtleHex(prefix + t));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('withCustomerKeys', () => {
  it('gives one key per normalized email and drops raw emails unless kept', async () => {
    const salt = 'a'.repeat(64);
    const order = (line: number, email: string | null): ParsedOrder => ({
      source: 'shopify',
      orderId: `#${line}`,
      placedAt: '2024-05-01T10:00:00-04:00',
      placedAtMs: Date.UTC(2024, 4, 1, 14),
      currency: 'USD',
      subtotalCents: 1000,
      discountCents: 0,
      shippingCents: 0,
      taxCents: 0,
      totalCents: 1000,
      refundedCents: 0,
      status: 'paid',
      codes: ['LUCY'],
      tags: [],
      note: '',
      email,
      region: { country: 'US', province: 'OR', city: 'Portland' },
      line,
    });
    const orders = [
      order(2, 'Ann@Example.com'),
      order(3, ' ann@example.com '),
      order(4, null),
      order(5, 'bob@example.com'),
      order(6, 'Ann@Example.com'),
    ];
    const out = await withCustomerKeys(orders, salt, false);
    const ann = await subtleHex(`${salt}ann@example.com`);
    expect(out.map((o) => o.customerKey)).toEqual([
      ann,
      ann,
      null,
      await subtleHex(`${salt}bob@example.com`),
      ann,
    ]);
    expect(out.every((o) => o.email === null)).toBe(true);
    // Everything else is carried over as read.
    const { email: _e, customerKey: _k, ...rest } = out[3]!;
    const { email: _r, ...read } = orders[3]!;
    expect(rest).toEqual(read);
    const kept = await withCustomerKeys(orders, salt, true);
    expect(kept.map((o) => o.email)).toEqual([
      'ann@example.com',
      'ann@example.com',
      null,
      'bob@example.com',
      'ann@example.com',
    ]);
  });
});

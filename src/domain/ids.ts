/** The stored id of an order: its source and the shop's order number, so re-imports match. */
export function orderRecordId(source: string, orderId: string): string {
  return `${source.toLowerCase()}:${orderId}`;
}

/**
 * The form a code, referral slug, handle or utm_source/ref value is compared in: trimmed, one
 * leading `@` dropped (creators write handles both ways), case ignored.
 */
export function matchKey(text: string): string {
  return text.trim().replace(/^@/, '').toLowerCase();
}

/** Normalize a promo code for comparison (codes are unique case-insensitively, `@` ignored). */
export function normalizeCode(code: string): string {
  return matchKey(code);
}

/** A small deterministic PRNG (mulberry32) for sample data and benchmarks. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

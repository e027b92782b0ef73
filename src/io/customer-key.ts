/**
 * Customers are recognised across orders without keeping their email: the key is the hex SHA-256
 * of the brand's secret salt plus the normalized email. The digest is computed here in plain
 * TypeScript (FIPS 180-4), synchronously: crypto.subtle costs a promise and a thread hop per
 * digest, which for the 40,000 distinct emails of a big export was most of a second; this is a
 * few dozen milliseconds. Tests check it against crypto.subtle.
 */

import type { IncomingOrder } from '../domain/import-plan';
import type { ParsedOrder } from './orders-common';

/** Trimmed and lower-cased, so `Ann@Example.com ` and `ann@example.com` are one customer. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INIT = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const encoder = new TextEncoder();
const W = new Int32Array(64);

/** One 64-byte block into `state` (SHA-256's compression function). */
function compress(state: Int32Array, view: DataView, off: number): void {
  for (let i = 0; i < 16; i++) W[i] = view.getInt32(off + i * 4);
  for (let i = 16; i < 64; i++) {
    const a = W[i - 15]!;
    const b = W[i - 2]!;
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/**
 * Hex SHA-256 of `prefix + text` (UTF-8) for many texts: the prefix's whole 64-byte blocks are
 * compressed once, so a salted email usually costs a single block.
 */
export function prefixedSha256(prefix: string): (text: string) => string {
  const head = encoder.encode(prefix);
  const whole = head.length - (head.length % 64);
  const mid = new Int32Array(INIT);
  const headView = new DataView(head.buffer, head.byteOffset, head.byteLength);
  for (let off = 0; off < whole; off += 64) compress(mid, headView, off);
  const rest = head.subarray(whole);
  const state = new Int32Array(8);
  let buf = new Uint8Array(128);
  return (text) => {
    // At most 3 bytes per UTF-16 unit, plus the prefix's rest, the 0x80 and the length.
    const need = rest.length + text.length * 3 + 9;
    if (need > buf.length) buf = new Uint8Array(Math.ceil(need / 64) * 64);
    buf.set(rest);
    const n = rest.length + encoder.encodeInto(text, buf.subarray(rest.length)).written;
    const size = Math.ceil((n + 9) / 64) * 64;
    buf.fill(0, n, size);
    buf[n] = 0x80;
    const view = new DataView(buf.buffer, 0, size);
    const bits = (whole + n) * 8;
    view.setUint32(size - 8, Math.floor(bits / 0x100000000));
    view.setUint32(size - 4, bits >>> 0);
    state.set(mid);
    for (let off = 0; off < size; off += 64) compress(state, view, off);
    let out = '';
    for (let i = 0; i < 8; i++) {
      const x = state[i]!;
      out +=
        HEX[(x >>> 24) & 255]! + HEX[(x >>> 16) & 255]! + HEX[(x >>> 8) & 255]! + HEX[x & 255]!;
    }
    return out;
  };
}

/** Hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256Hex(text: string): string {
  return prefixedSha256('')(text);
}

/** The customer key of an email, or null for anonymous orders. */
export function customerKeySync(email: string | null, salt: string): string | null {
  if (email === null) return null;
  const norm = normalizeEmail(email);
  return norm === '' ? null : sha256Hex(salt + norm);
}

/** The customer key of an email, or null for anonymous orders. */
export async function customerKeyOf(email: string | null, salt: string): Promise<string | null> {
  return customerKeySync(email, salt);
}

/** A new random salt (32 bytes, hex). */
export function newCustomerSalt(): string {
  const b = new Uint8Array(32);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * Orders as the database will hold them: each gets its customer key (one digest per distinct
 * email); the raw email is kept only when the owner opted in. The records are written out field
 * by field: `{ ...order, customerKey }` took V8's slow path, about a second per 75,000 orders.
 */
export async function withCustomerKeys(
  orders: readonly ParsedOrder[],
  salt: string,
  keepRawEmails: boolean,
): Promise<IncomingOrder[]> {
  const keys = new Map<string, string | null>();
  const digest = prefixedSha256(salt);
  return orders.map((o) => {
    let key: string | null = null;
    if (o.email !== null) {
      key = keys.get(o.email) ?? null;
      if (key === null && !keys.has(o.email)) {
        const norm = normalizeEmail(o.email);
        key = norm === '' ? null : digest(norm);
        keys.set(o.email, key);
      }
    }
    return {
      source: o.source,
      orderId: o.orderId,
      placedAt: o.placedAt,
      placedAtMs: o.placedAtMs,
      currency: o.currency,
      subtotalCents: o.subtotalCents,
      discountCents: o.discountCents,
      shippingCents: o.shippingCents,
      taxCents: o.taxCents,
      totalCents: o.totalCents,
      refundedCents: o.refundedCents,
      status: o.status,
      codes: o.codes,
      discountLabels: o.discountLabels,
      tags: o.tags,
      note: o.note,
      email: keepRawEmails && o.email ? normalizeEmail(o.email) : null,
      region: o.region,
      line: o.line,
      fx: o.fx,
      customerKey: key,
    } satisfies Record<keyof IncomingOrder, unknown>;
  });
}

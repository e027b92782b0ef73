/**
 * The rollups as stored on disk: smaller than their arrays in memory. Reading every partner's
 * rollup is what the Dashboard, Compare and Payouts wait for first, and IndexedDB's read time grows
 * with the bytes read (at the large set, 2,001 rollups of 5.9 MB as Int32 arrays; measured on
 * disk, a read of the same records at 2.2 MB took half as long).
 *
 * An Int32 rollup array is stored as bytes: its length, then each value as a zigzag varint
 * (LEB128), the first field of each row (the day number, sorted) as the difference from the row
 * before. Days a partner sold on differ by a few, and most figures are a few thousand cents:
 * one to three bytes each instead of four. A Float64 array (a figure that is not a 32-bit integer)
 * is stored as it is. Reading gives back exactly the array written; an array stored before this
 * codec (Int32 or Float64) reads as it is.
 */
import type { Packed } from './stats';

/** What a rollup array is stored as. */
export type StoredPacked = Uint8Array | Packed;

const zigzag = (n: number): number => (n >= 0 ? n * 2 : -n * 2 - 1);
const unzigzag = (z: number): number => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);

/** Bytes needed for one varint of `z` (a non-negative integer below 2^53). */
function varintSize(z: number): number {
  let n = 1;
  while (z >= 128) {
    z = Math.floor(z / 128);
    n++;
  }
  return n;
}

/** `a` as stored: Int32 arrays as varint bytes (rows of `stride` values, day first), the rest as is. */
export function encodePacked(a: Packed, stride: number): StoredPacked {
  if (!(a instanceof Int32Array)) return a;
  const values = new Float64Array(a.length);
  let prevDay = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (i % stride === 0) {
      values[i] = zigzag(v - prevDay);
      prevDay = v;
    } else values[i] = zigzag(v);
  }
  let size = varintSize(a.length);
  for (let i = 0; i < values.length; i++) size += varintSize(values[i]!);
  const out = new Uint8Array(size);
  let at = 0;
  const put = (z: number) => {
    while (z >= 128) {
      out[at++] = (z % 128) + 128;
      z = Math.floor(z / 128);
    }
    out[at++] = z;
  };
  put(a.length);
  for (let i = 0; i < values.length; i++) put(values[i]!);
  return out;
}

/** The array `stored` holds (see encodePacked); arrays stored before the codec come back as they are. */
export function decodePacked(stored: StoredPacked, stride: number): Packed {
  if (!(stored instanceof Uint8Array)) return stored;
  let at = 0;
  const next = (): number => {
    let z = 0;
    let scale = 1;
    for (;;) {
      if (at >= stored.length) throw new Error('A stored rollup ends in the middle of a number.');
      const b = stored[at++]!;
      z += (b & 127) * scale;
      if (b < 128) return z;
      scale *= 128;
    }
  };
  const length = next();
  const out = new Int32Array(length);
  let prevDay = 0;
  for (let i = 0; i < length; i++) {
    const v = unzigzag(next());
    if (i % stride === 0) {
      prevDay += v;
      out[i] = prevDay;
    } else out[i] = v;
  }
  if (at !== stored.length) throw new Error('A stored rollup has bytes after its numbers.');
  return out;
}

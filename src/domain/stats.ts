/**
 * Per-partner rollups: compact daily order sums and one entry per published post, kept in the
 * same transaction as the records they summarize (src/db/stats.ts). Screens that summarize a period
 * (Compare, Dashboard, Payouts) read these 2,000 small records instead of 300,000 orders. Each
 * order's revenue, commission and discount are summed here with the rules of earnings.ts; a
 * period's earnings from a rollup are worked out in period-sums.ts (earningsFromRollup).
 */
import { activeContractAt } from './contracts';
import { dayNumber } from './dates';
import { countsAsOrder, netRevenueCents, orderCommissionCents, orderDate } from './earnings';
import { PLATFORMS, type Platform } from './constants';
import type { ContentItem, Contract, Order } from './schemas';

/** Orders credited to nobody are summed under this id. */
export const UNATTRIBUTED = '__unattributed__';

/** Fields per day in `orderDays`: day number, revenue, orders, commission, discount, records. */
export const ORDER_STRIDE = 6;
/**
 * Fields per published post in `posts`: day, cost, reach, impressions, engagements, co-created,
 * clicks, platform (index in PLATFORMS), has metrics (0/1).
 */
export const POST_STRIDE = 9;

/**
 * Rollup numbers as stored: Int32 when every value is an integer that fits (half the bytes of
 * Float64, and the rollups are what start-up reads), Float64 otherwise, so nothing is ever rounded
 * or wrapped.
 */
export type Packed = Int32Array | Float64Array;

/** The smallest exact array for these numbers. */
export function packNumbers(values: Float64Array): Packed {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v) || v < -2_147_483_648 || v > 2_147_483_647) return values;
  }
  return Int32Array.from(values);
}

export interface PartnerStats {
  partnerId: string;
  /**
   * Sorted by day; [day, revenueCents, orders, commissionCents, discountCents, records] repeated,
   * where records counts every stored order of that day (cancelled ones too).
   */
  orderDays: Packed;
  /** Sorted by day; POST_STRIDE fields per published post (see POST_STRIDE). */
  posts: Packed;
}

/** Build one partner's rollup from its records (orders credited to it, its content, contracts). */
export function buildPartnerStats(
  partnerId: string,
  orders: readonly Order[],
  content: readonly ContentItem[],
  contracts: readonly Contract[],
  timeZone: string,
): PartnerStats {
  const byDay = new Map<number, number[]>();
  addOrders(byDay, orders, contracts, timeZone, 1);
  const orderDays = packDays(byDay);
  const posts = packPosts(content);
  return { partnerId, orderDays, posts };
}

/** The published posts among `content`, packed as POST_STRIDE numbers each, sorted by day. */
export function packPosts(content: readonly ContentItem[]): Packed {
  const published = content
    .filter((c) => c.status === 'published')
    .sort((a, b) => a.plannedDate.localeCompare(b.plannedDate));
  const posts = new Float64Array(published.length * POST_STRIDE);
  published.forEach((c, i) => {
    const m = c.metrics;
    posts.set(
      [
        dayNumber(c.plannedDate),
        c.costCents,
        m?.reach ?? 0,
        m?.impressions ?? 0,
        m ? m.likes + m.comments + m.shares + m.saves : 0,
        c.control === 'co-created' ? 1 : 0,
        m?.clicks ?? 0,
        PLATFORMS.indexOf(c.platform),
        m ? 1 : 0,
      ],
      i * POST_STRIDE,
    );
  });
  return packNumbers(posts);
}

/** Only the posts of one platform. */
export function postsOnPlatform(posts: Packed, platform: Platform): Packed {
  const idx = PLATFORMS.indexOf(platform);
  const keep: number[] = [];
  for (let i = 0; i < posts.length; i += POST_STRIDE) if (posts[i + 7] === idx) keep.push(i);
  const out =
    posts instanceof Int32Array
      ? new Int32Array(keep.length * POST_STRIDE)
      : new Float64Array(keep.length * POST_STRIDE);
  keep.forEach((i, j) => out.set(posts.subarray(i, i + POST_STRIDE), j * POST_STRIDE));
  return out;
}

type DayRows = Map<number, number[]>;

/** Add (sign 1) or take away (sign -1) orders' contributions to per-day rows. */
function addOrders(
  byDay: DayRows,
  orders: readonly Order[],
  contracts: readonly Contract[],
  timeZone: string,
  sign: 1 | -1,
): void {
  for (const o of orders) {
    const date = orderDate(o, timeZone);
    const d = dayNumber(date);
    const row = byDay.get(d) ?? [0, 0, 0, 0, 0];
    row[0]! += sign * netRevenueCents(o);
    row[1]! += sign * (countsAsOrder(o) ? 1 : 0);
    row[2]! += sign * orderCommissionCents(o, activeContractAt(contracts, date));
    row[3]! += sign * (o.status !== 'cancelled' ? o.discountCents : 0);
    row[4]! += sign;
    byDay.set(d, row);
  }
}

function packDays(byDay: DayRows): Packed {
  const days = [...byDay.keys()].filter((d) => byDay.get(d)![4]! > 0).sort((a, b) => a - b);
  const out = new Float64Array(days.length * ORDER_STRIDE);
  days.forEach((d, i) => out.set([d, ...byDay.get(d)!], i * ORDER_STRIDE));
  return packNumbers(out);
}

function unpackDays(arr: Packed): DayRows {
  const m: DayRows = new Map();
  for (let i = 0; i < arr.length; i += ORDER_STRIDE)
    m.set(arr[i]!, Array.from(arr.subarray(i + 1, i + ORDER_STRIDE)));
  return m;
}

/**
 * Update a rollup for orders that changed: `removed` are the stored versions before the write
 * (their contributions come off), `added` the versions written. `contracts` are the partner's.
 */
export function applyOrderDelta(
  current: PartnerStats | undefined,
  partnerId: string,
  removed: readonly Order[],
  added: readonly Order[],
  contracts: readonly Contract[],
  timeZone: string,
): PartnerStats {
  const byDay = unpackDays(current?.orderDays ?? new Int32Array(0));
  addOrders(byDay, removed, contracts, timeZone, -1);
  addOrders(byDay, added, contracts, timeZone, 1);
  return { partnerId, orderDays: packDays(byDay), posts: current?.posts ?? new Int32Array(0) };
}

/** Build the rollups of every partner (and the unattributed orders) from whole tables. */
export function buildAllStats(
  partnerIds: readonly string[],
  orders: readonly Order[],
  content: readonly ContentItem[],
  contracts: readonly Contract[],
  timeZone: string,
): PartnerStats[] {
  const group = <T>(xs: readonly T[], key: (x: T) => string) => {
    const m = new Map<string, T[]>();
    for (const x of xs) {
      const k = key(x);
      const l = m.get(k);
      if (l) l.push(x);
      else m.set(k, [x]);
    }
    return m;
  };
  const o = group(orders, (x) => x.partnerId ?? UNATTRIBUTED);
  const c = group(content, (x) => x.partnerId);
  const k = group(contracts, (x) => x.partnerId);
  return [...partnerIds, UNATTRIBUTED].map((id) =>
    buildPartnerStats(
      id,
      o.get(id) ?? [],
      c.get(id) ?? [],
      id === UNATTRIBUTED ? [] : (k.get(id) ?? []),
      timeZone,
    ),
  );
}

/** Index of the first entry whose day >= `day` (binary search over a strided, sorted array). */
export function lowerBound(arr: Packed, stride: number, day: number): number {
  let lo = 0;
  let hi = arr.length / stride;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid * stride]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every rollup in one record: start-up reads this instead of one record per partner. IndexedDB's
 * cost in Chromium is per record far more than per byte (2,000 rollups of 6 MB took 400-650 ms
 * to read, the same numbers in one record 70-90 ms). `index` holds four numbers per rollup:
 * where its orderDays start and how many there are, then the same for its posts; `float` says
 * which of the two are Float64 (bit 0: orderDays, bit 1: posts), whose numbers are in `floats`,
 * the others in `ints`.
 */
export interface PackedRollups {
  partnerIds: string[];
  index: Int32Array;
  float: Uint8Array;
  ints: Int32Array;
  floats: Float64Array;
}

/** All of `rows` in one PackedRollups (unpackRollups gives them back, same order). */
export function packRollups(rows: readonly PartnerStats[]): PackedRollups {
  let nInts = 0;
  let nFloats = 0;
  for (const r of rows)
    for (const a of [r.orderDays, r.posts])
      if (a instanceof Int32Array) nInts += a.length;
      else nFloats += a.length;
  const out: PackedRollups = {
    partnerIds: rows.map((r) => r.partnerId),
    index: new Int32Array(rows.length * 4),
    float: new Uint8Array(rows.length),
    ints: new Int32Array(nInts),
    floats: new Float64Array(nFloats),
  };
  let atInt = 0;
  let atFloat = 0;
  rows.forEach((r, i) => {
    [r.orderDays, r.posts].forEach((a, j) => {
      if (a instanceof Int32Array) {
        out.ints.set(a, atInt);
        out.index[i * 4 + j * 2] = atInt;
        atInt += a.length;
      } else {
        out.floats.set(a, atFloat);
        out.index[i * 4 + j * 2] = atFloat;
        atFloat += a.length;
        out.float[i]! |= 1 << j;
      }
      out.index[i * 4 + j * 2 + 1] = a.length;
    });
  });
  return out;
}

/**
 * The rollups of packRollups(). Their arrays are views into the pack's (4,000 copies cost
 * 30-100 ms at start-up, the views 2 ms): read them, never store them (IndexedDB would store
 * each view's whole buffer).
 */
export function unpackRollups(p: PackedRollups): PartnerStats[] {
  const part = (i: number, j: number): Packed => {
    const at = p.index[i * 4 + j * 2]!;
    const end = at + p.index[i * 4 + j * 2 + 1]!;
    return (p.float[i]! >> j) & 1 ? p.floats.subarray(at, end) : p.ints.subarray(at, end);
  };
  return p.partnerIds.map((partnerId, i) => ({
    partnerId,
    orderDays: part(i, 0),
    posts: part(i, 1),
  }));
}

/**
 * The rollups' storage codec (src/domain/rollup-codec.ts) at the bottom of the stack: every write
 * of `partnerStats` (the rollup middleware, rebuilds, restores, upgrades) stores its arrays
 * encoded, and every read hands back the arrays, so nothing above this layer sees the bytes.
 */
import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import { decodePacked, encodePacked, type StoredPacked } from '../domain/rollup-codec';
import { ORDER_STRIDE, POST_STRIDE, type PartnerStats } from '../domain/stats';

const TABLE = 'partnerStats';

interface StoredStats {
  partnerId: string;
  orderDays: StoredPacked;
  posts: StoredPacked;
}

/** A rollup as stored. */
export function storedStats(s: PartnerStats): StoredStats {
  return {
    ...s,
    orderDays: encodePacked(s.orderDays, ORDER_STRIDE),
    posts: encodePacked(s.posts, POST_STRIDE),
  };
}

/** A stored rollup as the app uses it (any other value passes as it is). */
export function readStats(v: unknown): unknown {
  if (!v || typeof v !== 'object' || !('orderDays' in v) || !('posts' in v)) return v;
  const s = v as StoredStats;
  return {
    ...s,
    orderDays: decodePacked(s.orderDays, ORDER_STRIDE),
    posts: decodePacked(s.posts, POST_STRIDE),
  };
}

function codecTable(t: DBCoreTable): DBCoreTable {
  return {
    ...t,
    get: (req) => t.get(req).then(readStats),
    getMany: (req) => t.getMany(req).then((vs) => vs.map(readStats)),
    query: (req) =>
      t.query(req).then((r) => (req.values ? { ...r, result: r.result.map(readStats) } : r)),
    openCursor: (req) =>
      t.openCursor(req).then((cursor): DBCoreCursor | null => {
        if (!cursor || !req.values) return cursor;
        return Object.create(cursor, {
          value: { get: () => readStats(cursor.value) },
        }) as DBCoreCursor;
      }),
    mutate: (req) =>
      req.type === 'add' || req.type === 'put'
        ? t.mutate({ ...req, values: req.values.map((v) => storedStats(v as PartnerStats)) })
        : t.mutate(req),
  };
}

export const statsCodecMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'RollupCodec',
  // Below the rollup upkeep (-0.4) and Dexie's own layers, above the write gate and the trace.
  level: -1,
  create(down) {
    return {
      ...down,
      table: (name) => (name === TABLE ? codecTable(down.table(name)) : down.table(name)),
    };
  },
};

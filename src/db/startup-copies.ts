/**
 * One-record copies of the big tables the first screen reads whole (every partner, contract and
 * per-partner rollup), for start-up. In Chromium, IndexedDB's cost is per record far more than
 * per byte: the 2,000 rollups took 400-650 ms to read and the same numbers in one record 70-90 ms;
 * 2,000 partners and 2,000 contracts 150-290 ms, as one record each 25-50 ms.
 *
 * A copy never disagrees with its table. A Dexie middleware follows every write to a copied
 * table, whoever makes it, inside the writing transaction (it adds the copies' store to any
 * read-write transaction that includes a copied table):
 * - a transaction that clears the table and then writes it (every full rebuild: backup import and
 *   restore, sample data, deleting everything, rebuilding the rollups) writes the copy of exactly
 *   what it wrote, so the start after an import is fast at once;
 * - any other write (an edited partner, a few rollups after new orders) deletes the copy, which
 *   costs nothing; the window writes it again a few seconds after the last such write, when the
 *   app is idle (ensureStartupCopies, called from src/app/table-cache.ts). A start before that
 *   reads the table instead, and writes the copy again once it is idle.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware, Table } from 'dexie';
import type { Contract, Partner } from '../domain/schemas';
import { packRollups, type PackedRollups, type PartnerStats } from '../domain/stats';
import type { PawtnersDb } from './db';

export const STARTUP_COPIES_STORE = 'startupCopies';

/** The copied tables and their primary key. */
export const COPIED_TABLES = {
  partners: 'id',
  contracts: 'id',
  partnerStats: 'partnerId',
} as const;
export type CopiedTable = keyof typeof COPIED_TABLES;

/** A copy: the rows in the table's key order, the rollups packed as PackedRollups. */
export type StartupCopy =
  | { id: 'partners'; rows: Partner[] }
  | { id: 'contracts'; rows: Contract[] }
  | ({ id: 'partnerStats' } & PackedRollups);

type Row = Record<string, unknown>;

/** The copy of `table` holding `rows` (in any order). */
export function startupCopy(table: CopiedTable, rows: Iterable<unknown>): StartupCopy {
  const key = COPIED_TABLES[table];
  // getAll() order: IndexedDB compares string keys by code unit, as < does.
  const sorted = [...(rows as Iterable<Row>)].sort((a, b) => {
    const x = a[key] as string;
    const y = b[key] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  if (table === 'partnerStats')
    return { id: table, ...packRollups(sorted as unknown as PartnerStats[]) };
  return { id: table, rows: sorted } as StartupCopy;
}

function isCopied(name: string): name is CopiedTable {
  return Object.hasOwn(COPIED_TABLES, name);
}

/**
 * Per read-write transaction and copied table: the rows written since the transaction cleared
 * the table (then they are the whole table), or 'stale' once the copy was deleted.
 */
const written = new WeakMap<DBCoreTransaction, Map<CopiedTable, Map<unknown, unknown> | 'stale'>>();

/** Dexie's DBCoreRangeType.Any (a const enum, which isolated modules cannot import). */
const RANGE_ANY = 3;

function copiesStoreIn(trans: DBCoreTransaction): boolean {
  // Dexie's IndexedDB core hands the native transaction to middlewares.
  const names = (trans as unknown as Partial<IDBTransaction>).objectStoreNames;
  // Upgrades from versions before the copies existed run without their store.
  return names?.contains(STARTUP_COPIES_STORE) ?? false;
}

async function follow(
  down: DBCore,
  table: CopiedTable,
  req: DBCoreMutateRequest,
  failures: number,
): Promise<void> {
  const { trans } = req;
  let tables = written.get(trans);
  if (!tables) written.set(trans, (tables = new Map()));
  const before = tables.get(table);
  let now: Map<unknown, unknown> | 'stale';
  if (req.type === 'deleteRange' && req.range.type === RANGE_ANY) now = new Map();
  else if (before instanceof Map && failures === 0 && req.type !== 'deleteRange') {
    now = before;
    const key = COPIED_TABLES[table];
    if (req.type === 'delete') for (const k of req.keys) now.delete(k);
    else for (const v of req.values as Row[]) now.set(v[key], v);
  } else now = 'stale';
  tables.set(table, now);
  const copies = down.table(STARTUP_COPIES_STORE);
  if (now instanceof Map)
    await copies.mutate({ type: 'put', trans, values: [startupCopy(table, now.values())] });
  else if (before !== 'stale') await copies.mutate({ type: 'delete', trans, keys: [table] });
}

/** Keeps the start-up copies in step with their tables (see the top of this file). */
export const startupCopiesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'startupCopies',
  create: (down) => ({
    ...down,
    transaction(stores, mode, options) {
      const widen =
        mode === 'readwrite' && stores.some(isCopied) && !stores.includes(STARTUP_COPIES_STORE);
      return down.transaction(widen ? [...stores, STARTUP_COPIES_STORE] : stores, mode, options);
    },
    table(name) {
      const table = down.table(name);
      if (!isCopied(name)) return table;
      return {
        ...table,
        async mutate(req) {
          const res = await table.mutate(req);
          if (copiesStoreIn(req.trans)) await follow(down, name, req, res.numFailures);
          return res;
        },
      };
    },
  }),
};

/**
 * Write the copies that are missing (a write since dropped them) from their tables, inside a
 * read-write transaction over the copied tables and the copies' store. The tables copied.
 */
export async function writeMissingCopies(tx: {
  table(name: string): Table;
}): Promise<CopiedTable[]> {
  const copies = tx.table(STARTUP_COPIES_STORE);
  // Only the keys: the copies are megabytes.
  const present = new Set(await copies.toCollection().primaryKeys());
  const missing = (Object.keys(COPIED_TABLES) as CopiedTable[]).filter((t) => !present.has(t));
  for (const t of missing) await copies.put(startupCopy(t, await tx.table(t).toArray()));
  return missing;
}

/** Write any missing copy (see writeMissingCopies) in a transaction of its own. */
export function ensureStartupCopies(db: PawtnersDb): Promise<CopiedTable[]> {
  return db.transaction('rw', [...Object.keys(COPIED_TABLES), STARTUP_COPIES_STORE], () =>
    writeMissingCopies(db),
  );
}

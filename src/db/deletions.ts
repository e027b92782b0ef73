/**
 * Deletions recorded: every delete of a synced row, by any writer, leaves a record in `deletions`
 * (its table, id and when), so a Merge of a backup from another laptop carries deletions over and a
 * sync engine could too. Writing a row again drops its deletion record. Restores and Undo, which
 * put back an exact earlier state (deletion records included), turn both off for their transaction.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';
import { SYNCED_TABLE_NAMES, type Deletion, type SyncedTableName } from '../domain/schemas';
import { CoreTable, keysOf, markChanged, serialized, txFlags } from './core';

export type { Deletion };

/** The synced tables whose deletions are recorded (settings is one row, never deleted). */
export const SYNCED_TABLES: ReadonlySet<string> = new Set(SYNCED_TABLE_NAMES);

export const deletionId = (table: string, rowId: string) => `${table}/${rowId}`;

const queue = serialized();

/** The clock the records use (tests set it). */
let clock = () => Date.now();
export function setDeletionClockForTests(now: (() => number) | null): void {
  clock = now ?? (() => Date.now());
}

async function record(
  core: DBCore,
  trans: DBCoreTransaction,
  table: string,
  req: DBCoreMutateRequest,
): Promise<void> {
  const deletions = new CoreTable<Deletion>(core, trans, 'deletions');
  if (req.type === 'delete' || req.type === 'deleteRange') {
    if (txFlags(trans).noDeletionRecords) return;
    const ids =
      req.type === 'delete' ? req.keys : await new CoreTable(core, trans, table).keys(req.range);
    if (ids.length === 0) return;
    const at = clock();
    await deletions.put(
      ids.map((k) => ({
        id: deletionId(table, String(k)),
        table: table as SyncedTableName,
        rowId: String(k),
        updatedAt: at,
      })),
    );
    const known = recorded.get(trans)?.get(table);
    if (known) for (const k of ids) known.add(deletionId(table, String(k)));
    return;
  }
  // A restore or Undo writes the deletion records it puts back itself.
  if (txFlags(trans).noDeletionRecords) return;
  // The ids of this table's deletion records, read once per transaction (one key range, no
  // values): each write then drops the records of the rows it writes without a read per row.
  const known = await recordedIds(core, trans, table);
  if (known.size === 0) return;
  const ids = keysOf(core.table(table).schema as never, req)
    .map((k) => deletionId(table, String(k)))
    .filter((id) => known.has(id));
  for (const id of ids) known.delete(id);
  await deletions.delete(ids);
}

/** Per transaction and table: the deletion record ids stored (kept up to date by this layer). */
const recorded = new WeakMap<object, Map<string, Set<string>>>();

async function recordedIds(
  core: DBCore,
  trans: DBCoreTransaction,
  table: string,
): Promise<Set<string>> {
  let byTable = recorded.get(trans);
  if (!byTable) recorded.set(trans, (byTable = new Map()));
  let ids = byTable.get(table);
  if (!ids) {
    const prefix = `${table}/`;
    const keys = await new CoreTable(core, trans, 'deletions').keys({
      type: 2,
      lower: prefix,
      upper: `${prefix}\uffff`,
      lowerOpen: false,
      upperOpen: false,
    });
    ids = new Set(keys as string[]);
    byTable.set(table, ids);
  }
  return ids;
}

export const deletionsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'DeletionRecords',
  // Under Dexie's own layers, like the rollups (see rollups.ts), and under the rollups.
  level: -0.5,
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const all =
          mode === 'readwrite' && stores.some((s) => SYNCED_TABLES.has(s))
            ? [...new Set([...stores, 'deletions'])]
            : stores;
        return down.transaction(all, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!SYNCED_TABLES.has(name)) return table;
        return {
          ...table,
          mutate(req) {
            return queue(req.trans, async () => {
              // Records first: the keys are listed while the rows still exist, and only ids
              // that were stored are recorded (a deletion of an id that never existed here must
              // not delete a real row elsewhere when merged).
              if (req.type === 'delete' && !txFlags(req.trans).noDeletionRecords) {
                const found = await table.getMany({ trans: req.trans, keys: req.keys });
                const keys = req.keys.filter((_, i) => found[i] !== undefined);
                await record(down, req.trans, name, { ...req, keys });
                markChanged(down, req, ['deletions']);
                return table.mutate(req);
              }
              if (req.type === 'deleteRange') {
                await record(down, req.trans, name, req);
                markChanged(down, req, ['deletions']);
                return table.mutate(req);
              }
              const res = await table.mutate(req);
              await record(down, req.trans, name, req);
              markChanged(down, req, ['deletions']);
              return res;
            });
          },
        };
      },
    };
  },
};

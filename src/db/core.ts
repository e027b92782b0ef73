/**
 * Small helpers over Dexie's DBCore (the layer middlewares work at): reading and writing inside
 * the transaction a mutation arrived in, and per-transaction flags set by repositories.
 */
import Dexie, { RangeSet, type DBCore, type DBCoreKeyRange, type DBCoreTransaction } from 'dexie';

// DBCoreRangeType is a const enum in Dexie's types; its values, spelled out.
const RANGE = 2;

/**
 * Tell Dexie's live queries that `tables` changed in the transaction of `req`. The middlewares
 * sit under Dexie's observability layer (so their own writes need no transaction zone), which
 * therefore does not see those writes: their parts are added to the request it does see.
 */
export function markChanged(core: DBCore, req: { mutatedParts?: object }, tables: string[]): void {
  const parts = (req.mutatedParts ?? {}) as Record<string, RangeSet>;
  for (const name of tables) {
    const schema = core.table(name).schema;
    for (const index of ['', ':dels', ...schema.indexes.map((i) => i.name ?? '')])
      parts[`idb://${core.schema.name}/${name}/${index}`] = new RangeSet(
        core.MIN_KEY,
        core.MAX_KEY,
      );
  }
  req.mutatedParts = parts as never;
}

/** Reads and writes of one table inside one DBCore transaction. */
export class CoreTable<T = unknown> {
  constructor(
    private readonly core: DBCore,
    private readonly trans: DBCoreTransaction,
    readonly name: string,
  ) {}

  private get t() {
    return this.core.table(this.name);
  }

  count(): Promise<number> {
    return this.t.count({
      trans: this.trans,
      query: { index: this.t.schema.primaryKey, range: this.everything() },
    });
  }

  getMany(keys: readonly unknown[]): Promise<(T | undefined)[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.t.getMany({ trans: this.trans, keys: [...keys] }) as Promise<(T | undefined)[]>;
  }

  get(key: unknown): Promise<T | undefined> {
    return this.t.get({ trans: this.trans, key }) as Promise<T | undefined>;
  }

  /** Every row, or the rows whose `index` lies in [lower, upper]. */
  async query(index: string | string[] | null = null, lower?: unknown, upper?: unknown) {
    const idx = index === null ? this.t.schema.primaryKey : this.t.schema.getIndexByKeyPath(index);
    if (!idx) throw new Error(`no index ${String(index)} on ${this.name}`);
    const range: DBCoreKeyRange = {
      type: RANGE,
      lower: lower === undefined ? this.core.MIN_KEY : lower,
      upper: upper === undefined ? this.core.MAX_KEY : upper,
      lowerOpen: false,
      upperOpen: false,
    };
    const r = await this.t.query({ trans: this.trans, values: true, query: { index: idx, range } });
    return r.result as T[];
  }

  /** The rows whose compound index [first, ...] starts with `first`. */
  withPrefix(index: string[], first: unknown): Promise<T[]> {
    return this.query(index, [first, this.core.MIN_KEY], [first, this.core.MAX_KEY]);
  }

  async keys(range: DBCoreKeyRange): Promise<unknown[]> {
    const r = await this.t.query({
      trans: this.trans,
      values: false,
      query: { index: this.t.schema.primaryKey, range },
    });
    return r.result;
  }

  async put(values: readonly T[]): Promise<void> {
    if (values.length === 0) return;
    const r = await this.t.mutate({ type: 'put', trans: this.trans, values });
    if (r.numFailures) throw Object.values(r.failures)[0];
  }

  async delete(keys: readonly unknown[]): Promise<void> {
    if (keys.length === 0) return;
    const r = await this.t.mutate({ type: 'delete', trans: this.trans, keys: [...keys] });
    if (r.numFailures) throw Object.values(r.failures)[0];
  }

  async clear(): Promise<void> {
    await this.t.mutate({ type: 'deleteRange', trans: this.trans, range: this.everything() });
  }

  /** The range of every key. */
  private everything(): DBCoreKeyRange {
    return {
      type: RANGE,
      lower: this.core.MIN_KEY,
      upper: this.core.MAX_KEY,
      lowerOpen: false,
      upperOpen: false,
    };
  }
}

/** Flags a repository sets on its transaction for the middlewares (see txFlags). */
export interface TxFlags {
  /** Rollups are updated once, by finishRollups(), instead of after every write. */
  deferRollups?: boolean;
  /** Deletes in this transaction are not recorded as deletions (restores and undo). */
  noDeletionRecords?: boolean;
}

const flags = new WeakMap<object, TxFlags>();

/** The DBCore transaction behind Dexie's current one (throws outside a transaction). */
export function currentCoreTransaction(tx?: { idbtrans: unknown }): DBCoreTransaction {
  const t = (tx ?? Dexie.currentTransaction)?.idbtrans as DBCoreTransaction | undefined;
  if (!t) throw new Error('This must run inside a Dexie transaction.');
  return t;
}

/** Set flags on the current transaction (call first thing inside it). */
export function setTxFlags(f: TxFlags, tx?: { idbtrans: unknown }): void {
  const t = currentCoreTransaction(tx);
  flags.set(t, { ...flags.get(t), ...f });
}

export function txFlags(trans: DBCoreTransaction): TxFlags {
  return flags.get(trans) ?? {};
}

/** A per-transaction queue: runs jobs of one transaction one after another. */
export function serialized() {
  const tails = new WeakMap<object, Promise<unknown>>();
  return <R>(trans: DBCoreTransaction, job: () => Promise<R>): Promise<R> => {
    const prev = tails.get(trans) ?? Promise.resolve();
    const next = prev.then(job, job);
    tails.set(
      trans,
      next.catch(() => undefined),
    );
    return next;
  };
}

/** The keys a put or add request writes. */
export function keysOf(
  schema: { primaryKey: { extractKey: ((v: unknown) => unknown) | null } },
  req: { keys?: unknown[]; values: readonly unknown[] },
): unknown[] {
  return req.keys ?? req.values.map((v) => schema.primaryKey.extractKey!(v));
}

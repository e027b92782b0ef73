/**
 * The per-partner rollups (src/domain/stats.ts) kept right by a DBCore middleware: every write of
 * orders, content items, contracts, partners or settings, whoever makes it (a repository, an
 * import, Undo, a future sync engine), updates `partnerStats` in the same transaction. The
 * middleware adds the tables it needs to every read-write transaction that touches a source table,
 * as Dexie Cloud's own middleware adds its mutation tables.
 *
 * After each write the rollups of the partners it touched are updated (orders by delta, posts and
 * contract changes by re-reading that partner's rows through the indexes). A bulk writer may call
 * deferRollups() first and finishRollups() last: the changes are then gathered and applied once.
 *
 * Payments are summed the same way into `payoutSums` (src/domain/payout-sums.ts): every write of
 * payouts updates the sums of the period end dates it touched, by delta.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';
import {
  applyOrderDelta,
  buildAllStats,
  buildPartnerStats,
  packPosts,
  UNATTRIBUTED,
  type PartnerStats,
} from '../domain/stats';
import { defaultSettings, SETTINGS_ID } from '../domain/constants';
import type { ContentItem, Contract, Order, Partner, Payout, Settings } from '../domain/schemas';
import { applyPaidDelta, buildPaidBuckets, type PaidBucket } from '../domain/payout-sums';
import {
  CoreTable,
  currentCoreTransaction,
  keysOf,
  markChanged,
  serialized,
  setTxFlags,
  txFlags,
} from './core';

const SOURCES = new Set(['orders', 'contentItems', 'contracts', 'partners', 'settings', 'payouts']);
/** What a rollup update reads and writes, added to every read-write transaction on a source. */
const NEEDED = ['orders', 'contentItems', 'contracts', 'partners', 'settings', 'partnerStats'];
/** What the payment sums' update reads and writes, added to read-write transactions on payouts. */
const PAID_NEEDED = ['payouts', 'payoutSums'];

/** Changes gathered for the rollups, applied by flush(). */
interface Work {
  removed: Map<string, Order[]>;
  added: Map<string, Order[]>;
  /** Partners whose posts must be read again. */
  posts: Set<string>;
  /** Partners whose rollup must be rebuilt from their rows (contracts changed). */
  full: Set<string>;
  /** Partners created or deleted. */
  touched: Set<string>;
  /** Everything is rebuilt (a table was cleared, or the time zone changed). */
  all: boolean;
  /** Payments written (their previous versions in paidRemoved), for the payment sums. */
  paidRemoved: Payout[];
  paidAdded: Payout[];
  /** The payment sums are rebuilt (payouts cleared, or written without reading them first). */
  paidAll: boolean;
}

const newWork = (): Work => ({
  removed: new Map(),
  added: new Map(),
  posts: new Set(),
  full: new Set(),
  touched: new Set(),
  all: false,
  paidRemoved: [],
  paidAdded: [],
  paidAll: false,
});

const pushTo = (m: Map<string, Order[]>, o: Order) => {
  const k = o.partnerId ?? UNATTRIBUTED;
  const l = m.get(k);
  if (l) l.push(o);
  else m.set(k, [o]);
};

const deferred = new WeakMap<object, Work>();
/** Rows a writer read already, per transaction and table: the versions its next write replaces. */
const knownBefore = new WeakMap<object, Map<string, Map<unknown, unknown>>>();

/**
 * Hand over the stored versions of rows about to be written in the current transaction (a writer
 * that read them anyway, such as an import's undo log): the next write of those keys then needs no
 * read of its own. `undefined` marks a key known to be absent.
 */
export function provideBefore(table: string, rows: Iterable<[unknown, unknown]>): void {
  const t = currentCoreTransaction();
  let byTable = knownBefore.get(t);
  if (!byTable) knownBefore.set(t, (byTable = new Map()));
  let m = byTable.get(table);
  if (!m) byTable.set(table, (m = new Map()));
  for (const [k, v] of rows) m.set(k, v);
}

/** The handed-over versions of `keys`, used once, or null when any is unknown. */
function takeKnown(trans: object, table: string, keys: readonly unknown[]): unknown[] | null {
  const m = knownBefore.get(trans)?.get(table);
  if (!m || !keys.every((k) => m.has(k))) return null;
  const out = keys.map((k) => m.get(k));
  for (const k of keys) m.delete(k);
  return out;
}
const cores = new WeakMap<object, DBCore>();
const queue = serialized();

/**
 * The caller rebuilds every rollup itself at the end of the current transaction (a restore writes
 * them from the backup's rows): writes until then need no reading of the rows they replace.
 */
export function rollupsRebuiltByCaller(): void {
  deferRollups();
  deferred.get(currentCoreTransaction())!.all = true;
}

/** Gather rollup changes of the current transaction and apply them in finishRollups(). */
export function deferRollups(tx?: { idbtrans: unknown }): void {
  const t = currentCoreTransaction(tx);
  setTxFlags({ deferRollups: true }, tx);
  if (!deferred.has(t)) deferred.set(t, newWork());
}

/**
 * Apply the changes gathered since deferRollups() (inside the same transaction). With `discard`,
 * they are dropped: the caller writes rollups it built from the rows it wrote (a restore). A
 * caller that discards after writing payouts hands over every stored payment (`payouts`, the
 * table as it now is), from which the payment sums are written whole.
 */
export async function finishRollups(
  opts: { discard?: boolean; payouts?: readonly Payout[] } = {},
  tx?: { idbtrans: unknown },
): Promise<void> {
  const t = currentCoreTransaction(tx);
  const work = deferred.get(t);
  const core = cores.get(t);
  deferred.delete(t);
  setTxFlags({ deferRollups: false }, tx);
  if (!core) return;
  if (opts.discard) {
    const payouts = opts.payouts;
    if (payouts) await queue(t, () => writeAllPaid(core, t, payouts));
    return;
  }
  if (work) await queue(t, () => flush(core, t, work));
}

/** Write the payment sums whole from every stored payment. */
async function writeAllPaid(core: DBCore, trans: DBCoreTransaction, payouts: readonly Payout[]) {
  const sums = new CoreTable<PaidBucket>(core, trans, 'payoutSums');
  await sums.clear();
  await sums.put(buildPaidBuckets(payouts));
}

/** Apply gathered payment changes to the stored payment sums. */
async function flushPaid(core: DBCore, trans: DBCoreTransaction, w: Work): Promise<void> {
  if (w.paidAll) {
    const payouts = await new CoreTable<Payout>(core, trans, 'payouts').query();
    return writeAllPaid(core, trans, payouts);
  }
  if (w.paidRemoved.length === 0 && w.paidAdded.length === 0) return;
  const sums = new CoreTable<PaidBucket>(core, trans, 'payoutSums');
  const ends = [...new Set([...w.paidRemoved, ...w.paidAdded].map((p) => p.periodEnd))];
  const found = await sums.getMany(ends);
  const { put, deleted } = applyPaidDelta(
    new Map(ends.map((e, i) => [e, found[i]])),
    w.paidRemoved,
    w.paidAdded,
  );
  await sums.delete(deleted);
  await sums.put(put);
}

async function timeZoneOf(core: DBCore, trans: DBCoreTransaction): Promise<string> {
  const s = await new CoreTable<Settings>(core, trans, 'settings').get(SETTINGS_ID);
  return s?.timeZone ?? defaultSettings(0).timeZone;
}

/** Apply gathered changes to the stored rollups, reading the rows as they are now. */
async function flush(core: DBCore, trans: DBCoreTransaction, w: Work): Promise<void> {
  const T = <R>(name: string) => new CoreTable<R>(core, trans, name);
  await flushPaid(core, trans, w);
  if (!w.all && w.removed.size + w.added.size + w.posts.size + w.full.size + w.touched.size === 0)
    return;
  const stats = T<PartnerStats>('partnerStats');
  const tz = await timeZoneOf(core, trans);
  if (w.all) {
    const [partners, orders, content, contracts] = await Promise.all([
      T<Partner>('partners').query(),
      T<Order>('orders').query(),
      T<ContentItem>('contentItems').query(),
      T<Contract>('contracts').query(),
    ]);
    const built = buildAllStats(
      partners.map((p) => p.id),
      orders,
      content,
      contracts,
      tz,
    );
    await stats.clear();
    await stats.put(built);
    return;
  }
  const ids = [
    ...new Set([...w.removed.keys(), ...w.added.keys(), ...w.posts, ...w.full, ...w.touched]),
  ];
  if (ids.length === 0) return;
  const real = ids.filter((id) => id !== UNATTRIBUTED);
  const found = await T<Partner>('partners').getMany(real);
  const exists = new Set(real.filter((_, i) => found[i] !== undefined));
  exists.add(UNATTRIBUTED);
  const gone = ids.filter((id) => !exists.has(id));
  const live = ids.filter((id) => exists.has(id));
  const [current, contracts] = await Promise.all([
    stats.getMany(live),
    contractsOf(T<Contract>('contracts'), live),
  ]);
  const next = await Promise.all(
    live.map(async (id, i) => {
      const cur = current[i];
      const mine = id === UNATTRIBUTED ? [] : (contracts.get(id) ?? []);
      const rebuild = cur === undefined || w.full.has(id);
      const content =
        id === UNATTRIBUTED || !(rebuild || w.posts.has(id))
          ? null
          : await T<ContentItem>('contentItems').withPrefix(['partnerId', 'plannedDate'], id);
      if (rebuild) {
        const orders =
          id === UNATTRIBUTED
            ? (await T<Order>('orders').query()).filter((o) => o.partnerId === null)
            : await T<Order>('orders').withPrefix(['partnerId', 'placedAtMs'], id);
        return buildPartnerStats(id, orders, content ?? [], mine, tz);
      }
      const removed = w.removed.get(id);
      const added = w.added.get(id);
      if (!removed && !added && !content) return null; // only the partner row changed
      let s: PartnerStats =
        removed || added ? applyOrderDelta(cur, id, removed ?? [], added ?? [], mine, tz) : cur;
      if (content) s = { ...s, posts: packPosts(content) };
      return s;
    }),
  );
  await stats.delete(gone);
  await stats.put(next.filter((s): s is PartnerStats => s !== null));
}

/** Partners' contracts: one index read each for a few partners, the whole table for many. */
async function contractsOf(
  table: CoreTable<Contract>,
  ids: readonly string[],
): Promise<Map<string, Contract[]>> {
  const rows =
    ids.length < 64
      ? (await Promise.all(ids.map((id) => table.query('partnerId', id, id)))).flat()
      : await table.query();
  const m = new Map<string, Contract[]>();
  for (const c of rows) {
    const l = m.get(c.partnerId);
    if (l) l.push(c);
    else m.set(c.partnerId, [c]);
  }
  return m;
}

/** Note what a mutation of `table` changes, given the rows before and the request. */
function note(w: Work, table: string, req: DBCoreMutateRequest, before: unknown[]): void {
  if (req.type === 'deleteRange') {
    if (table === 'payouts') w.paidAll = true;
    else w.all = true;
    return;
  }
  const after = req.type === 'delete' ? [] : (req.values as unknown[]);
  switch (table) {
    case 'payouts':
      for (const p of before) if (p) w.paidRemoved.push(p as Payout);
      for (const p of after) w.paidAdded.push(p as Payout);
      return;
    case 'orders':
      for (const o of before) if (o) pushTo(w.removed, o as Order);
      for (const o of after) pushTo(w.added, o as Order);
      return;
    case 'contentItems':
      for (const c of [...before, ...after]) if (c) w.posts.add((c as ContentItem).partnerId);
      return;
    case 'contracts':
      for (const c of [...before, ...after]) if (c) w.full.add((c as Contract).partnerId);
      return;
    case 'partners':
      for (const p of [...before, ...after]) if (p) w.touched.add((p as Partner).id);
      return;
    case 'settings': {
      const tz = (s: unknown) => (s as Settings | undefined)?.timeZone;
      const old = before.map(tz);
      const now = after.map(tz);
      if (req.type === 'delete' || old.some((z, i) => z !== now[i])) w.all = true;
      return;
    }
  }
}

function hasTable(core: DBCore, name: string): boolean {
  try {
    core.table(name);
    return true;
  } catch {
    return false;
  }
}

/** Installs the rollup upkeep on a database. */
export const rollupsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'PartnerRollups',
  // Under Dexie's observability, cache and hooks layers (level 0 and up), which need Dexie's
  // transaction zone on every write: this layer writes after awaiting reads, where native
  // promises need not carry that zone. Live queries learn of its writes through markChanged.
  level: -0.4,
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const all =
          mode === 'readwrite' && stores.some((s) => SOURCES.has(s))
            ? [
                ...new Set([
                  ...stores,
                  ...NEEDED,
                  ...(stores.includes('payouts') ? PAID_NEEDED : []),
                ]),
              ]
            : stores;
        const trans = down.transaction(all, mode, options);
        cores.set(trans, down);
        return trans;
      },
      table(name) {
        const table = down.table(name);
        if (!SOURCES.has(name)) return table;
        return {
          ...table,
          mutate(req) {
            cores.set(req.trans, down);
            return queue(req.trans, async () => {
              const keys =
                req.type === 'deleteRange'
                  ? []
                  : req.type === 'delete'
                    ? req.keys
                    : keysOf(table.schema as never, req);
              const flags = txFlags(req.trans);
              const needed =
                keys.length > 0 &&
                (name !== 'partners' || req.type === 'delete') &&
                // Everything is rebuilt at the end anyway.
                !(flags.deferRollups && deferred.get(req.trans)?.all);
              const before = needed
                ? (takeKnown(req.trans, name, keys) ??
                  (await table.getMany({ trans: req.trans, keys })))
                : [];
              const res = await table.mutate(req);
              // (No payment sums yet while an upgrade from before version 9 runs.)
              if (name !== 'payouts') markChanged(down, req, ['partnerStats']);
              else if (hasTable(down, 'payoutSums')) markChanged(down, req, ['payoutSums']);
              const w = txFlags(req.trans).deferRollups
                ? (deferred.get(req.trans) ?? newWork())
                : newWork();
              note(w, name, req, before);
              // Payments written without their previous versions: the sums are summed again.
              if (name === 'payouts' && keys.length > 0 && !needed) w.paidAll = true;
              if (txFlags(req.trans).deferRollups) deferred.set(req.trans, w);
              else await flush(down, req.trans, w);
              return res;
            });
          },
        };
      },
    };
  },
};

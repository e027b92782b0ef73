/**
 * Orders: reads through the indexes the screens query by, and every write in one transaction.
 * The rollups follow every write by themselves (src/db/rollups.ts). Imports are planned first
 * (nothing written), then applied all-or-nothing with an undo log.
 */
import {
  attributeOrder,
  buildAttributionIndex,
  manualCredit,
  type AttributionIndex,
} from '../domain/attribution';
import { normalizeCode, orderRecordId } from '../domain/ids';
import { orderCodes } from '../domain/codes';
import {
  buildImportPlan,
  type ImportPlan,
  type IncomingOrder,
  type PlanProblem,
} from '../domain/import-plan';
import { isPlainValidOrder } from '../domain/order-check';
import { orderSchema, type Order, type Settings } from '../domain/schemas';
import type { PawtnersDb } from './db';
import { deferRollups, finishRollups } from './rollups';
import { readSettings } from './repo';
import { checkVersion, StaleWriteError } from './stale';
import { UndoRecorder } from './undo';
import { writesDone } from './write-gate';

export { StaleWriteError };

/** Stored orders changed between the preview and the confirmation. */
export class ImportConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportConflictError';
  }
}

/** Rows per bulkPut inside an import's transaction. */
export const WRITE_CHUNK = 2000;

/** Every order as the schema wants it, or an error naming the first that is not. */
function validOrders(put: readonly Order[]): Order[] {
  return put.map((o) => {
    if (isPlainValidOrder(o)) return o;
    const r = orderSchema.safeParse(o);
    if (!r.success)
      throw new Error(
        `Order ${o.orderId} is not valid: ${r.error.issues[0]?.path.join('.')} ${r.error.issues[0]?.message}`,
      );
    return r.data;
  });
}

// ---------------------------------------------------------------------------------------------
// Reads

/** One order by its record id. */
export function getOrder(db: PawtnersDb, id: string): Promise<Order | undefined> {
  return db.orders.get(id);
}

export function countOrders(db: PawtnersDb): Promise<number> {
  return db.orders.count();
}

/** What the Sales list shows: a filter the indexes can answer, the rest checked per row. */
export interface OrderQuery {
  /** Placed at or after / before (epoch ms), from the date filter in the brand's time zone. */
  fromMs?: number;
  toMs?: number;
  /** A partner id, or null for orders credited to nobody; undefined for everyone. */
  partnerId?: string | null;
  /** Checked on each row the index range yields (status, method, kind...). */
  keep?: (o: Order) => boolean;
}

function rangeOf(db: PawtnersDb, q: OrderQuery) {
  const lo = q.fromMs ?? -Infinity;
  const hi = q.toMs ?? Infinity;
  const base =
    typeof q.partnerId === 'string'
      ? db.orders.where('[partnerId+placedAtMs]').between([q.partnerId, lo], [q.partnerId, hi])
      : db.orders.where('placedAtMs').between(lo, hi, true, true);
  const keep = q.keep;
  const nobody = q.partnerId === null;
  return nobody || keep
    ? base.filter((o) => (!nobody || o.partnerId === null) && (!keep || keep(o)))
    : base;
}

/** Orders read per step when a query checks rows (see listOrders). */
const CHECK_CHUNK = 1000;

/**
 * The orders of a query, newest first, `limit` from `offset`. The index skips to `offset` by
 * itself; a query with a per-row check (or "credited to nobody") reads the range in chunks and
 * checks them here, far sooner than a cursor stepping row by row.
 */
export async function listOrders(
  db: PawtnersDb,
  q: OrderQuery,
  offset: number,
  limit: number,
): Promise<Order[]> {
  if (!q.keep && q.partnerId !== null)
    return rangeOf(db, q).reverse().offset(offset).limit(limit).toArray();
  const out: Order[] = [];
  let skip = offset;
  const take = (rows: Order[]) => {
    const from = Math.min(skip, rows.length);
    skip -= from;
    for (let i = from; i < rows.length && out.length < limit; i++) out.push(rows[i]!);
  };
  await forEachOrder(db, q, take, CHECK_CHUNK, () => out.length >= limit);
  return out;
}

/** How many orders a query matches. */
export function countOrdersWhere(db: PawtnersDb, q: OrderQuery): Promise<number> {
  return rangeOf(db, q).count();
}

/**
 * Every order of a query, about `size` at a time, newest first, with `each` called per chunk
 * (totals over many orders without one long task or one long transaction). Each chunk is one
 * indexed range read that starts where the last one ended (no offset to skip again), so going
 * through 300,000 orders reads each once. Stops when `stop()` says so. A background walk passes
 * `pace` (writesDone), awaited before each chunk, so an edit never waits behind the walk.
 */
export async function forEachOrder(
  db: PawtnersDb,
  q: OrderQuery,
  each: (orders: Order[]) => void,
  size = 5000,
  stop: () => boolean = () => false,
  pace?: () => Promise<void>,
): Promise<void> {
  const lo = q.fromMs ?? -Infinity;
  let hi = q.toMs ?? Infinity;
  const partner = typeof q.partnerId === 'string' ? q.partnerId : undefined;
  const nobody = q.partnerId === null;
  // The orders placed at exactly `hi` that an earlier chunk already handed out.
  let seenAtHi = new Set<string>();
  for (;;) {
    if (pace) await pace();
    if (stop()) return;
    const range =
      partner !== undefined
        ? db.orders
            .where('[partnerId+placedAtMs]')
            .between([partner, lo], [partner, hi], true, true)
        : db.orders.where('placedAtMs').between(lo, hi, true, true);
    const limit = size + seenAtHi.size;
    const rows = await range.reverse().limit(limit).toArray();
    const fresh = seenAtHi.size ? rows.filter((o) => !seenAtHi.has(o.id)) : rows;
    const kept =
      nobody || q.keep
        ? fresh.filter((o) => (!nobody || o.partnerId === null) && (!q.keep || q.keep(o)))
        : fresh;
    if (kept.length) each(kept);
    if (rows.length < limit || fresh.length === 0) return;
    const last = fresh[fresh.length - 1]!.placedAtMs;
    if (last !== hi) seenAtHi = new Set();
    hi = last;
    for (const o of fresh) if (o.placedAtMs === hi) seenAtHi.add(o.id);
  }
}

/** A partner's orders placed in [fromMs, toMs] (all of them without a range), oldest first. */
export function ordersOfPartner(
  db: PawtnersDb,
  partnerId: string,
  fromMs = -Infinity,
  toMs = Infinity,
): Promise<Order[]> {
  return db.orders
    .where('[partnerId+placedAtMs]')
    .between([partnerId, fromMs], [partnerId, toMs], true, true)
    .toArray();
}

/** Orders placed in [fromMs, toMs], oldest first. */
export function ordersBetween(db: PawtnersDb, fromMs: number, toMs: number): Promise<Order[]> {
  return db.orders.where('placedAtMs').between(fromMs, toMs, true, true).toArray();
}

/** Every stored order (reports over all history; prefer the ranged reads). */
export function allOrders(db: PawtnersDb): Promise<Order[]> {
  return db.orders.toArray();
}

/**
 * Distinct codes used on orders (any case), from the codes index without reading orders. It
 * jumps from one code to the next (an index walk of every entry takes seconds at 300,000
 * orders), `step` codes per short read-only transaction, each begun once no edit of this window
 * is waiting (writesDone), so it never holds up other reads or an edit. Not for live queries.
 */
export async function usedCodes(
  db: PawtnersDb,
  step = 25,
  stopped: () => boolean = () => false,
): Promise<string[]> {
  const out: string[] = [];
  for (;;) {
    await writesDone();
    if (stopped()) return out;
    const done = await db.transaction('r', db.orders, async () => {
      for (let n = 0; n < step; n++) {
        const last = out[out.length - 1];
        const from =
          last === undefined ? db.orders.orderBy('codes') : db.orders.where('codes').above(last);
        const [next] = (await from.limit(1).keys()) as string[];
        if (next === undefined) return true;
        out.push(next);
      }
      return false;
    });
    if (done) return out;
  }
}

/**
 * The currencies stored orders are in, from the [currency+placedAtMs] index: one short jump per
 * currency, never a walk of the orders.
 */
export async function orderCurrencies(db: PawtnersDb): Promise<string[]> {
  const out: string[] = [];
  for (;;) {
    const last = out[out.length - 1];
    const from =
      last === undefined
        ? db.orders.orderBy('[currency+placedAtMs]')
        : db.orders.where('[currency+placedAtMs]').above([last, Infinity]);
    const [next] = (await from.limit(1).keys()) as unknown as [string, number][];
    if (next === undefined) return out;
    out.push(next[0]);
  }
}

/** Orders in one currency placed in [fromMs, toMs], through the [currency+placedAtMs] index. */
export function ordersInCurrency(
  db: PawtnersDb,
  currency: string,
  fromMs: number,
  toMs: number,
): Promise<Order[]> {
  return db.orders
    .where('[currency+placedAtMs]')
    .between([currency, fromMs], [currency, toMs], true, true)
    .toArray();
}

/**
 * Orders in any currency but `currency` placed in [fromMs, toMs]: the other currencies from the
 * index (one jump each), then only their orders of the period.
 */
export async function ordersNotInCurrency(
  db: PawtnersDb,
  currency: string,
  fromMs: number,
  toMs: number,
): Promise<Order[]> {
  const others = (await orderCurrencies(db)).filter((c) => c !== currency);
  const lists = await Promise.all(others.map((c) => ordersInCurrency(db, c, fromMs, toMs)));
  return lists.flat();
}

/**
 * Orders whose number starts with `text` ("1001" finds "#1001" and "1001-2"), at most `limit`,
 * from the primary key (source:number): one jump per order source, then a prefix range each.
 */
export async function findOrdersByNumber(
  db: PawtnersDb,
  text: string,
  limit: number,
): Promise<Order[]> {
  const q = text.trim().replace(/^#/, '');
  if (q === '') return [];
  const sources: string[] = [];
  for (;;) {
    const last = sources[sources.length - 1];
    const from =
      last === undefined
        ? db.orders.orderBy(':id')
        : db.orders.where(':id').above(`${last}:\uffff`);
    const [id] = (await from.limit(1).primaryKeys()) as string[];
    if (id === undefined) break;
    sources.push(id.slice(0, id.indexOf(':')));
  }
  const out: Order[] = [];
  for (const src of sources)
    for (const prefix of [`${src}:${q}`, `${src}:#${q}`]) {
      if (out.length >= limit) return out;
      out.push(
        ...(await db.orders
          .where(':id')
          .startsWithIgnoreCase(prefix)
          .limit(limit - out.length)
          .toArray()),
      );
    }
  return out;
}

/**
 * A read that costs nothing and that a live query (useLiveQuery) runs again after ANY write to
 * orders, anywhere (put or delete: the whole primary-key range is observed): for screens that
 * redo work outside the live query when orders change (totals summed in the background).
 */
export async function ordersChangeProbe(db: PawtnersDb): Promise<void> {
  await db.orders.limit(1).primaryKeys();
}

/**
 * Uncredited orders that used a code, compared case-insensitively, also where it is stored among
 * other codes in one value (orders stored before stacked codes were split: `EARLY30 + PARTNER10`).
 * The index's distinct values are walked once (one step per distinct code, not per order).
 */
async function uncreditedWithCode(db: PawtnersDb, code: string): Promise<Order[]> {
  const k = normalizeCode(code);
  const values = (await db.orders.orderBy('codes').uniqueKeys()) as string[];
  const stored = values.filter((v) => orderCodes([v]).some((c) => normalizeCode(c) === k));
  if (stored.length === 0) return [];
  const rows = await db.orders
    .where('codes')
    .anyOf(stored)
    .filter((o) => o.partnerId === null)
    .toArray();
  return [...new Map(rows.map((o) => [o.id, o])).values()];
}

/**
 * Orders credited to nobody that used any of these codes, each once. The codes are matched as
 * stored (as usedCodes gives them), so pass every spelling.
 */
export async function uncreditedWithAnyCode(
  db: PawtnersDb,
  codes: readonly string[],
  stopped: () => boolean = () => false,
): Promise<Order[]> {
  // One short read per code, not one long read for all, each once no edit is waiting (a
  // background read: not for live queries).
  const byId = new Map<string, Order>();
  for (const code of new Set(codes)) {
    await writesDone();
    if (stopped()) break;
    const rows = await db.orders
      .where('codes')
      .equals(code)
      .filter((o) => o.partnerId === null)
      .toArray();
    for (const o of rows) byId.set(o.id, o);
  }
  return [...byId.values()];
}

// ---------------------------------------------------------------------------------------------
// Writes

/**
 * Put and delete orders in one transaction (joining the caller's when there is one), validated
 * first. Returns the versions it replaced: those of `put`, then of `deleteIds`.
 */
export async function writeOrders(
  db: PawtnersDb,
  put: readonly Order[],
  deleteIds: readonly string[] = [],
): Promise<(Order | undefined)[]> {
  const valid = validOrders(put);
  return db.transaction('rw', db.orders, async () => {
    const before = await db.orders.bulkGet([...valid.map((o) => o.id), ...deleteIds]);
    if (valid.length) await db.orders.bulkPut(valid);
    if (deleteIds.length) await db.orders.bulkDelete([...deleteIds]);
    return before;
  });
}

/** The brand's customer salt, created once (random) when still empty. */
export async function ensureCustomerSalt(
  db: PawtnersDb,
  makeSalt: () => string,
): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const s = await readSettings(db);
    if (s.customerSalt !== '') return s;
    const next = { ...s, customerSalt: makeSalt(), updatedAt: Date.now() };
    await db.settings.put(next);
    return next;
  });
}

const FEW_ORDERS = 2000;

/**
 * Which of `ids` are stored: one key-only read per source they come from (an order's id is
 * `<source>:<number>`), of the ids between the lowest and the highest asked for. A file of new
 * orders then costs no lookup per order: on disk, each lookup is a request of its own.
 */
export async function storedOrderIds(db: PawtnersDb, ids: readonly string[]): Promise<Set<string>> {
  const wanted = new Set(ids);
  // A few orders: looked up one by one (cheaper than the keys of a whole source).
  if (wanted.size <= FEW_ORDERS)
    return new Set(
      await db.orders
        .where(':id')
        .anyOf([...wanted])
        .primaryKeys(),
    );
  // Per source, only the stretch of ids between the file's lowest and highest: a new export's
  // order numbers mostly lie beyond those stored.
  const span = new Map<string, [string, string]>();
  for (const id of wanted) {
    const source = id.slice(0, id.indexOf(':') + 1);
    const s = span.get(source);
    if (!s) span.set(source, [id, id]);
    else if (id < s[0]) s[0] = id;
    else if (id > s[1]) s[1] = id;
  }
  const out = new Set<string>();
  for (const [low, high] of span.values()) {
    const keys = await db.orders.where(':id').between(low, high, true, true).primaryKeys();
    for (const k of keys) if (wanted.has(k)) out.add(k);
  }
  return out;
}

async function attributionIndex(db: PawtnersDb): Promise<AttributionIndex> {
  return buildAttributionIndex(await db.partners.toArray());
}

/**
 * Preview an import against what is stored. Writes nothing. Reads only the stored versions of
 * the orders in the file (by id).
 */
export async function planOrderImport(
  db: PawtnersDb,
  source: string,
  incoming: readonly IncomingOrder[],
  problems: readonly PlanProblem[],
  now = Date.now(),
  extra: Pick<Parameters<typeof buildImportPlan>[0], 'warnings' | 'keepStored' | 'wording'> = {},
): Promise<ImportPlan> {
  const ids = incoming.map((o) => orderRecordId(o.source, o.orderId));
  const [settings, attribution, stored] = await Promise.all([
    readSettings(db),
    attributionIndex(db),
    storedOrderIds(db, ids).then((there) => db.orders.bulkGet(ids.filter((id) => there.has(id)))),
  ]);
  const map = new Map<string, Order>();
  for (const o of stored) if (o) map.set(o.id, o);
  return buildImportPlan({
    source,
    incoming,
    problems,
    stored: map,
    index: attribution,
    rule: settings.multiCodeRule,
    now,
    wording: { locale: settings.locale, partnerName: () => undefined },
    ...extra,
  });
}

export interface ApplyImportOptions {
  /** Save the source's column mapping in the same transaction. */
  remember?: (settings: Settings) => Settings;
  onProgress?: (done: number, total: number) => void;
  reason?: string;
  now?: number;
}

/**
 * Write what the preview showed, all or nothing, in one transaction: the orders in chunks, an
 * undo log of what they replace, and the rollups once at the end. Refused when any of those
 * orders changed since the preview, or a partner they are credited to was deleted meanwhile.
 */
export async function applyOrderImport(
  db: PawtnersDb,
  plan: ImportPlan,
  opts: ApplyImportOptions = {},
): Promise<{ written: number; undoId: string }> {
  const orders = validOrders(plan.toWrite);
  const now = opts.now ?? Date.now();
  const undoId = await db.transaction(
    'rw',
    [db.orders, db.partners, db.settings, db.deletions, db.undoLog, db.undoRows],
    async () => {
      deferRollups();
      const credited = [...new Set(orders.map((o) => o.partnerId).filter((p) => p !== null))];
      const found = await db.partners.bulkGet(credited);
      const gone = credited.filter((_, i) => !found[i]);
      if (gone.length)
        throw new ImportConflictError(
          'A partner these orders are credited to was deleted since the preview. Nothing was imported; preview the file again.',
        );
      const rec = new UndoRecorder(db);
      await rec.captureWhole('deletions');
      await rec.capture('settings', [(await readSettings(db)).id]);
      let stale = 0;
      const stored = await storedOrderIds(
        db,
        orders.map((o) => o.id),
      );
      for (let i = 0; i < orders.length; i += WRITE_CHUNK) {
        const chunk = orders.slice(i, i + WRITE_CHUNK);
        const before = await rec.capture<Order>(
          'orders',
          chunk.map((o) => o.id),
          stored,
        );
        for (const o of chunk)
          if ((before.get(o.id)?.updatedAt ?? null) !== plan.baseVersions[o.id]) stale += 1;
        if (stale)
          throw new ImportConflictError(
            `${stale} order${stale === 1 ? '' : 's'} changed since the preview was made. Nothing was imported; preview the file again.`,
          );
        await db.orders.bulkPut(chunk);
        opts.onProgress?.(Math.min(i + WRITE_CHUNK, orders.length), orders.length);
      }
      if (opts.remember) await db.settings.put(opts.remember(await readSettings(db)));
      await finishRollups();
      return rec.save(opts.reason ?? `Before importing ${plan.source} orders`, now);
    },
  );
  return { written: orders.length, undoId };
}

/** `o` credited to a partner (or to nobody) by hand at `now`: what reassignOrder stores. */
export function creditedByHand(
  o: Order,
  partnerId: string | null,
  reason: string,
  now: number,
): Order {
  const credit = manualCredit(partnerId, reason);
  return { ...o, partnerId: credit.partnerId, attribution: credit.attribution, updatedAt: now };
}

/** Credit an order to a partner (or to nobody) by hand, with the owner's reason. */
export async function reassignOrder(
  db: PawtnersDb,
  orderId: string,
  partnerId: string | null,
  reason: string,
  now = Date.now(),
  /** The updatedAt the owner's form was made from: refused if the order changed since. */
  expectedUpdatedAt?: number,
): Promise<{ before: Order; after: Order }> {
  return db.transaction('rw', [db.orders, db.partners], async () => {
    const o = await db.orders.get(orderId);
    if (!o) throw new Error('That order no longer exists.');
    checkVersion('this order', o, expectedUpdatedAt);
    if (partnerId !== null && !(await db.partners.get(partnerId)))
      throw new Error('That partner no longer exists.');
    const after = creditedByHand(o, partnerId, reason, now);
    await writeOrders(db, [after]);
    return { before: o, after };
  });
}

/**
 * Put back an order's credit as `version` had it (undo and redo of a credit by hand), unless the
 * order was deleted since.
 */
export async function restoreOrderCredit(
  db: PawtnersDb,
  version: Order,
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', [db.orders, db.partners], async () => {
    const o = await db.orders.get(version.id);
    if (!o) throw new Error('That order no longer exists.');
    if (version.partnerId !== null && !(await db.partners.get(version.partnerId)))
      throw new Error('That partner no longer exists.');
    await writeOrders(db, [
      { ...o, partnerId: version.partnerId, attribution: version.attribution, updatedAt: now },
    ]);
  });
}

/**
 * Give an unknown code to a partner and credit the uncredited orders that used it, in one
 * transaction. Codes stay unique across partners case-insensitively.
 */
export async function mapCodeToPartner(
  db: PawtnersDb,
  code: string,
  partnerId: string,
  now = Date.now(),
): Promise<number> {
  const trimmed = code.trim();
  if (trimmed === '') throw new Error('The code is empty.');
  return db.transaction('rw', [db.partners, db.orders, db.settings], async () => {
    const partners = await db.partners.toArray();
    const partner = partners.find((p) => p.id === partnerId);
    if (!partner) throw new Error('That partner no longer exists.');
    const owner = partners.find((p) =>
      p.codes.some((c) => normalizeCode(c) === normalizeCode(trimmed)),
    );
    if (owner && owner.id !== partnerId)
      throw new Error(`Code ${trimmed} already belongs to ${owner.name}.`);
    const updated = owner
      ? partner
      : { ...partner, codes: [...partner.codes, trimmed], updatedAt: now };
    if (!owner) await db.partners.put(updated);
    const settings = await readSettings(db);
    const index = buildAttributionIndex(partners.map((p) => (p.id === partnerId ? updated : p)));
    const credited: Order[] = [];
    for (const o of await uncreditedWithCode(db, trimmed)) {
      const r = attributeOrder(o, index, settings.multiCodeRule);
      if (r.partnerId !== null)
        credited.push({ ...o, partnerId: r.partnerId, attribution: r.attribution, updatedAt: now });
    }
    await writeOrders(db, credited);
    return credited.length;
  });
}

/** Add an order typed in by hand; a code on the order credits its partner. */
export async function addManualOrder(
  db: PawtnersDb,
  order: IncomingOrder,
  partnerId: string | null,
  reason: string,
  now = Date.now(),
): Promise<Order> {
  const { line: _line, ...fields } = order;
  return db.transaction('rw', [db.partners, db.orders, db.settings], async () => {
    const id = orderRecordId(fields.source, fields.orderId);
    if (await db.orders.get(id))
      throw new Error(`Order ${fields.orderId} from ${fields.source} already exists.`);
    const settings = await readSettings(db);
    const credit =
      partnerId !== null
        ? manualCredit(partnerId, reason)
        : attributeOrder(fields, await attributionIndex(db), settings.multiCodeRule);
    if (credit.partnerId !== null && !(await db.partners.get(credit.partnerId)))
      throw new Error('That partner no longer exists.');
    const record: Order = {
      ...fields,
      id,
      createdAt: now,
      updatedAt: now,
      partnerId: credit.partnerId,
      attribution: credit.attribution,
    };
    await writeOrders(db, [record]);
    return record;
  });
}

/**
 * Order repository. Every write of orders goes through `writeOrders`, always inside one Dexie
 * transaction, so later bookkeeping (daily rollups) has exactly one place to hook in. Imports are
 * planned first (nothing written), then applied all-or-nothing.
 */
import {
  attributeOrder,
  buildAttributionIndex,
  manualCredit,
  type AttributionIndex,
} from '../domain/attribution';
import { normalizeCode, orderRecordId } from '../domain/ids';
import {
  buildImportPlan,
  type ImportPlan,
  type IncomingOrder,
  type PlanProblem,
} from '../domain/import-plan';
import { isPlainValidOrder } from '../domain/order-check';
import { orderSchema, type Order, type Settings } from '../domain/schemas';
import { newCustomerSalt } from '../io/customer-key';
import type { PawtnersDb } from './db';
import { applyOrderChangesToStats, STATS_SOURCE_TABLES } from './stats';
import {
  findOrders,
  getOrder,
  getOrders,
  ORDER_TABLES,
  orderStore,
  putOrderRecords,
} from './order-pages';
import type { IndexSnapshot, PreparedPut } from './paged-store';
import { readSettings } from './repo';

/** Stored orders changed between the preview and the confirmation. */
export class ImportConflictError extends Error {
  constructor(count: number) {
    super(
      `${count} order${count === 1 ? '' : 's'} changed since the preview was made. Nothing was imported; preview the file again.`,
    );
    this.name = 'ImportConflictError';
  }
}

/** The stored order index changed after a write was prepared on it (see writeOrders). */
class IndexChangedError extends Error {}

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

/**
 * THE one writer of orders: validates every record, then puts and deletes in one transaction
 * (joining the caller's transaction when there is one). Returns the versions it replaced: those of
 * `put`, then of `deleteIds` (undefined where there was none). With `prepared` (the same orders,
 * already validated and placed by orderStore.preparePut), only the pages are written; if the index
 * changed since it was prepared, it throws IndexChangedError and the transaction writes nothing.
 */
export async function writeOrders(
  db: PawtnersDb,
  put: readonly Order[],
  deleteIds: readonly string[] = [],
  prepared?: PreparedPut<Order>,
): Promise<(Order | undefined)[]> {
  const valid = prepared ? put : validOrders(put);
  return db.transaction('rw', [...STATS_SOURCE_TABLES], async () => {
    // The stored versions come off the per-partner rollups, the new ones go on, in this transaction.
    if (!prepared) {
      const before = await putOrderRecords(db, valid, deleteIds);
      await applyOrderChangesToStats(db, before, valid);
      return before;
    }
    // The rollups start on the prepared versions while the pages are written (encoded ahead, or
    // as they go); both are undone if the orders turned out to have changed since the preview.
    const stats = applyOrderChangesToStats(db, prepared.before, valid);
    const [before] = await Promise.all([orderStore.commitPut(db, prepared), stats]);
    if (before === null) throw new IndexChangedError();
    return before;
  });
}

/** The brand's customer salt, created once (random) when still empty. */
export async function ensureCustomerSalt(db: PawtnersDb): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const s = await readSettings(db);
    if (s.customerSalt !== '') return s;
    const next = { ...s, customerSalt: newCustomerSalt(), updatedAt: Date.now() };
    await db.settings.put(next);
    return next;
  });
}

export async function attributionIndex(db: PawtnersDb): Promise<AttributionIndex> {
  return buildAttributionIndex(await db.partners.toArray());
}

/**
 * The order index as it is now. An import reads it while the file is still being parsed, plans
 * on it and prepares its write on it (see prepareOrderImport).
 */
export function readOrderIndex(db: PawtnersDb): Promise<IndexSnapshot> {
  return db.transaction('r', [...ORDER_TABLES], () => orderStore.snapshot(db));
}

/** What an import is planned against, read while its file is parsed. */
export interface ImportBasis {
  index: IndexSnapshot;
  settings: Settings;
  attribution: AttributionIndex;
}

export async function readImportBasis(db: PawtnersDb): Promise<ImportBasis> {
  const [index, settings, attribution] = await Promise.all([
    readOrderIndex(db),
    readSettings(db),
    attributionIndex(db),
  ]);
  return { index, settings, attribution };
}

/**
 * Preview an import against what is stored (or against `basis`, read before). Writes nothing.
 */
export async function planOrderImport(
  db: PawtnersDb,
  source: string,
  incoming: readonly IncomingOrder[],
  problems: readonly PlanProblem[],
  now = Date.now(),
  basis?: ImportBasis,
): Promise<ImportPlan> {
  const ids = incoming.map((o) => orderRecordId(o.source, o.orderId));
  const [settings, attribution, stored] = basis
    ? [basis.settings, basis.attribution, await orderStore.getManyIn(db, basis.index, ids)]
    : await Promise.all([
        readSettings(db),
        attributionIndex(db),
        db.transaction('r', [...ORDER_TABLES], () => getOrders(db, ids)),
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
  });
}

/**
 * A plan's write worked out on the index it was planned on, while the owner reads the preview
 * (pages read and merged; then encoded in the background, a page per task, until the write
 * takes over the rest): applyOrderImport then only writes them, unless any order was written
 * in between.
 */
export async function prepareOrderImport(
  db: PawtnersDb,
  plan: ImportPlan,
  index: IndexSnapshot,
): Promise<PreparedImport> {
  const orders = validOrders(plan.toWrite);
  const put = await orderStore.preparePut(db, index, orders);
  void orderStore.encodeAhead(put).catch(() => undefined); // the write encodes what is left
  return { orders, put };
}

/** A plan's orders as validated, and their write as prepared. */
export interface PreparedImport {
  orders: Order[];
  put: PreparedPut<Order>;
}

/**
 * Write what the preview showed, all or nothing. Refuses when any of those orders changed in the
 * meantime. Optionally remembers the column mapping used for this source in the same transaction.
 * With `prepared` (prepareOrderImport on the same plan) the write skips re-reading the index
 * when nothing was written since; otherwise it reads everything again, as without.
 */
export async function applyOrderImport(
  db: PawtnersDb,
  plan: ImportPlan,
  remember?: { source: string; mapping: Record<string, string> },
  prepared?: PreparedImport,
): Promise<number> {
  if (prepared) {
    try {
      return await writeImport(db, plan, remember, prepared);
    } catch (e) {
      if (!(e instanceof IndexChangedError)) throw e;
    }
  }
  return writeImport(db, plan, remember);
}

async function writeImport(
  db: PawtnersDb,
  plan: ImportPlan,
  remember: { source: string; mapping: Record<string, string> } | undefined,
  prepared?: PreparedImport,
): Promise<number> {
  await db.transaction('rw', [...STATS_SOURCE_TABLES], async () => {
    // The write returns the versions it replaced: if any is not the one the preview saw, throwing
    // here rolls the whole transaction back.
    const before = prepared
      ? await writeOrders(db, prepared.orders, [], prepared.put)
      : await writeOrders(db, plan.toWrite);
    const stale = plan.toWrite.filter(
      (o, i) => (before[i]?.updatedAt ?? null) !== plan.baseVersions[o.id],
    );
    if (stale.length > 0) throw new ImportConflictError(stale.length);
    if (remember) {
      const s = await readSettings(db);
      await db.settings.put({
        ...s,
        importMappings: { ...s.importMappings, [remember.source]: remember.mapping },
        updatedAt: Date.now(),
      });
    }
  });
  return plan.toWrite.length;
}

/** Credit an order to a partner (or to nobody) by hand, with the owner's reason. */
export async function reassignOrder(
  db: PawtnersDb,
  orderId: string,
  partnerId: string | null,
  reason: string,
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', [db.partners, ...STATS_SOURCE_TABLES], async () => {
    const o = await getOrder(db, orderId);
    if (!o) throw new Error('That order no longer exists.');
    if (partnerId !== null && !(await db.partners.get(partnerId)))
      throw new Error('That partner no longer exists.');
    const credit = manualCredit(partnerId, reason);
    await writeOrders(db, [
      { ...o, partnerId: credit.partnerId, attribution: credit.attribution, updatedAt: now },
    ]);
  });
}

/** Orders carrying a code (any case) that are credited to nobody. */
function uncreditedWithCode(orders: readonly Order[], code: string): Order[] {
  const k = normalizeCode(code);
  return orders.filter((o) => o.partnerId === null && o.codes.some((c) => normalizeCode(c) === k));
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
  return db.transaction('rw', [db.partners, ...STATS_SOURCE_TABLES], async () => {
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
    const candidates = uncreditedWithCode(
      await findOrders(db, (o) => o.partnerId === null),
      trimmed,
    );
    const credited: Order[] = [];
    for (const o of candidates) {
      const r = attributeOrder(o, index, settings.multiCodeRule);
      if (r.partnerId !== null)
        credited.push({ ...o, partnerId: r.partnerId, attribution: r.attribution, updatedAt: now });
    }
    await writeOrders(db, credited);
    return credited.length;
  });
}

/** Add (or replace) orders typed in by hand; a code on the order credits its partner. */
export async function addManualOrder(
  db: PawtnersDb,
  order: IncomingOrder,
  partnerId: string | null,
  reason: string,
  now = Date.now(),
): Promise<Order> {
  const { line: _line, ...fields } = order;
  return db.transaction('rw', [db.partners, ...STATS_SOURCE_TABLES], async () => {
    const id = orderRecordId(fields.source, fields.orderId);
    if (await getOrder(db, id))
      throw new Error(`Order ${fields.orderId} from ${fields.source} already exists.`);
    const settings = await readSettings(db);
    const credit =
      partnerId !== null
        ? manualCredit(partnerId, reason)
        : attributeOrder(fields, await attributionIndex(db), settings.multiCodeRule);
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

/**
 * Order storage in pages. A brand accumulates hundreds of thousands of orders, and IndexedDB in
 * Chromium pays a large fixed cost per stored record (about 0.15 ms here, whatever its size), so
 * orders are kept a page at a time: up to ORDERS_PER_PAGE orders of one calendar month (UTC, of
 * `placedAtMs`) per record in `orderPages`, with a small `orderIndex` record per page listing its
 * order ids, so an order is found by id without reading the pages. Writing 100,000 orders is
 * then about 50 records instead of 100,000, and reading the whole table about 150.
 *
 * Every function takes anything with Dexie's `table(name)` (the database or an upgrade
 * transaction) and must run inside a transaction covering ORDER_TABLES when it writes; it opens
 * none itself, so callers keep their writes all-or-nothing with the rollups.
 */
import type { Table } from 'dexie';
import type { Order } from '../domain/schemas';

/** The object stores behind the orders. */
export const ORDER_TABLES = ['orderPages', 'orderIndex'] as const;

/** Orders per stored page: about 1 MB, far under Chromium's limit of about 128 MB per value. */
export const ORDERS_PER_PAGE = 2000;

/** Pages per read request: about 8,000 orders, some 50 ms of deserializing. */
const PAGES_PER_READ = 4;

/** One stored page: orders of one month, sorted by `placedAtMs` then id. */
export interface OrderPage {
  /** `YYYY-MM.NNNN`: the month, then the page's number within it. */
  key: string;
  orders: Order[];
}

/** The ids of one page's orders, in the page's order. */
export interface OrderIndexEntry {
  key: string;
  ids: string[];
}

interface TableSource {
  table(name: string): Table;
}

const pagesOf = (s: TableSource) => s.table('orderPages') as Table<OrderPage, string>;
const indexOf = (s: TableSource) => s.table('orderIndex') as Table<OrderIndexEntry, string>;

/** The month (UTC) an order is filed under. */
export function orderMonth(placedAtMs: number): string {
  return new Date(placedAtMs).toISOString().slice(0, 7);
}

const monthOfKey = (key: string) => key.slice(0, 7);
const pageKey = (month: string, n: number) => `${month}.${String(n).padStart(4, '0')}`;

function byTime(a: Order, b: Order): number {
  return a.placedAtMs - b.placedAtMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** How many orders are stored. */
export async function countOrders(s: TableSource): Promise<number> {
  let n = 0;
  await indexOf(s).each((e) => {
    n += e.ids.length;
  });
  return n;
}

/** Calls `each` with every stored page's orders, oldest month first. */
export async function forEachOrderPage(
  s: TableSource,
  each: (orders: Order[]) => void | Promise<void>,
): Promise<void> {
  // A handful of pages per request: memory stays flat, requests stay few, and no task that
  // deserializes a result runs long.
  let last: string | null = null;
  for (;;) {
    const pages: OrderPage[] = await (last === null
      ? pagesOf(s).orderBy(':id').limit(PAGES_PER_READ).toArray()
      : pagesOf(s).where(':id').above(last).limit(PAGES_PER_READ).toArray());
    for (const p of pages) {
      const pending = each(p.orders);
      if (pending) await pending;
    }
    if (pages.length < PAGES_PER_READ) return;
    last = pages[pages.length - 1]!.key;
  }
}

/** Every stored order, oldest first. */
export async function allOrders(s: TableSource): Promise<Order[]> {
  // A few pages per request (forEachOrderPage), never one request for all: the browser
  // deserializes a request's result in one task, which for 300,000 orders froze the window.
  const out: Order[] = [];
  await forEachOrderPage(s, (orders) => {
    for (const o of orders) out.push(o);
  });
  return out;
}

/** The stored orders that pass `keep`, oldest first. */
export async function findOrders(s: TableSource, keep: (o: Order) => boolean): Promise<Order[]> {
  const out: Order[] = [];
  await forEachOrderPage(s, (orders) => {
    for (const o of orders) if (keep(o)) out.push(o);
  });
  return out;
}

/** Orders placed in these months (UTC, `YYYY-MM`, inclusive), oldest first. */
export async function ordersInMonths(s: TableSource, from: string, to: string): Promise<Order[]> {
  const pages = await pagesOf(s)
    .where(':id')
    .between(`${from}.`, `${to}.\uffff`, true, true)
    .toArray();
  return pages.flatMap((p) => p.orders);
}

/** Where every stored order id lives, and how full each page is. */
async function readIndex(s: TableSource) {
  const entries = await indexOf(s).toArray();
  const pageOf = new Map<string, string>();
  const sizes = new Map<string, number>();
  const lastPage = new Map<string, number>();
  for (const e of entries) {
    for (const id of e.ids) pageOf.set(id, e.key);
    sizes.set(e.key, e.ids.length);
    const month = monthOfKey(e.key);
    lastPage.set(month, Math.max(lastPage.get(month) ?? -1, Number(e.key.slice(8))));
  }
  return { pageOf, sizes, lastPage };
}

/** The stored versions of these orders (undefined where none), like Dexie's bulkGet. */
export async function getOrders(
  s: TableSource,
  ids: readonly string[],
): Promise<(Order | undefined)[]> {
  if (ids.length === 0) return [];
  const { pageOf } = await readIndex(s);
  const keys = [...new Set(ids.map((id) => pageOf.get(id)).filter((k) => k !== undefined))];
  const byId = new Map<string, Order>();
  for (const p of await pagesOf(s).bulkGet(keys))
    if (p) for (const o of p.orders) byId.set(o.id, o);
  return ids.map((id) => byId.get(id));
}

/** One stored order, or undefined. */
export async function getOrder(s: TableSource, id: string): Promise<Order | undefined> {
  return (await getOrders(s, [id]))[0];
}

/**
 * Put orders (insert or replace by id) and delete ids, rewriting only the pages they touch.
 * Returns the stored versions before the write: those of `put` first, then of `deleteIds`
 * (undefined where there was none). Validation is the caller's job (see writeOrders).
 */
export async function putOrderRecords(
  s: TableSource,
  put: readonly Order[],
  deleteIds: readonly string[] = [],
): Promise<(Order | undefined)[]> {
  if (put.length === 0 && deleteIds.length === 0) return [];
  const { pageOf, sizes, lastPage } = await readIndex(s);
  const incoming = new Map<string, Order>();
  for (const o of put) incoming.set(o.id, o);
  const deleting = new Set(deleteIds.filter((id) => !incoming.has(id)));

  // Which page each incoming order goes to: its own page when its month did not change,
  // otherwise the last page of its month with room, or a new one.
  const target = new Map<string, string>();
  const room = new Map<string, number>(sizes);
  for (const [id, o] of incoming) {
    const cur = pageOf.get(id);
    const month = orderMonth(o.placedAtMs);
    if (cur !== undefined && monthOfKey(cur) === month) {
      target.set(id, cur);
      continue;
    }
    if (cur !== undefined) room.set(cur, room.get(cur)! - 1);
    let n = lastPage.get(month) ?? -1;
    let key = n >= 0 ? pageKey(month, n) : '';
    if (n < 0 || room.get(key)! >= ORDERS_PER_PAGE) {
      n += 1;
      key = pageKey(month, n);
      lastPage.set(month, n);
      room.set(key, 0);
    }
    room.set(key, room.get(key)! + 1);
    target.set(id, key);
  }

  const touched = new Set<string>(target.values());
  for (const id of [...incoming.keys(), ...deleting]) {
    const cur = pageOf.get(id);
    if (cur !== undefined) touched.add(cur);
  }
  const keys = [...touched];
  const loaded = await pagesOf(s).bulkGet(keys);
  const pages = new Map<string, Order[]>();
  const stored = new Map<string, Order>();
  keys.forEach((k, i) => {
    const orders = loaded[i]?.orders ?? [];
    for (const o of orders) stored.set(o.id, o);
    pages.set(k, orders);
  });

  for (const [k, orders] of pages)
    pages.set(
      k,
      orders.filter((o) => !incoming.has(o.id) && !deleting.has(o.id)),
    );
  for (const [id, o] of incoming) pages.get(target.get(id)!)!.push(o);

  const writePages: OrderPage[] = [];
  const writeIndex: OrderIndexEntry[] = [];
  const drop: string[] = [];
  for (const [key, orders] of pages) {
    if (orders.length === 0) {
      drop.push(key);
      continue;
    }
    orders.sort(byTime);
    writePages.push({ key, orders });
    writeIndex.push({ key, ids: orders.map((o) => o.id) });
  }
  if (drop.length) {
    await pagesOf(s).bulkDelete(drop);
    await indexOf(s).bulkDelete(drop);
  }
  if (writePages.length) {
    await pagesOf(s).bulkPut(writePages);
    await indexOf(s).bulkPut(writeIndex);
  }
  return [...put.map((o) => stored.get(o.id)), ...deleteIds.map((id) => stored.get(id))];
}

/** Delete every stored order. */
export async function clearOrders(s: TableSource): Promise<void> {
  await pagesOf(s).clear();
  await indexOf(s).clear();
}

/** The pages for a set of orders (ids unique), as they would be stored from empty. */
export function paginateOrders(orders: readonly Order[]): OrderPage[] {
  const byMonth = new Map<string, Order[]>();
  for (const o of orders) {
    const m = orderMonth(o.placedAtMs);
    const list = byMonth.get(m);
    if (list) list.push(o);
    else byMonth.set(m, [o]);
  }
  const pages: OrderPage[] = [];
  for (const [month, list] of byMonth) {
    list.sort(byTime);
    for (let i = 0; i * ORDERS_PER_PAGE < list.length; i++)
      pages.push({
        key: pageKey(month, i),
        orders: list.slice(i * ORDERS_PER_PAGE, (i + 1) * ORDERS_PER_PAGE),
      });
  }
  return pages;
}

/** Replace every stored order with these (ids unique): the fast path for restores. */
export async function replaceAllOrders(s: TableSource, orders: readonly Order[]): Promise<void> {
  await clearOrders(s);
  const pages = paginateOrders(orders);
  await pagesOf(s).bulkPut(pages);
  await indexOf(s).bulkPut(pages.map((p) => ({ key: p.key, ids: p.orders.map((o) => o.id) })));
}

/**
 * The big tables, stored in month pages (see src/db/paged-store.ts): orders by the UTC month
 * they were placed, content items by planned month, payouts by paid month. The order functions
 * below are the names the rest of the app uses for orders.
 */
import type { ContentItem, Order, Payout } from '../domain/schemas';
import { PagedTable, type TableSource } from './paged-store';

/** Orders per stored page: about 1 MB, far under Chromium's limit of about 128 MB per value. */
export const ORDERS_PER_PAGE = 2000;

/** The month (UTC) an order is filed under. */
export function orderMonth(placedAtMs: number): string {
  // Per UTC day, from a small cache: placing a big import asks for it several times per order,
  // and a Date's ISO text each time was a tenth of a second of a 100,000-row import.
  const day = Math.floor(placedAtMs / 86_400_000);
  let month = monthOfDay.get(day);
  if (month === undefined) {
    month = new Date(placedAtMs).toISOString().slice(0, 7);
    if (monthOfDay.size > 20_000) monthOfDay.clear();
    monthOfDay.set(day, month);
  }
  return month;
}
const monthOfDay = new Map<number, string>();

const byKey = <T extends { id: string }>(key: (r: T) => number | string) => {
  return (a: T, b: T) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
};

export const orderStore = new PagedTable<Order>(
  'orderPages',
  'orderIndex',
  (o) => orderMonth(o.placedAtMs),
  byKey((o) => o.placedAtMs),
  ORDERS_PER_PAGE,
);

export const contentStore = new PagedTable<ContentItem>(
  'contentPages',
  'contentIndex',
  (c) => c.plannedDate.slice(0, 7),
  byKey((c) => c.plannedDate),
);

export const payoutStore = new PagedTable<Payout>(
  'payoutPages',
  'payoutIndex',
  (p) => p.paidDate.slice(0, 7),
  byKey((p) => p.paidDate),
);

/** The logical tables kept in pages, and their stores. */
export const PAGED = {
  orders: orderStore,
  contentItems: contentStore,
  payouts: payoutStore,
} as const;
export type PagedName = keyof typeof PAGED;
export const isPaged = (t: string): t is PagedName => t in PAGED;

/** The object stores behind the paged tables. */
export const ORDER_TABLES = orderStore.tables;
export const CONTENT_TABLES = contentStore.tables;
export const PAYOUT_TABLES = payoutStore.tables;

export const countOrders = (s: TableSource) => orderStore.count(s);
export const forEachOrderPage = (s: TableSource, each: (orders: Order[]) => void | Promise<void>) =>
  orderStore.forEachPage(s, each);
export const allOrders = (s: TableSource) => orderStore.all(s);
export const findOrders = (s: TableSource, keep: (o: Order) => boolean) => orderStore.find(s, keep);
export const getOrders = (s: TableSource, ids: readonly string[]) => orderStore.getMany(s, ids);
export const getOrder = (s: TableSource, id: string) => orderStore.get(s, id);
/** See PagedTable.put: returns the stored versions of `put`, then of `deleteIds`. */
export const putOrderRecords = (
  s: TableSource,
  put: readonly Order[],
  deleteIds: readonly string[] = [],
) => orderStore.put(s, put, deleteIds);

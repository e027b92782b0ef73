/**
 * Orders the owner converted from another currency at import (their `fx`), read through the
 * [fx.from+placedAtMs] index. Only converted orders are in that index, so with none every read
 * here is one empty index jump, and with some only those of the period are read.
 */
import type { Order } from '../domain/schemas';
import type { PawtnersDb } from './db';

const INDEX = '[fx.from+placedAtMs]';

/** The currencies orders were converted from: one short jump per currency, never a walk. */
export async function convertedFromCurrencies(db: PawtnersDb): Promise<string[]> {
  const out: string[] = [];
  for (;;) {
    const last = out[out.length - 1];
    const from =
      last === undefined
        ? db.orders.orderBy(INDEX)
        : db.orders.where(INDEX).above([last, Infinity]);
    const [next] = (await from.limit(1).keys()) as unknown as [string, number][];
    if (next === undefined) return out;
    out.push(next[0]);
  }
}

/** Converted orders placed in [fromMs, toMs], whatever currency they were converted from. */
export async function convertedOrders(
  db: PawtnersDb,
  fromMs: number,
  toMs: number,
): Promise<Order[]> {
  const currencies = await convertedFromCurrencies(db);
  const lists = await Promise.all(
    currencies.map((c) =>
      db.orders.where(INDEX).between([c, fromMs], [c, toMs], true, true).toArray(),
    ),
  );
  return lists.flat();
}

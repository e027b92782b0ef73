import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findContentByTitle } from '../../src/db/content';
import { PawtnersDb } from '../../src/db/db';
import { findOrdersByNumber, orderCurrencies, ordersInCurrency } from '../../src/db/orders';
import { loadSampleData, rowsWithAnyOf } from '../../src/db/repo';
import fc from 'fast-check';
import { order, partner } from './orders-helpers';

let db: PawtnersDb;
let n = 0;
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);

beforeEach(async () => {
  db = new PawtnersDb(`test-lookups-${n++}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function seedOrders() {
  await db.partners.put(partner('p-1', {}));
  await db.orders.bulkPut([
    order(1, T0, 'p-1', { id: 'shopify:#1001', source: 'shopify', orderId: '#1001' }),
    order(2, T0 + DAY, 'p-1', { id: 'shopify:#1002', source: 'shopify', orderId: '#1002' }),
    order(3, T0 + 2 * DAY, null, { id: 'shopify:#2001', source: 'shopify', orderId: '#2001' }),
    order(4, T0, 'p-1', {
      id: 'etsy:1001555',
      source: 'etsy',
      orderId: '1001555',
      currency: 'GBP',
    }),
    order(5, T0 + 5 * DAY, 'p-1', {
      id: 'woo:wc-1001',
      source: 'woo',
      orderId: 'WC-1001',
      currency: 'GBP',
    }),
    order(6, T0 + 9 * DAY, null, { id: 'woo:77', source: 'woo', orderId: '77', currency: 'PKR' }),
  ]);
}

describe('order lookups through the indexes', () => {
  it('finds orders by the start of their number, with or without #, across sources', async () => {
    await seedOrders();
    const ids = async (q: string, limit = 10) =>
      (await findOrdersByNumber(db, q, limit)).map((o) => o.id).sort();
    expect(await ids('1001')).toEqual(['etsy:1001555', 'shopify:#1001']);
    // A leading # is optional: the text is the number either way.
    expect(await ids('#100')).toEqual(['etsy:1001555', 'shopify:#1001', 'shopify:#1002']);
    expect(await ids('wc-10')).toEqual(['woo:wc-1001']);
    expect(await ids('9')).toEqual([]);
    expect(await ids('  ')).toEqual([]);
    expect(await findOrdersByNumber(db, '1', 2)).toHaveLength(2);
  });

  it('lists the currencies orders are in and reads one currency by day range', async () => {
    expect(await orderCurrencies(db)).toEqual([]);
    await seedOrders();
    expect(await orderCurrencies(db)).toEqual(['GBP', 'PKR', 'USD']);
    const gbp = await ordersInCurrency(db, 'GBP', T0, T0 + 4 * DAY);
    expect(gbp.map((o) => o.id)).toEqual(['etsy:1001555']);
    expect((await ordersInCurrency(db, 'GBP', T0, T0 + 5 * DAY)).length).toBe(2);
    expect(await ordersInCurrency(db, 'EUR', 0, Infinity)).toEqual([]);
  });
});

describe('content lookup by title', () => {
  it('finds items whose title starts with the text, in any case', async () => {
    await loadSampleData(db, Date.UTC(2026, 10, 24, 15));
    const some = (await db.contentItems.toArray()).find((c) => c.title.length > 6)!;
    const found = await findContentByTitle(db, some.title.slice(0, 5).toUpperCase(), 10_000);
    expect(found.map((c) => c.id)).toContain(some.id);
    for (const c of found)
      expect(c.title.toLowerCase().startsWith(some.title.slice(0, 5).toLowerCase())).toBe(true);
    expect(await findContentByTitle(db, 'zzz-no-such-title', 5)).toEqual([]);
    expect(await findContentByTitle(db, some.title.slice(0, 3), 2)).toHaveLength(2);
  });
});

describe('rowsWithAnyOf', () => {
  it('finds what Dexie anyOf finds, in the same order, on a plain and a multi-entry index', async () => {
    await db.partners.put(partner('p-1', {}));
    // Customers c0..c5 and codes A..D, several orders per customer, some with two codes.
    const codes = ['A', 'B', 'C', 'D'];
    await db.orders.bulkPut(
      Array.from({ length: 40 }, (_, i) =>
        order(i, T0 + ((i * 7) % 13) * DAY, i % 3 ? 'p-1' : null, {
          customerKey: i % 9 === 0 ? null : `c${i % 6}`,
          codes: i % 4 === 0 ? [] : [codes[i % 4]!, ...(i % 5 === 0 ? [codes[(i + 1) % 4]!] : [])],
        }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c9'), { maxLength: 9 }),
        fc.array(fc.constantFrom('A', 'B', 'C', 'D', 'E'), { maxLength: 6 }),
        async (customers, wanted) => {
          const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
          expect(ids(await rowsWithAnyOf(db.orders, 'customerKey', customers))).toEqual(
            ids(await db.orders.where('customerKey').anyOf(customers).toArray()),
          );
          // A multi-entry index: an order with two of the codes comes once (anyOf is distinct).
          const got = ids(await rowsWithAnyOf(db.orders, 'codes', wanted));
          const viaAnyOf = ids(await db.orders.where('codes').anyOf(wanted).distinct().toArray());
          expect(new Set(got).size).toBe(got.length);
          expect([...got].sort()).toEqual([...viaAnyOf].sort());
        },
      ),
      { numRuns: 60 },
    );
  });
});

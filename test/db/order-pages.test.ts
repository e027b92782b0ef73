import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PawtnersDb } from '../../src/db/db';
import {
  allOrders,
  countOrders,
  getOrders,
  ORDERS_PER_PAGE,
  ORDER_TABLES,
  orderMonth,
  orderStore,
  putOrderRecords,
} from '../../src/db/order-pages';
import type { Order } from '../../src/domain/schemas';

let db: PawtnersDb;
let n = 0;
beforeEach(async () => {
  db = new PawtnersDb(`test-order-pages-${n++}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** The page store only files orders by id and placedAtMs; other fields ride along. */
const order = (id: string, placedAtMs: number, totalCents = 100): Order =>
  ({ id, placedAtMs, totalCents }) as unknown as Order;
const JAN = Date.UTC(2026, 0, 15);
const FEB = Date.UTC(2026, 1, 15);
const byId = (a: Order, b: Order) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const write = (put: Order[], del: string[] = []) =>
  db.transaction('rw', [...ORDER_TABLES], () => putOrderRecords(db, put, del));

describe('paged order storage', () => {
  it('files orders by UTC month, oldest first, and reads them back by id', async () => {
    expect(orderMonth(Date.UTC(2026, 0, 31, 23, 59))).toBe('2026-01');
    await write([order('b', FEB), order('a', JAN), order('c', JAN + 1)]);
    expect((await allOrders(db)).map((o) => o.id)).toEqual(['a', 'c', 'b']);
    expect((await db.orderPages.toCollection().primaryKeys()).sort()).toEqual([
      '2026-01.0000',
      '2026-02.0000',
    ]);
    expect((await getOrders(db, ['b', 'zz', 'a'])).map((o) => o?.id)).toEqual([
      'b',
      undefined,
      'a',
    ]);
    expect((await orderStore.inMonths(db, '2026-02', '2026-02')).map((o) => o.id)).toEqual(['b']);
    expect(await countOrders(db)).toBe(3);
  });

  it('returns the stored versions, moves an order whose month changed, and drops empty pages', async () => {
    await write([order('a', JAN, 1), order('b', JAN, 2)]);
    const before = await write([order('a', FEB, 10), order('new', FEB)], ['b']);
    expect(before.map((o) => o?.totalCents)).toEqual([1, undefined, 2]);
    expect(await db.orderPages.toCollection().primaryKeys()).toEqual(['2026-02.0000']);
    expect((await allOrders(db)).map((o) => [o.id, o.totalCents])).toEqual([
      ['a', 10],
      ['new', 100],
    ]);
  });

  it('starts a new page when a month is full, and fills pages no further than the limit', async () => {
    const many = Array.from({ length: ORDERS_PER_PAGE + 5 }, (_, i) =>
      order(`o${String(i).padStart(5, '0')}`, JAN + i),
    );
    await write(many.slice(0, ORDERS_PER_PAGE));
    await write(many.slice(ORDERS_PER_PAGE));
    const pages = await db.orderPages.toArray();
    expect(pages.map((p) => [p.key, p.rows.length])).toEqual([
      ['2026-01.0000', ORDERS_PER_PAGE],
      ['2026-01.0001', 5],
    ]);
    expect(await countOrders(db)).toBe(ORDERS_PER_PAGE + 5);
    expect(orderStore.paginate(many).map((p) => p.rows.length)).toEqual([ORDERS_PER_PAGE, 5]);
  });

  it('agrees with a plain map of orders after any sequence of writes', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const months = [JAN, FEB, Date.UTC(2025, 11, 31, 23)];
    const step = fc.record({
      put: fc.array(
        fc.record({
          id: fc.constantFrom(...ids),
          at: fc.constantFrom(...months),
          cents: fc.nat(1000),
        }),
        { maxLength: 4 },
      ),
      del: fc.array(fc.constantFrom(...ids), { maxLength: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        await db.transaction('rw', [...ORDER_TABLES], () => orderStore.replaceAll(db, []));
        const model = new Map<string, Order>();
        for (const s of steps) {
          // Within one write an id is either put (last wins) or deleted, as writeOrders does.
          const put = new Map(s.put.map((p) => [p.id, order(p.id, p.at, p.cents)]));
          const del = s.del.filter((id) => !put.has(id));
          const expected = [...put.values(), ...del.map(() => undefined)].map((o, i) =>
            o ? model.get(o.id) : model.get(del[i - put.size]!),
          );
          const before = await write([...put.values()], del);
          expect(before).toEqual(expected);
          for (const id of del) model.delete(id);
          for (const [id, o] of put) model.set(id, o);
        }
        const stored = await allOrders(db);
        expect([...stored].sort(byId)).toEqual([...model.values()].sort(byId));
        expect(await countOrders(db)).toBe(model.size);
        // Every page holds one month only, and the index lists exactly its ids.
        for (const p of await db.orderPages.toArray()) {
          for (const o of p.rows) expect(orderMonth(o.placedAtMs)).toBe(p.key.slice(0, 7));
          expect((await db.orderIndex.get(p.key))?.ids).toEqual(p.rows.map((o) => o.id));
        }
        expect(await db.orderIndex.count()).toBe(await db.orderPages.count());
      }),
      { numRuns: 60 },
    );
  });
});

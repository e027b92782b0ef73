import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PawtnersDb } from '../../src/db/db';
import {
  allOrders,
  CONTENT_TABLES,
  contentStore,
  countOrders,
  getOrders,
  ORDERS_PER_PAGE,
  ORDER_TABLES,
  orderMonth,
  orderStore,
  putOrderRecords,
} from '../../src/db/order-pages';
import type { ContentItem, Order } from '../../src/domain/schemas';
import { partsText, rowsText, utf8, type TextPart } from '../../src/io/rows-text';

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
    const sizes = await Promise.all(
      pages.map(async (p) => [p.key, (await orderStore.rowsOf(p)).length]),
    );
    expect(sizes).toEqual([
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
          const rows = await orderStore.rowsOf(p);
          for (const o of rows) expect(orderMonth(o.placedAtMs)).toBe(p.key.slice(0, 7));
          expect((await db.orderIndex.get(p.key))?.ids).toEqual(rows.map((o) => o.id));
        }
        // (The index store also holds the generation record, `~gen`.)
        const indexKeys = await db.orderIndex.toCollection().primaryKeys();
        expect(indexKeys.filter((k) => k !== '~gen').length).toBe(await db.orderPages.count());
      }),
      { numRuns: 60 },
    );
  });

  it('keeps a generation aside untouched while the live rows change, and restores it', async () => {
    const o = (id: string, at: number, cents: number, updatedAt: number): Order => ({
      ...order(id, at, cents),
      updatedAt,
    });
    const tx = <R>(fn: () => Promise<R>) => db.transaction('rw', [...ORDER_TABLES], fn);
    const idsAndCents = (rows: Order[]) => rows.map((r) => [r.id, r.totalCents]);
    await write([o('a', JAN, 1, 10), o('b', FEB, 2, 20)]);
    expect(await orderStore.stamps(db)).toEqual(
      new Map([
        ['a', 10],
        ['b', 20],
      ]),
    );
    expect(await tx(() => orderStore.keepAside(db, { copy: true }))).toBe(0);
    expect(await orderStore.generation(db)).toBe(1);
    expect(idsAndCents(await allOrders(db))).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    await write([o('a', FEB, 5, 11)], ['b']);
    expect(idsAndCents(await allOrders(db))).toEqual([['a', 5]]);
    const gen0 = await db.orderPages.where(':id').between('0', ':').toArray();
    const gen0Rows = await Promise.all(gen0.map((p) => orderStore.rowsOf(p)));
    expect(idsAndCents(gen0Rows.flat())).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(await tx(() => orderStore.keepAside(db, { copy: false }))).toBe(1);
    expect(await countOrders(db)).toBe(0);
    await tx(() => orderStore.restoreGeneration(db, 0));
    expect(idsAndCents(await allOrders(db))).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    await tx(() => orderStore.dropKept(db, 1));
    await tx(() => orderStore.dropKept(db, 0)); // the live generation: refused
    expect(await db.orderPages.count()).toBe(2);
    expect(await countOrders(db)).toBe(2);
    // Numbers are never reused: the next generation is 3, after the dropped 1 and 2.
    expect(await tx(() => orderStore.keepAside(db, { copy: false }))).toBe(0);
    expect(await orderStore.generation(db)).toBe(3);
  });

  it('reads the pages of two tables at once inside one transaction (Blob reads keep it alive)', async () => {
    const orders = Array.from({ length: 30 }, (_, i) => order(`o${i}`, JAN + i * 86_400_000 * 2));
    await write(orders);
    const items = Array.from({ length: 12 }, (_, i) => ({
      id: `c${i}`,
      plannedDate: `2026-${String(i + 1).padStart(2, '0')}-05`,
      updatedAt: i,
    })) as unknown as ContentItem[];
    await db.transaction('rw', [...CONTENT_TABLES], () => contentStore.put(db, items));
    const [a, b] = await db.transaction('r', [...ORDER_TABLES, ...CONTENT_TABLES], () =>
      Promise.all([allOrders(db), contentStore.all(db)]),
    );
    expect(a.map((o) => o.id).sort()).toEqual(orders.map((o) => o.id).sort());
    expect(b.map((c) => c.id)).toEqual(items.map((c) => c.id));
  });

  it('reads updatedAt from the pages for index entries written before they kept it', async () => {
    await write([{ ...order('a', JAN), updatedAt: 7 }]);
    const e = (await db.orderIndex.get('2026-01.0000'))!;
    await db.orderIndex.put({ key: e.key, ids: e.ids });
    expect(await orderStore.stamps(db)).toEqual(new Map([['a', 7]]));
  });

  it('stores rows as UTF-8 backup text in a Blob, and reads the forms earlier versions stored', async () => {
    // Non-ASCII text takes the slower UTF-8 path; it must come back exactly.
    const a = { ...order('a', JAN), updatedAt: 7, note: 'Größe M 🐶, “crunchy”' } as Order;
    await write([a]);
    const stored = (await db.orderPages.get('2026-01.0000'))!;
    expect(stored.rows).toBeUndefined();
    expect(stored.bytes).toBeUndefined();
    expect(await stored.blob!.text()).toBe(rowsText([a]));
    // An earlier version's page of inline UTF-8 bytes.
    const asBytes = [order('f', Date.UTC(2026, 3, 3))];
    await db.orderPages.put({ key: '2026-04.0000', bytes: utf8(rowsText(asBytes)) });
    await db.orderIndex.put({ key: '2026-04.0000', ids: ['f'] });
    const asObjects = [order('b', FEB, 5), order('c', FEB + 1, 6)];
    await db.orderPages.put({ key: '2026-02.0000', rows: asObjects });
    await db.orderIndex.put({ key: '2026-02.0000', ids: ['b', 'c'] });
    const asString = [order('e', Date.UTC(2026, 2, 3))];
    await db.orderPages.put({ key: '2026-03.0000', json: rowsText(asString) });
    await db.orderIndex.put({ key: '2026-03.0000', ids: ['e'] });
    expect(await allOrders(db)).toEqual([a, ...asObjects, ...asString, ...asBytes]);
    const parts: TextPart[] = [];
    await orderStore.forEachPageText(db, (t) => {
      parts.push(t);
    });
    expect(parts[0]).toBeInstanceOf(Blob);
    expect(await Promise.all(parts.map((p) => partsText([p])))).toEqual([
      rowsText([a]),
      rowsText(asObjects),
      rowsText(asString),
      rowsText(asBytes),
    ]);
    // A write to an old page stores it in the new form, inside the writer's transaction.
    await write([order('d', FEB + 2), order('g', Date.UTC(2026, 3, 4))]);
    expect((await db.orderPages.get('2026-02.0000'))!.blob).toBeInstanceOf(Blob);
    expect((await db.orderPages.get('2026-04.0000'))!.bytes).toBeUndefined();
    expect((await allOrders(db)).map((o) => o.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });
});

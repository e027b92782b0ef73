/**
 * An import's write prepared on a snapshot of the page index (PagedTable.preparePut/commitPut,
 * used by the order import worker): it must store exactly what `put` stores, and write nothing
 * when the index changed after the snapshot.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PawtnersDb } from '../../src/db/db';
import { ORDER_TABLES, orderMonth } from '../../src/db/order-pages';
import { PagedTable, type TableSource } from '../../src/db/paged-store';
import type { Order } from '../../src/domain/schemas';

let dbs: PawtnersDb[] = [];
let n = 0;
const open = async () => {
  const db = new PawtnersDb(`test-prepared-put-${n++}`);
  await db.open();
  dbs.push(db);
  return db;
};
beforeEach(() => {
  dbs = [];
});
afterEach(async () => {
  for (const db of dbs) {
    db.close();
    await db.delete();
  }
});

/** Three rows per page, so small tests fill pages and start new ones. */
const store = new PagedTable<Order>(
  'orderPages',
  'orderIndex',
  (o) => orderMonth(o.placedAtMs),
  (a, b) => a.placedAtMs - b.placedAtMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  3,
);
const order = (id: string, placedAtMs: number, updatedAt: number): Order =>
  ({ id, placedAtMs, updatedAt }) as unknown as Order;
const JAN = Date.UTC(2026, 0, 15);
const FEB = Date.UTC(2026, 1, 15);

const snapshot = (db: PawtnersDb) =>
  db.transaction('r', [...ORDER_TABLES], () => store.snapshot(db));
const put = (db: PawtnersDb, rows: Order[], del: string[] = []) =>
  db.transaction('rw', [...ORDER_TABLES], () => store.put(db, rows, del));
/** How much of the encoding happens ahead of the write: none, all, or one page (racing it). */
type Ahead = 'none' | 'all' | 'racing';
async function prepared(db: PawtnersDb, rows: Order[], del: string[] = [], ahead: Ahead = 'none') {
  const prep = await store.preparePut(db, await snapshot(db), rows, del);
  if (ahead === 'all') await store.encodeAhead(prep);
  if (ahead === 'racing') {
    void store.encodeAhead(prep);
    await new Promise((r) => setTimeout(r, 0));
  }
  return db.transaction('rw', [...ORDER_TABLES], () => store.commitPut(db, prep));
}

const db = (d: PawtnersDb) => ({
  commit: (prep: Parameters<typeof store.commitPut>[1]) =>
    d.transaction('rw', [...ORDER_TABLES], () => store.commitPut(d, prep)),
});

/** Everything stored: each page's key and rows, and the index. */
async function contents(db: PawtnersDb & TableSource) {
  const pages = await db.orderPages.toArray();
  return {
    pages: await Promise.all(pages.map(async (p) => [p.key, await store.rowsOf(p)])),
    index: await db.orderIndex.toArray(),
  };
}

describe('a put prepared on a snapshot of the index', () => {
  it('stores exactly what put stores and returns the same versions, after any writes', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const step = fc.record({
      put: fc.uniqueArray(
        fc.record({
          id: fc.constantFrom(...ids),
          at: fc.constantFrom(JAN, JAN + 1, FEB),
          v: fc.nat(50),
        }),
        { maxLength: 6, selector: (r) => r.id },
      ),
      del: fc.array(fc.constantFrom(...ids), { maxLength: 2 }),
      ahead: fc.constantFrom<Ahead>('none', 'all', 'racing'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        const [a, b] = [await open(), await open()];
        for (const s of steps) {
          const rows = s.put.map((p) => order(p.id, p.at, p.v));
          const del = s.del.filter((id) => !rows.some((r) => r.id === id));
          const viaPut = await put(a, rows, del);
          expect(await prepared(b, rows, del, s.ahead)).toEqual(viaPut);
          expect(await contents(b)).toEqual(await contents(a));
        }
        for (const db of [a, b]) {
          db.close();
          await db.delete();
        }
        dbs = dbs.filter((db) => db !== a && db !== b);
      }),
      { numRuns: 40 },
    );
  });

  it('writes many pages, some encoded ahead and some in the write, as put does', async () => {
    const [a, b] = [await open(), await open()];
    const rows = Array.from({ length: 40 }, (_, i) =>
      order(`r${i}`, Date.UTC(2026, i % 5, 1 + (i % 20)), i),
    );
    await put(a, rows.slice(0, 7));
    await put(b, rows.slice(0, 7));
    const prep = await store.preparePut(b, await snapshot(b), rows.slice(5));
    expect(prep.writePages.length).toBeGreaterThan(6);
    // The first three pages encoded ahead (the page objects are shared), the rest by the write.
    await store.encodeAhead({ ...prep, writePages: prep.writePages.slice(0, 3) });
    expect(prep.writePages.map((p) => p.stored !== null)).toEqual(
      prep.writePages.map((_, i) => i < 3),
    );
    const viaPut = await put(a, rows.slice(5));
    expect(await db(b).commit(prep)).toEqual(viaPut);
    expect(prep.writePages.every((p) => p.stored)).toBe(true);
    expect(await contents(b)).toEqual(await contents(a));
    // Encoding ahead after the write has nothing left to do.
    await store.encodeAhead(prep);
  });

  it('writes nothing and says so when the index changed after the snapshot', async () => {
    const db = await open();
    await put(db, [order('a', JAN, 1), order('b', FEB, 1)]);
    const snap = await snapshot(db);
    const prep = await store.preparePut(db, snap, [order('c', JAN, 2)]);
    // A write to a page the prepared put does not touch still counts.
    await put(db, [order('b', FEB, 3)]);
    const before = await contents(db);
    expect(
      await db.transaction('rw', [...ORDER_TABLES], () => store.commitPut(db, prep)),
    ).toBeNull();
    expect(await contents(db)).toEqual(before);
  });

  it('writes nothing after any write to the rows, even one that leaves the index as it was', async () => {
    const db = await open();
    await put(db, [order('a', JAN, 1)]);
    const prep = await store.preparePut(db, await snapshot(db), [order('c', JAN, 2)]);
    // Same id, same updatedAt, other content: the page index cannot tell, the revision can.
    await put(db, [{ ...order('a', JAN, 1), totalCents: 999 } as Order]);
    const before = await contents(db);
    expect(
      await db.transaction('rw', [...ORDER_TABLES], () => store.commitPut(db, prep)),
    ).toBeNull();
    expect(await contents(db)).toEqual(before);
  });

  it('writes nothing when the live generation changed after the snapshot', async () => {
    const db = await open();
    await put(db, [order('a', JAN, 1)]);
    const prep = await store.preparePut(db, await snapshot(db), [order('c', JAN, 2)]);
    await db.transaction('rw', [...ORDER_TABLES], () => store.keepAside(db, { copy: true }));
    expect(
      await db.transaction('rw', [...ORDER_TABLES], () => store.commitPut(db, prep)),
    ).toBeNull();
  });

  it('finds stored rows through the snapshot like getMany', async () => {
    const db = await open();
    await put(db, [order('a', JAN, 1), order('b', FEB, 1), order('c', FEB, 2)]);
    const snap = await snapshot(db);
    expect(await store.getManyIn(db, snap, ['c', 'x', 'a'])).toEqual(
      await store.getMany(db, ['c', 'x', 'a']),
    );
    expect(await store.getManyIn(db, snap, [])).toEqual([]);
  });
});

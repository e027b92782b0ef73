import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PawtnersDb, SCHEMA_V1 } from '../../src/db/db';
import { applyImport, undoImport } from '../../src/db/backup';
import { deleteContentItem, rescheduleContentItem, saveContentItems } from '../../src/db/content';
import { applyOrderImport, planOrderImport, reassignOrder, writeOrders } from '../../src/db/orders';
import { deletePartner, restorePartner, savePartner } from '../../src/db/partners';
import { loadSampleData, deleteAllData, saveSettings } from '../../src/db/repo';
import { rebuildAllStats } from '../../src/db/stats';
import { generateSampleData } from '../../src/domain/sample-data';
import { buildAllStats, UNATTRIBUTED } from '../../src/domain/stats';
import { partnerToDraft } from '../../src/domain/partners';

let db: PawtnersDb;
let name = '';
let n = 0;
const NOW = Date.UTC(2026, 10, 24, 15);

beforeEach(() => {
  name = `test-stats-${n++}`;
  db = new PawtnersDb(name);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

/** The rollups a full recomputation from the stored records gives. */
async function recomputed() {
  const settings = await db.settings.get('settings');
  const stats = buildAllStats(
    (await db.partners.toArray()).map((p) => p.id),
    await db.orders.toArray(),
    await db.contentItems.toArray(),
    await db.contracts.toArray(),
    settings?.timeZone ?? 'America/New_York',
  );
  return new Map(stats.map((s) => [s.partnerId, s]));
}

async function stored() {
  return new Map((await db.partnerStats.toArray()).map((s) => [s.partnerId, s]));
}

const ordersOf = (id: string) =>
  db.orders.where('[partnerId+placedAtMs]').between([id, -Infinity], [id, Infinity]).toArray();

describe('rollups kept by the middleware', () => {
  it('are written with the sample data and agree with a full recomputation', async () => {
    await loadSampleData(db, NOW);
    const s = await stored();
    expect(s.size).toBe((await db.partners.count()) + 1);
    expect(s).toEqual(await recomputed());
  });

  it('follow writes made straight on the tables, as a sync engine would make them', async () => {
    await loadSampleData(db, NOW);
    const order = (await ordersOf('p-001'))[0]!;
    await db.orders.put({ ...order, partnerId: 'p-020' });
    expect(await stored()).toEqual(await recomputed());
    await db.contracts.where('partnerId').equals('p-020').modify({ commissionRate: 33 });
    expect(await stored()).toEqual(await recomputed());
    await db.orders.where('placedAtMs').below(order.placedAtMs).delete();
    expect(await stored()).toEqual(await recomputed());
    await Promise.all([
      db.orders.put({ ...order, id: 'shopify:#x1', orderId: '#x1', partnerId: 'p-002' }),
      db.orders.put({ ...order, id: 'shopify:#x2', orderId: '#x2', partnerId: 'p-002' }),
    ]);
    expect(await stored()).toEqual(await recomputed());
    await db.partners.put({ ...(await db.partners.get('p-002'))!, id: 'p-new', codes: [] });
    expect(await stored()).toEqual(await recomputed());
  });

  it('roll back with the transaction that wrote them', async () => {
    await loadSampleData(db, NOW);
    const before = await stored();
    const order = (await ordersOf('p-001'))[0]!;
    await expect(
      db.transaction('rw', db.orders, async () => {
        await db.orders.put({ ...order, partnerId: 'p-020' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await stored()).toEqual(before);
  });

  it('follow a partner deleted (orders become unattributed) and restored', async () => {
    await loadSampleData(db, NOW);
    const deleted = await deletePartner(db, 'p-001', NOW);
    expect((await stored()).has('p-001')).toBe(false);
    expect(await stored()).toEqual(await recomputed());
    await restorePartner(db, deleted);
    expect(await stored()).toEqual(await recomputed());
  });

  it('follow a partner saved with a changed contract', async () => {
    await loadSampleData(db, NOW);
    const p = (await db.partners.get('p-004'))!;
    const contracts = await db.contracts.where('partnerId').equals('p-004').toArray();
    const draft = partnerToDraft(p, contracts);
    const c = draft.contracts[0]!;
    draft.contracts[0] = { ...c, commissionRate: String(Number(c.commissionRate || 0) + 7) };
    await savePartner(db, draft, { id: 'p-004', today: '2026-11-24', now: NOW });
    expect(await stored()).toEqual(await recomputed());
  });

  it('follow every order write: refund, reassignment, new and deleted orders', async () => {
    await loadSampleData(db, NOW);
    const [a, b, c] = await ordersOf('p-003');
    await writeOrders(
      db,
      [
        { ...a!, status: 'refunded', refundedCents: a!.totalCents },
        { ...b!, partnerId: 'p-019' },
        { ...c!, id: 'shopify:#new', orderId: '#new', partnerId: null, attribution: null },
      ],
      [c!.id],
    );
    expect(await stored()).toEqual(await recomputed());
    await reassignOrder(db, a!.id, null, 'test', NOW);
    expect(await stored()).toEqual(await recomputed());
  });

  it('follow an order import and its undo', async () => {
    await loadSampleData(db, NOW);
    const some = (await ordersOf('p-007')).slice(0, 3);
    const incoming = some.map((o, i) => ({
      ...o,
      orderId: `${o.orderId}-again`,
      totalCents: o.totalCents + i,
      line: i + 2,
    }));
    const plan = await planOrderImport(db, 'shopify', incoming, [], NOW);
    const { undoId } = await applyOrderImport(db, plan, { now: NOW });
    expect(await stored()).toEqual(await recomputed());
    await undoImport(db, undoId);
    expect(await stored()).toEqual(await recomputed());
  });

  it('follow content saved, moved to another day, and deleted', async () => {
    await loadSampleData(db, NOW);
    const post = (await db.contentItems.filter((c) => c.status === 'published').first())!;
    await saveContentItems(db, [{ ...post, partnerId: 'p-019', costCents: 12_345 }]);
    expect(await stored()).toEqual(await recomputed());
    await rescheduleContentItem(db, post.id, '2026-01-02', NOW);
    expect(await stored()).toEqual(await recomputed());
    await deleteContentItem(db, post.id);
    expect(await stored()).toEqual(await recomputed());
  });

  it('follow a time-zone change', async () => {
    await loadSampleData(db, NOW);
    await saveSettings(db, { timeZone: 'Pacific/Auckland' });
    expect(await stored()).toEqual(await recomputed());
  });

  it('follow a backup import, Replace and Merge', async () => {
    await loadSampleData(db, NOW);
    const data = generateSampleData('2026-11-24', NOW);
    const moved = await ordersOf('p-005');
    await db.orders.bulkPut(moved.map((o) => ({ ...o, partnerId: 'p-006', updatedAt: NOW + 5 })));
    await applyImport(db, { ...data, deletions: [] }, 'merge', { now: NOW + 1, reason: 't' });
    expect(await stored()).toEqual(await recomputed());
    await applyImport(db, { ...data, deletions: [] }, 'replace', { now: NOW + 2, reason: 't' });
    expect(await stored()).toEqual(await recomputed());
  });

  it('are cleared with all data and can be rebuilt', async () => {
    await loadSampleData(db, NOW);
    await deleteAllData(db);
    expect(await stored()).toEqual(await recomputed());
    await loadSampleData(db, NOW);
    await db.partnerStats.clear();
    await rebuildAllStats(db);
    expect(await stored()).toEqual(await recomputed());
    expect((await stored()).has(UNATTRIBUTED)).toBe(true);
  });

  it('are built by the upgrade from schema version 1', async () => {
    const data = generateSampleData('2026-11-24', NOW);
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    await v1.transaction('rw', v1.tables, async () => {
      for (const t of Object.keys(SCHEMA_V1))
        if (t !== 'snapshots') await v1.table(t).bulkPut(data[t as keyof typeof data]);
    });
    v1.close();
    await db.open();
    expect(db.verno).toBe(11);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(await db.orders.toArray()).toEqual([...data.orders].sort(byId));
    expect(await db.contentItems.toArray()).toEqual([...data.contentItems].sort(byId));
    expect(await db.payouts.toArray()).toEqual([...data.payouts].sort(byId));
    expect(await stored()).toEqual(await recomputed());
  });
});

describe('rollups on disk (src/db/stats-codec.ts)', () => {
  /** What IndexedDB holds for a rollup, read past every Dexie layer. */
  const raw = (partnerId: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const q = db
        .backendDB()
        .transaction('partnerStats')
        .objectStore('partnerStats')
        .get(partnerId);
      q.onsuccess = () => resolve(q.result as Record<string, unknown>);
      q.onerror = () => reject(q.error);
    });

  it('are stored as bytes, smaller than their arrays, and read back as the arrays', async () => {
    await loadSampleData(db, NOW);
    const all = await stored();
    const expected = await recomputed();
    let arrayBytes = 0;
    let storedBytes = 0;
    for (const [id, s] of all) {
      const want = expected.get(id)!;
      expect(Array.from(s.orderDays)).toEqual(Array.from(want.orderDays));
      expect(Array.from(s.posts)).toEqual(Array.from(want.posts));
      const r = await raw(id);
      for (const k of ['orderDays', 'posts'] as const) {
        if (s[k] instanceof Int32Array) expect(r[k]).toBeInstanceOf(Uint8Array);
        arrayBytes += s[k].byteLength;
        storedBytes += (r[k] as ArrayBufferView).byteLength;
      }
    }
    expect(all.size).toBeGreaterThan(10);
    expect(storedBytes).toBeLessThan(arrayBytes * 0.6);
    // One rollup by key, some by keys, and through a cursor: the arrays too.
    const [first] = [...all.keys()];
    expect((await db.partnerStats.get(first!))!.orderDays).toBeInstanceOf(Int32Array);
    expect((await db.partnerStats.bulkGet([first!]))[0]!.orderDays).toEqual(
      all.get(first!)!.orderDays,
    );
    const seen: string[] = [];
    await db.partnerStats.each((s) => {
      expect(Array.from(s.orderDays)).toEqual(Array.from(all.get(s.partnerId)!.orderDays));
      seen.push(s.partnerId);
    });
    expect(seen).toHaveLength(all.size);
  });

  it('stored before the codec (plain arrays) read as they are, and the next write stores bytes', async () => {
    await loadSampleData(db, NOW);
    const before = await stored();
    const [id, s] = [...before].find(([, v]) => v.orderDays.length > 0)!;
    // A rollup as the previous version wrote it: the Int32 array itself.
    await new Promise<void>((resolve, reject) => {
      const tx = db.backendDB().transaction('partnerStats', 'readwrite');
      tx.objectStore('partnerStats').put({ ...s, orderDays: Int32Array.from(s.orderDays) });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    expect((await raw(id)).orderDays).toBeInstanceOf(Int32Array);
    expect(Array.from((await db.partnerStats.get(id))!.orderDays)).toEqual(Array.from(s.orderDays));
    await rebuildAllStats(db);
    expect((await raw(id)).orderDays).toBeInstanceOf(Uint8Array);
    expect(Array.from((await db.partnerStats.get(id))!.orderDays)).toEqual(Array.from(s.orderDays));
  });
});

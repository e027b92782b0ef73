import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PawtnersDb, SCHEMA_V1 } from '../../src/db/db';
import { exportBackupText, importBackupText } from '../../src/db/backup';
import { deleteContentItem, rescheduleContentItem, saveContentItems } from '../../src/db/content';
import { writeOrders } from '../../src/db/orders';
import { deletePartner, restorePartner } from '../../src/db/partners';
import { loadSampleData, deleteAllData } from '../../src/db/repo';
import {
  contractsOf,
  rebuildAllStats,
  refreshPartnerStats,
  STATS_SOURCE_TABLES,
} from '../../src/db/stats';
import { COPIED_TABLES, ensureStartupCopies, type StartupCopy } from '../../src/db/startup-copies';
import { generateSampleData } from '../../src/domain/sample-data';
import { buildAllStats, UNATTRIBUTED, unpackRollups } from '../../src/domain/stats';
import { allOrders, countOrders, findOrders, putOrderRecords } from '../../src/db/order-pages';
import { contentStore, payoutStore } from '../../src/db/order-pages';

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
    await allOrders(db),
    await contentStore.all(db),
    await db.contracts.toArray(),
    settings!.timeZone,
  );
  return new Map(stats.map((s) => [s.partnerId, s]));
}

/**
 * The stored rollups. Every call also checks the one-record copies for start-up
 * (src/db/startup-copies.ts) of the rollups, partners and contracts: each is absent, or exactly
 * the rows of its table in the same order.
 */
async function stored() {
  const tables = Object.keys(COPIED_TABLES) as (keyof typeof COPIED_TABLES)[];
  const [copies, ...rows] = await db.transaction('r', [...tables, 'startupCopies'], () =>
    Promise.all([db.startupCopies.toArray(), ...tables.map((t) => db.table(t).toArray())]),
  );
  for (const copy of copies) {
    const table = rows[tables.indexOf(copy.id)];
    expect(copy.id === 'partnerStats' ? unpackRollups(copy) : copy.rows).toEqual(table);
  }
  return new Map((await db.partnerStats.toArray()).map((s) => [s.partnerId, s]));
}

/** Which tables have their start-up copy. */
async function copied(): Promise<StartupCopy['id'][]> {
  return (await db.startupCopies.toCollection().primaryKeys()).sort() as StartupCopy['id'][];
}
const ALL = ['contracts', 'partnerStats', 'partners'];

describe('rollups in the database', () => {
  it('are written with the sample data and agree with a full recomputation', async () => {
    await loadSampleData(db, NOW);
    const s = await stored();
    expect(s.size).toBe((await db.partners.count()) + 1);
    expect(s).toEqual(await recomputed());
    expect(await copied()).toEqual(ALL);
  });

  it('follow an order reassigned to another partner and an edited contract', async () => {
    await loadSampleData(db, NOW);
    const order = (await findOrders(db, (o) => o.partnerId === 'p-001'))[0]!;
    await db.transaction('rw', [...STATS_SOURCE_TABLES], async () => {
      await putOrderRecords(db, [{ ...order, partnerId: 'p-020' }]);
      await db.contracts.where('partnerId').equals('p-020').modify({ commissionRate: 33 });
      await refreshPartnerStats(db, ['p-001', 'p-020']);
    });
    expect(await stored()).toEqual(await recomputed());
    // A partial write drops the copies of what it wrote; they are written again from the tables.
    expect(await copied()).toEqual(['partners']);
    expect(await ensureStartupCopies(db)).toEqual(['contracts', 'partnerStats']);
    expect(await copied()).toEqual(ALL);
    expect(await stored()).toEqual(await recomputed());
    expect(await ensureStartupCopies(db)).toEqual([]);
  });

  it('keep the start-up copy as it was when the writing transaction fails', async () => {
    await loadSampleData(db, NOW);
    const before = await db.startupCopies.toArray();
    const order = (await findOrders(db, (o) => o.partnerId === 'p-001'))[0]!;
    await expect(
      db.transaction('rw', [...STATS_SOURCE_TABLES], async () => {
        await putOrderRecords(db, [{ ...order, partnerId: 'p-020' }]);
        await refreshPartnerStats(db, ['p-001', 'p-020']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.startupCopies.toArray()).toEqual(before);
    expect(await stored()).toEqual(await recomputed());
  });

  it('follow a partner deleted (orders become unattributed) and restored', async () => {
    await loadSampleData(db, NOW);
    const deleted = await deletePartner(db, 'p-001');
    expect((await stored()).has('p-001')).toBe(false);
    expect(await stored()).toEqual(await recomputed());
    await restorePartner(db, deleted);
    expect(await stored()).toEqual(await recomputed());
  });

  it('follow every order write: refund, reassignment, new and deleted orders', async () => {
    await loadSampleData(db, NOW);
    const [a, b, c] = await findOrders(db, (o) => o.partnerId === 'p-003');
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
  });

  it('follow content saved, moved to another day, and deleted', async () => {
    await loadSampleData(db, NOW);
    const post = (await contentStore.find(db, (c) => c.status === 'published'))[0]!;
    await saveContentItems(db, [{ ...post, partnerId: 'p-019', costCents: 12_345 }]);
    expect(await stored()).toEqual(await recomputed());
    await rescheduleContentItem(db, post.id, '2026-01-02', NOW);
    expect(await stored()).toEqual(await recomputed());
    await deleteContentItem(db, post.id);
    expect(await stored()).toEqual(await recomputed());
  });

  it('are rebuilt by a backup import, Replace and Merge', async () => {
    await loadSampleData(db, NOW);
    const text = await exportBackupText(db, { appVersion: '0.1.0', now: NOW });
    const moved = await findOrders(db, (o) => o.partnerId === 'p-005');
    await db.transaction('rw', [...STATS_SOURCE_TABLES], () =>
      putOrderRecords(
        db,
        moved.map((o) => ({ ...o, partnerId: 'p-006' })),
      ),
    );
    await importBackupText(db, text, 'merge', {
      now: NOW + 1,
      appVersion: '0.1.0',
      reason: 'test',
    });
    expect(await stored()).toEqual(await recomputed());
    // Both rewrite every table, so the start-up copies are written with them.
    expect(await copied()).toEqual(ALL);
    await importBackupText(db, text, 'replace', {
      now: NOW + 2,
      appVersion: '0.1.0',
      reason: 'test',
    });
    expect(await stored()).toEqual(await recomputed());
    expect(await copied()).toEqual(ALL);
  });

  it('read the same contracts per partner for few partners (index) and many (whole table)', async () => {
    await loadSampleData(db, NOW);
    const all = await db.contracts.toArray();
    const ids = [...new Set(all.map((c) => c.partnerId))];
    const byPartner = (cs: { partnerId: string; id: string }[]) => {
      const m = new Map<string, string[]>();
      for (const c of cs) m.set(c.partnerId, [...(m.get(c.partnerId) ?? []), c.id]);
      return new Map([...m].sort(([a], [b]) => a.localeCompare(b)));
    };
    const few = ids.slice(0, 3);
    const many = [...ids.slice(0, 5), ...Array.from({ length: 80 }, (_, i) => `nobody-${i}`)];
    const expected = (want: string[]) => byPartner(all.filter((c) => want.includes(c.partnerId)));
    expect(byPartner(await contractsOf(db, few))).toEqual(expected(few));
    expect(byPartner(await contractsOf(db, many))).toEqual(expected(many));
    expect(expected(many).size).toBe(5);
  });

  it('refuses to refresh inside a transaction that does not include the rollups', async () => {
    await loadSampleData(db, NOW);
    await expect(
      db.transaction('rw', [db.orderPages, db.orderIndex], async () => {
        await refreshPartnerStats(db, [null]);
      }),
    ).rejects.toThrow();
  });

  it('are cleared with all data and can be rebuilt', async () => {
    await loadSampleData(db, NOW);
    await deleteAllData(db);
    expect(await db.partnerStats.count()).toBe(0);
    expect(await copied()).toEqual(ALL);
    expect(await stored()).toEqual(new Map());
    await loadSampleData(db, NOW);
    await db.partnerStats.clear();
    await rebuildAllStats(db);
    expect(await copied()).toEqual(ALL);
    expect(await stored()).toEqual(await recomputed());
    expect((await stored()).has(UNATTRIBUTED)).toBe(true);
  });

  it('are built by the upgrade from schema version 1', async () => {
    const data = generateSampleData('2026-11-24', NOW);
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    await v1.transaction('rw', v1.tables, async () => {
      for (const t of Object.keys(data) as (keyof typeof data)[])
        await v1.table(t).bulkPut(data[t]);
    });
    v1.close();
    await db.open();
    expect(db.verno).toBe(4);
    expect(await countOrders(db)).toBe(3000);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect((await allOrders(db)).sort(byId)).toEqual([...data.orders].sort(byId));
    expect((await contentStore.all(db)).sort(byId)).toEqual([...data.contentItems].sort(byId));
    expect((await payoutStore.all(db)).sort(byId)).toEqual([...data.payouts].sort(byId));
    expect(await stored()).toEqual(await recomputed());
    expect(await copied()).toEqual(ALL);
  });
});

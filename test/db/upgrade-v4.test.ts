/**
 * The upgrade from schema version 4 (orders, content items and payouts in month pages) to version
 * 5 (one row per record), on a version-4 database built by the version-4 code itself: the frozen
 * copy in test/fixtures/v4 writes it, today's PawtnersDb opens it.
 */
import { buildPaidBuckets } from '../../src/domain/payout-sums';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATA_TABLES, PawtnersDb } from '../../src/db/db';
import { LEGACY_PAGE_STORES } from '../../src/db/legacy-pages';
import { generateSampleData, type DataSet } from '../../src/domain/sample-data';
import { buildAllStats } from '../../src/domain/stats';
import type { ContentItem, Order, Payout } from '../../src/domain/schemas';
import { DATA_STORES, PawtnersDb as PawtnersDbV4, STATS_SOURCE_TABLES } from '../fixtures/v4/db';
import { contentStore, isPaged, orderStore, PAGED, payoutStore } from '../fixtures/v4/order-pages';
import type { PagedTable, StoredPage } from '../fixtures/v4/paged-store';
import { rowsText, utf8 } from '../fixtures/v4/rows-text';

vi.setConfig({ testTimeout: 60_000 });

const NOW = Date.UTC(2026, 2, 15, 12);
const LATER = NOW + 86_400_000;

let name = '';
let n = 0;
const open: Dexie[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) d.close();
  await Dexie.delete(name);
});

type AnyRow = { id: string; updatedAt: number };
/** Tables added in version 7 (version 4 had none of them; they start empty). */
const LATER_TABLES: readonly string[] = ['products', 'shipments', 'pets'];
const V4_TABLES = DATA_TABLES.filter((t) => !LATER_TABLES.includes(t));
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const sortedById = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort(byId);

/** What replaceAllData of version 4 did: every table written, rollups built, in one transaction. */
async function writeV4(db: PawtnersDbV4, data: DataSet): Promise<void> {
  const stats = buildAllStats(
    data.partners.map((p) => p.id),
    data.orders,
    data.contentItems,
    data.contracts,
    data.settings[0]!.timeZone,
  );
  await db.transaction('rw', [...DATA_STORES, 'partnerStats'], async () => {
    for (const t of V4_TABLES)
      if (isPaged(t))
        await (PAGED[t] as unknown as PagedTable<AnyRow>).replaceAll(db, data[t] as AnyRow[]);
      else {
        await db.table(t).clear();
        await db.table(t).bulkPut(data[t]);
      }
    await db.partnerStats.clear();
    await db.partnerStats.bulkPut(stats);
  });
}

/**
 * Rewrite some live pages of a store in the older forms version 4 still read: `bytes` (UTF-8
 * inline), `json` (text) and `rows` (objects, as the upgrade to version 3 wrote them).
 */
async function olderForms<T extends AnyRow>(
  db: PawtnersDbV4,
  store: PagedTable<T>,
  forms: readonly ('bytes' | 'json' | 'rows')[],
): Promise<void> {
  const pages = db.table<StoredPage<T>, string>(store.pagesTable);
  const gen = await store.generation(db);
  const live = (await pages.toArray()).filter((p) =>
    gen === 0 ? /^[0-9]/.test(p.key) : p.key.startsWith(`g${gen}/`),
  );
  expect(live.length).toBeGreaterThanOrEqual(forms.length + 1);
  for (let i = 0; i < forms.length; i++) {
    const page = live[i]!;
    expect(page.blob).toBeInstanceOf(Blob);
    const rows = await store.rowsOf(page);
    const form = forms[i]!;
    const stored: StoredPage<T> =
      form === 'bytes'
        ? { key: page.key, bytes: utf8(rowsText(rows)) }
        : form === 'json'
          ? { key: page.key, json: rowsText(rows) }
          : { key: page.key, rows };
    await pages.put(stored);
  }
}

/** The rollups a full recomputation from the stored rows gives, and the stored ones. */
async function rollups(db: PawtnersDb) {
  const settings = await db.settings.get('settings');
  const recomputed = buildAllStats(
    (await db.partners.toArray()).map((p) => p.id),
    await db.orders.toArray(),
    await db.contentItems.toArray(),
    await db.contracts.toArray(),
    settings?.timeZone ?? 'America/New_York',
  );
  return {
    stored: new Map((await db.partnerStats.toArray()).map((s) => [s.partnerId, s])),
    recomputed: new Map(recomputed.map((s) => [s.partnerId, s])),
  };
}

describe('upgrade from schema version 4 (month pages) to 5 (rows)', () => {
  it('keeps every record of every table exactly, from every page form and the live generation only', async () => {
    name = `test-upgrade-v4-${n++}`;
    const sample = generateSampleData('2026-03-15', NOW);
    for (const t of DATA_TABLES) expect(sample[t].length, t).toBeGreaterThan(0);

    const v4 = new PawtnersDbV4(name);
    open.push(v4);
    await v4.open();
    expect(v4.verno).toBe(4);
    await writeV4(v4, sample);

    // What the database holds in the end, and so what version 5 must hold.
    const expected: DataSet = { ...structuredClone(sample), products: [], shipments: [], pets: [] };

    // Orders: an import's safety snapshot kept generation 0 aside and made generation 1 a copy
    // (as a Merge did), then the import edited, added and deleted orders in generation 1 only.
    const edited: Order[] = sample.orders
      .slice(0, 40)
      .map((o) => ({ ...o, totalCents: o.totalCents + 1, note: 'merged', updatedAt: LATER }));
    const added: Order = {
      ...sample.orders[100]!,
      id: 'shopify:#v4-added',
      orderId: '#v4-added',
      updatedAt: LATER,
    };
    const deleted = sample.orders.slice(50, 60).map((o) => o.id);
    await v4.transaction('rw', [...orderStore.tables], async () => {
      expect(await orderStore.keepAside(v4, { copy: true })).toBe(0);
      await orderStore.put(v4, [...edited, added], deleted);
    });
    expect(await orderStore.generation(v4)).toBe(1);
    const editedById = new Map(edited.map((o) => [o.id, o]));
    expected.orders = [
      ...expected.orders
        .filter((o) => !deleted.includes(o.id))
        .map((o) => editedById.get(o.id) ?? o),
      added,
    ];

    // Content: a Replace restore kept generation 0 aside and wrote generation 1 afresh.
    const restoredContent: ContentItem[] = sample.contentItems
      .slice(5)
      .map((c, i) =>
        i % 7 === 0 ? { ...c, title: `${c.title} (restored)`, updatedAt: LATER } : c,
      );
    await v4.transaction('rw', [...contentStore.tables], async () => {
      await contentStore.keepAside(v4, { copy: false });
      await contentStore.replaceAll(v4, restoredContent);
    });
    expect(await contentStore.generation(v4)).toBe(1);
    expected.contentItems = restoredContent;

    // Payouts stay in generation 0; a payout edited by hand.
    const paid: Payout = { ...sample.payouts[0]!, note: 'paid twice?', updatedAt: LATER };
    await v4.transaction('rw', [...payoutStore.tables], () => payoutStore.put(v4, [paid]));
    expected.payouts = expected.payouts.map((p) => (p.id === paid.id ? paid : p));

    // Pages in every form version 4 read: Blobs (most), and bytes, json and rows.
    await olderForms(v4, orderStore, ['bytes', 'json', 'rows']);
    await olderForms(v4, contentStore, ['json', 'rows']);
    await olderForms(v4, payoutStore, ['bytes']);

    // The frozen code reads back exactly the expected rows (the fixture is what we think it is).
    for (const t of ['orders', 'contentItems', 'payouts'] as const)
      expect(sortedById(await (PAGED[t] as unknown as PagedTable<AnyRow>).all(v4)), t).toEqual(
        sortedById(expected[t] as AnyRow[]),
      );
    // The kept generations still hold the older rows the upgrade must not read.
    expect(await v4.orderPages.where(':id').below('g').count()).toBeGreaterThan(0);
    expect(await v4.contentPages.where(':id').below('g').count()).toBeGreaterThan(0);
    expect(await v4.startupCopies.count()).toBeGreaterThan(0);
    for (const t of STATS_SOURCE_TABLES) expect(v4.tables.map((x) => x.name)).toContain(t);
    v4.close();

    const db = new PawtnersDb(name);
    open.push(db);
    await db.open();
    expect(db.verno).toBe(11);
    const stores = db.tables.map((t) => t.name);
    for (const gone of [...LEGACY_PAGE_STORES, 'startupCopies', 'snapshots'])
      expect(stores).not.toContain(gone);
    for (const t of DATA_TABLES)
      expect(await db.table(t).orderBy(':id').toArray(), t).toEqual(
        sortedById(expected[t] as AnyRow[]),
      );
    expect(await db.deletions.count()).toBe(0);
    expect(await db.undoLog.count()).toBe(0);
    // The rows are indexed: a partner's orders by the compound index.
    const pid = expected.orders.find((o) => o.partnerId !== null)!.partnerId!;
    expect(
      await db.orders
        .where('[partnerId+placedAtMs]')
        .between([pid, -Infinity], [pid, Infinity])
        .count(),
    ).toBe(expected.orders.filter((o) => o.partnerId === pid).length);
    // Version 6's indexes are built from the upgraded rows: orders by currency, items by title.
    const cur = expected.orders[0]!.currency;
    expect(
      await db.orders
        .where('[currency+placedAtMs]')
        .between([cur, -Infinity], [cur, Infinity])
        .count(),
    ).toBe(expected.orders.filter((o) => o.currency === cur).length);
    const title = expected.contentItems[0]!.title;
    expect(await db.contentItems.where('title').equals(title).count()).toBe(
      expected.contentItems.filter((c) => c.title === title).length,
    );
    const { stored, recomputed } = await rollups(db);
    expect(stored.size).toBe(expected.partners.length + 1);
    expect(stored).toEqual(recomputed);
    // Version 11: on disk, the rollups' Int32 arrays are the codec's bytes.
    const onDisk = await new Promise<{ orderDays: unknown }[]>((resolve, reject) => {
      const q = db.backendDB().transaction('partnerStats').objectStore('partnerStats').getAll();
      q.onsuccess = () => resolve(q.result as { orderDays: unknown }[]);
      q.onerror = () => reject(q.error);
    });
    expect(onDisk).toHaveLength(stored.size);
    expect(onDisk.filter((s) => s.orderDays instanceof Int32Array)).toEqual([]);
    // Version 9's payment sums, from the upgraded payments.
    expect(expected.payouts.length).toBeGreaterThan(0);
    expect(await db.payoutSums.toArray()).toEqual(buildPaidBuckets(expected.payouts));
  });

  it('an empty version-4 database (never used) opens empty', async () => {
    name = `test-upgrade-v4-${n++}`;
    const v4 = new PawtnersDbV4(name);
    open.push(v4);
    await v4.open();
    v4.close();
    const db = new PawtnersDb(name);
    open.push(db);
    await db.open();
    expect(db.verno).toBe(11);
    for (const t of DATA_TABLES) expect(await db.table(t).count(), t).toBe(0);
    const { stored, recomputed } = await rollups(db);
    expect(stored).toEqual(recomputed);
  });
});

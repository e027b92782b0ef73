/**
 * "Undo import" puts back exactly what was there: an export made before an import and one made
 * after the import and its undo are the same bytes, for a Replace, a Merge and an order CSV.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportError, latestUndo, undoImport } from '../../src/db/backup';
import { PawtnersDb } from '../../src/db/db';
import { setDeletionClockForTests } from '../../src/db/deletions';
import { applyOrderImport } from '../../src/db/orders';
import { deletePayout } from '../../src/db/payouts';
import { replaceAllData } from '../../src/db/repo';
import { UNDO_LOGS_KEPT } from '../../src/db/undo';
import type { BackupData } from '../../src/domain/backup-plan';
import { generateSampleData } from '../../src/domain/sample-data';
import type { Deletion } from '../../src/domain/schemas';
import {
  backupCopySink,
  backupDataOf,
  exportBackupText,
  importBackupText,
} from '../../src/features/settings/backup-file';
import { buildBackupText, parseBackup } from '../../src/io/backup';
import { expectRollupsRight } from './backup-helpers';
import { planFixture, seedPartners } from './orders-helpers';

// fake-indexeddb writes the 3,000 sample orders slowly on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const NOW = Date.UTC(2026, 2, 15, 12);
const DAY = 86_400_000;
const EXPORT = { appVersion: '0.1.0', now: NOW + 30 * DAY };
const sample = generateSampleData('2026-03-15', NOW);

let db: PawtnersDb;
let name = '';
let n = 0;
beforeEach(async () => {
  name = `test-undo-${n++}`;
  db = new PawtnersDb(name);
  await db.open();
  setDeletionClockForTests(() => NOW + DAY);
});
afterEach(async () => {
  setDeletionClockForTests(null);
  db.close();
  await Dexie.delete(name);
});

/**
 * A database with every kind of row and some history: the sample brand, three partners with
 * codes, an order CSV imported (credited orders, a customer salt), and deletion records.
 */
async function seed({ csv = true } = {}): Promise<void> {
  // The sample's first orders are numbered like the fixture's (#1001...): without the CSV
  // imported, they are left out, so the fixture's orders are new.
  const numbered = (o: { orderId: string }) => Number(o.orderId.slice(1)) <= 1020;
  await replaceAllData(
    db,
    csv ? sample : { ...sample, orders: sample.orders.filter((o) => !numbered(o)) },
  );
  await seedPartners(db);
  if (csv)
    await applyOrderImport(db, await planFixture(db, 'shopify-orders.csv', NOW), { now: NOW });
  await deletePayout(db, sample.payouts[0]!.id);
  await db.orders.delete(sample.orders.at(-1)!.id);
  expect(await db.deletions.count()).toBe(2);
}

const exportNow = () => exportBackupText(db, EXPORT);

function parsedData(text: string): BackupData {
  const r = parseBackup(text);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return r.backup.data;
}

describe('undo of an import gives back the same export, byte for byte', () => {
  it('Replace by another brand’s backup', async () => {
    await seed();
    const before = await exportNow();
    const orders = await db.orders.count();
    const other = generateSampleData('2026-06-01', NOW + 80 * DAY, 7);
    const gone: Deletion = {
      id: `orders/shopify:#gone`,
      table: 'orders',
      rowId: 'shopify:#gone',
      updatedAt: NOW + 79 * DAY,
    };
    const text = buildBackupText({ ...other, deletions: [gone] }, '0.1.0', NOW + 80 * DAY);
    const { plan, undoId } = await importBackupText(db, text, 'replace', {
      now: NOW + 81 * DAY,
      reason: 'Before importing other.json',
    });
    expect(plan.totalChanges).toBeGreaterThan(1000);
    expect(await db.deletions.toArray()).toEqual([gone]);
    expect(await exportNow()).not.toBe(before);
    await expectRollupsRight(db);
    expect((await latestUndo(db))!).toMatchObject({
      id: undoId,
      reason: 'Before importing other.json',
    });

    const counts = await undoImport(db, undoId);
    expect(counts.orders).toBe(orders);
    expect(await exportNow()).toBe(before);
    await expectRollupsRight(db);
    await expect(undoImport(db, undoId)).rejects.toBeInstanceOf(ImportError);
  });

  it('Replace that keeps its copy as one backup file (as the Backups card does)', async () => {
    await seed();
    const before = await exportNow();
    const other = generateSampleData('2026-06-01', NOW + 80 * DAY, 7);
    const text = buildBackupText({ ...other, deletions: [] }, '0.1.0', NOW + 80 * DAY);
    const progress: string[] = [];
    const { undoId } = await importBackupText(db, text, 'replace', {
      now: NOW + 81 * DAY,
      reason: 'Before restoring other.json',
      keepCopy: () => backupCopySink({ appVersion: '0.1.0', now: NOW + 81 * DAY }),
      // Another brand's backup differs in nearly every row: the card clears and rewrites.
      mostRowsDiffer: true,
      onProgress: (label) => progress.push(label),
    });
    expect(progress).toContain('Keeping a copy for Undo');
    expect(progress).not.toContain('Comparing with the data here');
    // One piece: the file, not a copy of every row.
    const pieces = await db.undoRows.where('undoId').equals(undoId).toArray();
    expect(pieces).toHaveLength(1);
    expect(pieces[0]!.previous).toEqual([]);
    expect(pieces[0]!.file).toBeInstanceOf(Blob);
    expect(await exportNow()).not.toBe(before);
    await expectRollupsRight(db);

    // Without a reader for the file, nothing happens.
    await expect(undoImport(db, undoId)).rejects.toBeInstanceOf(ImportError);
    expect(await exportNow()).not.toBe(before);
    // A reader that fails (a damaged copy) changes nothing either.
    await expect(
      undoImport(db, undoId, { readFile: () => Promise.reject(new Error('damaged')) }),
    ).rejects.toThrow(/damaged/);
    expect(await db.undoLog.get(undoId)).toBeDefined();

    const readFile = async (file: Blob) => backupDataOf(await file.text());
    const counts = await undoImport(db, undoId, { readFile });
    expect(counts.orders).toBe(parsedData(before).orders.length);
    expect(await exportNow()).toBe(before);
    await expectRollupsRight(db);
    expect(await db.undoRows.where('undoId').equals(undoId).count()).toBe(0);
    await expect(undoImport(db, undoId, { readFile })).rejects.toBeInstanceOf(ImportError);
  });

  it('Replace of a backup close to the data here writes only the rows that differ', async () => {
    await seed();
    const before = await exportNow();
    const data = parsedData(before);
    // Last week's backup, say: one order edited since, one partner (and all of theirs) added since.
    const pid = data.partners.find(
      (p) => !data.campaigns.some((c) => c.partnerIds.includes(p.id)),
    )!.id;
    const order = data.orders.find((o) => o.partnerId !== null && o.partnerId !== pid)!;
    const edited = { ...order, totalCents: order.totalCents + 100, updatedAt: order.updatedAt + 1 };
    const notTheirs = (r: object) => (r as { partnerId?: string | null }).partnerId !== pid;
    const backup = Object.fromEntries(
      Object.entries(data).map(([t, rows]) => [
        t,
        (rows as { id: string }[])
          .filter((r) => notTheirs(r) && !(t === 'partners' && r.id === pid))
          .map((r) => (r.id === order.id ? edited : r)),
      ]),
    ) as unknown as BackupData;
    const text = buildBackupText(backup, '0.1.0', NOW + 80 * DAY);
    const progress: string[] = [];
    const { plan, undoId } = await importBackupText(db, text, 'replace', {
      now: NOW + 81 * DAY,
      reason: 'Before restoring last-week.json',
      keepCopy: () => backupCopySink({ appVersion: '0.1.0', now: NOW + 81 * DAY }),
      mostRowsDiffer: false,
      onProgress: (label) => progress.push(label),
    });
    expect(progress).not.toContain('Keeping a copy for Undo');
    expect(plan.changes.find((c) => c.table === 'orders')!.remove).toBeGreaterThan(0);
    expect(plan.changes.find((c) => c.table === 'orders')!.update).toBe(1);
    expect(parsedData(await exportNow())).toEqual(parsedData(text));
    await expectRollupsRight(db);
    // No file: the undo log keeps the rows it changed.
    const pieces = await db.undoRows.where('undoId').equals(undoId).toArray();
    expect(pieces.some((p) => p.file)).toBe(false);
    // Exactly the edited order and the orders the backup lacks were touched; the rest of the
    // orders were left as they are.
    const touched = pieces
      .filter((p) => p.table === 'orders')
      .flatMap((p) => [...p.added, ...(p.previous as { id: string }[]).map((r) => r.id)]);
    const theirs = data.orders.filter((o) => o.partnerId === pid).map((o) => o.id);
    expect(theirs.length).toBeGreaterThan(0);
    expect(touched.sort()).toEqual([order.id, ...theirs].sort());
    await undoImport(db, undoId);
    expect(await exportNow()).toBe(before);
    await expectRollupsRight(db);
  });

  it('Merge of a backup that adds, updates, keeps older rows and carries deletions', async () => {
    await seed();
    const before = await exportNow();
    const data = parsedData(before);
    const later = NOW + 40 * DAY;
    const [p1, p2, p3] = data.partners;
    const deletedOrder = data.orders[10]!;
    const deletedPost = data.contentItems[3]!;
    const deletedContract = data.contracts.find((c) => c.partnerId === p3!.id)!;
    const incoming: BackupData = {
      ...data,
      settings: data.settings.map((s) => ({ ...s, brandName: 'Renamed', updatedAt: later })),
      partners: [
        { ...p1!, notes: 'newer there', updatedAt: later },
        { ...p2!, notes: 'older there', updatedAt: p2!.updatedAt - 1 },
        ...data.partners.slice(2),
        { ...p3!, id: 'p-from-there', name: 'From There', codes: ['THERE1'], referralSlug: '' },
      ],
      orders: data.orders
        .filter((o) => o.id !== deletedOrder.id)
        .map((o, i) =>
          i % 50 === 0 ? { ...o, totalCents: o.totalCents + 99, updatedAt: later } : o,
        ),
      contentItems: data.contentItems.filter((c) => c.id !== deletedPost.id),
      contracts: data.contracts.filter((c) => c.id !== deletedContract.id),
      deletions: [
        // The records here, deleted again there later; and a deletion of a row never here.
        ...data.deletions.map((d) => ({ ...d, updatedAt: later })),
        ...(
          [
            ['orders', deletedOrder.id],
            ['contentItems', deletedPost.id],
            ['contracts', deletedContract.id],
            ['bonuses', 'bonus-only-there'],
          ] as const
        ).map(([table, rowId]) => ({ id: `${table}/${rowId}`, table, rowId, updatedAt: later })),
      ],
    };
    const { plan, undoId } = await importBackupText(
      db,
      buildBackupText(incoming, '0.1.0', later),
      'merge',
      { now: later, reason: 'Before importing there.json' },
    );
    const change = (t: string) => plan.changes.find((c) => c.table === t)!;
    expect(change('partners')).toMatchObject({ add: 1, update: 1, keptLocal: 1 });
    expect(change('orders')).toMatchObject({ remove: 1 });
    expect(change('orders').update).toBeGreaterThan(10);
    expect(change('contracts')).toMatchObject({ remove: 1 });
    expect(await db.orders.get(deletedOrder.id)).toBeUndefined();
    expect(await db.contracts.get(deletedContract.id)).toBeUndefined();
    expect(await db.deletions.count()).toBe(6);
    expect((await db.deletions.toArray()).every((d) => d.updatedAt === later)).toBe(true);
    expect(await exportNow()).not.toBe(before);
    await expectRollupsRight(db);

    await undoImport(db, undoId);
    expect(await exportNow()).toBe(before);
    await expectRollupsRight(db);
  });

  it('an order CSV of new orders', async () => {
    await seed({ csv: false });
    const before = await exportNow();
    const plan = await planFixture(db, 'shopify-orders.csv', NOW + 2 * DAY);
    expect(plan.counts.new).toBeGreaterThan(3);
    const { undoId } = await applyOrderImport(db, plan, { now: NOW + 2 * DAY });
    expect(await exportNow()).not.toBe(before);
    await expectRollupsRight(db);

    await undoImport(db, undoId);
    expect(await exportNow()).toBe(before);
    await expectRollupsRight(db);
  });

  it('an order CSV of changed orders (refunds), with the mapping remembered', async () => {
    await seed();
    const before = await exportNow();
    const plan = await planFixture(db, 'shopify-orders-later.csv', NOW + 2 * DAY);
    expect(plan.counts.changed).toBeGreaterThan(0);
    const { undoId } = await applyOrderImport(db, plan, {
      now: NOW + 2 * DAY,
      remember: (s) => ({
        ...s,
        importMappings: [{ source: 'shopify', mapping: [{ field: 'total', column: 'Total' }] }],
        updatedAt: NOW + 2 * DAY,
      }),
    });
    expect(await exportNow()).not.toBe(before);
    await expectRollupsRight(db);

    await undoImport(db, undoId);
    expect(await exportNow()).toBe(before);
    await expectRollupsRight(db);
  });

  it('an order CSV that brings back an order deleted here, undone, leaves it deleted', async () => {
    await seed();
    const first = await planFixture(db, 'shopify-orders.csv', NOW);
    const id = first.entries[0]!.order.id;
    await db.orders.delete(id);
    expect(await db.deletions.get(`orders/${id}`)).toBeDefined();
    const before = await exportNow();
    const plan = await planFixture(db, 'shopify-orders.csv', NOW + 3 * DAY);
    const { undoId } = await applyOrderImport(db, plan, { now: NOW + 3 * DAY });
    expect(await db.orders.get(id)).toBeDefined();
    expect(await db.deletions.get(`orders/${id}`)).toBeUndefined();
    await undoImport(db, undoId);
    expect(await exportNow()).toBe(before);
  });
});

describe('undo logs', () => {
  it(`keeps only the ${UNDO_LOGS_KEPT} newest, with their rows`, async () => {
    await replaceAllData(db, { ...sample, orders: sample.orders.slice(0, 50) });
    // Two files in turn, so every import changes rows (an import that changes none keeps none).
    const file = (orders: number) =>
      buildBackupText(
        { ...sample, orders: sample.orders.slice(0, orders), deletions: [] },
        '0.1.0',
        NOW,
      );
    const [one, two] = [file(20), file(30)];
    const ids: string[] = [];
    for (let i = 0; i < UNDO_LOGS_KEPT + 2; i++) {
      const { undoId } = await importBackupText(
        db,
        i % 2 ? two : one,
        i % 2 ? 'merge' : 'replace',
        {
          now: NOW + i,
          reason: `import ${i}`,
        },
      );
      ids.push(undoId);
    }
    const logs = await db.undoLog.orderBy('createdAt').toArray();
    expect(logs.map((l) => l.id)).toEqual(ids.slice(-UNDO_LOGS_KEPT));
    expect(logs.map((l) => l.createdAt)).toEqual([NOW + 2, NOW + 3, NOW + 4]);
    const rows = await db.undoRows.toArray();
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.undoId))).toEqual(new Set(ids.slice(-UNDO_LOGS_KEPT)));
    expect((await latestUndo(db))!.id).toBe(ids.at(-1));
    // A dropped log can no longer be used.
    const before = await exportNow();
    await expect(undoImport(db, ids[0]!)).rejects.toBeInstanceOf(ImportError);
    expect(await exportNow()).toBe(before);
  });

  it('the last import is the one Undo finds, even when the clock went back or stood still', async () => {
    await replaceAllData(db, { ...sample, orders: sample.orders.slice(0, 50) });
    const file = (i: number) =>
      buildBackupText(
        { ...sample, orders: sample.orders.slice(i, i + 10), deletions: [] },
        '0.1.0',
        NOW,
      );
    for (let i = 0; i < UNDO_LOGS_KEPT; i++)
      await importBackupText(db, file(i), 'replace', { now: NOW + 10 + i, reason: `import ${i}` });
    const before = await exportNow();
    // The clock went back (a time-zone or NTP fix), then two imports in the same millisecond.
    const { undoId: back } = await importBackupText(db, file(7), 'merge', {
      now: NOW,
      reason: 'clock went back',
    });
    expect((await latestUndo(db))!.id).toBe(back);
    const afterBack = await exportNow();
    const { undoId: same } = await importBackupText(db, file(8), 'replace', {
      now: NOW,
      reason: 'same millisecond',
    });
    expect((await latestUndo(db))!.id).toBe(same);
    expect(await db.undoLog.count()).toBe(UNDO_LOGS_KEPT);
    await undoImport(db, same);
    expect(await exportNow()).toBe(afterBack);
    expect((await latestUndo(db))!.id).toBe(back);
    await undoImport(db, back);
    expect(await exportNow()).toBe(before);
  });

  it('refuses to undo an unknown import and changes nothing', async () => {
    await seed();
    const before = await exportNow();
    const logs = await db.undoLog.toArray();
    const rows = await db.undoRows.count();
    const err = await undoImport(db, 'no-such-import').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(/can no longer be undone; nothing was changed/);
    expect(await exportNow()).toBe(before);
    expect(await db.undoLog.toArray()).toEqual(logs);
    expect(await db.undoRows.count()).toBe(rows);
    await expectRollupsRight(db);
  });
});

import Dexie from 'dexie';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  applyImport,
  exportBackupText,
  importBackupText,
  latestSnapshot,
  markExported,
  previewImport,
  SNAPSHOTS_KEPT,
  undoImport,
  ImportError,
} from '../../src/db/backup';
import { DATA_TABLES, PawtnersDb } from '../../src/db/db';
import { deleteAllData, replaceAllData } from '../../src/db/repo';
import { generateSampleData } from '../../src/domain/sample-data';
import { buildAllStats } from '../../src/domain/stats';
import { TABLE_NAMES } from '../../src/domain/schemas';
import {
  buildBackupText,
  emptyBackupData,
  parseBackup,
  type BackupData,
  type ParsedBackup,
} from '../../src/io/backup';
import { backupDataArb } from '../fixtures/backups/arbitraries';
import { allOrders, countOrders } from '../../src/db/order-pages';
import { contentStore, isPaged, PAGED } from '../../src/db/order-pages';

// fake-indexeddb writes the 3,000 sample orders slowly on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const NOW = Date.UTC(2026, 2, 15, 12);
const OPTS = { now: NOW, appVersion: '0.1.0', reason: 'Before importing test.json' };
const sample = generateSampleData('2026-03-15', NOW);

let db: PawtnersDb;
let name = '';
let n = 0;
beforeEach(async () => {
  name = `test-backup-${n++}`;
  db = new PawtnersDb(name);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

/** Every data table, rows sorted by id: what "the same data" means. */
async function dump(): Promise<BackupData> {
  const out = emptyBackupData() as Record<string, unknown[]>;
  for (const t of TABLE_NAMES)
    out[t] = isPaged(t)
      ? (await PAGED[t].all(db)).sort((a, b) => (a.id < b.id ? -1 : 1))
      : await db.table(t).orderBy(':id').toArray();
  return out as BackupData;
}

function sorted(data: BackupData): BackupData {
  const out = emptyBackupData() as Record<string, unknown[]>;
  for (const t of TABLE_NAMES)
    out[t] = [...data[t]].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out as BackupData;
}

function parsed(data: BackupData): ParsedBackup {
  const r = parseBackup(buildBackupText(data, '0.1.0', NOW));
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return r.backup;
}

async function statsMatchRecords() {
  const settings = await db.settings.get('settings');
  const expected = buildAllStats(
    (await db.partners.toArray()).map((p) => p.id),
    await allOrders(db),
    await contentStore.all(db),
    await db.contracts.toArray(),
    settings?.timeZone ?? 'America/New_York',
  );
  const stored = await db.partnerStats.toArray();
  expect(new Map(stored.map((s) => [s.partnerId, s]))).toEqual(
    new Map(expected.map((s) => [s.partnerId, s])),
  );
}

describe('export', () => {
  it('writes every table of the sample brand, reading orders in several chunks', async () => {
    await replaceAllData(db, sample);
    const text = await exportBackupText(db, { appVersion: '0.1.0', now: NOW });
    const r = parseBackup(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.backup.meta.counts.orders).toBe(3000);
    expect(sorted(r.backup.data)).toEqual(await dump());
  });

  it('marks the export time without counting it as an edit of the settings', async () => {
    await replaceAllData(db, sample);
    const before = (await db.settings.get('settings'))!;
    await markExported(db, NOW + 5);
    const after = (await db.settings.get('settings'))!;
    expect(after.lastExportAt).toBe(NOW + 5);
    expect(after.updatedAt).toBe(before.updatedAt);
    await deleteAllData(db);
    await markExported(db, NOW + 9);
    expect((await db.settings.get('settings'))!.lastExportAt).toBe(NOW + 9);
  });
});

describe('import: replace', () => {
  it('property: export, delete everything, import (Replace) gives the same data', async () => {
    await fc.assert(
      fc.asyncProperty(backupDataArb, async (data) => {
        await deleteAllData(db);
        await replaceAllData(db, data);
        const before = await dump();
        const text = await exportBackupText(db, { appVersion: '0.1.0', now: NOW });
        await deleteAllData(db);
        await importBackupText(db, text, 'replace', OPTS);
        expect(await dump()).toEqual(before);
        expect(before).toEqual(sorted(data));
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('restores exactly the backup: local extras removed, rollups rebuilt, a snapshot kept', async () => {
    await replaceAllData(db, sample);
    const small: BackupData = {
      ...emptyBackupData(),
      settings: sample.settings,
      partners: sample.partners.slice(0, 2),
      orders: sample.orders.filter((o) => o.partnerId === sample.partners[0]!.id).slice(0, 5),
    };
    const { plan, snapshotId } = await applyImport(db, parsed(small), 'replace', OPTS);
    expect(await dump()).toEqual(sorted(small));
    const orders = plan.changes.find((c) => c.table === 'orders')!;
    expect(orders).toMatchObject({ current: 3000, incoming: 5, unchanged: 5, remove: 2995 });
    await statsMatchRecords();
    const snap = (await latestSnapshot(db))!;
    expect(snap.id).toBe(snapshotId);
    expect(snap.reason).toBe('Before importing test.json');
    // The small tables are kept as backup text; orders, content and payouts as their pages.
    const kept = parseBackup(snap.json);
    expect(kept.ok && kept.backup.meta.counts.partners).toBe(sample.partners.length);
    expect(kept.ok && kept.backup.meta.counts.orders).toBe(0);
    expect(snap.gens).toEqual({ orders: 0, contentItems: 0, payouts: 0 });
  });

  it('the committed v1 fixture imports into the database', async () => {
    const text = readFileSync(path.join(__dirname, '../fixtures/backups/backup-v1.json'), 'utf8');
    await importBackupText(db, text, 'replace', OPTS);
    expect(await db.partners.count()).toBe(3);
    expect(await countOrders(db)).toBe(4);
    expect((await db.settings.get('settings'))!.brandName).toBe('Barkside Treat Co.');
    await statsMatchRecords();
  });
});

describe('import: merge', () => {
  it('newer updatedAt wins, nothing is duplicated or removed, colliding codes stay put', async () => {
    const [p1, p2, p3] = sample.partners as [
      (typeof sample.partners)[0],
      (typeof sample.partners)[0],
      (typeof sample.partners)[0],
    ];
    await replaceAllData(db, {
      ...emptyBackupData(),
      partners: [
        { ...p1, updatedAt: 100, notes: 'local old' },
        { ...p2, updatedAt: 900, notes: 'local new', codes: ['SHARED'] },
      ],
    });
    const incoming: BackupData = {
      ...emptyBackupData(),
      partners: [
        { ...p1, updatedAt: 200, notes: 'backup new' },
        { ...p2, updatedAt: 300, notes: 'backup old' },
        { ...p3, updatedAt: 50, codes: ['shared', 'OWN'] },
      ],
    };
    const preview = await previewImport(db, parsed(incoming));
    expect(preview.merge.collisions).toHaveLength(1);
    expect(preview.replace.collisions).toHaveLength(0);
    const { plan } = await applyImport(db, parsed(incoming), 'merge', OPTS);
    expect(plan.collisions).toEqual([
      {
        code: 'shared',
        keptBy: { id: p2.id, name: p2.name },
        droppedFrom: { id: p3.id, name: p3.name },
      },
    ]);
    const rows = await db.partners.orderBy(':id').toArray();
    expect(rows.map((p) => [p.id, p.notes, p.codes])).toEqual(
      [
        [p1.id, 'backup new', p1.codes],
        [p2.id, 'local new', ['SHARED']],
        [p3.id, p3.notes, ['OWN']],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    // Merging the same file again finds nothing to do.
    const again = await applyImport(db, parsed(incoming), 'merge', OPTS);
    expect(again.plan.totalChanges).toBe(0);
    expect(await db.partners.count()).toBe(3);
  });
});

describe('atomic import: a failure anywhere leaves the database exactly as before', () => {
  for (const failAt of ['settings', 'partners', 'orders', 'brandFollowers'] as const) {
    it(`throwing after ${failAt} were written (Replace)`, async () => {
      await replaceAllData(db, sample);
      const before = await dump();
      const statsBefore = await db.partnerStats.count();
      const other = parsed({ ...emptyBackupData(), partners: sample.partners.slice(0, 1) });
      await expect(
        applyImport(db, other, 'replace', {
          ...OPTS,
          onTableWritten: (t) => {
            if (t === failAt) throw new Error('injected');
          },
        }),
      ).rejects.toThrow(/The import failed and nothing was changed \(injected\)/);
      expect(await dump()).toEqual(before);
      expect(await db.partnerStats.count()).toBe(statsBefore);
      expect(await db.snapshots.count()).toBe(0);
    });
  }

  it('a write that IndexedDB rejects (Merge)', async () => {
    await replaceAllData(db, sample);
    const before = await dump();
    const spy = vi
      .spyOn(db.table('orderPages'), 'bulkPut')
      .mockRejectedValue(new Error('disk said no'));
    const incoming = parsed({
      ...sample,
      partners: sample.partners.map((p) => ({ ...p, updatedAt: p.updatedAt + 1, notes: 'x' })),
      orders: sample.orders.map((o) => ({ ...o, updatedAt: o.updatedAt + 1 })),
    });
    await expect(applyImport(db, incoming, 'merge', OPTS)).rejects.toBeInstanceOf(ImportError);
    spy.mockRestore();
    expect(await dump()).toEqual(before);
  });

  it('a full disk gets a clear message', async () => {
    await replaceAllData(db, sample);
    const before = await dump();
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(db.table('partners'), 'bulkPut').mockRejectedValue(quota);
    await expect(applyImport(db, parsed(sample), 'replace', OPTS)).rejects.toThrow(
      'The disk is full, so the import stopped. Nothing was changed; free some space and try again.',
    );
    spy.mockRestore();
    expect(await dump()).toEqual(before);
  });

  it('fuzz: mutated files are refused before anything is written, or imported whole', async () => {
    const small: BackupData = {
      ...sample,
      orders: sample.orders.slice(0, 30),
      contentItems: sample.contentItems.slice(0, 10),
      payouts: sample.payouts.slice(0, 5),
    };
    const text = buildBackupText(small, '0.1.0', NOW);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: text.length - 1 }),
        fc.nat({ max: 30 }),
        fc.string({ maxLength: 6 }),
        async (at, len, insert) => {
          await replaceAllData(db, { ...small, orders: sample.orders.slice(100, 120) });
          const before = await dump();
          const mutated = text.slice(0, at) + insert + text.slice(at + len);
          try {
            await importBackupText(db, mutated, 'replace', OPTS);
          } catch (e) {
            expect(e).toBeInstanceOf(ImportError);
            expect(await dump()).toEqual(before);
            return;
          }
          // Accepted (e.g. a change inside a free-text field): the database is the file, as JSON
          // values (pages are stored as JSON text, where a mutated "-0" reads back as 0).
          const r = parseBackup(mutated);
          const asJson = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
          expect(asJson(r.ok && sorted(r.backup.data))).toEqual(asJson(await dump()));
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe('undo import', () => {
  it('puts back exactly what was there and drops the used snapshot', async () => {
    await replaceAllData(db, sample);
    const before = await dump();
    const { snapshotId } = await applyImport(
      db,
      parsed({ ...emptyBackupData(), partners: sample.partners.slice(0, 1) }),
      'replace',
      OPTS,
    );
    expect(await db.partners.count()).toBe(1);
    const counts = await undoImport(db, snapshotId);
    expect(counts.orders).toBe(3000);
    expect(await dump()).toEqual(before);
    await statsMatchRecords();
    expect(await db.snapshots.count()).toBe(0);
    await expect(undoImport(db, snapshotId)).rejects.toThrow(/nothing to undo/);
  }, 30_000);

  it('splits a large snapshot over several records (one IndexedDB value has a size limit)', async () => {
    await replaceAllData(db, sample);
    const before = await dump();
    const small = { ...OPTS, snapshotPartChars: 5_000 };
    const one = parsed({ ...emptyBackupData(), partners: sample.partners.slice(0, 1) });
    const { snapshotId } = await applyImport(db, one, 'replace', small);
    const head = (await db.snapshots.get(snapshotId))!;
    expect(head.more).toBeGreaterThan(3);
    expect(await db.snapshots.count()).toBe(head.more! + 1);
    expect((await latestSnapshot(db))!.id).toBe(snapshotId);
    // Undo joins the parts and restores exactly what was there, then drops every part.
    await undoImport(db, snapshotId);
    expect(await dump()).toEqual(before);
    expect(await db.snapshots.count()).toBe(0);
    // Older split snapshots are trimmed with all their parts.
    for (let i = 0; i <= SNAPSHOTS_KEPT; i++)
      await applyImport(db, one, 'replace', { ...small, now: NOW + i });
    const heads = await db.snapshots.filter((x) => x.createdAt >= 0).toArray();
    expect(heads).toHaveLength(SNAPSHOTS_KEPT);
    const parts = await db.snapshots.filter((x) => x.createdAt < 0).toArray();
    expect(parts.every((p) => heads.some((h) => p.id.startsWith(`${h.id}~`)))).toBe(true);
  }, 60_000);

  it('undoes a Merge, and its snapshot costs no second copy once dropped', async () => {
    await replaceAllData(db, sample);
    const before = await dump();
    const pagesBefore = await db.orderPages.count();
    const incoming = parsed({
      ...sample,
      orders: sample.orders.map((o) => ({ ...o, updatedAt: o.updatedAt + 1, totalCents: 1 })),
    });
    const { snapshotId } = await applyImport(db, incoming, 'merge', OPTS);
    expect((await allOrders(db)).every((o) => o.totalCents === 1)).toBe(true);
    await statsMatchRecords();
    // The live pages are a merged copy; the snapshot's pages are the old ones, untouched.
    expect(await db.orderPages.count()).toBe(2 * pagesBefore);
    await undoImport(db, snapshotId);
    expect(await dump()).toEqual(before);
    await statsMatchRecords();
    expect(await db.orderPages.count()).toBe(pagesBefore);
  }, 30_000);

  it('a snapshot survives "Delete all data" and still undoes the import', async () => {
    await replaceAllData(db, sample);
    const before = await dump();
    const one = parsed({ ...emptyBackupData(), partners: sample.partners.slice(0, 1) });
    const { snapshotId } = await applyImport(db, one, 'replace', OPTS);
    await deleteAllData(db);
    expect(await countOrders(db)).toBe(0);
    await undoImport(db, snapshotId);
    expect(await dump()).toEqual(before);
  }, 30_000);

  it('dropping an old snapshot deletes the pages it kept', async () => {
    await replaceAllData(db, sample);
    const one = parsed({ ...emptyBackupData(), partners: sample.partners.slice(0, 1) });
    for (let i = 0; i < SNAPSHOTS_KEPT; i++)
      await applyImport(db, one, 'replace', { ...OPTS, now: NOW + i });
    // Only the first snapshot holds the sample's orders: they are stored until it is dropped.
    expect(await db.orderPages.count()).toBeGreaterThan(0);
    await applyImport(db, one, 'replace', { ...OPTS, now: NOW + SNAPSHOTS_KEPT });
    expect(await db.orderPages.count()).toBe(0);
    expect(await db.contentPages.count()).toBe(0);
    expect(await db.payoutPages.count()).toBe(0);
  }, 30_000);

  it(`keeps only the ${SNAPSHOTS_KEPT} newest snapshots`, async () => {
    const one = parsed({ ...emptyBackupData(), partners: sample.partners.slice(0, 1) });
    for (let i = 0; i < SNAPSHOTS_KEPT + 2; i++)
      await applyImport(db, one, 'replace', { ...OPTS, now: NOW + i });
    const snaps = await db.snapshots.orderBy('createdAt').toArray();
    expect(snaps.map((s) => s.createdAt)).toEqual([NOW + 2, NOW + 3, NOW + 4]);
  });
});

it('the data tables are exactly the backup tables', () => {
  expect([...DATA_TABLES].sort()).toEqual([...TABLE_NAMES].sort());
});

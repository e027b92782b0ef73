import Dexie from 'dexie';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  applyImport,
  CHUNK_ROWS,
  ImportError,
  latestUndo,
  markExported,
  previewImport,
  readBackupRows,
  undoImport,
} from '../../src/db/backup';
import { DATA_TABLES, PawtnersDb } from '../../src/db/db';
import { deleteAllData, replaceAllData } from '../../src/db/repo';
import { generateSampleData } from '../../src/domain/sample-data';
import {
  defaultSettings,
  SYNCED_TABLE_NAMES,
  TABLE_NAMES,
  type BrandFollowerCount,
  type Deletion,
  type TableName,
} from '../../src/domain/schemas';
import { exportBackupText, importBackupText } from '../../src/features/settings/backup-file';
import {
  buildBackupText,
  emptyBackupData,
  parseBackup,
  type BackupData,
} from '../../src/io/backup';
import { backupDataArb } from '../fixtures/backups/arbitraries';
import { dump, expectRollupsRight, sorted } from './backup-helpers';

// fake-indexeddb writes the 3,000 sample orders slowly on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const NOW = Date.UTC(2026, 2, 15, 12);
const OPTS = { now: NOW, appVersion: '0.1.0', reason: 'Before importing test.json' };
const EXPORT = { appVersion: '0.1.0', now: NOW };
const sample: BackupData = { ...generateSampleData('2026-03-15', NOW), deletions: [] };

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

/** A backup's data as the app reads it from its text. */
function parsed(data: BackupData): BackupData {
  const r = parseBackup(buildBackupText(data, '0.1.0', NOW));
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return r.backup.data;
}

describe('export', () => {
  it('writes every table of the sample brand, deletion records included', async () => {
    await replaceAllData(db, sample);
    await db.orders.delete(sample.orders[0]!.id);
    const text = await exportBackupText(db, EXPORT);
    const r = parseBackup(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.backup.meta.counts.orders).toBe(2999);
    expect(r.backup.meta.counts.deletions).toBe(1);
    expect(sorted(r.backup.data)).toEqual(await dump(db));
  });

  it('reads a big table in chunks of CHUNK_ROWS, in id order, none lost or repeated', async () => {
    const f = sample.brandFollowers[0]!;
    const many: BrandFollowerCount[] = Array.from({ length: CHUNK_ROWS + 1 }, (_, i) => ({
      ...f,
      id: `bf-${String(i).padStart(6, '0')}`,
    }));
    await db.brandFollowers.bulkPut(many);
    const chunks: number[] = [];
    const ids: string[] = [];
    await readBackupRows(db, {
      begin: (c) => expect(c.brandFollowers).toBe(CHUNK_ROWS + 1),
      startTable: () => undefined,
      rows: (t, rows) => {
        if (t !== 'brandFollowers') return;
        chunks.push(rows.length);
        for (const r of rows as BrandFollowerCount[]) ids.push(r.id);
      },
      endTable: () => undefined,
    });
    expect(chunks).toEqual([CHUNK_ROWS, 1]);
    expect(ids).toEqual(many.map((r) => r.id));
  });

  it('marks the export time without counting it as an edit of the settings', async () => {
    await replaceAllData(db, sample);
    const before = (await db.settings.get('settings'))!;
    await markExported(db, NOW + 5);
    const after = (await db.settings.get('settings'))!;
    expect(after.lastExportAt).toBe(NOW + 5);
    expect(after.updatedAt).toBe(before.updatedAt);
    await deleteAllData(db);
    await db.settings.clear();
    await markExported(db, NOW + 9);
    expect((await db.settings.get('settings'))!.lastExportAt).toBe(NOW + 9);
  });
});

/** Deletion records for rows that are not in `data` (as a real database holds them). */
const deletionsFor = (data: BackupData) =>
  fc
    .uniqueArray(
      fc.record({
        table: fc.constantFrom(...SYNCED_TABLE_NAMES),
        rowId: fc.uuid(),
        updatedAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
      }),
      { maxLength: 4, selector: (d) => `${d.table}/${d.rowId}` },
    )
    .map((list) =>
      list
        .filter((d) => !data[d.table].some((r) => r.id === d.rowId))
        .map((d): Deletion => ({ id: `${d.table}/${d.rowId}`, ...d })),
    );
const databaseArb = backupDataArb.chain((data) =>
  deletionsFor(data).map((deletions): BackupData => ({ ...data, deletions })),
);

describe('import: replace', () => {
  it('property: any valid backup imports exactly, and exports again byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(databaseArb, async (data) => {
        const text = buildBackupText(sorted(data), '0.1.0', NOW);
        await importBackupText(db, text, 'replace', OPTS);
        expect(await dump(db)).toEqual(sorted(data));
        expect(await exportBackupText(db, EXPORT)).toBe(text);
        await expectRollupsRight(db);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('property: export, delete everything, import (Replace) gives the same data', async () => {
    await fc.assert(
      fc.asyncProperty(databaseArb, async (data) => {
        await replaceAllData(db, data);
        await db.deletions.bulkPut(data.deletions);
        const before = await dump(db);
        const text = await exportBackupText(db, EXPORT);
        await deleteAllData(db);
        await importBackupText(db, text, 'replace', OPTS);
        expect(await dump(db)).toEqual(before);
        expect(before).toEqual(sorted(data));
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('restores exactly the backup: local extras removed, rollups rebuilt, an undo log kept', async () => {
    await replaceAllData(db, sample);
    const small: BackupData = {
      ...emptyBackupData(),
      settings: sample.settings,
      partners: sample.partners.slice(0, 2),
      orders: sample.orders.filter((o) => o.partnerId === sample.partners[0]!.id).slice(0, 5),
    };
    const { plan, undoId } = await applyImport(db, parsed(small), 'replace', OPTS);
    expect(await dump(db)).toEqual(sorted(small));
    const orders = plan.changes.find((c) => c.table === 'orders')!;
    expect(orders).toMatchObject({ current: 3000, incoming: 5, unchanged: 5, remove: 2995 });
    await expectRollupsRight(db);
    const log = (await latestUndo(db))!;
    expect(log).toEqual({ id: undoId, createdAt: NOW, reason: 'Before importing test.json' });
  });

  it('the committed v1 fixture imports into the database', async () => {
    const text = readFileSync(path.join(__dirname, '../fixtures/backups/backup-v1.json'), 'utf8');
    await importBackupText(db, text, 'replace', OPTS);
    expect(await db.partners.count()).toBe(3);
    expect(await db.orders.count()).toBe(4);
    expect(await db.deletions.count()).toBe(0);
    expect((await db.settings.get('settings'))!.brandName).toBe('Barkside Treat Co.');
    await expectRollupsRight(db);
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
    await expectRollupsRight(db);
  });
});

describe('merge keeps the code-leak flags dismissed on either computer', () => {
  const settingsWith = (updatedAt: number, dismissed: string[]) => ({
    ...defaultSettings(updatedAt),
    dismissedLeakFlags: dismissed,
  });
  const here = ['PAW10@2026-03-01', 'BOTH@2026-03-02'];
  const there = ['BOTH@2026-03-02', 'MEOW15@2026-03-10'];
  const both = ['PAW10@2026-03-01', 'BOTH@2026-03-02', 'MEOW15@2026-03-10'];
  for (const [what, hereAt, thereAt] of [
    ['the backup is newer', 100, 200],
    ['this computer is newer', 200, 100],
    ['both saved at the same time', 100, 100],
  ] as const)
    it(`when ${what}`, async () => {
      await db.settings.put(settingsWith(hereAt, here));
      const incoming = { ...emptyBackupData(), settings: [settingsWith(thereAt, there)] };
      const preview = await previewImport(db, parsed(incoming));
      const settings = preview.merge.changes.find((c) => c.table === 'settings')!;
      expect(settings.update).toBe(1);
      await applyImport(db, parsed(incoming), 'merge', OPTS);
      expect((await db.settings.toArray()).map((s) => s.dismissedLeakFlags)).toEqual([both]);
      // Merging the same file again finds nothing more to do.
      const again = await previewImport(db, parsed(incoming));
      expect(again.merge.totalChanges).toBe(0);
    });

  it('a Replace takes the backup as it is', async () => {
    await db.settings.put(settingsWith(100, here));
    const incoming = { ...emptyBackupData(), settings: [settingsWith(200, there)] };
    await applyImport(db, parsed(incoming), 'replace', OPTS);
    expect((await db.settings.toArray()).map((s) => s.dismissedLeakFlags)).toEqual([there]);
  });
});

describe('atomic import: a failure anywhere leaves the database exactly as before', () => {
  for (const failAt of ['settings', 'partners', 'orders', 'brandFollowers', 'deletions'] as const) {
    it(`throwing after ${failAt} were written (Replace)`, async () => {
      await replaceAllData(db, sample);
      await db.orders.delete(sample.orders[0]!.id);
      const before = await dump(db);
      const statsBefore = await db.partnerStats.toArray();
      const other = parsed({ ...emptyBackupData(), partners: sample.partners.slice(0, 1) });
      await expect(
        applyImport(db, other, 'replace', {
          ...OPTS,
          onTableWritten: (t) => {
            if (t === failAt) throw new Error('injected');
          },
        }),
      ).rejects.toThrow(/The import failed and nothing was changed \(injected\)/);
      expect(await dump(db)).toEqual(before);
      expect(await db.partnerStats.toArray()).toEqual(statsBefore);
      expect(await db.undoLog.count()).toBe(0);
      expect(await db.undoRows.count()).toBe(0);
    });
  }

  it('a write that IndexedDB rejects (Merge)', async () => {
    await replaceAllData(db, sample);
    const before = await dump(db);
    const spy = vi
      .spyOn(db.table('orders'), 'bulkPut')
      .mockRejectedValue(new Error('disk said no'));
    const incoming = parsed({
      ...sample,
      partners: sample.partners.map((p) => ({ ...p, updatedAt: p.updatedAt + 1, notes: 'x' })),
      orders: sample.orders.map((o) => ({ ...o, updatedAt: o.updatedAt + 1 })),
    });
    await expect(applyImport(db, incoming, 'merge', OPTS)).rejects.toBeInstanceOf(ImportError);
    spy.mockRestore();
    expect(await dump(db)).toEqual(before);
    expect(await db.undoLog.count()).toBe(0);
  });

  it('a full disk gets a clear message', async () => {
    await replaceAllData(db, sample);
    const before = await dump(db);
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(db.table('partners'), 'bulkPut').mockRejectedValue(quota);
    // Partners edited since (a Replace writes only the rows that differ).
    const edited = { ...sample, partners: sample.partners.map((p) => ({ ...p, notes: 'x' })) };
    await expect(applyImport(db, parsed(edited), 'replace', OPTS)).rejects.toThrow(
      'The disk is full: free some space and try again. Nothing was changed. The import stopped.',
    );
    spy.mockRestore();
    expect(await dump(db)).toEqual(before);
  });

  it('fuzz: byte-mutated files are refused before anything is written, or imported whole', async () => {
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
          const before = await dump(db);
          const mutated = text.slice(0, at) + insert + text.slice(at + len);
          try {
            await importBackupText(db, mutated, 'replace', OPTS);
          } catch (e) {
            expect(e).toBeInstanceOf(ImportError);
            expect(await dump(db)).toEqual(before);
            return;
          }
          // Accepted (e.g. a change inside a free-text field): the database is the file.
          const r = parseBackup(mutated);
          expect(r.ok && sorted(r.backup.data)).toEqual(await dump(db));
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

// -----------------------------------------------------------------------------------------------
// Fuzz that can fail (issue 17): each property breaks one rule of a valid backup and expects the
// import refused for that reason, with nothing written; each fails when its check is removed.

type Row = Record<string, unknown>;
type Envelope = Row & { data: Record<TableName, Row[]> };

describe('fuzz: a valid backup with one rule broken is refused for it, and nothing is written', () => {
  const base: BackupData = {
    ...sample,
    partners: sample.partners.slice(0, 6),
    contracts: sample.contracts.filter((c) =>
      sample.partners.slice(0, 6).some((p) => p.id === c.partnerId),
    ),
    orders: sample.orders
      .filter(
        (o) =>
          o.partnerId === null || sample.partners.slice(0, 6).some((p) => p.id === o.partnerId),
      )
      .slice(0, 40),
    contentItems: [],
    campaigns: [],
    payouts: sample.payouts
      .filter((p) => sample.partners.slice(0, 6).some((x) => x.id === p.partnerId))
      .slice(0, 8),
    bonuses: sample.bonuses.filter((b) =>
      sample.partners.slice(0, 6).some((p) => p.id === b.partnerId),
    ),
    shipments: sample.shipments.filter((s) =>
      sample.partners.slice(0, 6).some((p) => p.id === s.partnerId),
    ),
    pets: sample.pets.filter((x) => sample.partners.slice(0, 6).some((p) => p.id === x.partnerId)),
    deletions: [
      { id: 'orders/shopify:#gone', table: 'orders', rowId: 'shopify:#gone', updatedAt: NOW },
      { id: 'partners/p-gone', table: 'partners', rowId: 'p-gone', updatedAt: NOW },
    ],
  };
  // Content in a campaign, both pointing at the partners kept.
  const pids = base.partners.map((p) => p.id);
  base.campaigns = sample.campaigns
    .slice(0, 2)
    .map((c) => ({ ...c, partnerIds: pids.slice(0, 2) }));
  base.contentItems = sample.contentItems.slice(0, 8).map((c, i) => ({
    ...c,
    partnerId: pids[i % pids.length]!,
    campaignId: i % 2 ? base.campaigns[0]!.id : null,
  }));
  const baseText = buildBackupText(base, '0.1.0', NOW);
  const fresh = () => JSON.parse(baseText) as Envelope;

  let before: BackupData;
  beforeEach(async () => {
    for (const t of TABLE_NAMES) expect(base[t].length, t).toBeGreaterThan(0);
    expect(parseBackup(baseText).ok).toBe(true);
    await importBackupText(db, baseText, 'replace', OPTS);
    await db.undoLog.clear();
    await db.undoRows.clear();
    before = await dump(db);
  });

  /** Import `file`: refused with a problem at `where` whose message matches `why`; no write. */
  async function expectRefused(file: Envelope, where: string, why: RegExp) {
    const err = await importBackupText(db, JSON.stringify(file), 'replace', OPTS).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err, `${where} was accepted`).toBeInstanceOf(ImportError);
    const lines = (err as Error).message.split('\n');
    expect(
      lines.some((l) => l.startsWith(`${where}: `) && why.test(l)),
      `${where} ${why}: ${lines.join(' | ')}`,
    ).toBe(true);
    expect(await dump(db)).toEqual(before);
    expect(await db.undoLog.count()).toBe(0);
  }

  it('references: a row pointing at a partner or campaign not in the file', async () => {
    const sites = [
      ...(['contracts', 'contentItems', 'orders', 'payouts', 'bonuses'] as const).flatMap((t) =>
        (base[t] as { partnerId: string | null }[]).flatMap((r, i) =>
          r.partnerId === null ? [] : [{ t, i, field: 'partnerId' }],
        ),
      ),
      ...base.contentItems.map((_, i) => ({ t: 'contentItems' as const, i, field: 'campaignId' })),
      ...base.campaigns.map((_, i) => ({ t: 'campaigns' as const, i, field: 'partnerIds' })),
    ];
    const known = new Set([...pids, ...base.campaigns.map((c) => c.id)]);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...sites),
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !known.has(s)),
        async ({ t, i, field }, nowhere) => {
          const file = fresh();
          const row = file.data[t][i]!;
          if (field === 'partnerIds') {
            const list = row.partnerIds as string[];
            row.partnerIds = [...list, nowhere];
            return expectRefused(file, `${t}[${i}].partnerIds[${list.length}]`, /points to a/);
          }
          row[field] = nowhere;
          await expectRefused(file, `${t}[${i}].${field}`, /points to a .* not in the file/);
        },
      ),
      { numRuns: 40 },
    );
  });

  /** An ISO instant that cannot be: a day, month or time out of range, a bad zone, no zone. */
  const impossibleInstant = fc.oneof(
    fc
      .record({
        y: fc.integer({ min: 1970, max: 2099 }),
        mo: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
        h: fc.integer({ min: 0, max: 23 }),
        mi: fc.integer({ min: 0, max: 59 }),
        broken: fc.constantFrom('month', 'day', 'hour', 'minute', 'second', 'offset', 'zone'),
        bad: fc.nat({ max: 60 }),
      })
      .map(({ y, mo, d, h, mi, broken, bad }) => {
        const p = (x: number) => String(x).padStart(2, '0');
        const parts = { mo: p(mo), d: p(d), h: p(h), mi: p(mi), s: '00', zone: '-05:00' };
        if (broken === 'month') parts.mo = p(13 + (bad % 87));
        if (broken === 'day') parts.d = p(mo === 2 ? 30 + (bad % 2) : 32 + (bad % 60));
        if (broken === 'hour') parts.h = p(24 + (bad % 76));
        if (broken === 'minute') parts.mi = p(60 + (bad % 40));
        if (broken === 'second') parts.s = p(60 + (bad % 40));
        if (broken === 'offset') parts.zone = `+${p(19 + (bad % 5))}:00`;
        if (broken === 'zone') parts.zone = '';
        return `${y}-${parts.mo}-${parts.d}T${parts.h}:${parts.mi}:${parts.s}${parts.zone}`;
      }),
    fc.constantFrom(
      '2025-02-29T10:00:00Z',
      '2024-04-31T00:00:00-05:00',
      '1969-12-31T23:59:59Z',
      '2025-03-01',
      '2025-03-01T10:00-05:00',
      'yesterday',
    ),
  );
  const impossibleDay = fc.oneof(
    fc.constantFrom(
      '2025-02-29',
      '2024-02-30',
      '2025-04-31',
      '2025-13-01',
      '2025-00-10',
      '2025-1-1',
    ),
    fc
      .tuple(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 32, max: 99 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${d}`),
  );
  const impossibleMs = fc.constantFrom(-1, 1.5, 253_402_300_800_000, 1e20, -0.5);

  it('dates: an impossible instant, calendar day or epoch time', async () => {
    const sites: { t: TableName; field: string; kind: 'instant' | 'day' | 'ms' }[] = [
      { t: 'orders', field: 'placedAt', kind: 'instant' },
      { t: 'orders', field: 'placedAtMs', kind: 'ms' },
      { t: 'orders', field: 'updatedAt', kind: 'ms' },
      { t: 'contentItems', field: 'plannedDate', kind: 'day' },
      { t: 'payouts', field: 'paidDate', kind: 'day' },
      { t: 'contracts', field: 'startDate', kind: 'day' },
      { t: 'campaigns', field: 'endDate', kind: 'day' },
      { t: 'bonuses', field: 'date', kind: 'day' },
      { t: 'partners', field: 'createdAt', kind: 'ms' },
      { t: 'deletions', field: 'updatedAt', kind: 'ms' },
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...sites),
        fc.nat(),
        impossibleInstant,
        impossibleDay,
        impossibleMs,
        async ({ t, field, kind }, at, instant, day, ms) => {
          const file = fresh();
          const i = at % file.data[t].length;
          file.data[t][i]![field] = kind === 'instant' ? instant : kind === 'day' ? day : ms;
          await expectRefused(file, `${t}[${i}].${field}`, /./);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('deletions: a record whose id is not its table and row id joined by "/"', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.constantFrom('colon', 'other table', 'suffix', 'row only', 'other row'),
        fc.string({ minLength: 1, maxLength: 5 }),
        async (at, how, extra) => {
          const file = fresh();
          const i = at % file.data.deletions.length;
          const d = file.data.deletions[i] as Deletion;
          const other = SYNCED_TABLE_NAMES.find((t) => t !== d.table)!;
          const id = {
            colon: `${d.table}:${d.rowId}`,
            'other table': `${other}/${d.rowId}`,
            suffix: `${d.table}/${d.rowId}${extra}`,
            'row only': `${d.rowId}`,
            'other row': `${d.table}/${d.rowId.slice(1)}${extra}`,
          }[how];
          fc.pre(id !== `${d.table}/${d.rowId}`);
          file.data.deletions[i]!.id = id;
          await expectRefused(file, `deletions[${i}].id`, /joined by "\/"/);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keys: __proto__, constructor or prototype anywhere in the file', async () => {
    /** Every object in the file with its path, as the problems name it. */
    const objects: string[][] = [];
    const walk = (v: unknown, at: string[]) => {
      if (v === null || typeof v !== 'object') return;
      if (!Array.isArray(v)) objects.push(at);
      for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
    };
    walk(fresh(), []);
    expect(objects.length).toBeGreaterThan(100);
    const where = (at: string[], key: string) => {
      // Paths inside `data` read like the table problems: `partners[0].__proto__`.
      const inData = at[0] === 'data' ? at.slice(1) : at;
      return [...inData, key]
        .map((s, j) =>
          /^\d+$/.test(s)
            ? `[${s}]`
            : /^[A-Za-z_$][\w$]*$/.test(s)
              ? j
                ? `.${s}`
                : s
              : `[${JSON.stringify(s)}]`,
        )
        .join('');
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...objects),
        fc.constantFrom('__proto__', 'constructor', 'prototype'),
        fc.jsonValue({ maxDepth: 1 }),
        async (at, key, value) => {
          const file = fresh();
          let node: Row = file;
          for (const k of at) node = node[k] as Row;
          Object.defineProperty(node, key, {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
          await expectRefused(file, where(at, key), /forbidden key \(prototype pollution\)/);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('settings: a locale, time zone or currency that Intl does not know', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          { field: 'locale', value: 'xx-INVALID-@@' },
          { field: 'locale', value: 'en_US' },
          { field: 'locale', value: '' },
          { field: 'timeZone', value: 'Mars/Olympus_Mons' },
          { field: 'timeZone', value: 'EST5EDT,M3.2.0' },
          { field: 'currency', value: 'usd' },
          { field: 'currency', value: 'XYZ1' },
        ),
        async ({ field, value }) => {
          const file = fresh();
          file.data.settings[0]![field] = value;
          await expectRefused(file, `settings[0].${field}`, /./);
        },
      ),
      { numRuns: 14 },
    );
  });
});

describe('undo import', () => {
  it('puts back exactly what was there and drops the used log', async () => {
    await replaceAllData(db, sample);
    const before = await dump(db);
    const { undoId } = await applyImport(
      db,
      parsed({ ...emptyBackupData(), partners: sample.partners.slice(0, 1) }),
      'replace',
      OPTS,
    );
    expect(await db.partners.count()).toBe(1);
    const counts = await undoImport(db, undoId);
    expect(counts.orders).toBe(3000);
    expect(await dump(db)).toEqual(before);
    await expectRollupsRight(db);
    expect(await db.undoLog.count()).toBe(0);
    expect(await db.undoRows.count()).toBe(0);
    await expect(undoImport(db, undoId)).rejects.toThrow(/can no longer be undone/);
  });

  it('the undo log survives "Delete all data" and still undoes the import', async () => {
    await replaceAllData(db, sample);
    const before = await dump(db);
    const one = parsed({ ...emptyBackupData(), partners: sample.partners.slice(0, 1) });
    const { undoId } = await applyImport(db, one, 'replace', OPTS);
    await deleteAllData(db);
    expect(await db.orders.count()).toBe(0);
    await undoImport(db, undoId);
    // A Replace written row by row keeps the rows it changed: everything but the one partner it
    // left as it was (which "Delete all data" took afterwards).
    const kept = sample.partners[0]!.id;
    const after = await dump(db);
    for (const t of TABLE_NAMES) {
      const back = new Map((after[t] as { id: string }[]).map((r) => [r.id, r]));
      const want = (before[t] as { id: string }[]).filter((r) => t !== 'partners' || r.id !== kept);
      expect(want.filter((r) => !back.has(r.id) || back.get(r.id) !== undefined)).toHaveLength(
        want.length,
      );
      for (const r of want) expect(back.get(r.id)).toEqual(r);
    }
  });
});

it('the backup tables are the data tables and the deletion records', () => {
  expect([...TABLE_NAMES].sort()).toEqual([...DATA_TABLES, 'deletions'].sort());
});

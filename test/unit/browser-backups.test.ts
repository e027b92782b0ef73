/**
 * Automatic backups in the browser build (src/platform/browser-backups.ts) on fake-indexeddb, and
 * the contract both stores rely on: what the app's backup writer produces passes the check of
 * src/shared/auto-backups.ts, and nothing else does.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PawtnersDb } from '../../src/db/db';
import { loadSampleData } from '../../src/db/repo';
import { exportBackup } from '../../src/features/settings/backup-file';
import { partsText, type TextPart } from '../../src/io/rows-text';
import { buildBackupText } from '../../src/io/backup';
import { browserBackupStore, type BrowserBackupStore } from '../../src/platform/browser-backups';
import { autoBackupName, checkAutoBackupText } from '../../src/shared/auto-backups';
import { backupDataArb } from '../fixtures/backups/arbitraries';

const day = 86_400_000;
const t0 = Date.UTC(2026, 10, 24, 12, 0, 0);

let app: PawtnersDb;
let sample = '';
let sampleParts: TextPart[] = [];
let n = 0;

beforeEach(async () => {
  app = new PawtnersDb(`test-auto-backups-app-${n++}`);
  await app.open();
  if (!sample) {
    await loadSampleData(app, t0);
    sampleParts = (await exportBackup(app, { appVersion: '0.1.0', now: t0 })).parts;
    sample = await partsText(sampleParts);
  }
});
afterEach(async () => {
  app.close();
  await app.delete();
});

describe("the backup writer's output passes the automatic-backup check", () => {
  it('for a whole database exported from storage', () => {
    expect(checkAutoBackupText(sample)).toMatchObject({ ok: true });
  });

  it('for any valid data that holds a partner or an order, and is refused when empty', () => {
    fc.assert(
      fc.property(backupDataArb, fc.integer({ min: 0, max: 4_102_444_800_000 }), (data, now) => {
        const text = buildBackupText(data, '0.1.0', now);
        const r = checkAutoBackupText(text);
        if (data.partners.length + data.orders.length > 0) expect(r).toMatchObject({ ok: true });
        else expect(r).toEqual({ ok: false, reason: expect.stringMatching(/empty database/) });
        // Any cut through the text is refused.
        const cut = Math.floor(text.length / 3);
        expect(checkAutoBackupText(text.slice(0, cut)).ok).toBe(false);
        expect(checkAutoBackupText(text.slice(0, text.length - 2)).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the browser backup store', () => {
  let clock = t0;
  let store: BrowserBackupStore;
  let dbName: string;
  beforeEach(() => {
    clock = t0;
    dbName = `test-autobackups-${n++}`;
    store = browserBackupStore({ name: dbName, clock: () => clock });
  });
  afterEach(async () => {
    store.close();
    vi.restoreAllMocks();
    await new Promise((r) => {
      const req = indexedDB.deleteDatabase(dbName);
      req.onsuccess = req.onerror = req.onblocked = r;
    });
  });

  /** One backup a day for `days` days before t0. */
  async function seed(days: number): Promise<string[]> {
    const names: string[] = [];
    for (let i = days; i >= 1; i--) {
      clock = t0 - i * day;
      names.push(await store.write(sample));
    }
    clock = t0;
    return names;
  }

  it('keeps backups in its own database, readable as written', async () => {
    const name = await store.write(sample);
    expect(name).toBe(autoBackupName(new Date(t0)));
    expect(await store.list()).toEqual([{ name, createdAt: t0, size: new Blob([sample]).size }]);
    expect(await store.read(name)).toBe(sample);
    const dbs = (await indexedDB.databases()).map((d) => d.name);
    expect(dbs).toContain(dbName);
    // Another tab (another connection) sees the same backups.
    const other = browserBackupStore({ name: dbName });
    expect((await other.list()).map((e) => e.name)).toEqual([name]);
    other.close();
    // Wiping the app's database leaves them alone.
    await app.delete();
    expect(await store.read(name)).toBe(sample);
  });

  it("stores the writer's parts as they are, and refuses parts that are cut or empty", async () => {
    const name = await store.write(sampleParts);
    expect(await store.read(name)).toBe(sample);
    await expect(store.write(sampleParts.slice(0, -1))).rejects.toThrow(/cut off/);
    const empty = buildBackupText(emptyData(), '0.1.0', t0);
    await expect(store.write([empty])).rejects.toThrow(/empty database/);
    await expect(store.write([sample.slice(10)])).rejects.toThrow(/does not start like/);
    expect((await store.list()).map((e) => e.name)).toEqual([name]);
  });

  it('applies the desktop retention: 7 daily and 4 weekly, the new one included', async () => {
    await seed(40);
    const name = await store.write(sample);
    const left = await store.list();
    expect(left).toHaveLength(11);
    expect(left[0]!.name).toBe(name);
  });

  it.each([
    ['two characters', '{}'],
    ['an empty string', ''],
    ['a cut-off backup', () => sample.slice(0, -100)],
    ['a backup whose counts lie', () => sample.replace('"partners": ', '"partners": 1')],
    ['an empty database', () => buildBackupText(emptyData(), '0.1.0', t0)],
  ])('refuses %s: nothing stored, nothing deleted', async (_what, text) => {
    await seed(12);
    const before = (await store.list()).map((e) => e.name);
    await expect(store.write(typeof text === 'function' ? text() : text)).rejects.toThrow(
      /Automatic backup refused/,
    );
    expect((await store.list()).map((e) => e.name)).toEqual(before);
  });

  it('a write that fails (disk full) deletes nothing', async () => {
    await seed(30);
    const before = (await store.list()).map((e) => e.name);
    // fake-indexeddb/auto (test/setup.ts) installed its object store as the global one.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(store.write(sample)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect((await store.list()).map((e) => e.name)).toEqual(before);
    // The next write goes through.
    await expect(store.write(sample)).resolves.toBe(autoBackupName(new Date(t0)));
  });

  it('keeps the new backup when the clock went back', async () => {
    for (let i = 0; i < 40; i++) {
      clock = t0 + 365 * day - i * day;
      await store.write(sample);
    }
    clock = t0;
    const name = await store.write(sample);
    expect((await store.list()).map((e) => e.name)).toContain(name);
  });

  it('writes one at a time, so overlapping writes all land', async () => {
    const times = [t0, t0 + 1000, t0 + 2000];
    let i = 0;
    const s = browserBackupStore({ name: dbName, clock: () => times[i++]! });
    await Promise.all([s.write(sample), s.write(sample), s.write(sample)]);
    expect((await s.list()).map((e) => e.createdAt)).toEqual([t0 + 2000]);
    s.close();
  });

  it('says so when a backup is gone', async () => {
    await expect(store.read(autoBackupName(new Date(t0)))).rejects.toThrow(/no longer stored/);
  });
});

describe('the bridge in a browser (no window.api)', () => {
  it('keeps automatic backups in the browser store and says when one was written', async () => {
    vi.resetModules();
    const bridge = await import('../../src/platform/bridge');
    expect(bridge.isDesktop).toBe(false);
    expect(bridge.hasAutoBackups).toBe(true);
    const heard = vi.fn();
    const off = bridge.onAutoBackupsChanged(heard);
    expect(await bridge.listAutoBackups()).toEqual([]);
    await bridge.writeAutoBackup(sample);
    expect(heard).toHaveBeenCalledTimes(1);
    const [entry, ...rest] = await bridge.listAutoBackups();
    expect(rest).toEqual([]);
    expect(await bridge.readAutoBackup(entry!.name)).toBe(sample);
    await expect(bridge.writeAutoBackup('{}')).rejects.toThrow(/refused/);
    expect(heard).toHaveBeenCalledTimes(1);
    off();
  });
});

function emptyData() {
  return {
    settings: [],
    partners: [],
    contracts: [],
    campaigns: [],
    contentItems: [],
    orders: [],
    payouts: [],
    bonuses: [],
    bonusRules: [],
    brandFollowers: [],
    products: [],
    shipments: [],
    pets: [],
    deletions: [],
  };
}

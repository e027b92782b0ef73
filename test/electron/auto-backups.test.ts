import { promises as fs, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AutoBackupRefused,
  autoBackupStore,
  listAutoBackupFiles,
  writeAutoBackupFile,
} from '../../electron/main/services/auto-backups';
import {
  autoBackupName,
  backupsToDelete,
  checkAutoBackupText,
  isBackupDue,
  parseAutoBackupTime,
  selectBackupsToKeep,
} from '../../src/shared/auto-backups';

const day = 86_400_000;
const t0 = Date.UTC(2026, 10, 24, 12, 0, 0);

/** A backup as the app's writer lays it out (test/unit/auto-backup-check.test.ts holds the writer to it). */
const GOOD = readFileSync(path.join(__dirname, '../fixtures/backups/backup-v2.json'), 'utf8');

describe('automatic backup retention', () => {
  it('names round-trip', () => {
    const n = autoBackupName(new Date(t0));
    expect(n).toBe('pawtners-auto-2026-11-24T12-00-00Z.json');
    expect(parseAutoBackupTime(n)).toBe(t0);
    expect(parseAutoBackupTime('other.json')).toBeNull();
  });
  it('keeps 7 daily and 4 weekly', () => {
    // One backup a day for 60 days, plus a second one on the newest day.
    const names = Array.from({ length: 60 }, (_, i) => autoBackupName(new Date(t0 - i * day)));
    names.push(autoBackupName(new Date(t0 - 3600_000)));
    const keep = selectBackupsToKeep(names);
    expect(keep.size).toBe(11);
    // The newest of today is kept, not the earlier one.
    expect(keep.has(autoBackupName(new Date(t0)))).toBe(true);
    expect(keep.has(autoBackupName(new Date(t0 - 3600_000)))).toBe(false);
    for (let i = 0; i < 7; i++) expect(keep.has(autoBackupName(new Date(t0 - i * day)))).toBe(true);
    const older = [...keep].map((n) => parseAutoBackupTime(n)!).filter((t) => t < t0 - 6 * day);
    expect(older).toHaveLength(4);
    // The weekly ones are in different weeks, each at least ~7 days apart.
    older.sort((a, b) => b - a);
    for (let i = 1; i < older.length; i++)
      expect(older[i - 1]! - older[i]!).toBeGreaterThanOrEqual(7 * day);
  });
  it('is due after a day', () => {
    expect(isBackupDue([], t0)).toBe(true);
    expect(isBackupDue([autoBackupName(new Date(t0 - 2 * 3600_000))], t0)).toBe(false);
    expect(isBackupDue([autoBackupName(new Date(t0 - day - 1000))], t0)).toBe(true);
  });
  it('never deletes the backup just written, nor files that are not backups', () => {
    // The clock went back: copies dated in the future fill every daily and weekly place.
    const future = Array.from({ length: 40 }, (_, i) =>
      autoBackupName(new Date(t0 + 400 * day - i * day)),
    );
    const written = autoBackupName(new Date(t0));
    expect(selectBackupsToKeep([...future, written]).has(written)).toBe(false);
    const gone = backupsToDelete(
      [...future, written, 'notes.txt', 'pawtners-auto-x.json'],
      written,
    );
    expect(gone).not.toContain(written);
    expect(gone).not.toContain('notes.txt');
    expect(gone).not.toContain('pawtners-auto-x.json');
    expect(gone).toHaveLength(40 - 11);
  });
});

describe('the check of an automatic backup', () => {
  const counts = JSON.parse(GOOD).counts as Record<string, number>;
  it('accepts what the writer produces', () => {
    const r = checkAutoBackupText(GOOD);
    expect(r).toMatchObject({ ok: true, header: { format: 'pawtners-backup', schemaVersion: 2 } });
  });

  const header = (h: Record<string, unknown>) => {
    const head = JSON.stringify(h, null, 2);
    return GOOD.replace(
      /^[\s\S]*?,\n {2}"data": \{/,
      `${head.slice(0, head.lastIndexOf('}')).trimEnd()},\n  "data": {`,
    );
  };
  const meta = {
    format: 'pawtners-backup',
    schemaVersion: 2,
    appVersion: '0.1.0',
    exportedAt: '2026-12-04T12:00:00.000Z',
    counts,
  };
  it('the header helper rebuilds the same file', () => {
    expect(header(meta)).toBe(GOOD);
  });

  const refusals: [string, unknown, RegExp][] = [
    ['two characters', '{}', /does not start like/],
    ['a number', 42, /not text/],
    ['other JSON', JSON.stringify({ format: 'pawtners-backup', data: {} }), /does not start like/],
    ['a header with no data', GOOD.slice(0, GOOD.indexOf('"data"')), /header is incomplete/],
    ['another format', GOOD.replace('"pawtners-backup"', '"pawtners-backupX"'), /start like/],
    ['a string schemaVersion', header({ ...meta, schemaVersion: '2' }), /schemaVersion/],
    ['schemaVersion 0', header({ ...meta, schemaVersion: 0 }), /schemaVersion/],
    ['a fractional schemaVersion', header({ ...meta, schemaVersion: 2.5 }), /schemaVersion/],
    ['no appVersion', header({ ...meta, appVersion: undefined }), /exactly/],
    ['an odd appVersion', header({ ...meta, appVersion: '<script>' }), /appVersion/],
    ['an extra key', header({ ...meta, extra: 1 }), /exactly/],
    [
      'keys out of order',
      header({
        format: meta.format,
        schemaVersion: 2,
        appVersion: meta.appVersion,
        counts,
        exportedAt: meta.exportedAt,
      }),
      /exactly/,
    ],
    ['a date that is not ISO', header({ ...meta, exportedAt: '2026-12-04' }), /exportedAt/],
    [
      'an impossible date',
      header({ ...meta, exportedAt: '2026-02-31T12:00:00.000Z' }),
      /exportedAt/,
    ],
    ['a negative count', header({ ...meta, counts: { ...counts, orders: -3 } }), /count of orders/],
    [
      'a count too high',
      header({ ...meta, counts: { ...counts, orders: 4 } }),
      /orders holds 3 records, its count says 4/,
    ],
    ['a table missing', header({ ...meta, counts: { ...counts, other: 0 } }), /other is missing/],
    [
      'a prototype key in counts',
      GOOD.replace('"settings": 1,', '"__proto__": 1,'),
      /unknown table/,
    ],
    ['a cut-off file', GOOD.slice(0, Math.floor(GOOD.length / 2)), /cut off/],
    ['a file without its last newline', GOOD.slice(0, -1), /cut off/],
    [
      'a record split across lines',
      GOOD.replace('{"id":"settings",', '{"id":"settings",\n'),
      /record of settings/,
    ],
    ['a record cut short', GOOD.replace(/\}(,\n {6}\{"id":"p-002")/, '$1'), /cut off/],
    [
      'trailing data',
      GOOD.replace(/\n {2}\}\n\}\n$/, ',\n    "x": []\n  }\n}\n'),
      /more after the last table/,
    ],
    [
      'an empty database',
      header({
        ...meta,
        counts: Object.fromEntries(Object.keys(counts).map((k) => [k, 0])),
      }).replace(/: \[\n[\s\S]*?\n {4}\]/g, ': []'),
      /empty database/,
    ],
  ];
  it.each(refusals)('refuses %s', (_what, text, reason) => {
    const r = checkAutoBackupText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('writing automatic backups to a folder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(tmpdir(), 'pawtners-auto-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** Good backups of the 30 days before t0, as earlier runs left them. */
  async function seed(days = 30): Promise<string[]> {
    const names = Array.from({ length: days }, (_, i) =>
      autoBackupName(new Date(t0 - (i + 1) * day)),
    );
    await Promise.all(names.map((n) => fs.writeFile(path.join(dir, n), GOOD)));
    return names.sort();
  }
  const ls = async () => (await fs.readdir(dir)).sort();

  it('writes, reads back, and keeps 7 daily and 4 weekly with the new one', async () => {
    await seed();
    const { name, deleted } = await writeAutoBackupFile(dir, GOOD, new Date(t0));
    expect(name).toBe(autoBackupName(new Date(t0)));
    expect(await fs.readFile(path.join(dir, name), 'utf8')).toBe(GOOD);
    const left = await ls();
    expect(left).toHaveLength(11);
    expect(left).toContain(name);
    expect(deleted).toHaveLength(20);
    expect((await listAutoBackupFiles(dir))[0]).toEqual({
      name,
      createdAt: t0,
      size: Buffer.byteLength(GOOD),
    });
  });

  it.each([
    ['two characters', '{}'],
    ['an empty string', ''],
    ['a cut-off backup', GOOD.slice(0, -40)],
    ['a backup whose counts lie', GOOD.replace('"orders": 3', '"orders": 2')],
    ['not text', Buffer.from(GOOD)],
  ])('refuses %s: nothing written, nothing deleted', async (_what, text) => {
    const before = await seed();
    await expect(writeAutoBackupFile(dir, text, new Date(t0))).rejects.toBeInstanceOf(
      AutoBackupRefused,
    );
    expect(await ls()).toEqual(before);
  });

  it('a write that fails deletes nothing and leaves no temp file', async () => {
    const before = await seed();
    // Something in the way of the rename: a folder with the new backup's name.
    const blocker = path.join(dir, autoBackupName(new Date(t0)));
    await fs.mkdir(blocker);
    await fs.writeFile(path.join(blocker, 'x'), 'x');
    await expect(writeAutoBackupFile(dir, GOOD, new Date(t0))).rejects.toThrow();
    expect(await ls()).toEqual([...before, autoBackupName(new Date(t0))].sort());
    for (const n of before) expect(await fs.readFile(path.join(dir, n), 'utf8')).toBe(GOOD);
  });

  it('keeps the new backup when the clock went back', async () => {
    const future = Array.from({ length: 12 }, (_, i) =>
      autoBackupName(new Date(t0 + 365 * day - i * day)),
    );
    await Promise.all(future.map((n) => fs.writeFile(path.join(dir, n), GOOD)));
    const { name } = await writeAutoBackupFile(dir, GOOD, new Date(t0));
    expect(await ls()).toContain(name);
  });

  it('leaves other files alone and removes temp files a crash left long ago', async () => {
    await seed(3);
    await fs.writeFile(path.join(dir, 'notes.txt'), 'mine');
    const oldTmp = path.join(dir, `${autoBackupName(new Date(t0 - 9 * day))}.1-ab.tmp`);
    const newTmp = path.join(dir, `${autoBackupName(new Date(t0))}.2-cd.tmp`);
    await fs.writeFile(oldTmp, '{');
    await fs.writeFile(newTmp, '{');
    const old = new Date(t0 - 2 * day);
    await fs.utimes(oldTmp, old, old);
    await fs.utimes(newTmp, new Date(t0), new Date(t0));
    await writeAutoBackupFile(dir, GOOD, new Date(t0));
    const left = await ls();
    expect(left).toContain('notes.txt');
    expect(left).toContain(path.basename(newTmp));
    expect(left).not.toContain(path.basename(oldTmp));
  });

  it('the store writes one at a time, so overlapping writes both land', async () => {
    let tick = t0;
    const store = autoBackupStore(dir, () => new Date((tick += 1000)));
    await Promise.all([store.write(GOOD), store.write(GOOD), store.write(GOOD)]);
    // Same day: retention keeps the newest only.
    expect((await store.list()).map((e) => e.createdAt)).toEqual([t0 + 3000]);
    expect(await store.read(autoBackupName(new Date(t0 + 3000)))).toBe(GOOD);
    await expect(store.read('../../etc/passwd')).rejects.toThrow();
    // A refused write does not block the next one.
    await expect(store.write('{}')).rejects.toBeInstanceOf(AutoBackupRefused);
    await expect(store.write(GOOD)).resolves.toMatchObject({
      name: autoBackupName(new Date(t0 + 5000)),
    });
  });
});

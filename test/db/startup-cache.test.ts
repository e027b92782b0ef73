/**
 * The start-up read (src/app/early-read.ts) and the shared table copies (src/app/table-cache.ts):
 * they never create or change the database, and a kept copy is never served after a write.
 */
import Dexie, { liveQuery } from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import {
  EARLY_DB_NAME,
  EARLY_DB_VERSION,
  EARLY_TABLES,
  startEarlyRead,
  takeEarlyRead,
  type EarlyRows,
} from '../../src/app/early-read';
import { cachedRows } from '../../src/app/table-cache';
import { DB_NAME, PawtnersDb, setDbForTests } from '../../src/db/db';
import { generateSampleData } from '../../src/domain/sample-data';
import type { Partner } from '../../src/domain/schemas';
import { replaceAllData } from '../../src/db/repo';
import { ensureStartupCopies } from '../../src/db/startup-copies';
import { unpackRollups, type PackedRollups } from '../../src/domain/stats';

const NOW = Date.UTC(2026, 2, 15, 12);
const sample = generateSampleData('2026-03-15', NOW);

describe('early read', () => {
  it('knows the database name and version Dexie uses', async () => {
    expect(EARLY_DB_NAME).toBe(DB_NAME);
    const db = new PawtnersDb('early-version-check');
    expect(db.verno).toBe(EARLY_DB_VERSION);
    await db.open();
    expect(db.backendDB().version).toBe(EARLY_DB_VERSION * 10);
    for (const t of EARLY_TABLES) expect(db.backendDB().objectStoreNames.contains(t)).toBe(true);
    db.close();
    await Dexie.delete('early-version-check');
  });

  it('does not create a missing database', async () => {
    expect(await Dexie.exists(EARLY_DB_NAME)).toBe(false);
    startEarlyRead();
    expect(await takeEarlyRead()).toBeNull();
    expect(await Dexie.exists(EARLY_DB_NAME)).toBe(false);
  });
});

describe('early read and kept copies on a stored brand', () => {
  const db = new PawtnersDb(EARLY_DB_NAME);
  afterAll(async () => {
    db.close();
    await Dexie.delete(EARLY_DB_NAME);
  });

  it('reads what Dexie reads, then serves it until a write', async () => {
    setDbForTests(db);
    await replaceAllData(db, sample);
    db.close();

    startEarlyRead();
    await db.open();
    const first = await cachedRows<Partner>('partners');
    expect(first.length).toBe(sample.partners.length);
    expect([...first]).toEqual(await db.partners.toArray());
    expect(Object.isFrozen(first)).toBe(true);
    // The same copy again while nothing changed.
    expect(await cachedRows<Partner>('partners')).toBe(first);
    expect((await cachedRows('partnerStats')).length).toBe(sample.partners.length + 1);

    const renamed = { ...sample.partners[0]!, name: 'Renamed Pup' };
    await db.partners.put(renamed);
    const after = await cachedRows<Partner>('partners');
    expect(after).not.toBe(first);
    expect(after.find((p) => p.id === renamed.id)?.name).toBe('Renamed Pup');
    // Only the written table was read again.
    expect(await cachedRows<Partner>('partners')).toBe(after);
  });

  it('writes a copy that an edit dropped again a few seconds after the edit', async () => {
    setDbForTests(db);
    await ensureStartupCopies(db);
    await db.partners.put({ ...sample.partners[1]!, name: 'Edited Pup' });
    expect(await db.table('startupCopies').get('partners')).toBeUndefined();
    await expect
      .poll(async () => (await db.table('startupCopies').get('partners')) !== undefined, {
        timeout: 10_000,
        interval: 250,
      })
      .toBe(true);
    const copy = (await db.table('startupCopies').get('partners')) as { rows: Partner[] };
    expect(copy.rows.find((p) => p.id === sample.partners[1]!.id)?.name).toBe('Edited Pup');
    expect(copy.rows).toEqual(await db.partners.toArray());
  });

  it('a live query on a kept copy still re-runs on the next write', async () => {
    setDbForTests(db);
    await cachedRows('contracts'); // keep a copy
    const seen: number[] = [];
    const sub = liveQuery(() => cachedRows('contracts')).subscribe((rows) =>
      seen.push(rows.length),
    );
    await expect.poll(() => seen.length).toBe(1);
    await db.contracts.delete(sample.contracts[0]!.id);
    await expect.poll(() => seen.at(-1)).toBe(sample.contracts.length - 1);
    sub.unsubscribe();
  });

  it('is not used for another database', async () => {
    const other = new PawtnersDb('kept-copies-other');
    setDbForTests(other);
    expect(await cachedRows('partners')).toEqual([]);
    setDbForTests(db);
    expect((await cachedRows('partners')).length).toBe(sample.partners.length);
    other.close();
    await Dexie.delete('kept-copies-other');
  });
});

describe('early read of the one-record copies', () => {
  const db = new PawtnersDb(EARLY_DB_NAME);
  afterAll(async () => {
    db.close();
    await Dexie.delete(EARLY_DB_NAME);
  });

  async function early(): Promise<EarlyRows> {
    // Dexie announces its writes to other windows a moment later; the early read must not take
    // the writes above for another window's.
    await new Promise((r) => setTimeout(r, 50));
    startEarlyRead();
    const rows = await takeEarlyRead();
    expect(rows).not.toBeNull();
    return rows!;
  }

  async function expectWhatDexieReads(rows: EarlyRows): Promise<void> {
    const stats = rows.packedStats
      ? unpackRollups(rows.packedStats as PackedRollups)
      : rows.tables.partnerStats;
    for (const t of EARLY_TABLES)
      expect(t === 'partnerStats' ? stats : rows.tables[t], t).toEqual(await db.table(t).toArray());
  }

  it('reads the copies, or the table whose copy a write dropped, until it is written again', async () => {
    await replaceAllData(db, sample);
    const fast = await early();
    expect(fast.copiesMissing).toBe(false);
    expect(fast.packedStats).toBeDefined();
    expect(fast.tables.partnerStats).toEqual([]);
    expect(fast.tables.partners.length).toBe(sample.partners.length);
    await expectWhatDexieReads(fast);

    await db.partners.put({ ...sample.partners[0]!, name: 'Renamed Pup' });
    const slow = await early();
    expect(slow.copiesMissing).toBe(true);
    expect(slow.packedStats).toBeDefined();
    expect((slow.tables.partners as Partner[]).find((p) => p.name === 'Renamed Pup')).toBeDefined();
    await expectWhatDexieReads(slow);

    expect(await ensureStartupCopies(db)).toEqual(['partners']);
    const again = await early();
    expect(again.copiesMissing).toBe(false);
    await expectWhatDexieReads(again);
  });
});

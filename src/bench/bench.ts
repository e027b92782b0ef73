/**
 * Benchmark harness page (built only with PAWTNERS_BENCH=1, never shipped). It exposes functions
 * on `window.bench` that scripts/bench.mjs calls through Playwright, on the app's own origin so it
 * shares the app's IndexedDB (on disk: the benchmark runs Chromium on a persistent profile).
 *
 * What it needs from the storage layer (src/db): `getDb`, `DATA_TABLES`, `deleteAllData`,
 * `applyImport`, and the backup file functions `exportBackup`, `backupDataOf`, `backupCopySink` (settings). The raw limit (`rawBulkPut`)
 * uses Dexie directly on a scratch database and nothing of the app's.
 */
import Dexie from 'dexie';
import { generateLargeData, LARGE } from './large-dataset';
import { generateSampleData, type DataSet } from '../domain/sample-data';
import { dateInZone } from '../domain/dates';
import { DATA_TABLES, getDb } from '../db/db';
import { deleteAllData } from '../db/repo';
import { applyImport } from '../db/backup';
import { backupCopySink, backupDataOf, exportBackup } from '../features/settings/backup-file';
import { TABLE_NAMES } from '../domain/schemas';
import { buildBackupText, parseBackup } from '../io/backup';

let data: DataSet | null = null;
const VERSION = __APP_VERSION__;

/**
 * Sample the JS heap every 20 ms (and at every await) while `fn` runs; returns its peak in MB.
 * The heap is collected first (the benchmark runs Chromium with --expose-gc), so garbage left by
 * an earlier step does not count against this one.
 */
async function withHeapPeak<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; ms: number; peakHeapMb: number | null }> {
  (window as { gc?: () => void }).gc?.();
  let peak = heapMb() ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, heapMb() ?? 0);
  }, 20);
  const t0 = performance.now();
  try {
    const result = await fn();
    peak = Math.max(peak, heapMb() ?? 0);
    return { result, ms: performance.now() - t0, peakHeapMb: heapMb() === null ? null : peak };
  } finally {
    clearInterval(timer);
  }
}

let backupFile: Blob | null = null;

function counts(d: DataSet): Record<string, number> {
  return Object.fromEntries(DATA_TABLES.map((t) => [t, d[t].length]));
}

function heapMb(): number | null {
  const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return m ? Math.round(m.usedJSHeapSize / 1_048_576) : null;
}

/**
 * Write every record with raw IndexedDB in one transaction, no indexes, one store per table: the
 * per-record cost of this browser's IndexedDB without any index.
 */
async function rawWrite(d: DataSet): Promise<number> {
  const name = 'bench-raw';
  await new Promise<void>((res) => {
    const del = indexedDB.deleteDatabase(name);
    del.onsuccess = del.onerror = del.onblocked = () => res();
  });
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      for (const t of DATA_TABLES) req.result.createObjectStore(t, { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction([...DATA_TABLES], 'readwrite', { durability: 'default' });
    for (const t of DATA_TABLES) {
      const store = tx.objectStore(t);
      for (const r of d[t]) store.put(r);
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  db.close();
  indexedDB.deleteDatabase(name);
  return ms;
}

/**
 * The raw limit of the new storage design (issue 16): a plain Dexie `bulkPut` of the order rows
 * into a scratch database whose orders table has the app's current order indexes, in chunks of
 * `chunk` rows per transaction (each bulkPut outside a transaction is its own read-write
 * transaction). Orders without a partner are stored as they are (the compound index skips them).
 */
export function rawOrderIndexes(): string {
  // The orders table's indexes in the app's current schema, as Dexie spells them.
  const schema = getDb().table('orders').schema;
  return [schema.primKey.src, ...schema.indexes.map((i) => i.src)].join(', ');
}

async function rawBulkPut(
  rows: readonly object[],
  chunk: number,
): Promise<{ ms: number; rows: number; chunk: number; indexes: string }> {
  const name = 'bench-raw-bulkput';
  await Dexie.delete(name);
  const db = new Dexie(name);
  const indexes = rawOrderIndexes();
  db.version(1).stores({ orders: indexes });
  await db.open();
  const table = db.table('orders');
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += chunk) await table.bulkPut(rows.slice(i, i + chunk));
  const ms = performance.now() - t0;
  const stored = await table.count();
  db.close();
  await Dexie.delete(name);
  if (stored !== rows.length) throw new Error(`raw bulkPut stored ${stored} of ${rows.length}`);
  return { ms, rows: rows.length, chunk, indexes };
}

const bench = {
  heapMb,
  async generate(
    preset: 'small' | 'large',
  ): Promise<{ ms: number; counts: Record<string, number> }> {
    const now = Date.now();
    const today = dateInZone(now, 'America/New_York');
    const t0 = performance.now();
    data =
      preset === 'large' ? generateLargeData(today, now, LARGE) : generateSampleData(today, now);
    return { ms: performance.now() - t0, counts: counts(data) };
  },
  async rawWrite(): Promise<number> {
    if (!data) throw new Error('generate first');
    return rawWrite(data);
  },
  /** The raw limit: the generated orders through a plain Dexie bulkPut (see rawBulkPut). */
  async rawBulkPut(chunk = 5_000) {
    if (!data) throw new Error('generate first');
    return rawBulkPut(data.orders, chunk);
  },
  /**
   * The app's own import path for the generated data: the backup envelope is parsed and validated
   * (timed apart), then written by the backup import (one transaction, snapshot, rollups).
   */
  async appImport(): Promise<{
    serializeMs: number;
    parseMs: number;
    writeMs: number;
    ms: number;
    peakHeapMb: number | null;
  }> {
    if (!data) throw new Error('generate first');
    await deleteAllData(getDb());
    const t0 = performance.now();
    let text: string | null = buildBackupText({ ...data, deletions: [] }, VERSION, Date.now());
    const serializeMs = performance.now() - t0;
    data = null; // let the generated objects go: the import works from the text, like a real restore
    const r = await withHeapPeak(async () => {
      const t1 = performance.now();
      const parsed = parseBackup(text!, VERSION);
      text = null; // as the Backups card does: once parsed, the file's text can go
      if (!parsed.ok) throw new Error(parsed.problems[0]?.message ?? 'invalid');
      const parseMs = performance.now() - t1;
      const t2 = performance.now();
      await applyImport(getDb(), parsed.backup.data, 'replace', {
        now: Date.now(),
        reason: 'benchmark',
      });
      return { parseMs, writeMs: performance.now() - t2 };
    });
    return { serializeMs, ...r.result, ms: r.ms, peakHeapMb: r.peakHeapMb };
  },
  /**
   * Export the whole database as the Backups card does: the backup text's parts, handed to a
   * Blob (the browser's download; the desktop app sends the parts to its main process).
   */
  async exportBackup(): Promise<{
    ms: number;
    readMs: number;
    peakHeapMb: number | null;
    mb: number;
  }> {
    backupFile = null;
    let readMs = 0;
    const r = await withHeapPeak(async () => {
      const t0 = performance.now();
      const { parts } = await exportBackup(getDb(), { appVersion: VERSION, now: Date.now() });
      readMs = performance.now() - t0;
      return new Blob(parts, { type: 'application/json' });
    });
    backupFile = r.result;
    return {
      ms: r.ms,
      readMs,
      peakHeapMb: r.peakHeapMb,
      mb: Math.round(r.result.size / 1_048_576),
    };
  },
  /**
   * Restore the exported backup over the full database as the Backups card does (Replace, its
   * Undo copy kept as one backup file), with every row of the file edited since (its updatedAt
   * moved on): the worst case, where every row is written again. Parsing is timed; reading the
   * file is not, as the card reads it before the owner confirms.
   */
  async reimportBackup(): Promise<{ ms: number; peakHeapMb: number | null; written: number }> {
    if (!backupFile) throw new Error('export first');
    let text: string | null = await backupFile.text();
    backupFile = null;
    const r = await withHeapPeak(async () => {
      const parsed = backupDataOf(text!, VERSION);
      text = null; // as the card does: once parsed, the file's text can go
      for (const t of TABLE_NAMES) for (const row of parsed[t]) row.updatedAt += 1;
      const { plan } = await applyImport(getDb(), parsed, 'replace', {
        now: Date.now(),
        reason: 'benchmark',
        keepCopy: () => backupCopySink({ appVersion: VERSION, now: Date.now() }),
        mostRowsDiffer: true,
      });
      return plan.changes.reduce((s, c) => s + c.update, 0);
    });
    return { ms: r.ms, peakHeapMb: r.peakHeapMb, written: r.result };
  },
  async clear(): Promise<void> {
    await deleteAllData(getDb());
  },
  /** Serialize the generated data set as a backup envelope text (for the import benchmarks). */
  dataset(): DataSet {
    if (!data) throw new Error('generate first');
    return data;
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
document.body.dataset.ready = 'true';

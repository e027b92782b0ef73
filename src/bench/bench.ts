/**
 * Benchmark harness page (built only with PAWTNERS_BENCH=1, never shipped). It exposes functions
 * on `window.bench` that scripts/bench.mjs calls through Playwright, on the app's own origin so it
 * shares the app's IndexedDB.
 */
import { generateLargeData, LARGE } from './large-dataset';
import { generateSampleData, type DataSet } from '../domain/sample-data';
import { dateInZone } from '../domain/dates';
import { DATA_TABLES, getDb } from '../db/db';
import { isPaged, PAGED } from '../db/order-pages';
import type { PagedTable } from '../db/paged-store';
import { deleteAllData } from '../db/repo';
import { applyImport, exportBackup, importBackupText } from '../db/backup';
import { buildBackupText, parseBackup } from '../io/backup';
import {
  applyOrderImport,
  ensureCustomerSalt,
  planOrderImport,
  prepareOrderImport,
  readImportBasis,
} from '../db/orders';
import { parseCsv } from '../io/csv';
import { withCustomerKeys } from '../io/customer-key';
import { detectImporter } from '../io/orders-mapped';

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

/** Write every record with raw IndexedDB in one transaction: the physical limit of this browser. */
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
 * The same records written with raw IndexedDB in the app's storage layout (orders, content and
 * payouts as month pages of row text with their id index, everything else one record per row),
 * one transaction: the physical limit for the layout the app actually uses.
 */
async function rawWritePaged(d: DataSet): Promise<number> {
  const name = 'bench-raw-paged';
  await new Promise<void>((res) => {
    const del = indexedDB.deleteDatabase(name);
    del.onsuccess = del.onerror = del.onblocked = () => res();
  });
  const plain = DATA_TABLES.filter((t) => !isPaged(t));
  const paged = DATA_TABLES.filter(isPaged);
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      for (const t of plain) req.result.createObjectStore(t, { keyPath: 'id' });
      for (const t of paged)
        for (const store of PAGED[t].tables) req.result.createObjectStore(store, { keyPath: 'key' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const stores = [...plain, ...paged.flatMap((t) => [...PAGED[t].tables])];
    const tx = db.transaction(stores, 'readwrite', { durability: 'default' });
    for (const t of plain) {
      const store = tx.objectStore(t);
      for (const r of d[t]) store.put(r);
    }
    for (const t of paged) {
      const store = PAGED[t] as unknown as PagedTable<{ id: string; updatedAt: number }>;
      const pages = store.paginate(d[t]);
      const [pageStore, indexStore] = PAGED[t].tables;
      for (const p of pages) {
        tx.objectStore(pageStore).put(store.encode(p));
        tx.objectStore(indexStore).put({
          key: p.key,
          ids: p.rows.map((r) => r.id),
          stamps: p.rows.map((r) => r.updatedAt),
        });
      }
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  db.close();
  indexedDB.deleteDatabase(name);
  return ms;
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
  async rawWritePaged(): Promise<number> {
    if (!data) throw new Error('generate first');
    return rawWritePaged(data);
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
    let text: string | null = buildBackupText(data, VERSION, Date.now());
    const serializeMs = performance.now() - t0;
    data = null; // let the generated objects go: the import works from the text, like a real restore
    const r = await withHeapPeak(async () => {
      const t1 = performance.now();
      const parsed = parseBackup(text!, VERSION);
      text = null; // as the Backups card does: once parsed, the file's text can go
      if (!parsed.ok) throw new Error(parsed.problems[0]?.message ?? 'invalid');
      const parseMs = performance.now() - t1;
      const t2 = performance.now();
      await applyImport(getDb(), parsed.backup, 'replace', {
        now: Date.now(),
        appVersion: VERSION,
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
  /** Re-import the exported backup over the full database (Replace, with its safety snapshot). */
  async reimportBackup(): Promise<{ ms: number; peakHeapMb: number | null }> {
    if (!backupFile) throw new Error('export first');
    // Reading the file is not timed, as the Backups card reads it before the import starts.
    let text: string | null = await backupFile.text();
    backupFile = null;
    const r = await withHeapPeak(() => {
      const t = text!;
      text = null; // the import owns it now, so it can be collected once parsed
      return importBackupText(getDb(), t, 'replace', {
        now: Date.now(),
        appVersion: VERSION,
        reason: 'benchmark',
      });
    });
    return { ms: r.ms, peakHeapMb: r.peakHeapMb };
  },
  /**
   * The order import's phases one after the other on this page (the app runs them in a worker,
   * reading the index while parsing): where a CSV import's time goes.
   */
  async csvPhases(csv: string, profile = ''): Promise<Record<string, number>> {
    const db = getDb();
    const t: Record<string, number> = {};
    let last = performance.now();
    const names = ['setup', 'text', 'parse', 'group', 'keys', 'basis', 'plan', 'prepare', 'write'];
    const lap = (k: string) => {
      const now = performance.now();
      t[k] = Math.round(now - last);
      if (profile.split(',').includes(k)) console.profileEnd(k);
      const next = names[names.indexOf(k) + 1];
      if (next && profile.split(',').includes(next)) console.profile(next);
      last = performance.now();
    };
    const settings = await ensureCustomerSalt(db);
    const blob = new Blob([csv]);
    lap('setup');
    const text = await blob.text();
    lap('text');
    const parsed = parseCsv(text);
    lap('parse');
    const res = detectImporter(parsed.header)!.parse(parsed, {
      timeZone: settings.timeZone,
      defaultCurrency: settings.currency,
      now: Date.now(),
    });
    lap('group');
    const orders = await withCustomerKeys(res.orders, settings.customerSalt, false);
    lap('keys');
    const basis = await readImportBasis(db);
    lap('basis');
    const plan = await planOrderImport(db, res.source, orders, res.problems, Date.now(), basis);
    lap('plan');
    const prepared = await prepareOrderImport(db, plan, basis.index);
    lap('prepare');
    await applyOrderImport(db, plan, undefined, prepared);
    lap('write');
    return t;
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

/**
 * Benchmark harness page (built only with PAWTNERS_BENCH=1, never shipped). It exposes functions
 * on `window.bench` that scripts/bench.mjs calls through Playwright, on the app's own origin so it
 * shares the app's IndexedDB.
 */
import { generateLargeData, LARGE } from './large-dataset';
import { generateSampleData, type DataSet } from '../domain/sample-data';
import { dateInZone } from '../domain/dates';
import { DATA_TABLES, getDb } from '../db/db';
import { deleteAllData } from '../db/repo';

let data: DataSet | null = null;

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

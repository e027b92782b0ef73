/**
 * Start-up reads that begin before the app's code is even loaded. The first screen needs the
 * partners and their rollups (several megabytes); reading them is mostly waiting on IndexedDB,
 * which can overlap with fetching and compiling the app bundle when it starts first. This module
 * is the only code of the entry chunk besides the bootstrap, so it uses raw IndexedDB, not Dexie.
 *
 * The rows are handed to src/app/table-cache.ts, which serves them to the first live queries only
 * if nothing was written since (see takeEarlyRead).
 */

/** The Dexie database name and version (Dexie stores version n as n × 10); a test ties them. */
export const EARLY_DB_NAME = 'pawtners';
export const EARLY_DB_VERSION = 4;

/** The plain tables the first screens read whole. */
export const EARLY_TABLES = [
  'settings',
  'partners',
  'contracts',
  'campaigns',
  'bonuses',
  'bonusRules',
  'partnerStats',
] as const;
export type EarlyTable = (typeof EARLY_TABLES)[number];

/**
 * The big tables are read from their one-record copies (src/db/startup-copies.ts, several times
 * faster than thousands of records); one that a write has dropped, from its table.
 */
export const EARLY_COPIES_STORE = 'startupCopies';
const COPIED: readonly EarlyTable[] = ['partners', 'contracts', 'partnerStats'];

export interface EarlyRows {
  tables: Record<EarlyTable, unknown[]>;
  /** The rollups' copy (PackedRollups) when it was read; `tables.partnerStats` is then empty. */
  packedStats?: unknown;
  /** Whether a copy was missing, so its table was read instead. */
  copiesMissing: boolean;
}

// Dexie announces every committed write to other windows on this channel.
const DEXIE_CHANNEL = 'x-storagemutated-1';

let pending: Promise<EarlyRows | null> | null = null;
let channel: BroadcastChannel | null = null;
let writtenElsewhere = false;

/**
 * Read the start-up tables in one read-only transaction, if the database exists at the version
 * this build expects. A missing database is not created (its upgrade is aborted) and an older or
 * newer one is left to Dexie, so this never changes what is stored.
 */
export function startEarlyRead(idb: IDBFactory | undefined = globalThis.indexedDB): void {
  if (!idb || pending) return;
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(DEXIE_CHANNEL);
    channel.onmessage = () => {
      writtenElsewhere = true;
    };
  }
  pending = new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = idb.open(EARLY_DB_NAME);
    } catch {
      resolve(null);
      return;
    }
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
    req.onsuccess = () => {
      const db = req.result;
      const stores = [...EARLY_TABLES, EARLY_COPIES_STORE];
      if (
        db.version !== EARLY_DB_VERSION * 10 ||
        !stores.every((t) => db.objectStoreNames.contains(t))
      ) {
        db.close();
        resolve(null);
        return;
      }
      // Never hold up an upgrade from another window.
      db.onversionchange = () => db.close();
      const tables: Partial<EarlyRows['tables']> = {};
      const out: Omit<EarlyRows, 'tables'> = { copiesMissing: false };
      try {
        const tx = db.transaction(stores, 'readonly');
        const getAll = (t: EarlyTable) => {
          const get = tx.objectStore(t).getAll();
          get.onsuccess = () => {
            tables[t] = get.result as unknown[];
          };
        };
        // The copies first: their megabytes are decoded here while the small tables are read.
        for (const t of COPIED) {
          const get = tx.objectStore(EARLY_COPIES_STORE).get(t);
          get.onsuccess = () => {
            const copy = get.result as { rows?: unknown[] } | undefined;
            if (!copy) {
              out.copiesMissing = true;
              getAll(t);
            } else if (t === 'partnerStats') {
              out.packedStats = copy;
              tables[t] = [];
            } else tables[t] = copy.rows!;
          };
        }
        for (const t of EARLY_TABLES) if (!COPIED.includes(t)) getAll(t);
        tx.oncomplete = () => {
          db.close();
          resolve({ ...out, tables: tables as EarlyRows['tables'] });
        };
        tx.onabort = () => {
          db.close();
          resolve(null);
        };
      } catch {
        db.close();
        resolve(null);
      }
    };
  });
}

/**
 * The early rows, once (null when there are none, they failed, or another window wrote since they
 * were read). Later calls get null: after start-up, reads go through Dexie.
 */
export async function takeEarlyRead(): Promise<EarlyRows | null> {
  const p = pending;
  pending = null;
  if (!p) return null;
  const rows = await p;
  channel?.close();
  channel = null;
  return writtenElsewhere ? null : rows;
}

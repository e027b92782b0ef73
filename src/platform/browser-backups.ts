/**
 * Automatic backups in a plain browser. They live in their own IndexedDB database, not the app's,
 * so deleting everything, a restore or a broken upgrade of the app's database never touches them.
 * Each record holds one backup: its text as a Blob (the browser keeps big values out of the
 * database's own pages), its size and time. They follow the desktop app's rules: the same names,
 * the same check of the text (the writer's header, tables, counts and closing), and the same
 * 7-daily / 4-weekly retention, which runs only after the new copy is stored and read back.
 */
import type { AutoBackupEntry } from '../shared/ipc';
import {
  autoBackupName,
  backupsToDelete,
  checkAutoBackupText,
  checkBackupEnds,
  checkBackupHead,
  checkBackupTail,
  MAX_HEADER_CHARS,
  parseAutoBackupTime,
} from '../shared/auto-backups';

export const AUTO_BACKUP_DB = 'pawtners-autobackups';
const STORE = 'backups';
const VERSION = 1;

/** One stored backup. */
interface StoredBackup {
  name: string;
  createdAt: number;
  size: number;
  text: Blob;
}

/** A backup's text as the writer hands it over: one string, or its parts in order. */
export type BackupTextInput = string | (string | Uint8Array<ArrayBuffer> | Blob)[];

export interface BrowserBackupStore {
  /** Newest first. */
  list(): Promise<AutoBackupEntry[]>;
  read(name: string): Promise<string>;
  /**
   * Check, store, read back, then apply retention. Returns the new backup's name. Text is
   * checked whole (see checkAutoBackupText); parts, which only this window's own writer makes,
   * are never joined into one string: their header, emptiness and closing are checked.
   */
  write(text: BackupTextInput): Promise<string>;
  /** Close the connection (tests; another version opening closes it too). */
  close(): void;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('The backup store could not be written'));
    tx.onabort = () => reject(tx.error ?? new Error('Saving the backup was interrupted'));
  });
}

function result<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('The backup store could not be read'));
  });
}

/** The first and last characters of a backup held as a Blob (its header and its closing). */
async function ends(blob: Blob): Promise<{ head: string; tail: string }> {
  return {
    head: await blob.slice(0, MAX_HEADER_CHARS).text(),
    tail: await blob.slice(Math.max(0, blob.size - 64)).text(),
  };
}

export function browserBackupStore(
  opts: { factory?: IDBFactory; name?: string; clock?: () => number } = {},
): BrowserBackupStore {
  const name = opts.name ?? AUTO_BACKUP_DB;
  const clock = opts.clock ?? Date.now;
  let opening: Promise<IDBDatabase> | null = null;
  // One write at a time in this window: each retention pass sees the previous write finished.
  let writing: Promise<unknown> = Promise.resolve();

  const open = (): Promise<IDBDatabase> =>
    (opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const factory = opts.factory ?? globalThis.indexedDB;
      if (!factory) {
        reject(new Error('This browser cannot keep automatic backups (no IndexedDB).'));
        return;
      }
      const req = factory.open(name, VERSION);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(STORE))
          req.result.createObjectStore(STORE, { keyPath: 'name' });
      };
      req.onsuccess = () => {
        const db = req.result;
        // A newer version (another tab after an update) needs this connection closed.
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        db.onclose = () => {
          opening = null;
        };
        resolve(db);
      };
      req.onerror = () => reject(req.error ?? new Error('The backup store could not be opened'));
      req.onblocked = () => reject(new Error('The backup store is busy in another tab'));
    }).catch((e: unknown) => {
      opening = null;
      throw e;
    }));

  const get = async (key: string): Promise<StoredBackup | undefined> => {
    const db = await open();
    return result<StoredBackup | undefined>(db.transaction(STORE).objectStore(STORE).get(key));
  };

  /** The stored copy is whole: its size, the writer's header and closing, as read back. */
  const verify = async (key: string, size: number): Promise<string | null> => {
    const rec = await get(key);
    if (!rec || !(rec.text instanceof Blob)) return 'it is not there';
    if (rec.size !== size || rec.text.size !== size) return 'its size differs';
    const { head, tail } = await ends(rec.text);
    const h = checkBackupHead(head);
    return h.ok ? checkBackupTail(tail) : h.reason;
  };

  const writeOne = async (text: BackupTextInput): Promise<string> => {
    const blob = new Blob(typeof text === 'string' ? [text] : text, { type: 'application/json' });
    const check =
      typeof text === 'string'
        ? checkAutoBackupText(text)
        : await ends(blob).then(({ head, tail }) => checkBackupEnds(head, tail));
    if (!check.ok) throw new Error(`Automatic backup refused: ${check.reason}.`);
    const now = clock();
    const key = autoBackupName(new Date(now));
    const record: StoredBackup = { name: key, createdAt: now, size: blob.size, text: blob };
    const db = await open();
    const put = db.transaction(STORE, 'readwrite');
    put.objectStore(STORE).put(record);
    // A full disk fails here (QuotaExceededError): nothing was stored, nothing is deleted.
    await done(put);
    const bad = await verify(key, blob.size);
    if (bad) {
      const del = db.transaction(STORE, 'readwrite');
      del.objectStore(STORE).delete(key);
      await done(del).catch(() => undefined);
      throw new Error(`The automatic backup did not read back (${bad}); older ones are kept.`);
    }
    // Only now, with the new copy stored and read back, may older ones go.
    const ret = db.transaction(STORE, 'readwrite');
    const store = ret.objectStore(STORE);
    const keys = store.getAllKeys();
    keys.onsuccess = () => {
      for (const k of backupsToDelete(keys.result.map(String), key)) store.delete(k);
    };
    await done(ret);
    return key;
  };

  return {
    async list() {
      const db = await open();
      const all = await result<StoredBackup[]>(db.transaction(STORE).objectStore(STORE).getAll());
      return all
        .filter((r) => parseAutoBackupTime(r.name) !== null)
        .map((r) => ({ name: r.name, createdAt: r.createdAt, size: r.size }))
        .sort((a, b) => b.createdAt - a.createdAt);
    },
    async read(key) {
      const rec = await get(key);
      if (!rec) throw new Error('That automatic backup is no longer stored.');
      return rec.text.text();
    },
    write(text) {
      const run = writing.then(
        () => writeOne(text),
        () => writeOne(text),
      );
      writing = run.catch(() => undefined);
      return run;
    },
    close() {
      void opening?.then((db) => db.close());
      opening = null;
    },
  };
}

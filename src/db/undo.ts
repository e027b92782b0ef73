/**
 * The undo log of imports. Inside an import's transaction, an UndoRecorder keeps, per table, the
 * ids the import adds and the previous version of every row it replaces or deletes; saved in the
 * same transaction, "Undo import" puts back exactly what was there. A few logs are kept.
 */
import type { Table } from 'dexie';
import type { PawtnersDb } from './db';
import { newId } from './ids';
import { deferRollups, finishRollups, provideBefore } from './rollups';
import { setTxFlags } from './core';

/** One import's undo log (its rows are in `undoRows`). */
export interface UndoRecord {
  id: string;
  createdAt: number;
  /** Shown to the owner, e.g. "Before importing pawtners-backup-2026-03-01.json". */
  reason: string;
}

/** A piece of a log: for one table, ids to remove and rows to put back. */
export interface UndoEntry {
  /** `<undoId>~<n>`, n from 1 in the order the pieces are applied back. */
  id: string;
  undoId: string;
  table: string;
  /** Ids of rows the import added (deleted by Undo). */
  added: string[];
  /** Rows as they were before the import (put back by Undo). */
  previous: unknown[];
  /** The whole table is put back as `previous` (cleared first). */
  whole?: boolean;
  /** A Replace's copy of everything, as one backup file (table '*'; see keepFile). */
  file?: Blob;
}

/**
 * bulkGet of `ids`, reading only those in `stored` (when given): the rest are known to be absent.
 * On disk, looking up a key that is not there costs about as much as reading a row.
 */
async function bulkGetKnown<T>(
  t: Table<T, string>,
  ids: readonly string[],
  stored?: ReadonlySet<string>,
): Promise<(T | undefined)[]> {
  if (!stored) return t.bulkGet([...ids]);
  const there = ids.filter((id) => stored.has(id));
  if (there.length === 0) return ids.map(() => undefined);
  const rows = await t.bulkGet(there);
  const byId = new Map(there.map((id, i) => [id, rows[i]]));
  return ids.map((id) => byId.get(id));
}

/** Undo logs kept (older ones are dropped when a new import is recorded). */
export const UNDO_LOGS_KEPT = 3;
/** Rows per stored piece of a log. */
const ROWS_PER_ENTRY = 5000;

type Row = { id: string };

/** Gathers what an import changes; use inside the import's transaction, then save(). */
export class UndoRecorder {
  private entries: Omit<UndoEntry, 'id' | 'undoId'>[] = [];

  constructor(private readonly db: PawtnersDb) {}

  /**
   * Before writing or deleting `ids` of `table`: keep the rows there now, note the new ids.
   * `stored`, when given, holds every id of those the table has now (read in the same
   * transaction): the others are known to be new and are not looked up.
   */
  async capture<T extends Row = Row>(
    table: string,
    ids: readonly string[],
    stored?: ReadonlySet<string>,
  ): Promise<Map<string, T>> {
    const out = new Map<string, T>();
    if (ids.length === 0) return out;
    const t = this.db.table<T, string>(table);
    for (let i = 0; i < ids.length; i += ROWS_PER_ENTRY) {
      const chunk = ids.slice(i, i + ROWS_PER_ENTRY);
      const found = await bulkGetKnown(t, chunk, stored);
      // The rollups need these same versions for the write that follows: no second read.
      provideBefore(
        table,
        chunk.map((id, j) => [id, found[j]]),
      );
      this.entries.push({
        table,
        added: chunk.filter((_, j) => found[j] === undefined),
        previous: found.filter((r): r is T => r !== undefined),
      });
      for (const r of found) if (r) out.set(r.id, r);
    }
    return out;
  }

  /**
   * Rows a writer already read (the versions its writes replace or delete) and the ids it adds,
   * kept without reading them again.
   */
  keepRows(table: string, previous: readonly Row[], added: readonly string[]): void {
    for (let i = 0; i < previous.length; i += ROWS_PER_ENTRY)
      this.entries.push({ table, added: [], previous: previous.slice(i, i + ROWS_PER_ENTRY) });
    for (let i = 0; i < added.length; i += ROWS_PER_ENTRY)
      this.entries.push({ table, added: added.slice(i, i + ROWS_PER_ENTRY), previous: [] });
  }

  /** A small table put back whole (the deletion records). */
  async captureWhole(table: string, seen?: (rows: readonly Row[]) => void): Promise<void> {
    const rows = await this.db.table<Row, string>(table).toArray();
    seen?.(rows);
    this.entries.push({ table, added: [], previous: rows, whole: true });
  }

  /**
   * Everything stored, as one backup file (a Replace's copy, built by the caller): Undo puts the
   * whole database back from it (undoImport in src/db/backup.ts).
   */
  keepFile(file: Blob): void {
    if (this.entries.length) throw new Error('a log keeps either rows or one file');
    this.entries.push({ table: '*', added: [], previous: [], file });
  }

  /** Store the log; returns its id. Drops the oldest logs beyond UNDO_LOGS_KEPT. */
  async save(reason: string, now: number): Promise<string> {
    const undoId = newId();
    await this.db.undoRows.bulkAdd(
      this.entries.map((e, i) => ({ ...e, id: `${undoId}~${i + 1}`, undoId })),
    );
    // Later than every log kept, even when the clock went back or two imports share a
    // millisecond: the newest log must be this import's (latestUndo), and never the one trimmed.
    const newest = await this.db.undoLog.orderBy('createdAt').last();
    const createdAt = newest && newest.createdAt >= now ? newest.createdAt + 1 : now;
    await this.db.undoLog.add({ id: undoId, createdAt, reason });
    const old = await this.db.undoLog
      .orderBy('createdAt')
      .reverse()
      .offset(UNDO_LOGS_KEPT)
      .primaryKeys();
    for (const id of old) await dropLog(this.db, id);
    return undoId;
  }
}

export async function dropLog(db: PawtnersDb, undoId: string): Promise<void> {
  await db.undoRows.where('undoId').equals(undoId).delete();
  await db.undoLog.delete(undoId);
}

/** The backup file an undo log keeps instead of rows (a Replace's copy), or null. */
export async function undoFileOf(db: PawtnersDb, undoId: string): Promise<Blob | null> {
  // Such a log is that one piece (keepFile), so its first piece tells.
  return (await db.undoRows.get(`${undoId}~1`))?.file ?? null;
}

/** The newest undo log, if any (for "Undo import"). */
export function latestUndo(db: PawtnersDb): Promise<UndoRecord | undefined> {
  return db.undoLog.orderBy('createdAt').last();
}

/**
 * Put back what an import changed, inside the caller's read-write transaction over every table
 * (WRITE_ALL_TABLES), then drop the log. Whole tables go back last, so rows put back before
 * cannot disturb them.
 */
export async function applyUndo(db: PawtnersDb, undoId: string): Promise<boolean> {
  const head = await db.undoLog.get(undoId);
  if (!head) return false;
  setTxFlags({ noDeletionRecords: true });
  deferRollups();
  const entries = (await db.undoRows.where('undoId').equals(undoId).toArray()).sort(
    (a, b) => Number(a.id.slice(a.id.indexOf('~') + 1)) - Number(b.id.slice(b.id.indexOf('~') + 1)),
  );
  if (entries.some((e) => e.file)) throw new Error('this undo log keeps a backup file');
  const wholes = entries.filter((e) => e.whole);
  for (const e of entries.filter((x) => !x.whole)) {
    const t = db.table(e.table);
    if (e.added.length) await t.bulkDelete(e.added);
    if (e.previous.length) await t.bulkPut(e.previous);
  }
  const cleared = new Set<string>();
  for (const e of wholes) {
    const t = db.table(e.table);
    if (!cleared.has(e.table)) await t.clear();
    cleared.add(e.table);
    if (e.previous.length) await t.bulkPut(e.previous);
  }
  await finishRollups();
  await dropLog(db, undoId);
  return true;
}

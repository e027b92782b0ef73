/**
 * Backups against the database. The backup file's text is built and parsed in src/io/backup.ts;
 * here the rows are handed over (export: every table in primary-key chunks inside one read
 * transaction, a consistent copy) and written (import: validated before, then ONE read-write
 * transaction that records an undo log, writes, and keeps the rollups right). Inside it we await
 * only Dexie calls: any other await would end the transaction early.
 */
import { buildAllStats, type PartnerStats } from '../domain/stats';
import {
  defaultSettings,
  SETTINGS_ID,
  TABLE_NAMES,
  type Partner,
  type TableName,
} from '../domain/schemas';
import {
  countRows,
  planImport,
  keepBothDismissals,
  type BackupCounts,
  type BackupData,
  type ImportMode,
  type ImportPlan,
  type LocalIndex,
  type LocalRefs,
  type PartnerCodes,
  REF_TABLES,
  type RefTable,
  rowRefs,
} from '../domain/backup-plan';
import { WRITE_ALL_TABLES, type PawtnersDb } from './db';
import { setTxFlags } from './core';
import { deferRollups, finishRollups, rollupsRebuiltByCaller } from './rollups';
import { applyUndo, dropLog, latestUndo, undoFileOf, UndoRecorder, type UndoRecord } from './undo';
import { storageError } from './errors';
import { rowSignature } from '../domain/row-signature';

export { latestUndo, type UndoRecord };

/** Rows per read or write request: small enough to keep memory flat, big enough to be fast. */
export const CHUNK_ROWS = 5000;

type AnyRow = { id: string; updatedAt: number };

const rowsOf = (db: PawtnersDb, t: TableName) => db.table<AnyRow, string>(t);

/** Receives a backup's rows table by table, in TABLE_NAMES order (src/io/backup.ts builds text). */
export interface BackupSink {
  /** Called once, first, with every table's row count. */
  begin(counts: BackupCounts): void;
  /** Then for every table: start, its rows a chunk at a time in id order, end. */
  startTable(table: TableName): void;
  /** Must not await anything but Dexie work (any other wait would end the transaction). */
  rows(table: TableName, rows: readonly unknown[]): void | Promise<void>;
  endTable(table: TableName): void;
}

/** Hand every stored row to `sink`, in one read transaction (a consistent copy). */
export async function readBackupRows(db: PawtnersDb, sink: BackupSink): Promise<BackupCounts> {
  return db.transaction('r', [...TABLE_NAMES], () => sendRows(db, sink));
}

/**
 * readBackupRows inside the caller's transaction (which must cover every table). The next chunk
 * is asked for before this one is handed on: the database reads it while the sink works.
 */
async function sendRows(db: PawtnersDb, sink: BackupSink): Promise<BackupCounts> {
  const counts = {} as BackupCounts;
  for (const t of TABLE_NAMES) counts[t] = await rowsOf(db, t).count();
  sink.begin(counts);
  for (const t of TABLE_NAMES) {
    sink.startTable(t);
    const table = rowsOf(db, t);
    const chunkAfter = (last: string | null): Promise<AnyRow[]> =>
      (last === null ? table.toCollection() : table.where(':id').above(last))
        .limit(CHUNK_ROWS)
        .toArray();
    let next: Promise<AnyRow[]> | null = chunkAfter(null);
    while (next) {
      const rows: AnyRow[] = await next;
      next = rows.length === CHUNK_ROWS ? chunkAfter(rows[rows.length - 1]!.id) : null;
      if (rows.length === 0) break;
      const pending = sink.rows(t, rows);
      if (pending) await pending;
    }
    sink.endTable(t);
  }
  return counts;
}

/**
 * Builds the copy a Replace keeps for Undo as one backup file (the caller builds the text with
 * src/io/backup.ts): one record instead of a copy of every row, which would cost as much again as
 * the restore's own writing.
 */
export interface CopySink extends BackupSink {
  /** The file, once every table has gone through. */
  finish(): Blob;
}

/** Remember when the owner last exported (bookkeeping: it does not count as an edit). */
export async function markExported(db: PawtnersDb, now: number): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const updated = await db.settings.update(SETTINGS_ID, { lastExportAt: now });
    if (!updated) await db.settings.put({ ...defaultSettings(now), lastExportAt: now });
  });
}

/**
 * What is stored, gathered from rows as they are read: every row's id and updatedAt, a fingerprint
 * of its content (a row edited without a new updatedAt still differs), and what it points at (so a
 * Merge keeps a partner or campaign a row here still needs).
 */
function emptyLocal() {
  const index = Object.fromEntries(TABLE_NAMES.map((t) => [t, new Map()])) as LocalIndex;
  const signatures = new Map<TableName, Map<string, number>>(
    TABLE_NAMES.map((t) => [t, new Map()]),
  );
  const refs: LocalRefs = {};
  const answered = new WeakMap<object, boolean>();
  return {
    index,
    refs,
    add(t: TableName, rows: readonly AnyRow[]) {
      const m = index[t];
      const sig = signatures.get(t)!;
      const pointsAt = (REF_TABLES as readonly string[]).includes(t)
        ? (refs[t as RefTable] ??= new Map<string, readonly string[]>())
        : null;
      for (const r of rows) {
        m.set(r.id, r.updatedAt);
        sig.set(r.id, rowSignature(r));
        if (pointsAt) {
          const to = rowRefs(t, r);
          if (to.length) pointsAt.set(r.id, to);
        }
      }
    },
    /** Whether `row` has the content of the row stored here (asked again for a row: remembered). */
    sameAsLocal(t: TableName, row: { id: string }): boolean {
      let same = answered.get(row);
      if (same === undefined) {
        same = signatures.get(t)?.get(row.id) === rowSignature(row);
        answered.set(row, same);
      }
      return same;
    },
  };
}

/** Everything stored, read for planning, and the partners' codes and customer salt. */
async function readLocal(db: PawtnersDb) {
  const local = emptyLocal();
  await sendRows(db, {
    begin: () => undefined,
    startTable: () => undefined,
    rows: (t, rows) => local.add(t, rows as AnyRow[]),
    endTable: () => undefined,
  });
  const partners: PartnerCodes[] = (await db.partners.toArray()).map(({ id, name, codes }) => ({
    id,
    name,
    codes,
  }));
  const settings = await db.settings.get(SETTINGS_ID);
  return { ...local, partners, settings, salt: settings?.customerSalt ?? '' };
}

export interface ImportPreview {
  replace: ImportPlan;
  merge: ImportPlan;
}

/** What each mode would do, computed against what is stored now. Writes nothing. */
export async function previewImport(db: PawtnersDb, data: BackupData): Promise<ImportPreview> {
  const { index, partners, salt, settings, sameAsLocal, refs } = await db.transaction(
    'r',
    [...TABLE_NAMES],
    () => readLocal(db),
  );
  return {
    replace: planImport('replace', index, partners, data, '', sameAsLocal),
    merge: keepBothDismissals(
      planImport('merge', index, partners, data, salt, sameAsLocal, refs),
      settings,
      data.settings[0],
    ),
  };
}

export interface ImportOptions {
  now: number;
  /** Shown next to the undo log, e.g. "Before importing pawtners-backup-2026-03-01.json". */
  reason: string;
  /** Progress: what is being done, and how far (tables written of all). */
  onProgress?: (label: string, done: number, total: number) => void;
  /** Called after each table is written (tests use it to fail mid-import). */
  onTableWritten?: (table: TableName) => void;
  /**
   * Replace only: keep what is stored for Undo as one backup file built by this sink, rather than
   * as copies of every row. undoImport then needs `readFile` to read it back.
   */
  keepCopy?: () => CopySink;
  /**
   * Replace only, with keepCopy: the preview found most rows differ (more than REWRITE_SHARE of
   * them), so what is stored is kept for Undo as one backup file (keepCopy) rather than as the
   * previous version of each row touched. Either way the Replace writes only the rows that are
   * new or changed and deletes the ones the backup lacks, and the result is the backup exactly.
   */
  mostRowsDiffer?: boolean;
}

/**
 * Above this share of rows added, changed or removed, a Replace keeps its Undo copy as one backup
 * file rather than as the previous version of each row it touches.
 */
export const REWRITE_SHARE = 0.5;

/** Whether a Replace with this plan changes so much that one backup file is the cheaper Undo copy. */
export function mostRowsDiffer(plan: Pick<ImportPlan, 'changes'>): boolean {
  let rows = 0;
  let changed = 0;
  for (const c of plan.changes) {
    rows += Math.max(c.current, c.incoming);
    changed += c.add + c.update + c.remove;
  }
  return rows > 0 && changed > rows * REWRITE_SHARE;
}

export interface ImportResult {
  plan: ImportPlan;
  /** The undo log written first, for "Undo import". */
  undoId: string;
}

/** A failure that left the database exactly as it was. */
export class ImportError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'ImportError';
  }
}

function toImportError(e: unknown): ImportError {
  if (e instanceof ImportError) return e;
  const words = storageError(e);
  if (words) return new ImportError(`${words} The import stopped.`, { cause: e });
  const detail = e instanceof Error ? e.message : String(e);
  return new ImportError(`The import failed and nothing was changed (${detail}).`, { cause: e });
}

async function writeInChunks(table: ReturnType<typeof rowsOf>, rows: readonly AnyRow[]) {
  for (let i = 0; i < rows.length; i += CHUNK_ROWS)
    await table.bulkPut(rows.slice(i, i + CHUNK_ROWS));
}

/** The rollups of a backup's rows alone (what a Replace leaves). */
function statsOf(data: BackupData): PartnerStats[] {
  return buildAllStats(
    data.partners.map((p) => p.id),
    data.orders,
    data.contentItems,
    data.contracts,
    data.settings[0]?.timeZone ?? defaultSettings(0).timeZone,
  );
}

/**
 * Replace, inside the caller's transaction: read what is stored (fingerprints, and the Undo copy
 * when one is kept), then delete the rows the backup lacks and write only the rows it adds or
 * changes. Rows the backup holds unchanged are not written: restoring last week's backup rewrites
 * last week's edits, not all 300,000 orders. Nothing is cleared: on disk, clearing a big indexed
 * table and filling it again costs several times more than overwriting its rows.
 * The undo log (`rec`) keeps either the whole copy (`copy`, one backup file) or the previous
 * version of each row touched; without `rec` nothing is recorded (an Undo putting a copy back).
 * The rollups are written whole from the backup's rows (`stats`).
 */
async function replaceRows(
  db: PawtnersDb,
  data: BackupData,
  stats: PartnerStats[],
  progress: (label: string) => void,
  undo: { rec: UndoRecorder; copy: CopySink | null } | null,
  opts: Pick<ImportOptions, 'onTableWritten'> = {},
): Promise<ImportPlan> {
  setTxFlags({ noDeletionRecords: true });
  // The rollups are rebuilt from the backup below: the middleware need not read rows before writes.
  rollupsRebuiltByCaller();
  const local = emptyLocal();
  const copy = undo?.copy ?? null;
  // Without a copy, the rows this Replace will overwrite or delete are kept for Undo as they go by.
  const byId = undo && !copy ? new Map<TableName, Map<string, AnyRow>>() : null;
  const previous = new Map<TableName, AnyRow[]>(TABLE_NAMES.map((t) => [t, []]));
  progress(copy ? 'Keeping a copy for Undo' : 'Comparing with the data here');
  await sendRows(db, {
    begin: (c) => copy?.begin(c),
    startTable: (t) => {
      copy?.startTable(t);
      byId?.set(t, new Map((data[t] as AnyRow[]).map((r) => [r.id, r])));
    },
    rows: (t, rows) => {
      local.add(t, rows as AnyRow[]);
      const there = byId?.get(t);
      if (there)
        for (const r of rows as AnyRow[]) {
          const b = there.get(r.id);
          if (!b || b.updatedAt !== r.updatedAt || !local.sameAsLocal(t, b))
            previous.get(t)!.push(r);
        }
      return copy?.rows(t, rows);
    },
    endTable: (t) => {
      copy?.endTable(t);
      byId?.delete(t);
    },
  });
  if (copy) undo!.rec.keepFile(copy.finish());
  const plan = planImport('replace', local.index, [], data, '', local.sameAsLocal);
  const diff = TABLE_NAMES.map((t) => {
    const here = local.index[t];
    const rows = data[t] as AnyRow[];
    const put = rows.filter((r) => here.get(r.id) !== r.updatedAt || !local.sameAsLocal(t, r));
    const kept = new Set(rows.map((r) => r.id));
    const gone = [...here.keys()].filter((id) => !kept.has(id));
    return { t, put, gone };
  });
  // Without a copy, the undo log holds every row touched as it was before the first write.
  if (undo && !copy)
    for (const { t, put } of diff) {
      const here = local.index[t];
      const added = put.filter((r) => !here.has(r.id)).map((r) => r.id);
      undo.rec.keepRows(t, previous.get(t)!, added);
    }
  for (const { t, put, gone } of diff) {
    if (put.length || gone.length) {
      progress('Writing');
      if (gone.length) await rowsOf(db, t).bulkDelete(gone);
      await writeInChunks(rowsOf(db, t), put);
    }
    opts.onTableWritten?.(t);
  }
  await finishRollups({ discard: true, payouts: data.payouts });
  await db.partnerStats.clear();
  await db.partnerStats.bulkPut(stats);
  return plan;
}

/**
 * Import a validated backup in one transaction: an undo log of what it changes, then (Replace)
 * make every table the backup's (replaceRows) or (Merge) write the newer rows and carry deletions over; the
 * rollups are kept right. If anything throws, IndexedDB rolls all of it back. BulkErrors are not
 * caught here on purpose: catching one inside the transaction would commit the rows that did.
 */
export async function applyImport(
  db: PawtnersDb,
  data: BackupData,
  mode: ImportMode,
  opts: ImportOptions,
): Promise<ImportResult> {
  // Replace: the rollups follow from the backup alone, so build them before the transaction.
  const replaceStats = mode === 'replace' ? statsOf(data) : null;
  const total = TABLE_NAMES.length * 2;
  const progress = (label: string, done: number) => opts.onProgress?.(label, done, total);
  try {
    return await db.transaction('rw', [...WRITE_ALL_TABLES], async () => {
      deferRollups();
      const rec = new UndoRecorder(db);
      let step = 0;
      let plan: ImportPlan;
      if (mode === 'replace') {
        const copy = opts.keepCopy && opts.mostRowsDiffer ? opts.keepCopy() : null;
        plan = await replaceRows(
          db,
          data,
          replaceStats!,
          (label) => progress(label, step++),
          { rec, copy },
          opts,
        );
      } else {
        // Planned again here, not reused from the preview, so edits made since are respected.
        const local = await readLocal(db);
        plan = keepBothDismissals(
          planImport(
            'merge',
            local.index,
            local.partners,
            data,
            local.salt,
            local.sameAsLocal,
            local.refs,
          ),
          local.settings,
          data.settings[0],
        );
        await rec.captureWhole('deletions');
        for (const t of TABLE_NAMES) {
          progress('Keeping a copy for Undo', step++);
          if (t === 'deletions') continue;
          const ids = [...plan.writes[t].map((r) => r.id), ...(plan.deletes[t] ?? [])];
          await rec.capture(t, ids);
        }
        for (const t of TABLE_NAMES) {
          progress('Writing', step++);
          const gone = plan.deletes[t];
          if (gone?.length) await rowsOf(db, t).bulkDelete(gone);
          if (t !== 'deletions') await writeInChunks(rowsOf(db, t), plan.writes[t] as AnyRow[]);
          opts.onTableWritten?.(t);
        }
        // Deletion records last: writing a row drops its record, and these must stay.
        await writeInChunks(rowsOf(db, 'deletions'), plan.writes.deletions);
        await finishRollups();
      }
      const undoId = await rec.save(opts.reason, opts.now);
      progress('Done', total);
      return { plan, undoId };
    });
  } catch (e) {
    throw toImportError(e);
  }
}

/**
 * Put the database back as it was before an import (one transaction), then drop that undo log.
 * Returns the row counts after. A Replace that kept its copy as a backup file (keepCopy) is put
 * back from that file, read by `readFile` (src/io parses it; this layer does not).
 */
export async function undoImport(
  db: PawtnersDb,
  undoId: string,
  opts: {
    readFile?: (file: Blob) => Promise<BackupData>;
    onProgress?: (label: string, done: number, total: number) => void;
  } = {},
): Promise<BackupCounts> {
  const counted = async () => {
    const counts = {} as BackupCounts;
    for (const t of TABLE_NAMES) counts[t] = await rowsOf(db, t).count();
    return counts;
  };
  const gone = () => new ImportError('That import can no longer be undone; nothing was changed.');
  try {
    const file = await undoFileOf(db, undoId);
    if (!file)
      return await db.transaction('rw', [...WRITE_ALL_TABLES], async () => {
        if (!(await applyUndo(db, undoId))) throw gone();
        return counted();
      });
    if (!opts.readFile) throw new ImportError('This import is undone from the Backups card.');
    const data = await opts.readFile(file);
    const stats = statsOf(data);
    let step = 0;
    return await db.transaction('rw', [...WRITE_ALL_TABLES], async () => {
      if (!(await db.undoLog.get(undoId))) throw gone();
      await replaceRows(
        db,
        data,
        stats,
        (label) => opts.onProgress?.(label, step++, TABLE_NAMES.length),
        null,
      );
      await dropLog(db, undoId);
      return counted();
    });
  } catch (e) {
    throw toImportError(e);
  }
}

export { countRows };
export type { BackupCounts, BackupData, ImportMode, ImportPlan, Partner };

/**
 * Backups against the database: export reads every table in primary-key chunks inside one read
 * transaction (a consistent copy, built as text parts so memory holds text, not every record at
 * once); import is validated completely before it starts, then runs as ONE rw transaction that
 * takes a safety snapshot, writes, and rebuilds the derived rollups. Inside it we await only Dexie
 * calls: any other await would end the transaction early and leave half an import behind.
 */
import { buildAllStats } from '../domain/stats';
import Dexie, { type Table } from 'dexie';
import {
  defaultSettings,
  SETTINGS_ID,
  TABLE_NAMES,
  type Partner,
  type TableName,
} from '../domain/schemas';
import {
  BackupTextBuilder,
  backupMeta,
  countRows,
  parseBackup,
  planImport,
  type BackupCounts,
  type ImportMode,
  type ImportPlan,
  type LocalIndex,
  type ParsedBackup,
  formatProblem,
} from '../io/backup';
import { DATA_STORES, rebuildStatsInTransaction, type PawtnersDb, type Snapshot } from './db';
import { forEachChunk } from './chunks';
import { partLength, partsText, partsToString, type TextPart } from '../io/rows-text';
import { isPaged, PAGED } from './order-pages';
import type { PagedTable } from './paged-store';
import { newId } from './repo';

/** Rows per read or write request: small enough to keep memory flat, big enough to be fast. */
export const CHUNK_ROWS = 2000;
/** Safety snapshots kept in the database (each is a whole backup). */
export const SNAPSHOTS_KEPT = 3;

const IMPORT_TABLES = [...DATA_STORES, 'snapshots', 'partnerStats'] as const;

type AnyRow = { id: string; updatedAt: number };

const rowsOf = (db: PawtnersDb, t: TableName) => db.table<AnyRow, string>(t);

// Orders, content and payouts are stored in pages (src/db/paged-store.ts); these four hide
// that from the loops below.
const countTable = (db: PawtnersDb, t: TableName) =>
  isPaged(t) ? PAGED[t].count(db) : rowsOf(db, t).count();
const eachChunk = (db: PawtnersDb, t: TableName, each: (rows: AnyRow[]) => void | Promise<void>) =>
  isPaged(t)
    ? (PAGED[t] as unknown as PagedTable<AnyRow>).forEachPage(db, each)
    : forEachChunk(rowsOf(db, t), (r) => r.id, CHUNK_ROWS, each);
const clearTable = (db: PawtnersDb, t: TableName) =>
  isPaged(t) ? PAGED[t].clear(db) : rowsOf(db, t).clear();
/** Write rows; `fresh` says the table was just cleared (paged tables then skip the merge by id). */
async function writeRows(db: PawtnersDb, t: TableName, rows: readonly AnyRow[], fresh: boolean) {
  if (!isPaged(t)) return writeInChunks(rowsOf(db, t), rows);
  const store = PAGED[t] as unknown as PagedTable<AnyRow>;
  if (fresh) return store.replaceAll(db, rows);
  await store.put(db, rows);
}

/**
 * The backup text parts of everything stored; call inside a transaction covering DATA_STORES.
 * With `flush`, the parts gathered so far are handed over whenever they reach `flushAt`
 * characters (and the rest at the end), so the whole text is never in memory at once.
 */
async function backupParts(
  db: PawtnersDb,
  appVersion: string,
  now: number,
  flush?: { at: number; to: (parts: TextPart[]) => Promise<void> },
  seen?: (table: TableName, rows: readonly AnyRow[]) => void,
  /** Leave orders, content and payouts out (a snapshot keeps their pages instead). */
  skipPaged = false,
): Promise<{ parts: TextPart[]; counts: BackupCounts }> {
  const counts = {} as BackupCounts;
  const skip = (t: TableName) => skipPaged && isPaged(t);
  for (const t of TABLE_NAMES) counts[t] = skip(t) ? 0 : await countTable(db, t);
  const b = new BackupTextBuilder(backupMeta(counts, appVersion, now));
  let held = 0;
  for (const t of TABLE_NAMES) {
    b.startTable(t);
    if (skip(t)) {
      b.endTable();
      continue;
    }
    // Only a flush returns a promise: awaiting anything but Dexie work would end the transaction.
    // Pages are stored as backup text already: copied as they are, no row decoded.
    const add = (fill: () => void) => {
      const before = b.parts.length;
      fill();
      if (!flush) return;
      for (let i = before; i < b.parts.length; i++) held += partLength(b.parts[i]!);
      if (held < flush.at) return;
      held = 0;
      return flush.to(b.parts.splice(0));
    };
    if (isPaged(t))
      await (PAGED[t] as unknown as PagedTable<AnyRow>).forEachPageText(db, (text) =>
        add(() => b.addText(text)),
      );
    else
      await eachChunk(db, t, (rows) =>
        add(() => {
          b.addRows(rows);
          seen?.(t, rows);
        }),
      );
    b.endTable();
  }
  const parts = b.finish();
  if (flush) await flush.to(parts.splice(0));
  return { parts, counts };
}

export interface ExportedBackup {
  /** The file's text in parts, in order, some as UTF-8 (a Blob takes them as they are). */
  parts: TextPart[];
  counts: BackupCounts;
}

/** A consistent backup of the whole database. */
export async function exportBackup(
  db: PawtnersDb,
  opts: { appVersion: string; now: number },
): Promise<ExportedBackup> {
  return db.transaction('r', [...DATA_STORES], () => backupParts(db, opts.appVersion, opts.now));
}

export async function exportBackupText(
  db: PawtnersDb,
  opts: { appVersion: string; now: number },
): Promise<string> {
  return partsText((await exportBackup(db, opts)).parts);
}

/** Remember when the owner last exported (bookkeeping: it does not count as an edit). */
export async function markExported(db: PawtnersDb, now: number): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const updated = await db.settings.update(SETTINGS_ID, { lastExportAt: now });
    if (!updated) await db.settings.put({ ...defaultSettings(now), lastExportAt: now });
  });
}

/** What is stored: every row's id and updatedAt, and the partners' codes for collision checks. */
async function readLocal(db: PawtnersDb) {
  const index = {} as LocalIndex;
  for (const t of TABLE_NAMES) {
    if (isPaged(t)) {
      index[t] = await PAGED[t].stamps(db);
      continue;
    }
    const m = new Map<string, number>();
    await eachChunk(db, t, (rows) => {
      for (const r of rows) m.set(r.id, r.updatedAt);
    });
    index[t] = m;
  }
  const partners = (await db.partners.toArray()).map(({ id, name, codes }) => ({
    id,
    name,
    codes,
  }));
  const salt = (await db.settings.get(SETTINGS_ID))?.customerSalt ?? '';
  return { index, partners, salt };
}

export interface ImportPreview {
  replace: ImportPlan;
  merge: ImportPlan;
}

/** What each mode would do, computed against what is stored now. Writes nothing. */
export async function previewImport(db: PawtnersDb, backup: ParsedBackup): Promise<ImportPreview> {
  const { index, partners, salt } = await db.transaction('r', [...DATA_STORES], () =>
    readLocal(db),
  );
  return {
    replace: planImport('replace', index, partners, backup.data),
    merge: planImport('merge', index, partners, backup.data, salt),
  };
}

export interface ImportOptions {
  now: number;
  appVersion: string;
  /** Shown next to the snapshot, e.g. "Before importing pawtners-backup-2026-03-01.json". */
  reason: string;
  /** Characters per snapshot record (tests use a small value to exercise split snapshots). */
  snapshotPartChars?: number;
  /** Called after each table is written (progress; tests use it to fail mid-import). */
  onTableWritten?: (table: TableName) => void;
}

export interface ImportResult {
  plan: ImportPlan;
  /** The safety snapshot taken first, for "Undo import". */
  snapshotId: string;
}

/** A failure that left the database exactly as it was. */
export class ImportError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'ImportError';
  }
}

function isQuotaError(e: unknown): boolean {
  const named = (x: unknown) =>
    typeof x === 'object' && x !== null && (x as { name?: unknown }).name === 'QuotaExceededError';
  return named(e) || named((e as { inner?: unknown } | null)?.inner);
}

function toImportError(e: unknown): ImportError {
  if (e instanceof ImportError) return e;
  if (isQuotaError(e))
    return new ImportError(
      'The disk is full, so the import stopped. Nothing was changed; free some space and try again.',
      { cause: e },
    );
  const detail = e instanceof Error ? e.message : String(e);
  return new ImportError(`The import failed and nothing was changed (${detail}).`, { cause: e });
}

/**
 * Characters per stored snapshot record: far under Chromium's limit per value (about 128 MB), and
 * small enough that the piece being written adds little to the import's peak memory.
 */
export const SNAPSHOT_PART_CHARS = 8 * 1024 * 1024;

/** Regroup text parts into pieces of at most `max` characters. */
export function splitText(parts: readonly string[], max = SNAPSHOT_PART_CHARS): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  let len = 0;
  const flush = () => {
    if (cur.length) out.push(cur.join(''));
    cur = [];
    len = 0;
  };
  for (const part of parts) {
    for (let i = 0; i < part.length; i += max) {
      const piece = part.slice(i, i + max);
      if (len + piece.length > max) flush();
      cur.push(piece);
      len += piece.length;
    }
  }
  flush();
  return out.length ? out : [''];
}

const partIds = (s: Pick<Snapshot, 'id' | 'more'>) =>
  Array.from({ length: s.more ?? 0 }, (_, i) => `${s.id}~${i + 1}`);

/**
 * Inside the import transaction: keep the current data as a snapshot, trimming old ones.
 * Orders, content and payouts are kept as their page generation, set aside untouched (no copy
 * for Replace; Merge starts the new generation as a copy to merge into); the other tables, a few
 * MB at most, are kept as backup text.
 */
async function takeSnapshot(
  db: PawtnersDb,
  opts: ImportOptions,
  mode: ImportMode,
  seen: (table: TableName, rows: readonly AnyRow[]) => void,
): Promise<string> {
  const max = opts.snapshotPartChars ?? SNAPSHOT_PART_CHARS;
  const id = newId();
  // The first piece goes in the head record (written last), the others in `more` records.
  let head: string | null = null;
  let pending = '';
  let n = 0;
  const put = async (json: string) => {
    if (head === null) {
      head = json;
      return;
    }
    n += 1;
    await db.snapshots.add({ id: `${id}~${n}`, createdAt: -1, reason: '', json });
  };
  const flush = {
    at: max,
    to: async (parts: TextPart[]) => {
      let text = pending + partsToString(parts);
      while (text.length >= max) {
        await put(text.slice(0, max));
        text = text.slice(max);
      }
      pending = text;
    },
  };
  await backupParts(db, opts.appVersion, opts.now, flush, seen, true);
  if (pending || head === null) await put(pending);
  const copy = { copy: mode === 'merge' };
  const gens = {
    orders: await PAGED.orders.keepAside(db, copy),
    contentItems: await PAGED.contentItems.keepAside(db, copy),
    payouts: await PAGED.payouts.keepAside(db, copy),
  };
  const snap: Snapshot = {
    id,
    createdAt: opts.now,
    reason: opts.reason,
    json: head!,
    more: n,
    gens,
  };
  await db.snapshots.add(snap);
  // Only the snapshots to drop are read (their heads), never the text of the kept ones.
  const oldIds = await db.snapshots
    .where('createdAt')
    .aboveOrEqual(0)
    .reverse()
    .offset(SNAPSHOTS_KEPT)
    .primaryKeys();
  for (const old of await db.snapshots.bulkGet(oldIds)) if (old) await dropSnapshot(db, old);
  return snap.id;
}

/** Delete a snapshot's records and the page generations it kept. */
async function dropSnapshot(db: PawtnersDb, snap: Snapshot): Promise<void> {
  await db.snapshots.bulkDelete([snap.id, ...partIds(snap)]);
  if (!snap.gens) return;
  for (const t of PAGED_NAMES) await PAGED[t].dropKept(db, snap.gens[t]);
}

const PAGED_NAMES = ['orders', 'contentItems', 'payouts'] as const;

/** The whole text of a snapshot, joining its continuation records. */
async function snapshotText(db: PawtnersDb, snap: Snapshot): Promise<string> {
  const rest = await db.snapshots.bulkGet(partIds(snap));
  if (rest.some((r) => r === undefined))
    throw new ImportError('Part of that safety copy is missing; nothing was changed.');
  return [snap.json, ...rest.map((r) => r!.json)].join('');
}

async function writeInChunks(table: Table<AnyRow, string>, rows: readonly AnyRow[]) {
  for (let i = 0; i < rows.length; i += CHUNK_ROWS)
    await table.bulkPut(rows.slice(i, i + CHUNK_ROWS));
}

/**
 * Import a validated backup. Everything happens in one transaction: a safety snapshot of what is
 * stored, then (Replace) clear and write every table or (Merge) write the newer rows, then the
 * rollups. If anything throws, IndexedDB rolls all of it back. BulkErrors are not caught here on
 * purpose: catching one inside the transaction would commit the rows that did succeed.
 */
export async function applyImport(
  db: PawtnersDb,
  backup: ParsedBackup,
  mode: ImportMode,
  opts: ImportOptions,
): Promise<ImportResult> {
  // Replace: the rollups follow from the backup alone, so build them before the transaction
  // (CPU only) instead of reading every written row back inside it.
  const replaceStats =
    mode === 'replace'
      ? buildAllStats(
          backup.data.partners.map((p) => p.id),
          backup.data.orders,
          backup.data.contentItems,
          backup.data.contracts,
          backup.data.settings[0]?.timeZone ?? defaultSettings(0).timeZone,
        )
      : null;
  try {
    return await db.transaction('rw', [...IMPORT_TABLES], async () => {
      // What is stored is read once: the snapshot pass also gathers what planning needs.
      const index = Object.fromEntries(
        TABLE_NAMES.map((t) => [t, new Map<string, number>()]),
      ) as LocalIndex;
      const partners: { id: string; name: string; codes: string[] }[] = [];
      // Before the snapshot sets the live pages aside: what is stored in them, by id.
      for (const t of PAGED_NAMES) index[t] = await PAGED[t].stamps(db);
      const snapshotId = await takeSnapshot(db, opts, mode, (t, rows) => {
        const m = index[t];
        for (const r of rows) m.set(r.id, r.updatedAt);
        if (t === 'partners')
          for (const p of rows as unknown as Partner[])
            partners.push({ id: p.id, name: p.name, codes: p.codes });
      });
      // Planned again here, not reused from the preview, so edits made since are respected.
      const salt = (await db.settings.get(SETTINGS_ID))?.customerSalt ?? '';
      const plan = planImport(mode, index, partners, backup.data, salt);
      for (const t of TABLE_NAMES) {
        // The paged tables' live generation is already empty (Replace) or a copy (Merge).
        if (mode === 'replace' && !isPaged(t)) await clearTable(db, t);
        await writeRows(db, t, plan.writes[t], mode === 'replace');
        opts.onTableWritten?.(t);
      }
      if (replaceStats) {
        await db.partnerStats.clear();
        await db.partnerStats.bulkPut(replaceStats);
      } else await rebuildStatsInTransaction(Dexie.currentTransaction);
      return { plan, snapshotId };
    });
  } catch (e) {
    throw toImportError(e);
  }
}

/** Parse, validate and import in one go (auto-backup restore, benchmarks). */
export async function importBackupText(
  db: PawtnersDb,
  text: string,
  mode: ImportMode,
  opts: ImportOptions,
): Promise<ImportResult> {
  const parsed = parseBackup(text, opts.appVersion);
  if (!parsed.ok) throw new ImportError(parsed.problems.map(formatProblem).join('\n'));
  return applyImport(db, parsed.backup, mode, opts);
}

/** The newest safety snapshot, if any (for "Undo import"). */
export async function latestSnapshot(db: PawtnersDb): Promise<Snapshot | undefined> {
  return db.snapshots.orderBy('createdAt').last();
}

/**
 * Put the database back as it was in a snapshot (one transaction), then drop that snapshot.
 * The snapshot is validated like any backup first.
 */
export async function undoImport(db: PawtnersDb, snapshotId: string): Promise<BackupCounts> {
  const snap = await db.snapshots.get(snapshotId);
  if (!snap) throw new ImportError('That safety copy is gone; there is nothing to undo.');
  const parsed = parseBackup(await snapshotText(db, snap));
  if (!parsed.ok)
    throw new ImportError(
      `The safety copy cannot be read (${formatProblem(parsed.problems[0]!)}). Nothing was changed.`,
    );
  const { data } = parsed.backup;
  const { gens } = snap;
  try {
    return await db.transaction('rw', [...IMPORT_TABLES], async () => {
      for (const t of TABLE_NAMES) {
        if (gens && isPaged(t)) {
          await PAGED[t].restoreGeneration(db, gens[t]);
          continue;
        }
        await clearTable(db, t);
        await writeRows(db, t, data[t], true);
      }
      await rebuildStatsInTransaction(Dexie.currentTransaction);
      await db.snapshots.bulkDelete([snapshotId, ...partIds(snap)]);
      const counts = countRows(data);
      if (gens) for (const t of PAGED_NAMES) counts[t] = await PAGED[t].count(db);
      return counts;
    });
  } catch (e) {
    throw toImportError(e);
  }
}

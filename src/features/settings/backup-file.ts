/**
 * A backup file from the database and back: the database layer hands over rows (src/db/backup.ts),
 * the file format lives in src/io/backup.ts; this joins the two for the Backups card, automatic
 * backups, the benchmark and tests.
 */
import {
  applyImport,
  ImportError,
  readBackupRows,
  type CopySink,
  type ImportOptions,
  type ImportResult,
} from '../../db/backup';
import type { PawtnersDb } from '../../db/db';
import {
  BackupTextBuilder,
  backupMeta,
  formatProblem,
  parseBackup,
  type BackupCounts,
  type BackupData,
  type ImportMode,
} from '../../io/backup';
import { partsText, type TextPart } from '../../io/rows-text';

export interface ExportedBackup {
  /** The file's text in parts, in order (a Blob takes them as they are). */
  parts: TextPart[];
  counts: BackupCounts;
}

/**
 * What a Replace keeps for Undo: the data stored before it, as a backup file of this version
 * (applyImport's keepCopy; undoImport reads it back with readBackupFile).
 */
export function backupCopySink(opts: { appVersion: string; now: number }): CopySink {
  let b: BackupTextBuilder | null = null;
  return {
    begin: (c) => void (b = new BackupTextBuilder(backupMeta(c, opts.appVersion, opts.now))),
    startTable: (t) => b!.startTable(t),
    rows: (_t, rows) => b!.addRows(rows),
    endTable: () => b!.endTable(),
    finish: () => new Blob(b!.finish(), { type: 'application/json' }),
  };
}

/** A backup file's rows, parsed and validated (a refused file throws ImportError). */
export function backupDataOf(
  text: string,
  appVersion?: string,
  onProgress?: Parameters<typeof parseBackup>[2],
): BackupData {
  const parsed = parseBackup(text, appVersion, onProgress);
  if (!parsed.ok) throw new ImportError(parsed.problems.map(formatProblem).join('\n'));
  return parsed.backup.data;
}

/** A consistent backup of the whole database, as text parts. */
export async function exportBackup(
  db: PawtnersDb,
  opts: { appVersion: string; now: number },
): Promise<ExportedBackup> {
  let b: BackupTextBuilder | null = null;
  const counts = await readBackupRows(db, {
    begin: (c) => void (b = new BackupTextBuilder(backupMeta(c, opts.appVersion, opts.now))),
    startTable: (t) => b!.startTable(t),
    rows: (_t, rows) => b!.addRows(rows),
    endTable: () => b!.endTable(),
  });
  return { parts: (b as BackupTextBuilder | null)!.finish(), counts };
}

/** The whole backup file as one string (automatic backups, tests). */
export async function exportBackupText(
  db: PawtnersDb,
  opts: { appVersion: string; now: number },
): Promise<string> {
  return partsText((await exportBackup(db, opts)).parts);
}

/** Parse, validate and import in one go (restore from an automatic backup, benchmarks, tests). */
export async function importBackupText(
  db: PawtnersDb,
  text: string,
  mode: ImportMode,
  opts: ImportOptions & { appVersion?: string },
): Promise<ImportResult> {
  return applyImport(db, backupDataOf(text, opts.appVersion), mode, opts);
}

/**
 * Messages between the Backups card and the backup worker. The worker reads and validates the
 * file, compares it with the stored data, keeps the parsed backup and, on "apply", imports it
 * (a Replace keeps what was there as one backup file, which "undo" reads back here);
 * the card only shows progress, the preview (or the refusal) and the result. The main thread
 * never holds the backup's rows, so a 250 MB file does not freeze the window.
 */
import type { TableChange } from '../../domain/backup-plan';
import type { BackupMeta, BackupProblem, CodeCollision, ImportMode } from '../../io/backup';

export interface ReviewRequest {
  type: 'review';
  /** The file as picked (read in the worker), or text already read (automatic backups). */
  file: Blob | string;
  appVersion: string;
}

export interface ApplyRequest {
  type: 'apply';
  mode: ImportMode;
  now: number;
  /** Shown next to the undo log, e.g. "Before restoring pawtners-backup-2026-03-01.json". */
  reason: string;
}

/** Put back what an import changed (its undo log); a restore's copy is read here, off the window. */
export interface UndoRequest {
  type: 'undo';
  undoId: string;
  appVersion: string;
}

export type BackupRequest = ReviewRequest | ApplyRequest | UndoRequest;

/** What the preview shows of a mode's plan (the rows to write stay in the worker). */
export interface PlanSummary {
  changes: TableChange[];
  collisions: CodeCollision[];
  totalChanges: number;
  otherCustomerSalt: boolean;
}

export interface BackupPreview {
  meta: BackupMeta;
  /** The schema version the file was written in (before migration). */
  fromVersion: number;
  brandName: string | null;
  replace: PlanSummary;
  merge: PlanSummary;
}

export type BackupMessage =
  | { type: 'progress'; label: string; done: number; total: number }
  | { type: 'refused'; problems: BackupProblem[] }
  | { type: 'preview'; preview: BackupPreview }
  | { type: 'applied'; totalChanges: number; undoId: string }
  | { type: 'undone' }
  | { type: 'failed'; message: string };

/**
 * Messages between the Partners screen and the partners CSV import worker. The worker reads the
 * file, plans it against the stored partners, keeps the plan and writes it on "apply"; the screen
 * only shows progress, a preview of the first rows, and the result.
 */
import type { ProgressStep } from '../../components/labels';
import type { ColumnChoice } from '../../domain/import-mappings';
import type { PartnerKind } from '../../domain/schemas';
import type { ImportRowError, PlannedPartner } from '../../io/partners-csv';

/** Rows and problems sent for the preview (the counts are always complete). */
export const PREVIEW_ROWS = 500;
export const PREVIEW_ERRORS = 200;

/** Read the file: our own columns are planned at once, other files get the column step. */
export interface ReadRequest {
  type: 'read';
  blob: Blob;
  today: string;
  now: number;
  /** settings.importMappings: a mapping remembered for this header is offered again. */
  remembered: unknown;
}

/** Plan the file read last, through the owner's column mapping. */
export interface PlanRequest {
  type: 'plan';
  mapping: ColumnChoice[];
  defaultKind: PartnerKind;
}

export interface ApplyRequest {
  type: 'apply';
  /** Remember this mapping for files with the same header (null: the file used our names). */
  remember: { source: string; mapping: ColumnChoice[] } | null;
}

export type PartnerImportRequest = ReadRequest | PlanRequest | ApplyRequest;

/** The column step: the file's columns, a few example cells of each, and the mapping offered. */
export interface ColumnStep {
  header: string[];
  /** Up to 3 non-empty cells per file column, for the owner to recognise it. */
  examples: string[][];
  mapping: ColumnChoice[];
  /** The name the mapping is remembered under. */
  source: string;
  /** True when the mapping is the one the owner chose for this header before. */
  remembered: boolean;
  /** The kind for a file without one, as chosen (when coming back from the preview). */
  defaultKind?: PartnerKind;
}

/** One row of the preview table. */
export interface PreviewRow {
  line: number;
  action: PlannedPartner['action'];
  name: string;
  kind: PlannedPartner['partner']['kind'];
  status: PlannedPartner['partner']['status'];
  codes: string[];
  contracts: number;
}

export interface PartnerPreview {
  ok: boolean;
  counts: Record<PlannedPartner['action'], number>;
  rowTotal: number;
  /** The first {@link PREVIEW_ROWS} rows. */
  rows: PreviewRow[];
  errorTotal: number;
  /** The first {@link PREVIEW_ERRORS} problems. */
  errors: ImportRowError[];
  /** The file's columns that are not imported (named in the preview). */
  unmapped: string[];
}

export type PartnerImportMessage =
  | ({ type: 'progress' } & ProgressStep)
  | { type: 'columns'; columns: ColumnStep }
  | { type: 'preview'; preview: PartnerPreview }
  | { type: 'applied'; written: number }
  | { type: 'failed'; message: string };

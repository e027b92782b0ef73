/**
 * Messages between the Partners screen and the partners CSV import worker. The worker reads the
 * file, plans it against the stored partners, keeps the plan and writes it on "apply"; the screen
 * only shows progress, a preview of the first rows, and the result.
 */
import type { ImportRowError, PlannedPartner } from '../../io/partners-csv';

/** Rows and problems sent for the preview (the counts are always complete). */
export const PREVIEW_ROWS = 500;
export const PREVIEW_ERRORS = 200;

export interface PlanRequest {
  type: 'plan';
  blob: Blob;
  today: string;
  now: number;
}

export interface ApplyRequest {
  type: 'apply';
}

export type PartnerImportRequest = PlanRequest | ApplyRequest;

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
}

export type PartnerImportMessage =
  | { type: 'progress'; label: string; done: number; total: number }
  | { type: 'preview'; preview: PartnerPreview }
  | { type: 'applied'; written: number }
  | { type: 'failed'; message: string };

/**
 * Messages between the Sales screen and the import worker. The worker does the whole import off
 * the main thread: it parses the file, plans it against the stored orders (attribution, what is
 * new or changed), keeps the plan, and on "apply" writes it; the screen only shows progress, the
 * preview summary and the result.
 */
import type { IncomingOrder, PlanProblem, PlanSummary } from '../../domain/import-plan';
import type { ProgressStep } from '../../components/labels';
import type { Conversion } from '../../io/orders-common';

/** The progress label while the confirmed import is written ("Saving orders: 12,000 of 100,000"). */
export const SAVING = 'Saving orders';

/** Entries per preview list sent to the screen (the counts are always complete). */
export const PREVIEW_LIMIT = 200;

export interface ParseRequest {
  type: 'parse';
  blob: Blob;
  timeZone: string;
  defaultCurrency: string;
  /** The owner's locale: money in the file's messages is written in it. */
  locale: string;
  now: number;
  salt: string;
  keepRawEmails: boolean;
  /** For files of no known format: the source name and the owner's column mapping. */
  mapping: { source: string; columns: Record<string, string> } | null;
  /** Currencies of the file the owner chose to convert to the brand's, at their rates. */
  conversions: Conversion[];
}

export interface ApplyRequest {
  type: 'apply';
  /** Remember this column mapping for the source, in the same transaction. */
  remember: { source: string; mapping: Record<string, string> } | undefined;
}

export type ImportRequest = ParseRequest | ApplyRequest;

export type ImportMessage =
  | ({ type: 'progress' } & ProgressStep)
  | { type: 'needs-mapping'; header: string[]; sample: Record<string, string>[] }
  | { type: 'preview'; formatLabel: string; rowCount: number; summary: PlanSummary }
  | { type: 'fatal'; messages: string[] }
  | {
      type: 'applied';
      written: number;
      counts: PlanSummary['counts'];
      /** Puts back exactly what was there before (undoImport in src/db/backup.ts). */
      undoId: string;
    }
  | { type: 'failed'; message: string };

/** What parsing a file produced, before it is compared with the stored orders. */
export interface ParsedFile {
  source: string;
  formatLabel: string;
  orders: IncomingOrder[];
  problems: PlanProblem[];
  /** Lines to know about that are not errors (orders not paid yet, the file's sums off). */
  warnings: PlanProblem[];
  fatal: string[];
  rowCount: number;
  /** Stored orders are kept as they are (a file that holds less, e.g. Etsy's items file). */
  keepStored: boolean;
}

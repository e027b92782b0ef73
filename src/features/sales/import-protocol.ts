/** Messages between the Sales screen and the import worker. */
import type { IncomingOrder, PlanProblem } from '../../domain/import-plan';

export interface ImportRequest {
  blob: Blob;
  timeZone: string;
  defaultCurrency: string;
  now: number;
  salt: string;
  keepRawEmails: boolean;
  /** For files of no known format: the source name and the owner's column mapping. */
  mapping: { source: string; columns: Record<string, string> } | null;
}

export type ImportMessage =
  | { type: 'progress'; label: string; done: number; total: number }
  | { type: 'needs-mapping'; header: string[]; sample: Record<string, string>[] }
  | {
      type: 'done';
      source: string;
      formatLabel: string;
      orders: IncomingOrder[];
      problems: PlanProblem[];
      fatal: string[];
      rowCount: number;
    }
  | { type: 'failed'; message: string };

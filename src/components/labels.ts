import type { Payout } from '../domain/schemas';

/** How a payout was sent, in words (Partners, Payouts). */
export const PAYOUT_METHOD_LABEL: Record<Payout['method'], string> = {
  paypal: 'PayPal',
  venmo: 'Venmo',
  bank: 'Bank transfer',
  other: 'Other',
};

/**
 * A step of a long job as a worker reports it: `done` of `total`, in bytes when `unit` is
 * 'bytes' (reading a file); a step with no count (no `total`) is shown as going on, without one.
 */
export interface ProgressStep {
  label: string;
  done?: number;
  total?: number;
  unit?: 'bytes';
}

/** The step alone, out of a worker's message or a dialog's state that carries one. */
export function progressStep({ label, done, total, unit }: ProgressStep): ProgressStep {
  return { label, done, total, unit };
}

const BYTE_UNITS = ['KB', 'MB', 'GB'] as const;

/**
 * A file size in the owner's locale: "0 bytes", "1,023 bytes", "1 KB", "512 KB", "1.5 MB",
 * "2.3 GB" ("1,5 MB" in German). Units of 1,024, as Windows and the backup list count them;
 * whole KB, MB and GB to one decimal. A size that rounds up to 1,024 of a unit shows in the next.
 */
export function formatBytes(bytes: number, locale: string): string {
  const n = Math.max(0, Math.round(bytes));
  if (n < 1024) return `${n.toLocaleString(locale)} byte${n === 1 ? '' : 's'}`;
  let value = n / 1024;
  let unit = 0;
  const digits = () => (unit === 0 ? 0 : 1);
  const rounded = () => Math.round(value * 10 ** digits()) / 10 ** digits();
  while (rounded() >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const text = rounded().toLocaleString(locale, { maximumFractionDigits: digits() });
  return `${text} ${BYTE_UNITS[unit]}`;
}

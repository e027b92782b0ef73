/**
 * PayPal Payouts (mass payment) CSV: no header; columns recipient, amount, currency, reference,
 * note, wallet. PayPal takes one currency per file and at most 5,000 rows, so rows are split into
 * as many files as needed. Amounts use a comma decimal for comma-decimal locales.
 */
import { csvCell } from './csv';
import { centsToDecimal } from '../domain/money';

export const PAYPAL_MAX_ROWS = 5000;

export interface PaypalPayoutRow {
  /** Email, phone, PayPal payer id or Venmo handle. */
  recipient: string;
  amountCents: number;
  currency: string;
  reference: string;
  note: string;
  wallet: 'PAYPAL' | 'VENMO';
}

export interface PaypalFile {
  currency: string;
  /** 1-based part number within the currency (when more than 5,000 rows). */
  part: number;
  rows: number;
  totalCents: number;
  csv: string;
}

/** Why a row cannot go into a payout file, or null when it can. */
export function paypalRowProblem(row: PaypalPayoutRow): string | null {
  if (row.recipient.trim() === '') return 'has no PayPal or Venmo recipient';
  if (!/^[A-Z]{3}$/.test(row.currency)) return `has an invalid currency "${row.currency}"`;
  if (!Number.isInteger(row.amountCents) || row.amountCents <= 0) return 'has nothing to pay';
  return null;
}

function line(row: PaypalPayoutRow, sep: '.' | ','): string {
  // A Venmo handle is sent without its "@" (which would also read as a spreadsheet formula).
  const recipient = row.recipient.trim().replace(/^@/, '');
  const cells = [
    csvCell(recipient),
    csvCell(centsToDecimal(row.amountCents, sep)),
    csvCell(row.currency),
    csvCell(row.reference.slice(0, 30)),
    csvCell(row.note.slice(0, 4000)),
    csvCell(row.wallet),
  ];
  return cells.join(',');
}

/** Payout files for valid rows: grouped by currency, at most 5,000 rows each, CRLF line ends. */
export function paypalPayoutFiles(
  rows: readonly PaypalPayoutRow[],
  decimalSeparator: '.' | ',' = '.',
): PaypalFile[] {
  const byCurrency = new Map<string, PaypalPayoutRow[]>();
  for (const r of rows) {
    if (paypalRowProblem(r) !== null) continue;
    byCurrency.set(r.currency, [...(byCurrency.get(r.currency) ?? []), r]);
  }
  const files: PaypalFile[] = [];
  for (const [currency, list] of [...byCurrency].sort(([a], [b]) => a.localeCompare(b))) {
    for (let i = 0; i < list.length; i += PAYPAL_MAX_ROWS) {
      const chunk = list.slice(i, i + PAYPAL_MAX_ROWS);
      files.push({
        currency,
        part: i / PAYPAL_MAX_ROWS + 1,
        rows: chunk.length,
        totalCents: chunk.reduce((s, r) => s + r.amountCents, 0),
        csv: chunk.map((r) => line(r, decimalSeparator)).join('\r\n') + '\r\n',
      });
    }
  }
  return files;
}

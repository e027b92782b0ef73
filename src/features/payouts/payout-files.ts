/** Turning statements into files: the PayPal Payouts CSV and a plain CSV for the books. */
import type { ForeignStatement, Payable } from '../../domain/payout-foreign';
import type { Statement } from '../../domain/payout-statements';
import { centsToDecimal } from '../../domain/money';
import { safeLocale } from '../../domain/intl';
import { toCsv } from '../../io/csv';
import { paypalRowProblem, type PaypalPayoutRow } from '../../io/paypal';

/** The decimal separator of a locale ("," for de-DE), for PayPal amounts. */
export function decimalSeparatorOf(locale: string): '.' | ',' {
  const part = new Intl.NumberFormat(safeLocale(locale))
    .formatToParts(1.5)
    .find((p) => p.type === 'decimal');
  return part?.value === ',' ? ',' : '.';
}

/** One row per statement, each in its own currency (PayPal takes one currency per file). */
export function paypalRows(
  statements: readonly Payable[],
  period: string,
): { rows: PaypalPayoutRow[]; skipped: string[] } {
  const rows: PaypalPayoutRow[] = [];
  const skipped: string[] = [];
  const used = new Set<string>();
  for (const s of statements) {
    const { payout } = s.partner;
    const row: PaypalPayoutRow = {
      recipient: payout.method === 'none' ? '' : payout.handle,
      amountCents: s.owedCents,
      currency: s.currency,
      reference: paypalReference(period, s.partner.name, used),
      note: `Thank you! Partner earnings for ${period}`,
      wallet: payout.method === 'venmo' ? 'VENMO' : 'PAYPAL',
    };
    const problem = paypalRowProblem(row);
    if (problem) skipped.push(`${s.partner.name} ${problem}`);
    else rows.push(row);
  }
  return { rows, skipped };
}

/** PayPal keeps 30 characters of a reference. */
const REFERENCE_MAX = 30;

/**
 * The reference the owner reads in PayPal: the period and the partner's name ("2024-03 Maya
 * Chen"), cut to PayPal's 30 characters, with " #2", " #3"... when it would repeat in one file.
 */
export function paypalReference(period: string, name: string, used: Set<string>): string {
  const base = `${period} ${name.trim().replace(/\s+/g, ' ')}`;
  let ref = base.slice(0, REFERENCE_MAX).trimEnd();
  for (let n = 2; used.has(ref.toLowerCase()); n++) {
    const tag = ` #${n}`;
    ref = base.slice(0, REFERENCE_MAX - tag.length).trimEnd() + tag;
  }
  used.add(ref.toLowerCase());
  return ref;
}

/**
 * The statements as a plain CSV (one row per partner), amounts as decimals in `currency` (named
 * in its own column, so a GBP file never reads as dollars).
 */
export function statementsCsv(
  statements: readonly Statement[],
  period: string,
  currency: string,
  /** Statements in other currencies, one row each in its own currency, for these partners. */
  foreign: readonly ForeignStatement[] = [],
): string {
  const d = (c: number) => centsToDecimal(c);
  return toCsv(
    [
      'Period',
      'Currency',
      'Partner',
      'Kind',
      'Revenue',
      'Commissions',
      'Retainer',
      'Post fees',
      'Bonuses',
      'Payable',
      'Already paid',
      'Overpaid before',
      'Owed',
      'Owed back',
      'Payout method',
      'Payout handle',
    ],
    [
      ...statements.map((s) => [
        period,
        currency,
        s.partner.name,
        s.partner.kind,
        d(s.earnings.revenueCents),
        d(s.earnings.commissionCents),
        d(s.earnings.retainerCents),
        d(s.earnings.feesCents),
        d(s.earnings.bonusCents),
        d(s.earnings.payableCents),
        d(s.paidCents),
        d(s.carriedInCents),
        d(s.owedCents),
        d(s.owedBackCents),
        s.partner.payout.method,
        s.partner.payout.handle,
      ]),
      ...foreign.map((f) => {
        const c = d(f.commissionCents);
        const z = d(0);
        const p = f.partner;
        return [
          period,
          f.currency,
          p.name,
          p.kind,
          '',
          c,
          z,
          z,
          z,
          c,
          d(f.paidCents),
          d(f.carriedInCents),
          d(f.owedCents),
          d(f.owedBackCents),
          p.payout.method,
          p.payout.handle,
        ];
      }),
    ],
  );
}

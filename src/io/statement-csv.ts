/**
 * A partner statement as CSV (issue 21): a few header lines (brand, partner, period, currency),
 * the orders, then the totals; amounts as plain decimals in the brand's currency, named in the
 * header. Several statements go into one ZIP, one CSV per partner.
 */
import { zipSync, strToU8 } from 'fflate';
import { centsToDecimal } from '../domain/money';
import { fileSlug, type PartnerStatementDoc } from '../domain/partner-statement';
import { toCsv } from './csv';

const m = (c: number) => centsToDecimal(c);

export function statementCsv(doc: PartnerStatementDoc): string {
  const rows: (string | number)[][] = [
    ['Statement', doc.brandName || 'Pawtners'],
    ['Partner', doc.partner.name],
    ['Period', `${doc.range.start} to ${doc.range.end}`],
    ['Currency', doc.currency],
    [],
    ['Order', 'Date', 'Amount', 'Commission', 'Status'],
    ...doc.orders.map((o) => [o.orderId, o.date, m(o.amountCents), m(o.commissionCents), o.status]),
    [],
    ['Commission', '', '', m(doc.commissionCents)],
    ['Retainer', '', '', m(doc.retainerCents)],
    ['Post fees', '', '', m(doc.feesCents)],
    ['Bonuses', '', '', m(doc.bonusCents)],
    ['Earned', '', '', m(doc.earnedCents)],
    ['Paid', '', '', m(doc.paidCents)],
  ];
  if (doc.carriedInCents > 0)
    rows.push(['Overpaid before (deducted)', '', '', m(doc.carriedInCents)]);
  rows.push(['Owed', '', '', m(doc.owedCents)]);
  if (doc.owedBackCents > 0) rows.push(['Owed back by the partner', '', '', m(doc.owedBackCents)]);
  rows.push(
    [],
    ['Gifted product at cost (not paid in cash)', '', '', m(doc.giftedCostCents)],
    ['Gifted product at retail', '', '', m(doc.giftedRetailCents)],
  );
  if (doc.perksCents > 0)
    rows.push(['Contract perks at cost (not paid in cash)', '', '', m(doc.perksCents)]);
  for (const a of doc.apart)
    rows.push([
      `Orders in ${a.currency}, kept apart (${a.orders}); commission in ${a.currency}`,
      '',
      '',
      m(a.commissionCents),
    ]);
  for (const p of doc.payouts)
    rows.push(['Payment', p.paidDate, '', m(p.amountCents), `${p.method} ${p.reference}`.trim()]);
  return toCsv(null, rows);
}

/** The CSV's file name: `statement-maya-chen-2026-11-01-to-2026-11-30.csv`. */
export function statementFileName(doc: PartnerStatementDoc, ext: 'csv' | 'pdf'): string {
  return `statement-${fileSlug(doc.partner.name)}-${doc.range.start}-to-${doc.range.end}.${ext}`;
}

/** One ZIP with a CSV per statement (names made unique when two partners share one). */
export function statementsZip(docs: readonly PartnerStatementDoc[]): Uint8Array<ArrayBuffer> {
  const files: Record<string, Uint8Array> = {};
  for (const d of docs) {
    let name = statementFileName(d, 'csv');
    for (let i = 2; Object.hasOwn(files, name); i++)
      name = statementFileName(d, 'csv').replace(/\.csv$/, `-${i}.csv`);
    files[name] = strToU8(statementCsv(d));
  }
  return zipSync(files, { level: 6 }) as Uint8Array<ArrayBuffer>;
}

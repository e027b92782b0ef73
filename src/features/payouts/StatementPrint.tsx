import { formatMoney } from '../../domain/money';
import { formatPeriod } from '../../domain/format-period';
import type { PartnerStatementDoc } from '../../domain/partner-statement';

/** Order lines printed on a statement's page; the rest are counted (and all are in the CSV). */
export const PRINTED_ORDERS = 28;

/**
 * Partner statements laid out for paper, one page each (print stylesheet in payouts.css): hidden
 * on screen, the only thing printed while `body.printing-statements` is set.
 */
export function StatementPrint(props: {
  docs: readonly PartnerStatementDoc[];
  locale: string;
  madeOn: string;
}) {
  return (
    <div className="statement-print">
      {props.docs.map((d) => (
        <StatementPage key={d.partner.id} doc={d} locale={props.locale} madeOn={props.madeOn} />
      ))}
    </div>
  );
}

function StatementPage({
  doc,
  locale,
  madeOn,
}: {
  doc: PartnerStatementDoc;
  locale: string;
  madeOn: string;
}) {
  const money = (c: number) => formatMoney(c, doc.currency, locale);
  const rows: [string, number, string?][] = [
    ['Commission on orders', doc.commissionCents],
    ['Retainer', doc.retainerCents],
    ['Post fees', doc.feesCents],
    ['Bonuses', doc.bonusCents],
  ];
  const shown = doc.orders.slice(0, PRINTED_ORDERS);
  return (
    <article className="statement-page" aria-label={`Statement for ${doc.partner.name}`}>
      <header className="statement-head">
        <div>
          <h1>{doc.brandName || 'Partner statement'}</h1>
          <p>
            Statement for <strong>{doc.partner.name}</strong>
            {doc.partner.email ? ` (${doc.partner.email})` : ''}
          </p>
        </div>
        <p className="statement-period">
          {formatPeriod(doc.range, locale)}
          <br />
          Amounts in {doc.currency}
        </p>
      </header>
      <table className="statement-sum">
        <tbody>
          {rows.map(([label, cents]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{money(cents)}</td>
            </tr>
          ))}
          <tr className="statement-total">
            <th scope="row">Earned this period</th>
            <td>{money(doc.earnedCents)}</td>
          </tr>
          <tr>
            <th scope="row">Paid</th>
            <td>{money(doc.paidCents)}</td>
          </tr>
          {doc.carriedInCents > 0 ? (
            <tr>
              <th scope="row">Overpaid before (deducted)</th>
              <td>−{money(doc.carriedInCents)}</td>
            </tr>
          ) : null}
          <tr className="statement-total">
            <th scope="row">{doc.owedBackCents > 0 ? 'You owe us' : 'Still to pay you'}</th>
            <td>{money(doc.owedBackCents > 0 ? doc.owedBackCents : doc.owedCents)}</td>
          </tr>
        </tbody>
      </table>
      <p className="statement-gift">
        Gifted product this period: {money(doc.giftedCostCents)} at cost with shipping (
        {money(doc.giftedRetailCents)} at retail)
        {doc.perksCents > 0 ? `; product perks ${money(doc.perksCents)} at cost` : ''}. Not paid in
        cash.
      </p>
      <h2>Orders with your code or link ({doc.orders.length})</h2>
      {doc.orders.length === 0 ? (
        <p>No orders in this period.</p>
      ) : (
        <table className="statement-orders">
          <thead>
            <tr>
              <th>Order</th>
              <th>Date</th>
              <th className="num">Amount</th>
              <th className="num">Commission</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((o) => (
              <tr key={`${o.orderId}-${o.date}`}>
                <td>
                  {o.orderId}
                  {o.status === 'cancelled' ? ' (cancelled)' : ''}
                </td>
                <td>{o.date}</td>
                <td className="num">{money(o.amountCents)}</td>
                <td className="num">{money(o.commissionCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {doc.orders.length > shown.length ? (
        <p>
          and {doc.orders.length - shown.length} more orders (every order is in the CSV statement).
        </p>
      ) : null}
      {doc.apart.map((a) => (
        <p key={a.currency}>
          {a.orders} order{a.orders === 1 ? '' : 's'} in {a.currency}, kept apart: commission{' '}
          {formatMoney(a.commissionCents, a.currency, locale)}, owed in {a.currency}.
        </p>
      ))}
      {doc.payouts.length > 0 ? (
        <p>
          Payments: {doc.payouts.map((p) => `${p.paidDate} ${money(p.amountCents)}`).join(' · ')}
        </p>
      ) : null}
      <footer className="statement-foot">Made on {madeOn}.</footer>
    </article>
  );
}

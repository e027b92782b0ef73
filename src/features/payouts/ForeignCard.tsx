import { Card } from '../../components/ui';
import { formatMoney } from '../../domain/money';
import { foreignKey, type ForeignStatement } from '../../domain/payout-foreign';

/**
 * Commission earned on orders in other currencies, kept apart at import: each partner's statement
 * in that currency (earned, paid, still owed), paid in it, never added to the figures above.
 */
export function ForeignCard(props: {
  foreign: readonly ForeignStatement[];
  brandCurrency: string;
  locale: string;
  selected: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onPay: (f: ForeignStatement) => void;
}) {
  const money = (c: number, cur: string) => formatMoney(c, cur, props.locale);
  const owed = new Map<string, number>();
  for (const f of props.foreign) owed.set(f.currency, (owed.get(f.currency) ?? 0) + f.owedCents);
  const carry = props.foreign.some((f) => f.carriedInCents > 0);
  return (
    <Card title="Commission in other currencies">
      <p className="muted">
        Orders in other currencies than {props.brandCurrency} were kept apart at import, so what
        partners earned on them is not in the figures above: it is owed, and paid, in its own
        currency. Still owed: {[...owed].map(([cur, c]) => `${money(c, cur)} (${cur})`).join(', ')}.
      </p>
      <table className="table payouts-table" aria-label="Commission in other currencies">
        <thead>
          <tr>
            <th>
              <span className="payouts-sr-only">Select</span>
            </th>
            <th>Partner</th>
            <th>Currency</th>
            <th className="num">Commission</th>
            <th className="num">Paid</th>
            {carry ? <th className="num">Overpaid before</th> : null}
            <th className="num">Owed</th>
            <th>
              <span className="payouts-sr-only">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.foreign.map((f) => {
            const key = foreignKey(f.partner.id, f.currency);
            const who = `${f.partner.name} (${f.currency})`;
            return (
              <tr key={key} aria-label={who}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${who}`}
                    checked={props.selected.has(key)}
                    onChange={() => props.onToggle(key)}
                  />
                </td>
                <td>{f.partner.name}</td>
                <td>{f.currency}</td>
                <td className="num">{money(f.commissionCents, f.currency)}</td>
                <td className="num">{money(f.paidCents, f.currency)}</td>
                {carry ? (
                  <td className="num">
                    {f.carriedInCents > 0 ? `−${money(f.carriedInCents, f.currency)}` : '—'}
                  </td>
                ) : null}
                <td className="num payouts-owed">{money(f.owedCents, f.currency)}</td>
                <td>
                  {f.owedBackCents > 0 ? (
                    <span className="payouts-back">
                      Owes you {money(f.owedBackCents, f.currency)}
                    </span>
                  ) : f.owedCents > 0 ? (
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={`Mark as paid: ${who}`}
                      onClick={() => props.onPay(f)}
                    >
                      Mark as paid
                    </button>
                  ) : (
                    <span className="muted">Settled</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
}

import { Card } from '../../components/ui';
import { formatMoney } from '../../domain/money';
import { foreignKey, type ForeignStatement } from '../../domain/payout-foreign';
import { BalanceCells, BalanceHeads } from './BalanceCells';

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
              <span className="sr-only">Select</span>
            </th>
            <th>Partner</th>
            <th>Currency</th>
            <th className="num">Commission</th>
            <BalanceHeads carry={carry} />
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
                <BalanceCells
                  balance={f}
                  carry={carry}
                  money={(c) => money(c, f.currency)}
                  who={who}
                  onPay={() => props.onPay(f)}
                />
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
}

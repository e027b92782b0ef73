import { Card } from '../../components/ui';
import { formatMoney } from '../../domain/money';
import type { ForeignCommission } from '../../domain/payout-statements';

/**
 * Commission earned on orders in other currencies, kept apart at import: each in its own
 * currency, never added to the brand-currency figures above.
 */
export function ForeignCard(props: {
  foreign: readonly ForeignCommission[];
  names: ReadonlyMap<string, string>;
  brandCurrency: string;
  locale: string;
}) {
  const rows = [...props.foreign].sort(
    (a, b) => a.currency.localeCompare(b.currency) || b.commissionCents - a.commissionCents,
  );
  return (
    <Card title="Commission in other currencies">
      <p className="muted">
        Orders in other currencies than {props.brandCurrency} were kept apart at import, so what
        partners earned on them is not in the figures above. Pay it in its own currency (or convert
        those orders when you import them).
      </p>
      <table className="table" aria-label="Commission in other currencies">
        <thead>
          <tr>
            <th>Partner</th>
            <th>Currency</th>
            <th className="num">Commission</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={`${f.partnerId}/${f.currency}`}>
              <td>{props.names.get(f.partnerId) ?? 'Deleted partner'}</td>
              <td>{f.currency}</td>
              <td className="num">{formatMoney(f.commissionCents, f.currency, props.locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

import { formatMoney } from '../../domain/money';

/**
 * Amounts in several currencies, one line each in its own currency, never added together. With
 * no amount at all, zero in `fallback` (the brand's currency).
 */
export function MoneyLines(props: {
  amounts: readonly { currency: string; cents: number }[];
  locale: string;
  fallback: string;
}) {
  const { amounts, locale } = props;
  if (amounts.length === 0) return <>{formatMoney(0, props.fallback, locale)}</>;
  if (amounts.length === 1)
    return <>{formatMoney(amounts[0]!.cents, amounts[0]!.currency, locale)}</>;
  return (
    <span className="sales-money-lines">
      {amounts.map((a) => (
        <span key={a.currency}>{formatMoney(a.cents, a.currency, locale)}</span>
      ))}
    </span>
  );
}

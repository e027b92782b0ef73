import { CalendarRange } from 'lucide-react';
import type { ReactNode } from 'react';
import { Card, Stat } from '../../components/ui';
import type { CurrencyTotals } from '../../domain/currency-totals';
import type { DateRange } from '../../domain/dates';
import { formatPeriod } from '../../domain/format-period';
import { safeLocale } from '../../domain/intl';
import { formatMoney } from '../../domain/money';
import type { Settings } from '../../domain/schemas';

type Money = Pick<Settings, 'currency' | 'locale'>;

/** An amount in the brand's currency, then one line per other currency kept apart. */
function Amounts(props: {
  brandCents: number | undefined;
  others: { currency: string; cents: number }[];
  settings: Money;
}): ReactNode {
  const { brandCents, others, settings } = props;
  const main =
    brandCents === undefined ? '…' : formatMoney(brandCents, settings.currency, settings.locale);
  const rest = others.filter((o) => o.cents !== 0);
  if (rest.length === 0) return main;
  return (
    <span className="money-lines">
      <span>{main}</span>
      {rest.map((o) => (
        <span key={o.currency} className="money-line-other">
          {formatMoney(o.cents, o.currency, settings.locale)}
        </span>
      ))}
    </span>
  );
}

/**
 * Money first: revenue and spend of the period, and what is owed today; each currency kept
 * apart on its own line, never added to the brand's.
 */
export function MoneyCards(props: {
  revenueCents: number;
  spendCents: number;
  orders: number;
  owedCents: number | undefined;
  foreign: readonly CurrencyTotals[] | undefined;
  owedApart: readonly string[];
  periodLabel: string;
  settings: Settings;
}) {
  const { settings, foreign = [] } = props;
  const n = props.orders.toLocaleString(safeLocale(settings.locale));
  return (
    <div className="grid-3 money-cards">
      <Card className="money-card">
        <Stat
          label="Revenue from partners"
          value={
            <Amounts
              brandCents={props.revenueCents}
              others={foreign.map((t) => ({ currency: t.currency, cents: t.revenueCents }))}
              settings={settings}
            />
          }
          hint={`From ${n} ${props.orders === 1 ? 'sale' : 'sales'} credited to partners in the period`}
        />
      </Card>
      <Card className="money-card">
        <Stat
          label="Spent on partners"
          value={
            <Amounts
              brandCents={props.spendCents}
              others={foreign.map((t) => ({ currency: t.currency, cents: t.commissionCents }))}
              settings={settings}
            />
          }
          hint="Retainers, commission, fees, perks and bonuses in the period"
        />
      </Card>
      <Card className="money-card">
        <Stat
          label="Owed to partners today"
          value={<Amounts brandCents={props.owedCents} others={[]} settings={settings} />}
          hint={
            props.owedApart.length
              ? `Earned up to today, minus what you paid; commission on orders in ${props.owedApart.join(', ')} is not in it`
              : 'Everything earned up to today, minus what you have paid'
          }
        />
      </Card>
    </div>
  );
}

/** The period holds no orders or posts but others do: say so and offer the one with data. */
export function PeriodOffer(props: {
  periodLabel: string;
  span: DateRange;
  offer: DateRange;
  locale: string;
  onTake: (r: DateRange) => void;
}) {
  return (
    <div className="card dash-offer" role="status">
      <CalendarRange size={20} aria-hidden="true" />
      <p>
        No orders or posts in the {props.periodLabel.toLowerCase()}. Your data runs{' '}
        {formatPeriod(props.span, props.locale)}.
      </p>
      <button type="button" className="btn btn-primary" onClick={() => props.onTake(props.offer)}>
        Show {formatPeriod(props.offer, props.locale)}
      </button>
    </div>
  );
}

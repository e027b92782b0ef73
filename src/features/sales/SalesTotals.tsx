import type { ReactNode } from 'react';
import { Stat } from '../../components/ui';
import { MoneyLines } from './MoneyLines';
import { ONLY_WORDS, type Filters, type OnlySet, type OrderTotals } from './order-filters';
import type { useOrderList } from './useOrderList';

interface Props {
  list: ReturnType<typeof useOrderList>;
  /** The filters in words ("from Lucy Loaf"), or null for every order. */
  scope: string | null;
  only: Filters['only'];
  onShow: (set: OnlySet) => void;
  currency: string;
  locale: string;
  num: (n: number | undefined) => string;
}

/** The figures above the list, each saying what it counts, with a link to exactly those rows. */
export function SalesTotals({ list, scope, only, onShow, currency, locale, num }: Props) {
  const { totals } = list;
  const show = (n: number, set: OnlySet, words: string) => (
    <ShowSet n={n} set={set} current={only} num={num} onShow={onShow}>
      {words}
    </ShowSet>
  );
  const money = (k: 'revenue' | 'refunded' | 'discounts') =>
    totals === undefined ? (
      '…'
    ) : (
      <MoneyLines amounts={centsOf(totals, k)} locale={locale} fallback={currency} />
    );
  const credited =
    totals === undefined
      ? '…'
      : totals.orders > 0
        ? `${Math.round((totals.sets.credited / totals.orders) * 100)}%`
        : '–';
  return (
    <section
      className="sales-totals"
      aria-label="Totals for the filtered orders"
      aria-describedby="sales-totals-scope"
      aria-busy={totals === undefined}
    >
      <p id="sales-totals-scope" className="muted sales-totals-scope">
        {scope ? `Totals for the orders ${scope}.` : 'Totals for all your orders.'} Cancelled orders
        add no revenue, refunds or discounts.
        {totals === undefined ? ' Adding them up…' : list.totalsUpdating ? ' Updating…' : ''}
        {list.totalsFailed ? ` They could not be added up: ${list.totalsFailed}` : ''}
      </p>
      <div className="sales-totals-grid">
        <Stat
          label="Orders"
          value={num(totals?.orders ?? (list.exact ? list.count : undefined))}
          hint={totals && show(totals.sets.counted, 'counted', 'not cancelled or fully refunded')}
        />
        <Stat
          label="Revenue"
          value={money('revenue')}
          hint={
            totals &&
            show(totals.sets.revenue, 'revenue', 'not cancelled: their totals less refunds')
          }
        />
        <Stat
          label="Refunded"
          value={money('refunded')}
          hint={totals && show(totals.sets.refunds, 'refunds', 'with a refund, not cancelled')}
        />
        <Stat
          label="Discounts given"
          value={money('discounts')}
          hint={
            totals && show(totals.sets.discounts, 'discounts', 'with a discount, not cancelled')
          }
        />
        <Stat
          label="Credited to partners"
          value={credited}
          hint={
            totals &&
            show(totals.sets.credited, 'credited', `of ${num(totals.orders)} credited to a partner`)
          }
        />
      </div>
      {totals && totals.converted.size > 0 ? (
        <p className="muted sales-totals-scope">
          Includes{' '}
          {[...totals.converted]
            .map(([words, n]) => `${num(n)} order${n === 1 ? '' : 's'} ${words}`)
            .join(', ')}{' '}
          (the rate you entered at import).
        </p>
      ) : null}
      {totals && totals.byCurrency.size > 1 ? (
        <p className="muted sales-totals-scope">
          These orders are in {totals.byCurrency.size} currencies: each amount is shown per
          currency, never added across currencies. Filter by currency to see one.
        </p>
      ) : null}
    </section>
  );
}

/** One of the money totals, per currency. */
function centsOf(t: OrderTotals, k: 'revenue' | 'refunded' | 'discounts') {
  return [...t.byCurrency].map(([currency, c]) => ({ currency, cents: c[k] }));
}

/**
 * What a total counts ("12 with a refund, not cancelled") and a button that filters the rows to
 * exactly those orders.
 */
function ShowSet(props: {
  n: number;
  set: OnlySet;
  current: Filters['only'];
  num: (n: number) => string;
  onShow: (k: OnlySet) => void;
  children: ReactNode;
}) {
  return (
    <>
      {props.num(props.n)} {props.children}
      {props.current === props.set || props.n === 0 ? null : (
        <>
          {' · '}
          <button
            type="button"
            className="sales-show-link"
            aria-label={`Show in list: the ${props.num(props.n)} order${props.n === 1 ? '' : 's'} ${ONLY_WORDS[props.set]}`}
            onClick={() => props.onShow(props.set)}
          >
            show in list
          </button>
        </>
      )}
    </>
  );
}

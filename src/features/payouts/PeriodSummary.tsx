import { Stat } from '../../components/ui';
import type { DateRange } from '../../domain/dates';
import { periodTitle } from '../../domain/payout-periods';
import type { Statement } from '../../domain/payout-statements';

const partners = (n: number) => `${n} partner${n === 1 ? '' : 's'}`;

/** The period's totals: owed, earned, already paid (and what partners owe back). */
export function PeriodTotals(props: {
  statements: readonly Statement[];
  money: (cents: number) => string;
}) {
  const { statements, money } = props;
  const sum = (f: (s: Statement) => number) => statements.reduce((t, s) => t + f(s), 0);
  const owedBack = sum((s) => s.owedBackCents);
  return (
    <section className="payouts-stats" aria-label="Period totals">
      <Stat
        label="Owed this period"
        value={money(sum((s) => s.owedCents))}
        hint={partners(statements.filter((s) => s.owedCents > 0).length)}
      />
      <Stat
        label="Earned"
        value={money(sum((s) => s.earnings.payableCents))}
        hint="Commissions, retainers, fees, bonuses"
      />
      <Stat
        label="Already paid"
        value={money(sum((s) => s.paidCents))}
        hint={owedBack > 0 ? `${money(owedBack)} owed back to you` : undefined}
      />
    </section>
  );
}

/**
 * When the period holds no orders or posts but other periods do: says so, and offers the last
 * month that has some, instead of a page of $0.00.
 */
export function PeriodOffer(props: {
  title: string;
  offer: { span: DateRange; month: DateRange };
  locale: string;
  onShow: (month: DateRange) => void;
}) {
  const { offer, locale } = props;
  return (
    <div className="card payouts-offer" role="status">
      <p>
        No orders or posts in {props.title}. Your partners’ sales and posts run{' '}
        {periodTitle(offer.span, locale)}.
      </p>
      <button type="button" className="btn btn-primary" onClick={() => props.onShow(offer.month)}>
        Show {periodTitle(offer.month, locale)}
      </button>
    </div>
  );
}

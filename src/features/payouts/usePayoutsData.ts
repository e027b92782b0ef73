/**
 * What the Payouts screen shows for a period (a month, quarter, year or any dates): the statements
 * (from the per-partner rollups, which stand in for the orders and posts, and the payment sums,
 * which stand in for the payments: what was paid for the period and the overpayment carried in),
 * and the newest payments for the history.
 */
import { useMemo, useState } from 'react';
import { statementBasisOf } from '../../db/payouts';
import { useFigures, useSettings } from '../../hooks/data';
import { NOTHING_PENDING, withChange, type Pending } from './pending';
import { usePaidSums } from './usePaidSums';
import { usePaymentHistory } from './usePaymentHistory';
import { safeCurrency } from '../../domain/intl';
import { addMonths, dateInZone, startOfMonth, type DateRange } from '../../domain/dates';
import {
  carriedFromStats,
  periodEarningsFromStats,
  statementsFrom,
  inBrandCurrency,
} from '../../domain/payout-statements';
import { useForeignCommission } from './useForeignCommission';
import { useForeignStatements } from './useForeignStatements';
import { useConvertedNotes } from './useConvertedNotes';
import { periodAround, type PayoutPeriodKind } from '../../domain/payout-periods';
import { activitySpan, periodWithData } from '../../domain/period-offer';
import type { Payout } from '../../domain/schemas';
import { UNATTRIBUTED } from '../../domain/stats';

export function usePayoutsData() {
  const settings = useSettings();
  const today = dateInZone(Date.now(), settings.timeZone);
  // Last month by default.
  const [kind, setKindState] = useState<PayoutPeriodKind>('month');
  const [wanted, setRange] = useState<DateRange>(() =>
    periodAround('month', addMonths(startOfMonth(today), -1)),
  );
  const setKind = (k: PayoutPeriodKind) => {
    setKindState(k);
    if (k !== 'custom') setRange(periodAround(k, wanted.start));
  };
  // Payments recorded or undone here, shown at once (before the payouts are read again).
  const [pending, setPending] = useState<Pending>(NOTHING_PENDING);

  // Partners, contracts, bonuses and the per-partner rollups (which stand in for the orders and
  // posts): small, and the same for every period, so a period change reads only payments.
  // (The shared figures, src/db/figures.ts: read once for every screen that sums a period.)
  const figures = useFigures();
  const basis = useMemo(() => figures && statementBasisOf(figures), [figures]);
  // What was paid for the period and before it (for overpayments carried in), from the payment
  // sums. Only payments in the brand's currency count against its figures (one in another
  // currency pays commission earned in that currency, shown apart).
  const currency = safeCurrency(settings.currency);
  const paid = usePaidSums(wanted, pending, currency);
  const period = useMemo(
    () => (basis && paid.range ? { ...basis, range: paid.range } : undefined),
    [basis, paid.range],
  );
  // The history (below the statements) is read once the statements are: its reads would
  // otherwise queue before theirs.
  const history = usePaymentHistory(basis !== undefined && paid.range !== undefined, pending);
  const data = period && paid.overlapping ? period : undefined;
  // Until another period's records arrive, the figures, title and files stay those of the period
  // read (never last month's records summed over this month's dates).
  const range = data?.range ?? wanted;
  // The period's earnings are summed once per period; a payment recorded only redoes the rest.
  const opts = useMemo(
    () => ({ timeZone: settings.timeZone, countDiscountAsCost: settings.countDiscountAsCost }),
    [settings.timeZone, settings.countDiscountAsCost],
  );
  // Commission on orders in other currencies: out of the brand-currency figures, shown apart.
  const foreignRead = useForeignCommission(basis, wanted, currency, settings.timeZone);
  const foreign = foreignRead && period && foreignRead.range === period.range ? foreignRead : null;
  // That commission as statements in its own currency: what was paid in it and is still owed.
  const foreignOwed = useForeignStatements({
    basis,
    range: period?.range,
    earned: foreign?.list ?? null,
    buckets: paid.buckets,
    currency,
    timeZone: settings.timeZone,
  });
  const earned = useMemo(
    () =>
      period && foreign
        ? inBrandCurrency(periodEarningsFromStats(period, period.range, opts), foreign.apart, opts)
        : null,
    [period, foreign, opts],
  );
  const earlier = paid.earlier;
  const carried = useMemo(
    () => (period && earlier ? carriedFromStats(period, earlier, period.range, opts) : null),
    [period, earlier, opts],
  );
  const overlapping = paid.overlapping;
  const statements = useMemo(
    () =>
      earned && overlapping && carried
        ? statementsFrom(earned, overlapping, range, carried).sort(
            (a, b) =>
              b.earnings.payableCents - a.earnings.payableCents ||
              a.partner.name.localeCompare(b.partner.name),
          )
        : [],
    [earned, overlapping, range, carried],
  );
  // When the period holds no orders or posts but others do: the last month that has some.
  const offer = useMemo(() => {
    if (!basis) return null;
    const span = activitySpan(
      basis.stats.filter((s) => s.partnerId !== UNATTRIBUTED).map((stats) => ({ stats })),
    );
    return span && periodWithData(range, span)
      ? { span, month: periodAround('month', span.end) }
      : null;
  }, [basis, range]);
  // Which figures include orders converted at import, and at what rate (once they are shown).
  const converted = useConvertedNotes({
    ready: statements.length > 0,
    basis,
    range,
    timeZone: settings.timeZone,
    locale: settings.locale,
  });
  const partnersById = useMemo(() => new Map((data?.partners ?? []).map((p) => [p.id, p])), [data]);
  const names = useMemo(
    () => new Map([...partnersById].map(([id, p]) => [id, p.name])),
    [partnersById],
  );
  const recordPending = {
    /** Before payments are written from here (recorded or undone). */
    writing: (payouts: readonly Payout[]) => paid.watch(payouts.map((p) => p.id)),
    added: (added: readonly Payout[]) => setPending((p) => withChange(p, added, true)),
    removed: (removed: readonly Payout[]) => setPending((p) => withChange(p, removed, false)),
  };
  return {
    settings,
    today,
    kind,
    setKind,
    wanted,
    setRange,
    data,
    range,
    statements,
    foreign: foreignOwed ?? [],
    converted,
    offer,
    names,
    partnersById,
    history,
    recordPending,
  };
}

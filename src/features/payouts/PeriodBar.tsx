import { ChevronLeft, ChevronRight } from 'lucide-react';
import type { DateRange } from '../../domain/dates';
import {
  PAYOUT_PERIOD_KINDS,
  periodAround,
  periodTitle,
  stepPeriod,
  type PayoutPeriodKind,
} from '../../domain/payout-periods';
import { safeLocale } from '../../domain/intl';
import { PeriodPicker } from '../../components/PeriodPicker';

/** Which period Payouts shows: a month, quarter or year (with previous / next), or any dates. */
export function PeriodBar(props: {
  kind: PayoutPeriodKind;
  onKind: (kind: PayoutPeriodKind) => void;
  range: DateRange;
  onRange: (range: DateRange) => void;
  today: string;
  locale: string;
}) {
  const { kind, range, onRange, today } = props;
  const title = periodTitle(range, safeLocale(props.locale));
  return (
    <div className="payouts-period" role="group" aria-label="Period">
      <PeriodPicker
        idPrefix="payout"
        label="Show"
        kinds={PAYOUT_PERIOD_KINDS}
        kind={kind}
        onKind={props.onKind}
        range={range}
        onRange={onRange}
        showDates={kind === 'custom'}
      >
        {kind === 'custom' ? null : (
          <Stepper kind={kind} range={range} onRange={onRange} today={today} title={title} />
        )}
      </PeriodPicker>
    </div>
  );
}

/** Previous / next month, quarter or year, with the month to pick or the period's name. */
function Stepper(props: {
  kind: Exclude<PayoutPeriodKind, 'custom'>;
  range: DateRange;
  onRange: (range: DateRange) => void;
  today: string;
  title: string;
}) {
  const { kind, range, onRange, today, title } = props;
  // Never past the period holding today.
  const step = (by: -1 | 1) => {
    const to = stepPeriod(kind, range, by);
    const Icon = by < 0 ? ChevronLeft : ChevronRight;
    return (
      <button
        type="button"
        className="btn payouts-step-btn"
        aria-label={`${by < 0 ? 'Previous' : 'Next'} ${kind}`}
        disabled={by > 0 && to.start > today}
        onClick={() => onRange(to)}
      >
        <Icon aria-hidden="true" size={16} />
      </button>
    );
  };
  return (
    <div className="payouts-step">
      {step(-1)}
      {kind === 'month' ? (
        <div className="field">
          <label htmlFor="payout-month">Month</label>
          <input
            id="payout-month"
            type="month"
            value={range.start.slice(0, 7)}
            max={today.slice(0, 7)}
            onChange={(e) =>
              e.target.value && onRange(periodAround('month', `${e.target.value}-01`))
            }
          />
        </div>
      ) : (
        <p className="payouts-period-title" aria-live="polite">
          {title}
        </p>
      )}
      {step(1)}
    </div>
  );
}

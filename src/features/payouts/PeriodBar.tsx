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
      <div className="field">
        <label htmlFor="payout-period-kind">Show</label>
        <select
          id="payout-period-kind"
          value={kind}
          onChange={(e) => props.onKind(e.target.value as PayoutPeriodKind)}
        >
          {PAYOUT_PERIOD_KINDS.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      {kind === 'custom' ? (
        <>
          <div className="field">
            <label htmlFor="payout-from">From</label>
            <input
              id="payout-from"
              type="date"
              value={range.start}
              max={range.end}
              onChange={(e) => e.target.value && onRange({ ...range, start: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="payout-to">To</label>
            <input
              id="payout-to"
              type="date"
              value={range.end}
              min={range.start}
              onChange={(e) => e.target.value && onRange({ ...range, end: e.target.value })}
            />
          </div>
        </>
      ) : (
        <div className="payouts-step">
          <button
            type="button"
            className="btn payouts-step-btn"
            aria-label={`Previous ${kind}`}
            onClick={() => onRange(stepPeriod(kind, range, -1))}
          >
            <ChevronLeft aria-hidden="true" size={16} />
          </button>
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
          <button
            type="button"
            className="btn payouts-step-btn"
            aria-label={`Next ${kind}`}
            disabled={stepPeriod(kind, range, 1).start > today}
            onClick={() => onRange(stepPeriod(kind, range, 1))}
          >
            <ChevronRight aria-hidden="true" size={16} />
          </button>
        </div>
      )}
    </div>
  );
}

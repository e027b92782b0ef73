/**
 * The periods Payouts browses: a calendar month, quarter or year, or any dates the owner picks.
 * Pure; the screen keeps the kind and the range.
 */
import { addDays, addMonths, endOfMonth, type DateRange } from './dates';

export const PAYOUT_PERIOD_KINDS = [
  { id: 'month', label: 'Month' },
  { id: 'quarter', label: 'Quarter' },
  { id: 'year', label: 'Year' },
  { id: 'custom', label: 'Custom dates' },
] as const;
export type PayoutPeriodKind = (typeof PAYOUT_PERIOD_KINDS)[number]['id'];

/** The calendar month, quarter or year holding `date` (a custom period keeps the month). */
export function periodAround(kind: PayoutPeriodKind, date: string): DateRange {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  if (kind === 'year') return { start: `${y}-01-01`, end: `${y}-12-31` };
  if (kind === 'quarter') {
    const start = `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    return { start, end: addDays(addMonths(start, 3), -1) };
  }
  const start = `${date.slice(0, 7)}-01`;
  return { start, end: endOfMonth(start) };
}

/** Which calendar period a range is exactly, if any. */
export function calendarKindOf(range: DateRange): Exclude<PayoutPeriodKind, 'custom'> | null {
  for (const kind of ['month', 'quarter', 'year'] as const) {
    const p = periodAround(kind, range.start);
    if (p.start === range.start && p.end === range.end) return kind;
  }
  return null;
}

/**
 * A short name for the period, for file names and the PayPal reference: `2026-10`, `2026-Q4`,
 * `2026`, or for other dates `2026-10-05–11-04` (the year repeated only when it changes).
 */
export function periodTag(range: DateRange): string {
  const kind = calendarKindOf(range);
  if (kind === 'month') return range.start.slice(0, 7);
  if (kind === 'quarter')
    return `${range.start.slice(0, 4)}-Q${Math.floor(Number(range.start.slice(5, 7)) / 3) + 1}`;
  if (kind === 'year') return range.start.slice(0, 4);
  const sameYear = range.start.slice(0, 4) === range.end.slice(0, 4);
  return `${range.start}–${sameYear ? range.end.slice(5) : range.end}`;
}

/** The period in words in the owner's locale: "October 2026", "Q4 2026", "2026", "5 Oct – 4 Nov 2026". */
export function periodTitle(range: DateRange, locale: string): string {
  const kind = calendarKindOf(range);
  const day = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
  if (kind === 'month')
    return new Intl.DateTimeFormat(locale, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(day(range.start));
  if (kind === 'quarter') return periodTag(range).replace(/^(\d{4})-(Q\d)$/, '$2 $1');
  if (kind === 'year') return range.start.slice(0, 4);
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatRange(day(range.start), day(range.end));
}

/** The calendar period before (-1), holding (0) or after (1) a range's start. */
export function stepPeriod(
  kind: Exclude<PayoutPeriodKind, 'custom'>,
  range: DateRange,
  by: -1 | 0 | 1,
): DateRange {
  const months = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
  return periodAround(kind, addMonths(range.start, by * months));
}

import type { DateRange } from './dates';
import { safeLocale } from './intl';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The period as dates in the brand's locale, e.g. "Nov 25, 2025 – Nov 24, 2026". */
export function formatPeriod(range: DateRange, locale: string): string {
  let fmt = dateFormats.get(locale);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(locale, fmt);
  }
  return `${fmt.format(new Date(`${range.start}T00:00:00Z`))} – ${fmt.format(new Date(`${range.end}T00:00:00Z`))}`;
}

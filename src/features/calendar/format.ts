/** Locale formatting of calendar dates (`YYYY-MM-DD`, read as a day, never shifted by a zone). */
import { safeLocale } from '../../domain/intl';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(safeLocale(locale), { ...options, timeZone: 'UTC' });
    cache.set(key, f);
  }
  return f;
}

function asUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** "Friday, March 14, 2025" (in the brand locale). */
export function longDay(date: string, locale: string): string {
  return formatter(locale, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(asUtc(date));
}

/** "Fri, Mar 14". */
export function shortDay(date: string, locale: string): string {
  return formatter(locale, { weekday: 'short', month: 'short', day: 'numeric' }).format(
    asUtc(date),
  );
}

/** "March 2025". */
export function monthTitle(date: string, locale: string): string {
  return formatter(locale, { month: 'long', year: 'numeric' }).format(asUtc(date));
}

/** "Mon". */
export function weekdayName(date: string, locale: string): string {
  return formatter(locale, { weekday: 'short' }).format(asUtc(date));
}

export function dayOfMonth(date: string): number {
  return Number(date.slice(8, 10));
}

export function formatCount(n: number, locale: string): string {
  return n.toLocaleString(safeLocale(locale));
}

/** "Mar 14, 2025". */
export function mediumDay(date: string, locale: string): string {
  return formatter(locale, { month: 'short', day: 'numeric', year: 'numeric' }).format(asUtc(date));
}

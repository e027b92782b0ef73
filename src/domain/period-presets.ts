/** The periods the Compare and Dashboard screens offer, and their dates. */
import { addDays, addMonths, type DateRange } from './dates';

export const PERIOD_PRESETS = [
  { id: 'last-30', label: 'Last 30 days' },
  { id: 'last-90', label: 'Last 90 days' },
  { id: 'this-quarter', label: 'This quarter' },
  { id: 'last-quarter', label: 'Last quarter' },
  { id: 'year-to-date', label: 'Year to date' },
  { id: 'last-12-months', label: 'Last 12 months' },
  { id: 'all-time', label: 'All time' },
  { id: 'custom', label: 'Custom dates' },
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]['id'];

/**
 * The dates of a preset period ending today (brand time zone). "All time" starts at `earliest`,
 * the first day the brand has data for (a year back when there is none).
 */
export function presetRange(
  preset: Exclude<PeriodPreset, 'custom'>,
  today: string,
  earliest: string | null = null,
): DateRange {
  const quarterStart = (d: string) => {
    const m = Number(d.slice(5, 7));
    return `${d.slice(0, 4)}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  };
  switch (preset) {
    case 'last-30':
      return { start: addDays(today, -29), end: today };
    case 'last-90':
      return { start: addDays(today, -89), end: today };
    case 'this-quarter':
      return { start: quarterStart(today), end: today };
    case 'last-quarter': {
      const start = addMonths(quarterStart(today), -3);
      return { start, end: addDays(quarterStart(today), -1) };
    }
    case 'year-to-date':
      return { start: `${today.slice(0, 4)}-01-01`, end: today };
    case 'last-12-months':
      return { start: addDays(addMonths(today, -12), 1), end: today };
    case 'all-time':
      return {
        start: earliest && earliest < today ? earliest : addDays(addMonths(today, -12), 1),
        end: today,
      };
  }
}

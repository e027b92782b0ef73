/** The periods the Compare and Dashboard screens offer, and their dates. */
import { addDays, addMonths, type DateRange } from './dates';

/** What the owner reads for each period, in the order the screens offer them. */
const PRESET_LABELS = {
  'last-30': 'Last 30 days',
  'last-90': 'Last 90 days',
  'this-quarter': 'This quarter',
  'last-quarter': 'Last quarter',
  'year-to-date': 'Year to date',
  'last-12-months': 'Last 12 months',
  'all-time': 'All time',
  custom: 'Custom dates',
} as const;
export type PeriodPreset = keyof typeof PRESET_LABELS;

/** The periods as choices of a select, in order. */
export const PERIOD_PRESETS: readonly { id: PeriodPreset; label: string }[] = (
  Object.keys(PRESET_LABELS) as PeriodPreset[]
).map((id) => ({ id, label: PRESET_LABELS[id] }));

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

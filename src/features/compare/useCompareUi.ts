import { create } from 'zustand';
import { startOfMonth, type DateRange } from '../../domain/dates';
import { presetRange, type PeriodPreset } from '../../domain/period-presets';
import { NO_FILTERS, type CompareFilters } from '../../domain/compare';

export type CompareView = 'kind' | 'subtype';

interface CompareUiState {
  preset: PeriodPreset;
  custom: DateRange | null;
  filters: CompareFilters;
  view: CompareView;
  setPreset: (p: PeriodPreset) => void;
  setCustom: (r: DateRange) => void;
  setFilters: (f: Partial<CompareFilters>) => void;
  setView: (v: CompareView) => void;
}

/** Period, filters and view of the Compare screen (UI state; it survives switching tabs). */
export const useCompareUi = create<CompareUiState>()((set) => ({
  preset: 'last-12-months',
  custom: null,
  filters: NO_FILTERS,
  view: 'kind',
  setPreset: (preset) => set({ preset }),
  setCustom: (custom) => set({ custom, preset: 'custom' }),
  setFilters: (f) => set((s) => ({ filters: { ...s.filters, ...f } })),
  setView: (view) => set({ view }),
}));

/** The period in effect: a preset, or the custom dates (falling back to this month). */
export function effectiveRange(
  preset: PeriodPreset,
  custom: DateRange | null,
  today: string,
  earliest: string | null = null,
): DateRange {
  if (preset !== 'custom') return presetRange(preset, today, earliest);
  return custom ?? { start: startOfMonth(today), end: today };
}

import { create } from 'zustand';
import { EMPTY_FILTER, type ContentFilter } from '../../domain/content';

export type CalendarView = 'month' | 'week' | 'agenda';

interface CalendarUiState {
  view: CalendarView;
  /** A day inside the visible month/week; null = today. Survives navigating away and back. */
  anchor: string | null;
  filter: ContentFilter;
  setView: (view: CalendarView) => void;
  setAnchor: (anchor: string | null) => void;
  setFilter: (patch: Partial<ContentFilter>) => void;
  clearFilter: () => void;
}

/** UI state of the calendar screen only; the items themselves come from Dexie. */
export const useCalendarUi = create<CalendarUiState>()((set) => ({
  view: 'month',
  anchor: null,
  filter: EMPTY_FILTER,
  setView: (view) => set({ view }),
  setAnchor: (anchor) => set({ anchor }),
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  clearFilter: () => set({ filter: EMPTY_FILTER }),
}));

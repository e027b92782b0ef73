import { create } from 'zustand';
import type { PartnerKind, PartnerStatus } from '../../domain/schemas';
import type { Tier } from '../../domain/partners';

export type SortKey = 'name' | 'followers' | 'revenue' | 'roi' | 'status';
export type PeriodKey = '30d' | '90d' | '12m' | 'all';

export const PERIOD_LABEL: Record<PeriodKey, string> = {
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  '12m': 'Last 12 months',
  all: 'All time',
};

export interface PartnerFilters {
  search: string;
  kind: PartnerKind | '';
  status: PartnerStatus | '';
  tier: Tier | '';
  tag: string;
  niche: string;
  showArchived: boolean;
}

interface PartnersUi {
  filters: PartnerFilters;
  sort: { key: SortKey; dir: 'asc' | 'desc' };
  period: PeriodKey;
  /** Ids ticked for a bulk action. */
  selected: ReadonlySet<string>;
  setFilter: <K extends keyof PartnerFilters>(k: K, v: PartnerFilters[K]) => void;
  clearFilters: () => void;
  toggleSort: (key: SortKey) => void;
  setPeriod: (p: PeriodKey) => void;
  setSelected: (ids: ReadonlySet<string>) => void;
}

const NO_FILTERS: PartnerFilters = {
  search: '',
  kind: '',
  status: '',
  tier: '',
  tag: '',
  niche: '',
  showArchived: false,
};

/** The list's filters, sort and selection survive a visit to a partner's page and back. */
export const usePartnersUi = create<PartnersUi>()((set) => ({
  filters: NO_FILTERS,
  sort: { key: 'name', dir: 'asc' },
  period: '12m',
  selected: new Set(),
  setFilter: (k, v) => set((s) => ({ filters: { ...s.filters, [k]: v }, selected: new Set() })),
  clearFilters: () => set({ filters: NO_FILTERS, selected: new Set() }),
  toggleSort: (key) =>
    set((s) => ({
      sort:
        s.sort.key === key
          ? { key, dir: s.sort.dir === 'asc' ? 'desc' : 'asc' }
          : // Numbers read best biggest first; names A to Z.
            { key, dir: key === 'name' || key === 'status' ? 'asc' : 'desc' },
    })),
  setPeriod: (period) => set({ period }),
  setSelected: (selected) => set({ selected }),
}));

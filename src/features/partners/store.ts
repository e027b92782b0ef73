import { create } from 'zustand';
import type { PartnerKind, PartnerStatus, PetSpecies } from '../../domain/schemas';
import type { DateRange } from '../../domain/dates';
import type { Tier } from '../../domain/partners';
import type { RankBy } from '../../domain/partner-figures';

export type FigureKey =
  | 'revenue'
  | 'cost'
  | 'roi'
  | 'roas'
  | 'orders'
  | 'cpa'
  | 'aov'
  | 'emv'
  | 'engagement'
  | 'conversion';
export type SortKey = 'name' | 'followers' | 'status' | FigureKey;
/** Columns the owner may show or hide (name and revenue always show). */
export type OptionalColumn =
  'kind' | 'status' | 'followers' | 'codes' | Exclude<FigureKey, 'revenue'>;
export const DEFAULT_COLUMNS: readonly OptionalColumn[] = [
  'kind',
  'status',
  'followers',
  'codes',
  'roi',
];
const COLUMNS_KEY = 'pawtners.partnerList.columns';
const RANK_KEY = 'pawtners.partnerList.rankBy';

/** The columns chosen last time (this computer's storage), or the defaults. */
function storedColumns(): OptionalColumn[] {
  try {
    const v: unknown = JSON.parse(globalThis.localStorage?.getItem(COLUMNS_KEY) ?? 'null');
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as OptionalColumn[];
  } catch {
    // Unreadable or blocked storage: the defaults.
  }
  return [...DEFAULT_COLUMNS];
}

function remember(key: string, value: unknown) {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the choice lasts for this session only.
  }
}

function storedRankBy(): RankBy {
  try {
    const v: unknown = JSON.parse(globalThis.localStorage?.getItem(RANK_KEY) ?? 'null');
    if (v === 'revenue' || v === 'roi' || v === 'orders' || v === 'newCustomers') return v;
  } catch {
    // As above.
  }
  return 'revenue';
}
export type PeriodKey = '30d' | '90d' | '12m' | 'all' | 'custom';

export const PERIOD_LABEL: Record<PeriodKey, string> = {
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  '12m': 'Last 12 months',
  all: 'All time',
  custom: 'The dates offered',
};

export interface PartnerFilters {
  search: string;
  kind: PartnerKind | '';
  status: PartnerStatus | '';
  tier: Tier | '';
  tag: string;
  niche: string;
  /** Partners with a pet of this species. */
  species: PetSpecies | '';
  showArchived: boolean;
}

interface PartnersUi {
  filters: PartnerFilters;
  sort: { key: SortKey; dir: 'asc' | 'desc' };
  period: PeriodKey;
  /** The dates of the 'custom' period (offered when the chosen period holds no data). */
  custom: DateRange | null;
  /** Ids ticked for a bulk action. */
  selected: ReadonlySet<string>;
  /** Optional columns shown, remembered on this computer. */
  columns: readonly OptionalColumn[];
  /** What the leaderboard ranks by, remembered on this computer. */
  rankBy: RankBy;
  setColumns: (c: readonly OptionalColumn[]) => void;
  setRankBy: (r: RankBy) => void;
  setFilter: <K extends keyof PartnerFilters>(k: K, v: PartnerFilters[K]) => void;
  clearFilters: () => void;
  toggleSort: (key: SortKey) => void;
  setPeriod: (p: PeriodKey) => void;
  /** Show these dates (the period that has data). */
  setCustom: (range: DateRange) => void;
  setSelected: (ids: ReadonlySet<string>) => void;
}

/** Sorted A to Z, or cheapest first (a lower cost per order is better). */
const ASCENDING_FIRST: readonly SortKey[] = ['name', 'status', 'cpa', 'cost'];

const NO_FILTERS: PartnerFilters = {
  search: '',
  kind: '',
  status: '',
  tier: '',
  tag: '',
  niche: '',
  species: '',
  showArchived: false,
};

/** The list's filters, sort and selection survive a visit to a partner's page and back. */
export const usePartnersUi = create<PartnersUi>()((set) => ({
  filters: NO_FILTERS,
  sort: { key: 'name', dir: 'asc' },
  period: '12m',
  selected: new Set(),
  columns: storedColumns(),
  rankBy: storedRankBy(),
  setColumns: (columns) => {
    remember(COLUMNS_KEY, columns);
    set({ columns });
  },
  setRankBy: (rankBy) => {
    remember(RANK_KEY, rankBy);
    set({ rankBy });
  },
  setFilter: (k, v) => set((s) => ({ filters: { ...s.filters, [k]: v }, selected: new Set() })),
  clearFilters: () => set({ filters: NO_FILTERS, selected: new Set() }),
  toggleSort: (key) =>
    set((s) => ({
      sort:
        s.sort.key === key
          ? { key, dir: s.sort.dir === 'asc' ? 'desc' : 'asc' }
          : // Numbers read best biggest first; names A to Z.
            { key, dir: ASCENDING_FIRST.includes(key) ? 'asc' : 'desc' },
    })),
  setPeriod: (period) => set({ period }),
  custom: null,
  setCustom: (custom) => set({ custom, period: 'custom' }),
  setSelected: (selected) => set({ selected }),
}));

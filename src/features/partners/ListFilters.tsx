import type { RefObject } from 'react';
import { KIND_LABEL } from '../../components/ui';
import { TIERS, type Tier } from '../../domain/partners';
import {
  PARTNER_KINDS,
  PARTNER_STATUSES,
  PET_SPECIES,
  type PartnerStatus,
  type PetSpecies,
} from '../../domain/schemas';
import { STATUS_LABEL } from './format';
import { PeriodSelect } from './parts';
import { usePartnersUi } from './store';
import { ColumnChooser } from './ColumnChooser';

/** The kind switch with counts: everyone, ambassadors, micro-affiliates. */
export function KindSwitch({
  counts,
}: {
  counts: Record<'all' | 'ambassador' | 'affiliate', number>;
}) {
  const kind = usePartnersUi((s) => s.filters.kind);
  const setFilter = usePartnersUi((s) => s.setFilter);
  return (
    <div className="pl-kinds" role="group" aria-label="Kind">
      {(['', ...PARTNER_KINDS] as const).map((k) => (
        <button
          key={k || 'all'}
          type="button"
          className={`pl-kind ${k ? `pl-kind-${k}` : ''}`}
          aria-pressed={kind === k}
          onClick={() => setFilter('kind', k)}
        >
          <span>{k ? `${KIND_LABEL[k]}s` : 'All partners'}</span>
          <strong className="num">{counts[k || 'all']}</strong>
        </button>
      ))}
    </div>
  );
}

const PET_SPECIES_PLURAL: Record<PetSpecies, string> = {
  dog: 'Dogs',
  cat: 'Cats',
  rabbit: 'Rabbits',
  bird: 'Birds',
  other: 'Other pets',
};

/** Search, filters, the period of the figures, archived partners and the column chooser. */
export function ListFilters(props: {
  searchRef: RefObject<HTMLInputElement | null>;
  tagOptions: string[];
  nicheOptions: string[];
  filtered: boolean;
}) {
  const { filters, setFilter, clearFilters } = usePartnersUi();
  return (
    <div className="pl-filters">
      <input
        ref={props.searchRef}
        type="search"
        className="pl-search"
        placeholder="Search name, handle or code"
        aria-label="Search partners"
        value={filters.search}
        onChange={(e) => setFilter('search', e.target.value)}
      />
      <FilterSelect
        label="Status"
        value={filters.status}
        onChange={(v) => setFilter('status', v as PartnerStatus | '')}
        options={PARTNER_STATUSES.map((s) => [s, STATUS_LABEL[s]])}
      />
      <FilterSelect
        label="Tier"
        value={filters.tier}
        onChange={(v) => setFilter('tier', v as Tier | '')}
        options={TIERS.map((t) => [t, t])}
      />
      <FilterSelect
        label="Tag"
        value={filters.tag}
        onChange={(v) => setFilter('tag', v)}
        options={props.tagOptions.map((t) => [t, t])}
      />
      <FilterSelect
        label="Niche"
        value={filters.niche}
        onChange={(v) => setFilter('niche', v)}
        options={props.nicheOptions.map((t) => [t, t])}
      />
      <FilterSelect
        label="Pets"
        value={filters.species}
        onChange={(v) => setFilter('species', v as PetSpecies | '')}
        options={PET_SPECIES.map((s) => [s, PET_SPECIES_PLURAL[s]])}
      />
      <PeriodSelect label="Sales in" />
      <label className="pl-inline pl-check">
        <input
          type="checkbox"
          checked={filters.showArchived}
          onChange={(e) => setFilter('showArchived', e.target.checked)}
        />
        <span>Show archived</span>
      </label>
      {props.filtered ? (
        <button type="button" className="btn btn-small" onClick={clearFilters}>
          Clear filters
        </button>
      ) : null}
      <ColumnChooser />
    </div>
  );
}

function FilterSelect(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: [string, string][];
}) {
  return (
    <label className="pl-inline">
      <span>{props.label}</span>
      <select
        aria-label={props.label}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">Any</option>
        {props.options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

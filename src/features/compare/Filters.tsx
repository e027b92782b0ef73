import { ChoiceField, PeriodPicker } from '../../components/PeriodPicker';
import { PLATFORM_LABEL } from '../../domain/partners';
import { PLATFORMS, SUBTYPE_TAGS, type Campaign } from '../../domain/schemas';
import type { CompareFilters } from '../../domain/compare';
import { PERIOD_PRESETS } from '../../domain/period-presets';
import { useCompareUi } from './useCompareUi';
import type { DateRange } from '../../domain/dates';

const VIEWS = [
  { id: 'kind', label: 'Two kinds' },
  { id: 'subtype', label: 'Kinds and sub-types' },
] as const;

/** "All …" first (the empty value, no filter), then one choice per value. */
const withAll = (all: string, choices: { id: string; label: string }[]) => [
  { id: '', label: all },
  ...choices,
];

/** Each filter's control id and its "All …" choice (the empty value: no filter). */
const FILTER_FIELDS = {
  campaignId: { id: 'cmp-campaign', all: 'All campaigns' },
  platform: { id: 'cmp-platform', all: 'All platforms' },
  subtype: { id: 'cmp-subtype', all: 'All sub-types' },
} as const satisfies Record<keyof CompareFilters, { id: string; all: string }>;

/** One optional filter: "All …" first, then its choices; choosing All clears it (null). */
function FilterChoice<K extends keyof CompareFilters>(props: {
  filter: K;
  label: string;
  choices: { id: NonNullable<CompareFilters[K]>; label: string }[];
}) {
  const { filters, setFilters } = useCompareUi();
  const { id, all } = FILTER_FIELDS[props.filter];
  return (
    <ChoiceField
      id={id}
      label={props.label}
      value={filters[props.filter] ?? ''}
      choices={withAll(all, props.choices)}
      onChange={(v) => setFilters({ [props.filter]: v || null })}
    />
  );
}

/** Period (presets or custom dates) and the optional campaign, platform and sub-type filters. */
export function Filters(props: {
  campaigns: readonly Campaign[];
  range: DateRange;
  showView?: boolean;
}) {
  const { preset, view, setPreset, setCustom, setView } = useCompareUi();
  const { range } = props;
  return (
    <div className="compare-filters" role="group" aria-label="Period and filters">
      <PeriodPicker
        idPrefix="cmp"
        label="Period"
        kinds={PERIOD_PRESETS}
        kind={preset}
        onKind={(p) => (p === 'custom' ? setCustom(range) : setPreset(p))}
        range={range}
        onRange={setCustom}
        showDates
      />
      <FilterChoice
        filter="campaignId"
        label="Campaign"
        choices={props.campaigns.map((c) => ({ id: c.id, label: c.name }))}
      />
      <FilterChoice
        filter="platform"
        label="Platform"
        choices={PLATFORMS.map((p) => ({ id: p, label: PLATFORM_LABEL[p] }))}
      />
      <FilterChoice
        filter="subtype"
        label="Sub-type"
        choices={SUBTYPE_TAGS.map((t) => ({ id: t, label: t }))}
      />
      {props.showView ? (
        <ChoiceField
          id="cmp-view"
          label="Columns"
          value={view}
          choices={VIEWS}
          onChange={(v) => setView(v === 'subtype' ? 'subtype' : 'kind')}
        />
      ) : null}
    </div>
  );
}

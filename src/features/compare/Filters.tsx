import { ChoiceField, PeriodPicker } from '../../components/PeriodPicker';
import { PLATFORM_LABEL } from '../../domain/partners';
import { PLATFORMS, SUBTYPE_TAGS, type Campaign, type Platform } from '../../domain/schemas';
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

/** Period (presets or custom dates) and the optional campaign, platform and sub-type filters. */
export function Filters(props: {
  campaigns: readonly Campaign[];
  range: DateRange;
  showView?: boolean;
}) {
  const { preset, filters, view, setPreset, setCustom, setFilters, setView } = useCompareUi();
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
      <ChoiceField
        id="cmp-campaign"
        label="Campaign"
        value={filters.campaignId ?? ''}
        choices={withAll(
          'All campaigns',
          props.campaigns.map((c) => ({ id: c.id, label: c.name })),
        )}
        onChange={(v) => setFilters({ campaignId: v || null })}
      />
      <ChoiceField
        id="cmp-platform"
        label="Platform"
        value={filters.platform ?? ''}
        choices={withAll(
          'All platforms',
          PLATFORMS.map((p) => ({ id: p, label: PLATFORM_LABEL[p] })),
        )}
        onChange={(v) => setFilters({ platform: (v || null) as Platform | null })}
      />
      <ChoiceField
        id="cmp-subtype"
        label="Sub-type"
        value={filters.subtype ?? ''}
        choices={withAll(
          'All sub-types',
          SUBTYPE_TAGS.map((t) => ({ id: t, label: t })),
        )}
        onChange={(v) => setFilters({ subtype: v || null })}
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

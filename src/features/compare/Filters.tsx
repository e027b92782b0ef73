import { PLATFORM_LABEL } from '../../domain/partners';
import { PLATFORMS, SUBTYPE_TAGS, type Campaign, type Platform } from '../../domain/schemas';
import { PERIOD_PRESETS, type PeriodPreset } from '../../domain/period-presets';
import { useCompareUi } from './useCompareUi';
import type { DateRange } from '../../domain/dates';

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
      <div className="field">
        <label htmlFor="cmp-period">Period</label>
        <select
          id="cmp-period"
          value={preset}
          onChange={(e) => {
            const p = e.target.value as PeriodPreset;
            if (p === 'custom') setCustom(range);
            else setPreset(p);
          }}
        >
          {PERIOD_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="cmp-from">From</label>
        <input
          id="cmp-from"
          type="date"
          value={range.start}
          max={range.end}
          onChange={(e) => e.target.value && setCustom({ start: e.target.value, end: range.end })}
        />
      </div>
      <div className="field">
        <label htmlFor="cmp-to">To</label>
        <input
          id="cmp-to"
          type="date"
          value={range.end}
          min={range.start}
          onChange={(e) => e.target.value && setCustom({ start: range.start, end: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="cmp-campaign">Campaign</label>
        <select
          id="cmp-campaign"
          value={filters.campaignId ?? ''}
          onChange={(e) => setFilters({ campaignId: e.target.value || null })}
        >
          <option value="">All campaigns</option>
          {props.campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="cmp-platform">Platform</label>
        <select
          id="cmp-platform"
          value={filters.platform ?? ''}
          onChange={(e) => setFilters({ platform: (e.target.value || null) as Platform | null })}
        >
          <option value="">All platforms</option>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {PLATFORM_LABEL[p]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="cmp-subtype">Sub-type</label>
        <select
          id="cmp-subtype"
          value={filters.subtype ?? ''}
          onChange={(e) => setFilters({ subtype: e.target.value || null })}
        >
          <option value="">All sub-types</option>
          {SUBTYPE_TAGS.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      {props.showView ? (
        <div className="field">
          <label htmlFor="cmp-view">Columns</label>
          <select
            id="cmp-view"
            value={view}
            onChange={(e) => setView(e.target.value === 'subtype' ? 'subtype' : 'kind')}
          >
            <option value="kind">Two kinds</option>
            <option value="subtype">Kinds and sub-types</option>
          </select>
        </div>
      ) : null}
    </div>
  );
}

import {
  memo,
  useCallback,
  useDeferredValue,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Download, Plus, SearchX, Users } from 'lucide-react';
import { href, navigate } from '../../navigation/router';
import { EmptyState, KIND_LABEL, KindBadge, PageHeader } from '../../components/ui';
import { getDb } from '../../db/db';
import { useSettings } from '../../hooks/data';
import { saveErrorMessage } from '../../db/errors';
import { bulkAddTag, bulkSetStatus } from '../../db/partners';
import { TIERS, type Tier } from '../../domain/partners';
import {
  PARTNER_KINDS,
  PARTNER_STATUSES,
  SUBTYPE_TAGS,
  type PartnerStatus,
} from '../../domain/schemas';
import { useUi } from '../../store/ui';
import { TagLink } from '../../components/TagLink';
import { SampleDataButton } from '../../components/SampleDataButton';
import { exportPartners } from './exportPartners';
import { ImportPartnersButton } from './ImportPartners';
import { buildRows, filterRows, sortRows, type Row } from './listModel';
import { PeriodSelect } from './parts';
import { PERIOD_LABEL, usePartnersUi, type SortKey } from './store';
import { useListMetrics } from './useListMetrics';
import { periodRange, todayIn, useAllPartners } from './usePartners';
import { formatFollowers, formatRoi, moneyFormatter, STATUS_LABEL } from './format';

const ROW_HEIGHT = 56;

export function PartnerList({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const settings = useSettings();
  // Every partner, read once per change; searching and filtering happen in memory.
  const partners = useAllPartners();
  const { filters, sort, period, selected, setFilter, clearFilters, toggleSort } = usePartnersUi();
  const setSelected = usePartnersUi((s) => s.setSelected);
  const today = todayIn(settings);
  const range = useMemo(() => periodRange(period, today), [period, today]);
  const metrics = useListMetrics(partners, range, settings);

  const visible = useMemo(
    () => (partners ?? []).filter((p) => filters.showArchived || !p.archived),
    [partners, filters.showArchived],
  );
  const tagOptions = useMemo(() => {
    const all = new Set<string>([...SUBTYPE_TAGS, ...settings.customTags]);
    for (const p of partners ?? []) for (const t of p.tags) all.add(t);
    return [...all].sort((a, b) => a.localeCompare(b));
  }, [partners, settings.customTags]);
  const nicheOptions = useMemo(
    () => [...new Set((partners ?? []).map((p) => p.niche).filter(Boolean))].sort(),
    [partners],
  );

  // Row models and their order change with the data or the sort, not with each keystroke: a
  // keystroke only filters the sorted rows (and may lag a frame behind the typing).
  const allRows = useMemo(
    () => buildRows(partners ?? [], settings.tierBounds, metrics),
    [partners, settings.tierBounds, metrics],
  );
  const sorted = useMemo(() => sortRows(allRows, sort), [allRows, sort]);
  const search = useDeferredValue(filters.search);
  const { showArchived, kind, status, tier, tag, niche } = filters;
  const rows = useMemo(
    () => filterRows(sorted, { showArchived, kind, status, tier, tag, niche }, search),
    [sorted, showArchived, kind, status, tier, tag, niche, search],
  );
  const onTick = useCallback(
    (id: string, on: boolean) => {
      const next = new Set(usePartnersUi.getState().selected);
      if (on) next.add(id);
      else next.delete(id);
      setSelected(next);
    },
    [setSelected],
  );
  const money = useMemo(
    () => moneyFormatter(settings.currency, settings.locale),
    [settings.currency, settings.locale],
  );

  const counts = useMemo(() => {
    const c = { all: visible.length, ambassador: 0, affiliate: 0 };
    for (const p of visible) c[p.kind] += 1;
    return c;
  }, [visible]);

  if (partners === undefined) {
    return (
      <>
        <PageHeader title="Partners" />
        <p className="muted" role="status">
          Loading partners…
        </p>
      </>
    );
  }

  const header = (
    <PageHeader
      title="Partners"
      subtitle="Ambassadors and micro-affiliates who promote your brand."
      actions={
        <>
          <ImportPartnersButton />
          {partners.length > 0 ? (
            <button
              type="button"
              className="btn"
              onClick={() =>
                void exportPartners(
                  rows.map((r) => r.partner),
                  today,
                )
              }
            >
              <Download size={16} aria-hidden="true" /> Export CSV
            </button>
          ) : null}
          <a className="btn btn-primary" href={href('partners/new')}>
            <Plus size={16} aria-hidden="true" /> Add partner
          </a>
        </>
      }
    />
  );

  if (partners.length === 0) {
    return (
      <>
        {header}
        <EmptyState
          icon={Users}
          title="No partners yet"
          actions={
            <>
              <a className="btn btn-primary" href={href('partners/new')}>
                Add partner
              </a>
              <SampleDataButton primary={false} />
            </>
          }
        >
          <p>
            Add the creators you work with: long-term brand ambassadors on a retainer and
            micro-affiliates paid by commission. Import a spreadsheet of them, or load the sample
            pet brand to look around first.
          </p>
        </EmptyState>
      </>
    );
  }

  const selectedVisible = rows.filter((r) => selected.has(r.partner.id));
  const allTicked = rows.length > 0 && selectedVisible.length === rows.length;
  const filtered =
    filters.search ||
    filters.kind ||
    filters.status ||
    filters.tier ||
    filters.tag ||
    filters.niche;

  return (
    <>
      {header}
      <div className="pl-kinds" role="group" aria-label="Kind">
        {(['', ...PARTNER_KINDS] as const).map((k) => (
          <button
            key={k || 'all'}
            type="button"
            className={`pl-kind ${k ? `pl-kind-${k}` : ''}`}
            aria-pressed={filters.kind === k}
            onClick={() => setFilter('kind', k)}
          >
            <span>{k ? `${KIND_LABEL[k]}s` : 'All partners'}</span>
            <strong className="num">{counts[k || 'all']}</strong>
          </button>
        ))}
      </div>
      <div className="pl-filters">
        <input
          ref={searchRef}
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
          options={tagOptions.map((t) => [t, t])}
        />
        <FilterSelect
          label="Niche"
          value={filters.niche}
          onChange={(v) => setFilter('niche', v)}
          options={nicheOptions.map((t) => [t, t])}
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
        {filtered ? (
          <button type="button" className="btn btn-small" onClick={clearFilters}>
            Clear filters
          </button>
        ) : null}
      </div>
      {selectedVisible.length > 0 ? (
        <BulkBar ids={selectedVisible.map((r) => r.partner.id)} today={today} rows={rows} />
      ) : null}
      {rows.length === 0 ? (
        <EmptyState
          icon={SearchX}
          title="No partners match"
          actions={
            <button type="button" className="btn" onClick={clearFilters}>
              Clear filters
            </button>
          }
        >
          <p>Nobody fits these filters. Loosen them or clear them to see everyone.</p>
        </EmptyState>
      ) : (
        <PartnerTable
          rows={rows}
          sort={sort}
          onSort={toggleSort}
          selected={selected}
          allTicked={allTicked}
          onTickAll={(on) => setSelected(new Set(on ? rows.map((r) => r.partner.id) : []))}
          onTick={onTick}
          money={money}
          periodLabel={PERIOD_LABEL[period].toLowerCase()}
        />
      )}
      <p className="muted pl-foot" role="status">
        Showing {rows.length.toLocaleString()} of {visible.length.toLocaleString()} partners.
        Revenue and ROI: {PERIOD_LABEL[period].toLowerCase()}, orders credited to the partner, net
        of refunds.
      </p>
    </>
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

function BulkBar({ ids, today, rows }: { ids: string[]; today: string; rows: Row[] }) {
  const [status, setStatus] = useState<PartnerStatus>('active');
  const [tag, setTag] = useState('');
  const showToast = useUi((s) => s.showToast);
  const setSelected = usePartnersUi((s) => s.setSelected);
  const run = async (work: () => Promise<string>) => {
    try {
      showToast({ tone: 'success', message: await work() });
    } catch (e) {
      showToast({ tone: 'error', message: saveErrorMessage(e) });
    }
  };
  return (
    <div className="pl-bulk" role="region" aria-label="Bulk actions">
      <strong>{ids.length} selected</strong>
      <label className="pl-inline">
        <span>New status</span>
        <select
          aria-label="New status"
          value={status}
          onChange={(e) => setStatus(e.target.value as PartnerStatus)}
        >
          {PARTNER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="btn btn-small"
        onClick={() =>
          void run(async () => {
            const n = await bulkSetStatus(getDb(), ids, status, today);
            return `${n} partner${n === 1 ? '' : 's'} moved to ${STATUS_LABEL[status]}`;
          })
        }
      >
        Change status
      </button>
      <input
        aria-label="Tag to add"
        placeholder="Tag"
        value={tag}
        list="pl-tag-options"
        onChange={(e) => setTag(e.target.value)}
      />
      <button
        type="button"
        className="btn btn-small"
        disabled={!tag.trim()}
        onClick={() =>
          void run(async () => {
            const n = await bulkAddTag(getDb(), ids, tag);
            setTag('');
            return `Tag “${tag.trim()}” added to ${n} partner${n === 1 ? '' : 's'}`;
          })
        }
      >
        Add tag
      </button>
      <button
        type="button"
        className="btn btn-small"
        onClick={() =>
          void exportPartners(
            rows.filter((r) => ids.includes(r.partner.id)).map((r) => r.partner),
            today,
          )
        }
      >
        Export selected
      </button>
      <button type="button" className="btn btn-small" onClick={() => setSelected(new Set())}>
        Clear selection
      </button>
      <datalist id="pl-tag-options">
        {SUBTYPE_TAGS.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
    </div>
  );
}

const COLUMNS: { key: string; label: string; sort?: SortKey; num?: boolean }[] = [
  { key: 'name', label: 'Partner', sort: 'name' },
  { key: 'kind', label: 'Kind' },
  { key: 'status', label: 'Status', sort: 'status' },
  { key: 'followers', label: 'Followers', sort: 'followers', num: true },
  { key: 'codes', label: 'Codes' },
  { key: 'revenue', label: 'Revenue', sort: 'revenue', num: true },
  { key: 'roi', label: 'ROI', sort: 'roi', num: true },
];

function PartnerTable(props: {
  rows: Row[];
  sort: { key: SortKey; dir: 'asc' | 'desc' };
  onSort: (k: SortKey) => void;
  selected: ReadonlySet<string>;
  allTicked: boolean;
  onTickAll: (on: boolean) => void;
  onTick: (id: string, on: boolean) => void;
  money: (cents: number) => string;
  periodLabel: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { rows } = props;
  // The list must stay smooth with thousands of partners: only the rows in view are rendered.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    // Scroll events render in React's next batch instead of synchronously inside each event, so
    // several wheel steps between two frames cost one render.
    useFlushSync: false,
  });
  return (
    <div className="pl-table" role="table" aria-label="Partners" aria-rowcount={rows.length + 1}>
      <div className="pl-row pl-head" role="row" aria-rowindex={1}>
        <div role="columnheader" className="pl-cell pl-select">
          <input
            type="checkbox"
            aria-label="Select all shown partners"
            checked={props.allTicked}
            onChange={(e) => props.onTickAll(e.target.checked)}
          />
        </div>
        {COLUMNS.map((c) => {
          const active = c.sort && props.sort.key === c.sort;
          return (
            <div
              key={c.key}
              role="columnheader"
              className={`pl-cell ${c.num ? 'num' : ''}`}
              aria-sort={
                active ? (props.sort.dir === 'asc' ? 'ascending' : 'descending') : undefined
              }
            >
              {c.sort ? (
                <button type="button" className="pl-sort" onClick={() => props.onSort(c.sort!)}>
                  {c.label}
                  <span aria-hidden="true" className="pl-arrow">
                    {active ? (props.sort.dir === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              ) : (
                c.label
              )}
            </div>
          );
        })}
      </div>
      <div className="pl-scroll" ref={scrollRef}>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const r = rows[v.index]!;
            return (
              <PartnerRow
                key={r.partner.id}
                row={r}
                index={v.index}
                top={v.start}
                ticked={props.selected.has(r.partner.id)}
                onTick={props.onTick}
                money={props.money}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

// Memoized: while scrolling, only rows that come into view render.
const PartnerRow = memo(function PartnerRow(props: {
  row: Row;
  index: number;
  top: number;
  ticked: boolean;
  onTick: (id: string, on: boolean) => void;
  money: (cents: number) => string;
}) {
  const { partner: p, tier, followers, metrics } = props.row;
  const cell = (children: ReactNode, cls = '') => (
    <div role="cell" className={`pl-cell ${cls}`}>
      {children}
    </div>
  );
  return (
    <div
      role="row"
      aria-rowindex={props.index + 2}
      aria-selected={props.ticked}
      className={`pl-row pl-body-row ${props.ticked ? 'is-selected' : ''} ${p.archived ? 'is-archived' : ''}`}
      style={{ transform: `translateY(${props.top}px)`, height: ROW_HEIGHT }}
      onDoubleClick={() => navigate(`partners/${p.id}`)}
    >
      {cell(
        <input
          type="checkbox"
          aria-label={`Select ${p.name}`}
          checked={props.ticked}
          onChange={(e) => props.onTick(p.id, e.target.checked)}
        />,
        'pl-select',
      )}
      {cell(
        <>
          <a href={href(`partners/${encodeURIComponent(p.id)}`)} className="pl-name">
            {p.name}
          </a>
          <span className="pl-sub pl-subline muted">
            <span className="pl-handle">
              {p.archived ? 'Archived · ' : ''}
              {p.accounts[0]?.handle ?? p.email}
            </span>
            {p.tags.map((t) => (
              <TagLink key={t} tag={t} />
            ))}
          </span>
        </>,
        'pl-namecell',
      )}
      {cell(<KindBadge kind={p.kind} />)}
      {cell(<span className={`pl-status pl-status-${p.status}`}>{STATUS_LABEL[p.status]}</span>)}
      {cell(
        <>
          <span>{followers ? formatFollowers(followers) : '—'}</span>
          <span className="pl-sub muted">{tier ?? 'no accounts'}</span>
        </>,
        'num pl-stack',
      )}
      {cell(<span className="pl-codes">{p.codes.join(', ') || '—'}</span>)}
      {cell(metrics ? props.money(metrics.earnings.revenueCents) : '…', 'num')}
      {cell(formatRoi(metrics?.roi ?? null), 'num')}
    </div>
  );
});

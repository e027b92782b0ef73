import { useMemo, type ReactNode, type RefObject } from 'react';
import { Download, Plus, SearchX, Users } from 'lucide-react';
import { href } from '../../navigation/router';
import { EmptyState, PageHeader } from '../../components/ui';
import { SampleDataButton } from '../../components/SampleDataButton';
import { BulkBar } from './BulkBar';
import { exportPartners } from './exportPartners';
import { ImportPartnersButton } from './ImportPartners';
import { Leaderboard } from './Leaderboard';
import { fitColumns } from './listColumns';
import { KindSwitch, ListFilters } from './ListFilters';
import { PartnerTable, useWidth } from './PartnerTable';
import { usePeriodWords } from './parts';
import { usePartnersUi } from './store';
import { usePartnerList } from './usePartnerList';

export function PartnerList({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const m = usePartnerList();
  const periodWords = usePeriodWords();
  const { sort, selected, toggleSort, clearFilters, setSelected } = usePartnersUi();
  const chosen = usePartnersUi((s) => s.columns);
  const [boxRef, width] = useWidth();
  const { shown, hidden } = useMemo(() => fitColumns(chosen, width), [chosen, width]);
  const format = useMemo(() => ({ money: m.money, num: m.num }), [m.money, m.num]);

  if (m.partners === undefined) {
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
    <ListHeader
      onExport={
        m.partners.length > 0
          ? () =>
              void exportPartners(
                m.rows.map((r) => r.partner),
                m.today,
              )
          : null
      }
    />
  );
  if (m.partners.length === 0) return <NoPartners header={header} />;

  return (
    <>
      {header}
      <KindSwitch counts={m.counts} />
      <ListFilters
        searchRef={searchRef}
        tagOptions={m.tagOptions}
        nicheOptions={m.nicheOptions}
        filtered={m.filtered}
      />
      {m.selectedVisible.length > 0 ? (
        <BulkBar ids={m.selectedVisible.map((r) => r.partner.id)} today={m.today} rows={m.rows} />
      ) : null}
      <Leaderboard
        rows={m.rows}
        range={m.range}
        timeZone={m.settings.timeZone}
        money={m.money}
        num={m.num}
      />
      {m.rows.length === 0 ? (
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
          rows={m.rows}
          columns={shown}
          boxRef={boxRef}
          sort={sort}
          onSort={toggleSort}
          selected={selected}
          allTicked={m.allTicked}
          onTickAll={(on) => setSelected(new Set(on ? m.rows.map((r) => r.partner.id) : []))}
          onTick={m.onTick}
          format={format}
        />
      )}
      <p className="muted pl-foot" role="status">
        Showing {m.num.count(m.rows.length)} of {m.num.count(m.visible.length)}{' '}
        {m.visible.length === 1 ? 'partner' : 'partners'}. Money figures: {periodWords}, orders
        credited to the partner, net of refunds.
        {hidden.length > 0
          ? ` Not shown at this width: ${hidden.map((c) => c.label).join(', ')} (widen the window or choose fewer columns).`
          : ''}
      </p>
    </>
  );
}

function ListHeader({ onExport }: { onExport: (() => void) | null }) {
  return (
    <PageHeader
      title="Partners"
      subtitle="Ambassadors and micro-affiliates who promote your brand."
      actions={
        <>
          <ImportPartnersButton />
          {onExport ? (
            <button type="button" className="btn" onClick={onExport}>
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
}

function NoPartners({ header }: { header: ReactNode }) {
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
          micro-affiliates paid by commission. Import a spreadsheet of them, or load the sample pet
          brand to look around first.
        </p>
      </EmptyState>
    </>
  );
}

import { LeakWatchCard } from './LeakWatchCard';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Plus, Receipt, Upload } from 'lucide-react';
import { Card, EmptyState, PageHeader } from '../../components/ui';
import { getDb } from '../../db/db';
import { useSettings } from '../../hooks/data';
import { listOrders } from '../../db/orders';
import { allPartners } from '../../db/partners';
import { safeLocale } from '../../domain/intl';
import type { Order, Partner } from '../../domain/schemas';
import { SampleDataButton } from '../../components/SampleDataButton';
import { ImportDialog } from './ImportDialog';
import { ManualOrderDialog, ReassignDialog } from './OrderDialogs';
import { OrdersTable } from './OrdersTable';
import { UnknownCodes, UnknownReferrals } from './UnknownCodes';
import { describeFilters, NO_FILTERS, orderQueryOf, type Filters } from './order-filters';
import { SalesFilters } from './SalesFilters';
import { SalesTotals } from './SalesTotals';
import { useOrderImport } from './useOrderImport';
import { useOrderList } from './useOrderList';
import './sales.css';

/** No values marked as not a partner's (one array, so reads are not redone). */
const NONE: readonly string[] = [];

export function SalesScreen({ rest }: { rest: string[] }) {
  const settings = useSettings();
  // Only whether there are orders at all (the newest one), for the empty state.
  const anyOrder = useLiveQuery(() => listOrders(getDb(), {}, 0, 1), []);
  const partnerList = useLiveQuery(() => allPartners(getDb()), []);
  const flow = useOrderImport();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [manualOpen, setManualOpen] = useState(false);
  // Each opening is a new dialog (its own key): the order's previous credit may still be being
  // stored by a dialog that has stepped aside, and a click must not land in that one.
  const [reassign, setReassign] = useState<{ order: Order; opening: number } | null>(null);
  const openReassign = useCallback(
    (order: Order) => setReassign((r) => ({ order, opening: (r?.opening ?? 0) + 1 })),
    [],
  );
  const { start } = flow;
  // #/sales/day/<date> (the command palette): that day's orders.
  const dayAsked = rest[0] === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(rest[1] ?? '') ? rest[1]! : null;
  useEffect(() => {
    if (dayAsked) setFilters({ ...NO_FILTERS, from: dayAsked, to: dayAsked });
  }, [dayAsked]);

  useEffect(() => {
    const onMenu = (e: Event) => {
      if ((e as CustomEvent<string>).detail === 'import-orders') void start();
    };
    window.addEventListener('pawtners:menu', onMenu);
    return () => window.removeEventListener('pawtners:menu', onMenu);
  }, [start]);

  const { partners, list } = useFilteredOrders(filters, partnerList, settings.timeZone);
  const { totals } = list;
  const scope = describeFilters(filters, partners);

  const locale = safeLocale(settings.locale);
  const num = (n: number | undefined) => (n === undefined ? '…' : n.toLocaleString(locale));
  const currencies = [
    ...new Set([
      ...(totals?.byCurrency.keys() ?? []),
      ...(filters.currency ? [filters.currency] : []),
    ]),
  ].sort();
  const loading = anyOrder === undefined || partnerList === undefined;
  const actions = (
    <>
      <button type="button" className="btn" onClick={() => setManualOpen(true)}>
        <Plus aria-hidden="true" size={16} /> Add order
      </button>
      <button type="button" className="btn btn-primary" onClick={() => void start()}>
        <Upload aria-hidden="true" size={16} /> Import orders
      </button>
    </>
  );

  return (
    <>
      <PageHeader
        title="Sales"
        subtitle="Orders from your shop, credited to the partners who drove them."
        actions={actions}
      />
      {loading ? (
        <p className="muted" role="status">
          Loading orders…
        </p>
      ) : anyOrder.length === 0 ? (
        <NoOrdersYet onImport={() => void start()} />
      ) : (
        <div className="stack">
          <LeakWatchCard />
          <SalesFilters
            filters={filters}
            onChange={setFilters}
            partners={partnerList}
            currencies={currencies}
          />
          <SalesTotals
            list={list}
            scope={scope}
            only={filters.only}
            onShow={(only) => setFilters({ ...filters, only })}
            currency={settings.currency}
            locale={settings.locale}
            num={num}
          />
          <Card
            title={`Orders (${list.exact && list.count !== undefined ? num(list.count) : 'counting…'})`}
          >
            {list.count === undefined ? (
              <p className="muted" role="status">
                Loading orders…
              </p>
            ) : list.count === 0 ? (
              <p className="muted">No orders match these filters.</p>
            ) : (
              <OrdersTable
                key={`${JSON.stringify(filters)} ${settings.timeZone}`}
                count={list.count}
                rowAt={list.rowAt}
                onShow={list.show}
                partners={partners}
                timeZone={settings.timeZone}
                locale={settings.locale}
                onChangePartner={openReassign}
              />
            )}
          </Card>
          <UnknownCodes
            partners={partnerList}
            currency={settings.currency}
            locale={settings.locale}
            notPartner={settings.notPartnerKeys ?? NONE}
          />
          <UnknownReferrals
            partners={partnerList}
            currency={settings.currency}
            locale={settings.locale}
            notPartner={settings.notPartnerKeys ?? NONE}
          />
        </div>
      )}
      <ImportDialog flow={flow} />
      <ManualOrderDialog
        open={manualOpen}
        partners={partnerList ?? []}
        onClose={() => setManualOpen(false)}
      />
      {reassign ? (
        <ReassignDialog
          key={`${reassign.order.id} ${reassign.opening}`}
          order={reassign.order}
          partners={partnerList ?? []}
          onClose={() => setReassign(null)}
        />
      ) : null}
    </>
  );
}

/** The orders list and its totals for these filters (the kind filter needs the partners' kinds). */
function useFilteredOrders(
  filters: Filters,
  partnerList: readonly Partner[] | undefined,
  timeZone: string,
) {
  const partners = useMemo(() => new Map((partnerList ?? []).map((p) => [p.id, p])), [partnerList]);
  // Only the ids of the partners of that kind: otherwise a partner edit keeps the query.
  const kindIds = JSON.stringify(
    filters.kind ? (partnerList ?? []).filter((p) => p.kind === filters.kind).map((p) => p.id) : [],
  );
  const query = useMemo(() => {
    const ofKind = (JSON.parse(kindIds) as string[]).map((id) => ({
      id,
      kind: filters.kind || ('affiliate' as const),
    }));
    return orderQueryOf(filters, ofKind, timeZone);
  }, [filters, kindIds, timeZone]);
  return { partners, list: useOrderList(query) };
}

function NoOrdersYet({ onImport }: { onImport: () => void }) {
  return (
    <EmptyState
      icon={Receipt}
      title="No orders yet"
      actions={
        <>
          <button type="button" className="btn btn-primary" onClick={onImport}>
            <Upload aria-hidden="true" size={16} /> Choose an orders file
          </button>
          <SampleDataButton primary={false} />
        </>
      }
    >
      <p>
        Import your Shopify or Etsy orders export (or any CSV) to see which partner sold what.
        Orders are matched to partners by their promo codes and referral links.
      </p>
    </EmptyState>
  );
}

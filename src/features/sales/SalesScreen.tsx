import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Plus, Receipt, Upload } from 'lucide-react';
import { Card, EmptyState, PageHeader, Stat } from '../../components/ui';
import { getDb } from '../../db/db';
import { allOrders } from '../../db/order-pages';
import { useSettings } from '../../db/hooks';
import { buildAttributionIndex, unknownCodes } from '../../domain/attribution';
import { dateInZone } from '../../domain/dates';
import { countsAsOrder, netRevenueCents } from '../../domain/earnings';
import { formatMoney } from '../../domain/money';
import { ORDER_STATUSES, type Order, type Partner } from '../../domain/schemas';
import { SampleDataButton } from '../common/SampleDataButton';
import { ImportDialog } from './ImportDialog';
import { ManualOrderDialog, PartnerOptions, ReassignDialog } from './OrderDialogs';
import { OrdersTable } from './OrdersTable';
import { UnknownCodes } from './UnknownCodes';
import { useOrderImport } from './useOrderImport';
import './sales.css';

interface Filters {
  from: string;
  to: string;
  /** '' = everyone, 'none' = unattributed, else a partner id. */
  partner: string;
  kind: '' | 'ambassador' | 'affiliate';
  status: string;
  method: '' | 'code' | 'referral' | 'manual' | 'none';
}

const NO_FILTERS: Filters = { from: '', to: '', partner: '', kind: '', status: '', method: '' };

function applyFilters(
  orders: readonly Order[],
  f: Filters,
  partners: ReadonlyMap<string, Partner>,
  tz: string,
): Order[] {
  return orders.filter((o) => {
    if (f.from || f.to) {
      const d = dateInZone(o.placedAtMs, tz);
      if ((f.from && d < f.from) || (f.to && d > f.to)) return false;
    }
    if (f.partner === 'none' ? o.partnerId !== null : f.partner && o.partnerId !== f.partner)
      return false;
    if (f.kind && (o.partnerId === null || partners.get(o.partnerId)?.kind !== f.kind))
      return false;
    if (f.status && o.status !== f.status) return false;
    if (
      f.method === 'none' ? o.attribution !== null : f.method && o.attribution?.method !== f.method
    )
      return false;
    return true;
  });
}

export function SalesScreen(_props: { rest: string[] }) {
  const settings = useSettings();
  const orders = useLiveQuery(async () => (await allOrders(getDb())).reverse(), []);
  const partnerList = useLiveQuery(() => getDb().partners.toArray(), []);
  const flow = useOrderImport();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [manualOpen, setManualOpen] = useState(false);
  const [reassign, setReassign] = useState<Order | null>(null);
  const { start } = flow;

  useEffect(() => {
    const onMenu = (e: Event) => {
      if ((e as CustomEvent<string>).detail === 'import-orders') void start();
    };
    window.addEventListener('pawtners:menu', onMenu);
    return () => window.removeEventListener('pawtners:menu', onMenu);
  }, [start]);

  const partners = useMemo(() => new Map((partnerList ?? []).map((p) => [p.id, p])), [partnerList]);
  const filtered = useMemo(
    () => applyFilters(orders ?? [], filters, partners, settings.timeZone),
    [orders, filters, partners, settings.timeZone],
  );
  const totals = useMemo(() => {
    let revenue = 0;
    let refunded = 0;
    let discounts = 0;
    let counted = 0;
    let credited = 0;
    for (const o of filtered) {
      revenue += netRevenueCents(o);
      if (o.status !== 'cancelled') refunded += o.refundedCents;
      if (o.status !== 'cancelled') discounts += o.discountCents;
      if (countsAsOrder(o)) counted += 1;
      if (o.partnerId !== null) credited += 1;
    }
    return { revenue, refunded, discounts, counted, credited };
  }, [filtered]);
  const unknown = useMemo(
    () => unknownCodes(orders ?? [], buildAttributionIndex(partnerList ?? [])),
    [orders, partnerList],
  );

  const money = (c: number) => formatMoney(c, settings.currency, settings.locale);
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters({ ...filters, [k]: v });
  const loading = orders === undefined || partnerList === undefined;
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
      ) : orders.length === 0 ? (
        <EmptyState
          icon={Receipt}
          title="No orders yet"
          actions={
            <>
              <button type="button" className="btn btn-primary" onClick={() => void start()}>
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
      ) : (
        <div className="stack">
          <Card
            title="Filter orders"
            actions={
              <button
                type="button"
                className="btn btn-small"
                disabled={filters === NO_FILTERS}
                onClick={() => setFilters(NO_FILTERS)}
              >
                Clear filters
              </button>
            }
          >
            <div className="sales-filters">
              <div className="field">
                <label htmlFor="f-from">From</label>
                <input
                  id="f-from"
                  type="date"
                  value={filters.from}
                  onChange={(e) => set('from', e.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor="f-to">To</label>
                <input
                  id="f-to"
                  type="date"
                  value={filters.to}
                  onChange={(e) => set('to', e.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor="f-partner">Partner</label>
                <select
                  id="f-partner"
                  value={filters.partner}
                  onChange={(e) => set('partner', e.target.value)}
                >
                  <option value="">All partners</option>
                  <option value="none">Unattributed</option>
                  <PartnerOptions partners={partnerList} />
                </select>
              </div>
              <div className="field">
                <label htmlFor="f-kind">Kind</label>
                <select
                  id="f-kind"
                  value={filters.kind}
                  onChange={(e) => set('kind', e.target.value as Filters['kind'])}
                >
                  <option value="">All kinds</option>
                  <option value="ambassador">Brand ambassadors</option>
                  <option value="affiliate">Micro-affiliates</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor="f-status">Status</label>
                <select
                  id="f-status"
                  value={filters.status}
                  onChange={(e) => set('status', e.target.value)}
                >
                  <option value="">Any status</option>
                  {ORDER_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="f-method">Attribution</label>
                <select
                  id="f-method"
                  value={filters.method}
                  onChange={(e) => set('method', e.target.value as Filters['method'])}
                >
                  <option value="">Any</option>
                  <option value="code">By code</option>
                  <option value="referral">By referral / UTM</option>
                  <option value="manual">By hand</option>
                  <option value="none">Not credited</option>
                </select>
              </div>
            </div>
          </Card>
          <section className="grid-4" aria-label="Totals for the filtered orders">
            <Stat
              label="Orders"
              value={filtered.length.toLocaleString(settings.locale)}
              hint={`${totals.counted.toLocaleString(settings.locale)} not cancelled or refunded`}
            />
            <Stat label="Revenue" value={money(totals.revenue)} hint="Totals net of refunds" />
            <Stat
              label="Refunded"
              value={money(totals.refunded)}
              hint={`Discounts given: ${money(totals.discounts)}`}
            />
            <Stat
              label="Credited to partners"
              value={
                filtered.length > 0
                  ? `${Math.round((totals.credited / filtered.length) * 100)}%`
                  : '–'
              }
              hint={`${totals.credited.toLocaleString(settings.locale)} orders`}
            />
          </section>
          <Card title={`Orders (${filtered.length.toLocaleString(settings.locale)})`}>
            {filtered.length === 0 ? (
              <p className="muted">No orders match these filters.</p>
            ) : (
              <OrdersTable
                orders={filtered}
                partners={partners}
                timeZone={settings.timeZone}
                locale={settings.locale}
                onChangePartner={setReassign}
              />
            )}
          </Card>
          <UnknownCodes
            codes={unknown}
            partners={partnerList}
            currency={settings.currency}
            locale={settings.locale}
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
          key={reassign.id}
          order={reassign}
          partners={partnerList ?? []}
          onClose={() => setReassign(null)}
        />
      ) : null}
    </>
  );
}

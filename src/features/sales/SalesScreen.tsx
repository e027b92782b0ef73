import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Plus, Receipt, Upload } from 'lucide-react';
import { Card, EmptyState, PageHeader, Stat } from '../../components/ui';
import { getDb } from '../../db/db';
import { useSettings } from '../../hooks/data';
import { listOrders } from '../../db/orders';
import { allPartners } from '../../db/partners';
import { safeLocale } from '../../domain/intl';
import { formatMoney } from '../../domain/money';
import { ORDER_STATUSES, type Order } from '../../domain/schemas';
import { SampleDataButton } from '../../components/SampleDataButton';
import { ImportDialog } from './ImportDialog';
import { ManualOrderDialog, PartnerOptions, ReassignDialog } from './OrderDialogs';
import { OrdersTable } from './OrdersTable';
import { UnknownCodes, UnknownReferrals } from './UnknownCodes';
import {
  describeFilters,
  NO_FILTERS,
  ONLY_WORDS,
  orderQueryOf,
  type Filters,
  type OnlySet,
  type OrderTotals,
} from './order-filters';
import { useOrderImport } from './useOrderImport';
import { useOrderList } from './useOrderList';
import './sales.css';

/** No values marked as not a partner's (one array, so reads are not redone). */
const NONE: readonly string[] = [];

export function SalesScreen(_props: { rest: string[] }) {
  const settings = useSettings();
  // Only whether there are orders at all (the newest one), for the empty state.
  const anyOrder = useLiveQuery(() => listOrders(getDb(), {}, 0, 1), []);
  const partnerList = useLiveQuery(() => allPartners(getDb()), []);
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
  // The kind filter needs the partners of that kind; otherwise a partner edit keeps the query.
  const kindIds = JSON.stringify(
    filters.kind ? (partnerList ?? []).filter((p) => p.kind === filters.kind).map((p) => p.id) : [],
  );
  const query = useMemo(() => {
    const ofKind = (JSON.parse(kindIds) as string[]).map((id) => ({
      id,
      kind: filters.kind || ('affiliate' as const),
    }));
    return orderQueryOf(filters, ofKind, settings.timeZone);
  }, [filters, kindIds, settings.timeZone]);
  const list = useOrderList(query);
  const { totals } = list;
  const scope = describeFilters(filters, partners);

  const locale = safeLocale(settings.locale);
  const num = (n: number | undefined) => (n === undefined ? '…' : n.toLocaleString(locale));
  const money = (c: number | undefined) =>
    c === undefined ? '…' : formatMoney(c, settings.currency, settings.locale);
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters({ ...filters, [k]: v });
  const showProps = { num, current: filters.only, onShow: (k: OnlySet) => set('only', k) };
  /** One amount per currency the selected orders are in (the brand's currency when none). */
  const moneyLines = (t: OrderTotals | undefined, k: 'revenue' | 'refunded' | 'discounts') => {
    if (t === undefined) return '…';
    if (t.byCurrency.size === 0) return money(0);
    return (
      <span className="sales-money-lines">
        {[...t.byCurrency].map(([cur, c]) => (
          <span key={cur}>{formatMoney(c[k], cur, settings.locale)}</span>
        ))}
      </span>
    );
  };
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
              <div className="field">
                <label htmlFor="f-only">Show</label>
                <select
                  id="f-only"
                  value={filters.only}
                  onChange={(e) => set('only', e.target.value as Filters['only'])}
                >
                  <option value="">Every order</option>
                  {(Object.keys(ONLY_WORDS) as OnlySet[]).map((k) => (
                    <option key={k} value={k}>
                      Orders {ONLY_WORDS[k]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="f-currency">Currency</label>
                <select
                  id="f-currency"
                  value={filters.currency}
                  onChange={(e) => set('currency', e.target.value)}
                >
                  <option value="">All currencies</option>
                  {currencies.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          </Card>
          <section
            className="sales-totals"
            aria-label="Totals for the filtered orders"
            aria-describedby="sales-totals-scope"
            aria-busy={totals === undefined}
          >
            <p id="sales-totals-scope" className="muted sales-totals-scope">
              {scope ? `Totals for the orders ${scope}.` : 'Totals for all your orders.'} Cancelled
              orders add no revenue, refunds or discounts.
              {totals === undefined ? ' Adding them up…' : list.totalsUpdating ? ' Updating…' : ''}
              {list.totalsFailed ? ` They could not be added up: ${list.totalsFailed}` : ''}
            </p>
            <div className="sales-totals-grid">
              <Stat
                label="Orders"
                value={num(totals?.orders ?? (list.exact ? list.count : undefined))}
                hint={
                  totals ? (
                    <ShowSet n={totals.sets.counted} set="counted" {...showProps}>
                      not cancelled or fully refunded
                    </ShowSet>
                  ) : undefined
                }
              />
              <Stat
                label="Revenue"
                value={moneyLines(totals, 'revenue')}
                hint={
                  totals ? (
                    <ShowSet n={totals.sets.revenue} set="revenue" {...showProps}>
                      not cancelled: their totals less refunds
                    </ShowSet>
                  ) : undefined
                }
              />
              <Stat
                label="Refunded"
                value={moneyLines(totals, 'refunded')}
                hint={
                  totals ? (
                    <ShowSet n={totals.sets.refunds} set="refunds" {...showProps}>
                      with a refund, not cancelled
                    </ShowSet>
                  ) : undefined
                }
              />
              <Stat
                label="Discounts given"
                value={moneyLines(totals, 'discounts')}
                hint={
                  totals ? (
                    <ShowSet n={totals.sets.discounts} set="discounts" {...showProps}>
                      with a discount, not cancelled
                    </ShowSet>
                  ) : undefined
                }
              />
              <Stat
                label="Credited to partners"
                value={
                  totals === undefined
                    ? '…'
                    : totals.orders > 0
                      ? `${Math.round((totals.sets.credited / totals.orders) * 100)}%`
                      : '–'
                }
                hint={
                  totals ? (
                    <ShowSet n={totals.sets.credited} set="credited" {...showProps}>
                      of {num(totals.orders)} credited to a partner
                    </ShowSet>
                  ) : undefined
                }
              />
            </div>
            {totals && totals.byCurrency.size > 1 ? (
              <p className="muted sales-totals-scope">
                These orders are in {totals.byCurrency.size} currencies: each amount is shown per
                currency, never added across currencies. Filter by currency to see one.
              </p>
            ) : null}
          </section>
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
                onChangePartner={setReassign}
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
          key={reassign.id}
          order={reassign}
          partners={partnerList ?? []}
          onClose={() => setReassign(null)}
        />
      ) : null}
    </>
  );
}

/**
 * What a total counts ("12 with a refund, not cancelled") and a button that filters the rows to
 * exactly those orders.
 */
function ShowSet(props: {
  n: number;
  set: OnlySet;
  current: Filters['only'];
  num: (n: number) => string;
  onShow: (k: OnlySet) => void;
  children: ReactNode;
}) {
  return (
    <>
      {props.num(props.n)} {props.children}
      {props.current === props.set || props.n === 0 ? null : (
        <>
          {' · '}
          <button
            type="button"
            className="sales-show-link"
            aria-label={`Show in list: the ${props.num(props.n)} order${props.n === 1 ? '' : 's'} ${ONLY_WORDS[props.set]}`}
            onClick={() => props.onShow(props.set)}
          >
            show in list
          </button>
        </>
      )}
    </>
  );
}

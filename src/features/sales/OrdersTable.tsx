import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Order, Partner } from '../../domain/schemas';
import { conversionWords, formatMoney } from '../../domain/money';
import { dateInZone } from '../../domain/dates';

const ROW_HEIGHT = 46;

/**
 * The orders list, virtualized: only the rows in view are in the DOM, and only their pages are
 * read (`rowAt` is undefined for a row whose page is still being read; `onShow` says which rows
 * are in view, so their pages are read).
 */
export function OrdersTable(props: {
  count: number;
  rowAt: (index: number) => Order | undefined;
  onShow: (first: number, last: number) => void;
  partners: ReadonlyMap<string, Partner>;
  timeZone: string;
  locale: string;
  onChangePartner: (o: Order) => void;
}) {
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.count,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { onShow } = props;
  useEffect(() => onShow(first, last), [onShow, first, last]);
  return (
    <div role="table" aria-label="Orders" aria-rowcount={props.count + 1} className="sales-table">
      <div role="rowgroup">
        <div role="row" className="sales-row sales-head" aria-rowindex={1}>
          <span role="columnheader">Date</span>
          <span role="columnheader">Order</span>
          <span role="columnheader">Status</span>
          <span role="columnheader">Codes</span>
          <span role="columnheader">Credited to</span>
          <span role="columnheader" className="num">
            Total
          </span>
          <span role="columnheader" className="num">
            Refunded
          </span>
          <span role="columnheader">
            <span className="sr-only">Actions</span>
          </span>
        </div>
      </div>
      <div
        ref={parentRef}
        className="sales-scroll"
        role="rowgroup"
        tabIndex={0}
        aria-label="Order rows"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const o = props.rowAt(v.index);
            if (!o)
              return (
                <div
                  role="row"
                  key={`row-${v.index}`}
                  aria-rowindex={v.index + 2}
                  className="sales-row sales-row-loading"
                  style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
                >
                  <span role="cell" className="muted">
                    Loading…
                  </span>
                </div>
              );
            const p = o.partnerId ? props.partners.get(o.partnerId) : undefined;
            return (
              <div
                role="row"
                key={o.id}
                aria-rowindex={v.index + 2}
                className="sales-row"
                style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
              >
                <span role="cell">{dateInZone(o.placedAtMs, props.timeZone)}</span>
                <span role="cell" title={o.source}>
                  {o.orderId} <span className="muted sales-small">{o.source}</span>
                </span>
                <span role="cell">
                  <span className={`sales-status status-${o.status.replace(' ', '-')}`}>
                    {o.status}
                  </span>
                </span>
                <span role="cell" className="sales-codes">
                  {o.codes.join(', ')}
                </span>
                <span role="cell" title={o.attribution?.reason ?? ''}>
                  {p ? (
                    <span className={`sales-partner kind-${p.kind}`}>{p.name}</span>
                  ) : (
                    <span className="muted">Unattributed</span>
                  )}
                  {o.attribution ? (
                    <span className="muted sales-small"> · {o.attribution.method}</span>
                  ) : null}
                </span>
                <span role="cell" className="num">
                  {formatMoney(o.totalCents, o.currency, props.locale)}
                  {o.fx ? (
                    <span className="muted sales-small sales-fx-from">
                      {formatMoney(o.fx.totalCents, o.fx.from, props.locale)},{' '}
                      {conversionWords(o.fx, o.currency)}
                    </span>
                  ) : null}
                </span>
                <span role="cell" className="num">
                  {o.refundedCents > 0
                    ? formatMoney(o.refundedCents, o.currency, props.locale)
                    : ''}
                </span>
                <span role="cell">
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Credit order ${o.orderId}`}
                    onClick={() => props.onChangePartner(o)}
                  >
                    Credit
                  </button>
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

import { memo, useEffect, useRef, useState, type CSSProperties } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { href, navigate } from '../../navigation/router';
import { TagLink } from '../../components/TagLink';
import { gridTracks, type CellFormat, type Column } from './listColumns';
import type { Row } from './listModel';
import type { SortKey } from './store';

const ROW_HEIGHT = 56;

/**
 * The width of an element, followed as the window or sidebar changes (null before layout): pass
 * the returned callback as the element's ref.
 */
export function useWidth(): [(el: HTMLElement | null) => void, number | null] {
  const [el, setEl] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return [setEl, width];
}

export interface PartnerTableProps {
  rows: Row[];
  columns: readonly Column[];
  sort: { key: SortKey; dir: 'asc' | 'desc' };
  onSort: (k: SortKey) => void;
  selected: ReadonlySet<string>;
  allTicked: boolean;
  onTickAll: (on: boolean) => void;
  onTick: (id: string, on: boolean) => void;
  format: CellFormat;
  /** Set on the table element so its width decides which columns fit. */
  boxRef: (el: HTMLElement | null) => void;
}

export function PartnerTable(props: PartnerTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { rows, columns } = props;
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
  const grid: CSSProperties = { gridTemplateColumns: gridTracks(columns) };
  const noKind = !columns.some((c) => c.key === 'kind');
  return (
    <div
      ref={props.boxRef}
      className={`pl-table ${noKind ? 'pl-no-kind' : ''}`}
      role="table"
      aria-label="Partners"
      aria-rowcount={rows.length + 1}
    >
      <HeaderRow {...props} grid={grid} />
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
                grid={grid}
                columns={columns}
                ticked={props.selected.has(r.partner.id)}
                onTick={props.onTick}
                format={props.format}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

function HeaderRow(props: PartnerTableProps & { grid: CSSProperties }) {
  return (
    <div className="pl-row pl-head" role="row" aria-rowindex={1} style={props.grid}>
      <div role="columnheader" className="pl-cell pl-select">
        <input
          type="checkbox"
          aria-label="Select all shown partners"
          checked={props.allTicked}
          onChange={(e) => props.onTickAll(e.target.checked)}
        />
      </div>
      {props.columns.map((c) => {
        const active = c.sort && props.sort.key === c.sort;
        return (
          <div
            key={c.key}
            role="columnheader"
            className={`pl-cell ${c.num ? 'num' : ''}`}
            title={c.longLabel === c.label ? undefined : c.longLabel}
            aria-sort={active ? (props.sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
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
  );
}

// Memoized: while scrolling, only rows that come into view render.
const PartnerRow = memo(function PartnerRow(props: {
  row: Row;
  index: number;
  top: number;
  grid: CSSProperties;
  columns: readonly Column[];
  ticked: boolean;
  onTick: (id: string, on: boolean) => void;
  format: CellFormat;
}) {
  const { partner: p } = props.row;
  return (
    <div
      role="row"
      aria-rowindex={props.index + 2}
      aria-selected={props.ticked}
      data-kind={p.kind}
      className={`pl-row pl-body-row ${props.ticked ? 'is-selected' : ''} ${p.archived ? 'is-archived' : ''}`}
      style={{ ...props.grid, transform: `translateY(${props.top}px)`, height: ROW_HEIGHT }}
      onDoubleClick={() => navigate(`partners/${p.id}`)}
    >
      <div role="cell" className="pl-cell pl-select">
        <input
          type="checkbox"
          aria-label={`Select ${p.name}`}
          checked={props.ticked}
          onChange={(e) => props.onTick(p.id, e.target.checked)}
        />
      </div>
      {props.columns.map((c) =>
        c.key === 'name' ? (
          <NameCell key="name" row={props.row} />
        ) : (
          <div
            key={c.key}
            role="cell"
            className={`pl-cell ${c.num ? 'num' : ''} ${c.key === 'followers' ? 'pl-stack' : ''}`}
          >
            {c.cell(props.row, props.format)}
          </div>
        ),
      )}
    </div>
  );
});

function NameCell({ row: { partner: p } }: { row: Row }) {
  return (
    <div role="cell" className="pl-cell pl-namecell">
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
    </div>
  );
}

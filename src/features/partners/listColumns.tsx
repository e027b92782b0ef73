import type { ReactNode } from 'react';
import { KindBadge } from '../../components/ui';
import { STATUS_LABEL, type NumberFormats } from './format';
import { figureValue, type Row } from './listModel';
import type { FigureKey, OptionalColumn, SortKey } from './store';

export type ColumnKey = 'name' | 'revenue' | OptionalColumn;

export interface Column {
  key: ColumnKey;
  label: string;
  /** What the column chooser says (the header may be shorter). */
  longLabel: string;
  sort?: SortKey;
  num?: boolean;
  /** Grid track and the least width it needs (to decide what fits a narrow window). */
  track: string;
  minPx: number;
  cell: (row: Row, f: CellFormat) => ReactNode;
}

export interface CellFormat {
  money: (cents: number) => string;
  /** Counts, followers, ROI, ratios and ROAS in the owner's locale. */
  num: NumberFormats;
}

const PENDING = '…';

function figure(
  key: FigureKey,
  label: string,
  longLabel: string,
  minPx: number,
  show: (v: number, f: CellFormat) => string,
): Column {
  return {
    key,
    label,
    longLabel,
    sort: key,
    num: true,
    track: `${minPx}px`,
    minPx,
    cell: (row, f) => {
      if (!row.metrics) return PENDING;
      const v = figureValue(row, key);
      return v === null ? '—' : show(v, f);
    },
  };
}

/** Every column in display order; name and revenue always show, the rest are the owner's choice. */
export const COLUMNS: readonly Column[] = [
  {
    key: 'name',
    label: 'Partner',
    longLabel: 'Partner',
    sort: 'name',
    track: 'minmax(170px, 2.2fr)',
    minPx: 170,
    cell: () => null, // drawn by the row (link, handle and tags)
  },
  {
    key: 'kind',
    label: 'Kind',
    longLabel: 'Kind',
    track: '150px',
    minPx: 150,
    cell: (r) => <KindBadge kind={r.partner.kind} />,
  },
  {
    key: 'status',
    label: 'Status',
    longLabel: 'Status',
    sort: 'status',
    track: '112px',
    minPx: 112,
    cell: (r) => (
      <span className={`pl-status pl-status-${r.partner.status}`}>
        {STATUS_LABEL[r.partner.status]}
      </span>
    ),
  },
  {
    key: 'followers',
    label: 'Followers',
    longLabel: 'Followers and tier',
    sort: 'followers',
    num: true,
    track: '96px',
    minPx: 96,
    cell: (r, f) => (
      <>
        <span>{r.followers ? f.num.followers(r.followers) : '—'}</span>
        <span className="pl-sub muted">{r.tier ?? 'no accounts'}</span>
      </>
    ),
  },
  {
    key: 'codes',
    label: 'Codes',
    longLabel: 'Promo codes',
    track: 'minmax(90px, 1.2fr)',
    minPx: 90,
    cell: (r) => <span className="pl-codes">{r.partner.codes.join(', ') || '—'}</span>,
  },
  figure('revenue', 'Revenue', 'Revenue', 112, (v, f) => f.money(v)),
  figure('cost', 'Cost', 'Cost', 104, (v, f) => f.money(v)),
  figure('roi', 'ROI', 'ROI', 92, (v, f) => f.num.roi(v)),
  figure('roas', 'ROAS', 'ROAS (revenue per $1 of cost)', 80, (v, f) => f.num.roas(v)),
  figure('orders', 'Orders', 'Orders', 76, (v, f) => f.num.count(v)),
  figure('cpa', 'CPA', 'CPA (cost per order)', 96, (v, f) => f.money(v)),
  figure('aov', 'AOV', 'AOV (average order)', 96, (v, f) => f.money(v)),
  figure('emv', 'EMV', 'EMV (earned media value)', 104, (v, f) => f.money(v)),
  figure('engagement', 'Engagement', 'Engagement rate', 104, (v, f) => f.num.ratio(v)),
  figure('conversion', 'Conversion', 'Conversion (orders per click)', 104, (v, f) =>
    f.num.ratio(v),
  ),
];

/** The column chooser's choices, in display order. */
export const OPTIONAL_COLUMNS = COLUMNS.filter(
  (c): c is Column & { key: OptionalColumn } => c.key !== 'name' && c.key !== 'revenue',
);

/**
 * Which less important columns give way first when the window is too narrow for every chosen
 * column: the name and the money stay readable longest.
 */
const GIVE_WAY: readonly OptionalColumn[] = [
  'codes',
  'followers',
  'status',
  'kind',
  'conversion',
  'engagement',
  'emv',
  'aov',
  'cpa',
  'roas',
  'orders',
  'cost',
  'roi',
];

/** Width of the tick-box column, and of a row's side padding. */
export const SELECT_PX = 40;
const ROW_PADDING_PX = 12;

/**
 * The chosen columns that fit `width` pixels (all of them when the width is unknown), and the
 * chosen ones left out for lack of room.
 */
export function fitColumns(
  chosen: readonly OptionalColumn[],
  width: number | null,
): { shown: Column[]; hidden: Column[] } {
  const want = COLUMNS.filter(
    (c) => c.key === 'name' || c.key === 'revenue' || chosen.includes(c.key),
  );
  if (width === null) return { shown: want, hidden: [] };
  const out = new Set<ColumnKey>();
  let need = SELECT_PX + ROW_PADDING_PX + want.reduce((s, c) => s + c.minPx, 0);
  for (const key of GIVE_WAY) {
    if (need <= width) break;
    const c = want.find((x) => x.key === key);
    if (!c) continue;
    out.add(key);
    need -= c.minPx;
  }
  return {
    shown: want.filter((c) => !out.has(c.key)),
    hidden: want.filter((c) => out.has(c.key)),
  };
}

/** The CSS grid tracks of a row with these columns. */
export function gridTracks(shown: readonly Column[]): string {
  return [`${SELECT_PX}px`, ...shown.map((c) => c.track)].join(' ');
}

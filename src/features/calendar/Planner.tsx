import { useCallback, useEffect, useMemo, useState } from 'react';
import { AlertTriangle, ChevronLeft, ChevronRight } from 'lucide-react';
import { href } from '../../navigation/router';
import { KindBadge } from '../../components/ui';
import { getDb } from '../../db/db';
import { rescheduleContentItem } from '../../db/content';
import { saveErrorMessage } from '../../db/errors';
import { useSettings } from '../../hooks/data';
import {
  filterContent,
  groupByDate,
  isFilterActive,
  isOverdue,
  monthGrid,
  startOfWeek,
  STATUS_LABEL,
  weekDays,
  type ContentFilter,
} from '../../domain/content';
import { addDays, addMonths, endOfMonth, monthOf, startOfMonth } from '../../domain/dates';
import { formatMoney } from '../../domain/money';
import { CONTENT_STATUSES, PARTNER_KINDS, PLATFORMS, type ContentItem } from '../../domain/schemas';
import { history, syncHistoryState } from '../../store/history';
import { useUi } from '../../store/ui';
import { KIND_LABEL } from '../../components/ui';
import { DayCell, type DayActions } from './DayCell';
import { ItemCells, ItemHeadCells } from './ItemCells';
import { longDay, monthTitle, shortDay, weekdayName } from './format';
import { ItemDialog, type ItemDialogTarget } from './ItemDialog';
import { MOVE_HINT_ID } from './ItemChip';
import { useCalendarUi, type CalendarView } from './useCalendarUi';
import { useItemsBetween, type CalendarData } from './useCalendarData';

const VIEWS: { id: CalendarView; label: string }[] = [
  { id: 'month', label: 'Month' },
  { id: 'week', label: 'Week' },
  { id: 'agenda', label: 'Agenda' },
];

/** Items a month cell shows before "+N more" (the week view shows them all). */
const MONTH_CELL_LIMIT = 3;

/** The days a view shows: the month grid's whole weeks, the week, or the agenda's month. */
export function viewRange(view: CalendarView, anchor: string): { from: string; to: string } {
  if (view === 'week') {
    const from = startOfWeek(anchor);
    return { from, to: addDays(from, 6) };
  }
  if (view === 'agenda') return { from: startOfMonth(anchor), to: endOfMonth(anchor) };
  const weeks = monthGrid(anchor);
  return { from: weeks[0]![0]!, to: weeks[weeks.length - 1]![6]! };
}

/** A move already asked of the database, shown before the items are read again. */
type Moves = ReadonlyMap<string, Pick<ContentItem, 'plannedDate' | 'updatedAt'>>;

/** Month, week and agenda views of the filtered content items, with moving and quick add. */
export function Planner(props: {
  data: CalendarData;
  today: string;
  dialog: ItemDialogTarget | null;
  setDialog: (d: ItemDialogTarget | null) => void;
}) {
  const { data, today, dialog, setDialog } = props;
  const settings = useSettings();
  const locale = settings.locale;
  const showToast = useUi((s) => s.showToast);
  const { view, anchor: storedAnchor, setView, setAnchor } = useCalendarUi();
  const filter = useCalendarUi((s) => s.filter);
  const anchor = storedAnchor ?? today;
  const [announcement, setAnnouncement] = useState('');
  const [focusTarget, setFocusTarget] = useState<{ id: string; date: string } | null>(null);
  // Only the days in view are read, again after every change to them.
  const { from, to } = useMemo(() => viewRange(view, anchor), [view, anchor]);
  const { stored, items, setMoves } = useMovedItems(from, to);
  const filtered = useMemo(
    () => filterContent(items, filter, (id) => data.partnersById.get(id)?.kind, today),
    [items, filter, data, today],
  );

  const byDate = useMemo(() => groupByDate(filtered), [filtered]);

  // Keep keyboard focus on an item after it moved: React re-creates it in the new day's cell
  // once the database change arrives, so wait until it is there.
  useEffect(() => {
    if (!focusTarget) return;
    const el = document.querySelector<HTMLElement>(
      `[data-date="${focusTarget.date}"] [data-item-id="${CSS.escape(focusTarget.id)}"]`,
    );
    if (el) {
      el.focus();
      setFocusTarget(null);
    }
  }, [focusTarget, filtered]);

  const reschedule = useCallback(
    async (itemId: string, to: string, fromKeyboard: boolean) => {
      const item = items.find((it) => it.id === itemId);
      if (!item || item.plannedDate === to) return;
      const now = Date.now();
      const forget = () =>
        setMoves((m) => {
          const next = new Map(m);
          next.delete(itemId);
          return next;
        });
      setMoves((m) => new Map(m).set(itemId, { plannedDate: to, updatedAt: now }));
      try {
        await rescheduleContentItem(getDb(), itemId, to, now);
        setAnnouncement(recordMove(data, item, to, locale));
        const visible =
          view === 'week' ? weekDays(anchor).includes(to) : monthOf(to) === monthOf(anchor);
        if (!visible) setAnchor(to);
        if (fromKeyboard) setFocusTarget({ id: itemId, date: to });
      } catch (e) {
        forget();
        showToast({ tone: 'error', message: `Could not move the item: ${saveErrorMessage(e)}` });
      }
    },
    [items, data, locale, view, anchor, setAnchor, showToast, setMoves],
  );

  const actions: DayActions = useMemo(
    () => ({
      onOpen: (item) => setDialog({ mode: 'edit', item }),
      onMove: (item, days) => void reschedule(item.id, addDays(item.plannedDate, days), true),
      onDropItem: (id, date) => void reschedule(id, date, false),
      onQuickAdd: (date) => setDialog({ mode: 'new', date, quick: true }),
      onShowDay: (date) => {
        setAnchor(date);
        setView('week');
      },
    }),
    [reschedule, setDialog, setAnchor, setView],
  );

  const step = (dir: 1 | -1) =>
    setAnchor(view === 'week' ? addDays(anchor, 7 * dir) : addMonths(anchor, dir));
  const days = view === 'week' ? weekDays(anchor) : [];
  const title =
    view === 'week'
      ? `${shortDay(days[0]!, locale)} – ${shortDay(days[6]!, locale)}, ${days[6]!.slice(0, 4)}`
      : monthTitle(anchor, locale);
  const periodItems =
    view === 'week'
      ? filtered.filter((it) => it.plannedDate >= days[0]! && it.plannedDate <= days[6]!)
      : filtered.filter((it) => monthOf(it.plannedDate) === monthOf(anchor));
  // Overdue among what is in view (the items of other months are not read).
  const overdueCount = periodItems.filter((it) => isOverdue(it, today)).length;

  const grid: GridProps = { byDate, data, today, locale, actions };
  return (
    <>
      <PlannerToolbar
        view={view}
        title={title}
        count={stored === undefined ? null : periodItems.length}
        overdueCount={overdueCount}
        onStep={step}
      />
      <Filters data={data} />
      <PlannerLegend view={view} />
      <div role="status" aria-live="polite" className="cal-announce">
        {announcement}
      </div>
      {view === 'month' ? <MonthView anchor={anchor} {...grid} /> : null}
      {view === 'week' ? <WeekView days={days} {...grid} /> : null}
      {view === 'agenda' ? (
        <AgendaView
          items={periodItems}
          data={data}
          today={today}
          onOpen={actions.onOpen}
          currency={settings.currency}
          locale={locale}
        />
      ) : null}
      {dialog ? (
        <ItemDialog
          key={dialog.mode === 'edit' ? dialog.item.id : `new-${dialog.date}`}
          target={dialog}
          data={data}
          locale={locale}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}

/**
 * A move in the undo history (Ctrl+Z puts the item back on its day, Shift+Ctrl+Z moves it
 * again); returns the sentence that announces the move.
 */
function recordMove(data: CalendarData, item: ContentItem, to: string, locale: string): string {
  const who = data.partnersById.get(item.partnerId)?.name ?? 'Unknown partner';
  const what = `${who}'s ${item.title || item.format}`;
  const { id, plannedDate: from } = item;
  history.push({
    label: `moving ${what} to ${longDay(to, locale)}`,
    undoneMessage: `${what} is back on ${longDay(from, locale)}.`,
    undo: async () => void (await rescheduleContentItem(getDb(), id, from, Date.now())),
    redo: async () => void (await rescheduleContentItem(getDb(), id, to, Date.now())),
  });
  syncHistoryState();
  return `Moved ${what} to ${longDay(to, locale)}.`;
}

/**
 * The items of the days in view, read again after every change to them; a moved item shows on
 * its new day at once, before the read catches up.
 */
function useMovedItems(from: string, to: string) {
  const [moves, setMoves] = useState<Moves>(() => new Map());
  const stored = useItemsBetween(from, to)?.items;
  // A moved item shows on its new day at once; the entry goes once the read has caught up.
  const items = useMemo(
    () =>
      moves.size === 0
        ? (stored ?? [])
        : (stored ?? []).map((it) => {
            const m = moves.get(it.id);
            return m && m.updatedAt > it.updatedAt ? { ...it, ...m } : it;
          }),
    [stored, moves],
  );
  useEffect(() => {
    if (!stored || moves.size === 0) return;
    const byId = new Map(stored.map((it) => [it.id, it]));
    const left = [...moves].filter(
      ([id, m]) => (byId.get(id)?.updatedAt ?? Infinity) < m.updatedAt,
    );
    if (left.length < moves.size) setMoves(new Map(left));
  }, [stored, moves]);
  return { stored, items, setMoves };
}

function PlannerToolbar({
  view,
  title,
  count,
  overdueCount,
  onStep,
}: {
  view: CalendarView;
  title: string;
  /** Items in view; null while they load. */
  count: number | null;
  overdueCount: number;
  onStep: (dir: 1 | -1) => void;
}) {
  const { setView, setAnchor } = useCalendarUi();
  return (
    <div className="cal-toolbar">
      <div className="cal-segmented" role="group" aria-label="View">
        {VIEWS.map((v) => (
          <button
            key={v.id}
            type="button"
            className={view === v.id ? 'btn btn-small active' : 'btn btn-small'}
            aria-pressed={view === v.id}
            onClick={() => setView(v.id)}
          >
            {v.label}
          </button>
        ))}
      </div>
      <div className="row">
        <button
          type="button"
          className="btn btn-small"
          aria-label={view === 'week' ? 'Previous week' : 'Previous month'}
          onClick={() => onStep(-1)}
        >
          <ChevronLeft size={16} aria-hidden="true" />
        </button>
        <button type="button" className="btn btn-small" onClick={() => setAnchor(null)}>
          Today
        </button>
        <button
          type="button"
          className="btn btn-small"
          aria-label={view === 'week' ? 'Next week' : 'Next month'}
          onClick={() => onStep(1)}
        >
          <ChevronRight size={16} aria-hidden="true" />
        </button>
      </div>
      <h2 className="cal-title" aria-live="polite">
        {title}
      </h2>
      <div className="cal-summary muted">
        {count === null ? 'Loading…' : `${count} ${count === 1 ? 'item' : 'items'}`}
        {overdueCount > 0 ? (
          <button
            type="button"
            className="cal-overdue-pill"
            onClick={() => useCalendarUi.getState().setFilter({ status: 'overdue' })}
          >
            <AlertTriangle size={14} aria-hidden="true" /> {overdueCount} overdue
          </button>
        ) : null}
      </div>
    </div>
  );
}

function PlannerLegend({ view }: { view: CalendarView }) {
  return (
    <div className="cal-legend">
      <span>
        <span className="cal-swatch cal-swatch-ambassador" aria-hidden="true" />
        Brand ambassador
      </span>
      <span>
        <span className="cal-swatch cal-swatch-affiliate" aria-hidden="true" />
        Micro-affiliate
      </span>
      <span>
        <span className="cal-swatch cal-swatch-overdue" aria-hidden="true" />
        Overdue
      </span>
      <span id={MOVE_HINT_ID} className="hint cal-hint" hidden={view === 'agenda'}>
        Drag an item to another day, or focus it and press Alt+← / Alt+→ to move it a day, Alt+↑ /
        Alt+↓ a week.
      </span>
    </div>
  );
}

/** What the week and month grids both show items from. */
interface GridProps {
  byDate: Map<string, ContentItem[]>;
  data: CalendarData;
  today: string;
  locale: string;
  actions: DayActions;
}

function WeekView(props: GridProps & { days: string[] }) {
  const { days, byDate, data, today, locale, actions } = props;
  return (
    <div className="cal-week">
      {days.map((d) => (
        <DayCell
          key={d}
          date={d}
          items={byDate.get(d) ?? []}
          partnersById={data.partnersById}
          today={today}
          locale={locale}
          detailed
          actions={actions}
        />
      ))}
    </div>
  );
}

function MonthView(props: GridProps & { anchor: string }) {
  const weeks = monthGrid(props.anchor);
  const month = monthOf(props.anchor);
  return (
    <div className="cal-month" aria-label={`${monthTitle(props.anchor, props.locale)} calendar`}>
      <div className="cal-weekdays" aria-hidden="true">
        {weeks[0]!.map((d) => (
          <div key={d}>{weekdayName(d, props.locale)}</div>
        ))}
      </div>
      {weeks.map((w) => (
        <div className="cal-week-row" key={w[0]}>
          {w.map((d) => (
            <DayCell
              key={d}
              date={d}
              items={props.byDate.get(d) ?? []}
              partnersById={props.data.partnersById}
              today={props.today}
              locale={props.locale}
              outside={monthOf(d) !== month}
              limit={MONTH_CELL_LIMIT}
              actions={props.actions}
            />
          ))}
        </div>
      ))}
    </div>
  );
}

function AgendaView(props: {
  items: ContentItem[];
  data: CalendarData;
  today: string;
  currency: string;
  locale: string;
  onOpen: (item: ContentItem) => void;
}) {
  const groups = [...groupByDate(props.items).entries()];
  if (groups.length === 0)
    return <p className="card muted">Nothing planned in this month with these filters.</p>;
  return (
    <div className="card cal-agenda">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Time</th>
            <th scope="col">Partner</th>
            <th scope="col">Campaign</th>
            <ItemHeadCells />
          </tr>
        </thead>
        <tbody>
          {groups.flatMap(([date, list]) =>
            list.map((it, i) => {
              const p = props.data.partnersById.get(it.partnerId);
              const overdue = isOverdue(it, props.today);
              return (
                <tr key={it.id} className={overdue ? 'cal-row-overdue' : undefined}>
                  <td>{i === 0 ? shortDay(date, props.locale) : ''}</td>
                  <td className="num">{it.plannedTime || '—'}</td>
                  <td>
                    {p ? (
                      <span className="cal-partner-cell">
                        <a href={href(`partners/${p.id}`)}>{p.name}</a>
                        <KindBadge kind={p.kind} />
                      </span>
                    ) : (
                      'Unknown partner'
                    )}
                  </td>
                  <td>
                    {it.campaignId ? (
                      <a href={href(`calendar/campaigns/${it.campaignId}`)}>
                        {props.data.campaignsById.get(it.campaignId)?.name ?? 'Unknown'}
                      </a>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <ItemCells
                    item={it}
                    overdue={overdue}
                    cost={formatMoney(it.costCents, props.currency, props.locale)}
                    onOpen={props.onOpen}
                  />
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </div>
  );
}

function Filters({ data }: { data: CalendarData }) {
  const filter = useCalendarUi((s) => s.filter);
  const setFilter = useCalendarUi((s) => s.setFilter);
  const clear = useCalendarUi((s) => s.clearFilter);
  const select = <K extends keyof ContentFilter>(
    key: K,
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <label className="cal-filter">
      <span>{label}</span>
      <select
        value={filter[key]}
        onChange={(e) => setFilter({ [key]: e.target.value } as Partial<ContentFilter>)}
      >
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="cal-filters" role="group" aria-label="Filters">
      {select(
        'partnerId',
        'Partner',
        data.partners.map((p) => ({ value: p.id, label: p.name })),
      )}
      {select(
        'kind',
        'Kind',
        PARTNER_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] })),
      )}
      {select('campaignId', 'Campaign', [
        ...data.campaigns.map((c) => ({ value: c.id, label: c.name })),
        { value: 'none', label: 'No campaign' },
      ])}
      {select(
        'platform',
        'Platform',
        PLATFORMS.map((p) => ({ value: p, label: p })),
      )}
      {select('status', 'Status', [
        ...CONTENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] })),
        { value: 'overdue', label: 'Overdue' },
      ])}
      {isFilterActive(filter) ? (
        <button type="button" className="btn btn-small" onClick={clear}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}

import { useState, type DragEvent } from 'react';
import { Plus } from 'lucide-react';
import type { ContentItem, Partner } from '../../domain/schemas';
import { dayOfMonth, longDay, weekdayName } from './format';
import { DRAG_TYPE, ItemChip } from './ItemChip';

export interface DayActions {
  onOpen: (item: ContentItem) => void;
  onMove: (item: ContentItem, days: number) => void;
  onDropItem: (itemId: string, date: string) => void;
  onQuickAdd: (date: string) => void;
  onShowDay: (date: string) => void;
}

/** A day of the month or week grid: a drop target with its items and a quick-add button. */
export function DayCell(props: {
  date: string;
  items: ContentItem[];
  partnersById: Map<string, Partner>;
  today: string;
  locale: string;
  /** Month view: days of the neighbouring months are dimmed. */
  outside?: boolean;
  /** How many chips to show before "N more" (month view). */
  limit?: number;
  detailed?: boolean;
  actions: DayActions;
}) {
  const { date, items, today, locale, actions } = props;
  const [over, setOver] = useState(false);
  const label = longDay(date, locale);
  const shown = props.limit !== undefined ? items.slice(0, props.limit) : items;
  const hidden = items.length - shown.length;
  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    setOver(true);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const id = e.dataTransfer.getData(DRAG_TYPE);
    if (id) actions.onDropItem(id, date);
  };
  const classes = [
    'cal-day',
    props.outside ? 'cal-outside' : '',
    date === today ? 'cal-today' : '',
    date < today ? 'cal-past' : '',
    over ? 'cal-drop' : '',
  ].join(' ');
  return (
    <div
      role="group"
      aria-label={label}
      className={classes}
      data-date={date}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <div className="cal-day-head">
        <span className="cal-day-num" aria-hidden="true">
          {props.detailed ? `${weekdayName(date, locale)} ${dayOfMonth(date)}` : dayOfMonth(date)}
        </span>
        {date === today ? <span className="cal-today-tag">Today</span> : null}
        <button
          type="button"
          className="btn-icon cal-add"
          aria-label={`Add on ${label}`}
          title="Add an item on this day"
          onClick={() => actions.onQuickAdd(date)}
        >
          <Plus size={14} aria-hidden="true" />
        </button>
      </div>
      <div className="cal-day-items">
        {shown.map((it) => (
          <ItemChip
            key={it.id}
            item={it}
            partner={props.partnersById.get(it.partnerId)}
            today={today}
            detailed={props.detailed}
            onOpen={actions.onOpen}
            onMove={actions.onMove}
          />
        ))}
        {hidden > 0 ? (
          <button
            type="button"
            className="cal-more"
            aria-label={`${hidden} more on ${label}`}
            onClick={() => actions.onShowDay(date)}
          >
            +{hidden} more
          </button>
        ) : null}
      </div>
    </div>
  );
}

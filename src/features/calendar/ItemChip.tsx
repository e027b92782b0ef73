import type { DragEvent, KeyboardEvent } from 'react';
import { AlertTriangle, CheckCircle2, XCircle } from 'lucide-react';
import { isOverdue, STATUS_LABEL } from '../../domain/content';
import type { ContentItem, Partner } from '../../domain/schemas';

/** The drag payload type; a custom type so text drops from elsewhere are ignored. */
export const DRAG_TYPE = 'application/x-pawtners-item';
export const MOVE_HINT_ID = 'cal-move-hint';

const KEY_DELTAS: Record<string, number> = {
  ArrowLeft: -1,
  ArrowRight: 1,
  ArrowUp: -7,
  ArrowDown: 7,
};

/** One content item on the calendar: click to edit, drag or Alt+arrows to move. */
export function ItemChip(props: {
  item: ContentItem;
  partner: Partner | undefined;
  today: string;
  detailed?: boolean;
  onOpen: (item: ContentItem) => void;
  onMove: (item: ContentItem, days: number) => void;
}) {
  const { item, partner, today } = props;
  const overdue = isOverdue(item, today);
  const kind = partner?.kind ?? 'unknown';
  const name = partner?.name ?? 'Unknown partner';
  const what = item.title || `${item.platform} ${item.format}`;
  // Compact chips show time, name and title; screen readers also hear the status, in text drawn
  // at size 0 so the name is the visible words followed by it.
  const visible = item.plannedTime ? `${item.plannedTime} ${name}` : name;
  const status = overdue ? 'Overdue' : STATUS_LABEL[item.status];
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const delta = KEY_DELTAS[e.key];
    if (!e.altKey || delta === undefined) return;
    e.preventDefault();
    props.onMove(item, delta);
  };
  const onDragStart = (e: DragEvent<HTMLButtonElement>) => {
    e.dataTransfer.setData(DRAG_TYPE, item.id);
    e.dataTransfer.setData('text/plain', item.id);
    e.dataTransfer.effectAllowed = 'move';
  };
  const classes = [
    'cal-chip',
    `cal-chip-${kind}`,
    `cal-status-${item.status.replace(' ', '-')}`,
    overdue ? 'cal-overdue' : '',
    props.detailed ? 'cal-chip-detailed' : '',
  ].join(' ');
  return (
    <button
      type="button"
      className={classes}
      draggable
      data-item-id={item.id}
      title={`${name}: ${what} (${item.platform} ${item.format}, ${status})`}
      aria-describedby={MOVE_HINT_ID}
      onClick={() => props.onOpen(item)}
      onKeyDown={onKeyDown}
      onDragStart={onDragStart}
    >
      <span className="cal-chip-line">
        {overdue ? <AlertTriangle aria-hidden="true" size={13} className="cal-icon-warn" /> : null}
        {item.status === 'published' ? <CheckCircle2 aria-hidden="true" size={13} /> : null}
        {item.status === 'missed' ? <XCircle aria-hidden="true" size={13} /> : null}
        <span className="cal-chip-name">{visible}</span>
      </span>
      <span className="cal-chip-title">
        {what}
        {props.detailed ? null : <span className="cal-chip-said">, {status}</span>}
      </span>
      {props.detailed ? (
        <>
          <span className="cal-chip-meta">
            {item.platform} · {item.format}
          </span>
        </>
      ) : null}
      {props.detailed ? <span className="cal-chip-status">{status}</span> : null}
    </button>
  );
}

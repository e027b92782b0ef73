import { STATUS_LABEL } from '../../domain/content';
import type { ContentItem } from '../../domain/schemas';

/** The item, status and cost cells of a content item's table row (agenda, campaign view). */
export function ItemCells(props: {
  item: ContentItem;
  overdue: boolean;
  cost: string;
  onOpen: (item: ContentItem) => void;
}) {
  const { item, overdue } = props;
  return (
    <>
      <td>
        <button type="button" className="linkish" onClick={() => props.onOpen(item)}>
          {item.title || 'Untitled'}
        </button>
        <div className="hint">
          {item.platform} · {item.format}
        </div>
      </td>
      <td>
        <span className={`cal-status-badge cal-status-${item.status.replace(' ', '-')}`}>
          {overdue ? 'Overdue' : STATUS_LABEL[item.status]}
        </span>
      </td>
      <td className="num">{props.cost}</td>
    </>
  );
}

/** The header cells over ItemCells, in the same order. */
export function ItemHeadCells() {
  return (
    <>
      <th scope="col">Item</th>
      <th scope="col">Status</th>
      <th scope="col" className="num">
        Cost
      </th>
    </>
  );
}

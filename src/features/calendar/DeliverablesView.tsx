import { useMemo, useState } from 'react';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { href } from '../../navigation/router';
import { Card, KindBadge } from '../../components/ui';
import { deliverablesTracker, type DeliverableRow } from '../../domain/content';
import { addMonths, endOfMonth, monthsInRange } from '../../domain/dates';
import { monthTitle } from './format';
import { useItemsBetween, type CalendarData } from './useCalendarData';

const STATE_LABEL: Record<DeliverableRow['state'], string> = {
  met: 'Met',
  'on track': 'On track',
  behind: 'Behind',
  'to plan': 'To plan',
  'no contract': 'No contract',
};

/** Per partner and month: posts the contract asks for vs planned vs published. */
export function DeliverablesView(props: { data: CalendarData; today: string; locale: string }) {
  const { data, today, locale } = props;
  // The window: three months back to one ahead, shiftable.
  const [offset, setOffset] = useState(0);
  const [onlyBehind, setOnlyBehind] = useState(false);
  const wanted = useMemo(
    () => monthsInRange({ start: addMonths(today, offset - 3), end: addMonths(today, offset + 1) }),
    [offset, today],
  );
  const thisMonth = today.slice(0, 7);
  // Only the items of the months in view. The columns are those of the items read, so a month
  // is never counted before its items are there.
  const read = useItemsBetween(`${wanted[0]!}-01`, endOfMonth(`${wanted[wanted.length - 1]!}-01`));
  const months = useMemo(
    () => (read ? monthsInRange({ start: read.from, end: read.to }) : []),
    [read],
  );
  const rows = useMemo(() => {
    if (!read) return [];
    const withContracts = data.partners.filter((p) =>
      data.contracts.some((c) => c.partnerId === p.id && c.deliverablesPerMonth > 0),
    );
    return deliverablesTracker(withContracts, data.contracts, read.items, months, today);
  }, [data, read, months, today]);
  const byPartner = new Map<string, DeliverableRow[]>();
  for (const r of rows) byPartner.set(r.partnerId, [...(byPartner.get(r.partnerId) ?? []), r]);
  const behindNow = rows.filter((r) => r.month === thisMonth && r.state === 'behind').length;
  const partnerIds = [...byPartner.keys()].filter(
    (id) => !onlyBehind || byPartner.get(id)!.some((r) => r.state === 'behind'),
  );
  return (
    <Card
      title="Deliverables"
      actions={
        <div className="row">
          <label className="check cal-check">
            <input
              type="checkbox"
              checked={onlyBehind}
              onChange={(e) => setOnlyBehind(e.target.checked)}
            />
            Only partners who are behind
          </label>
          <button
            type="button"
            className="btn btn-small"
            aria-label="Earlier months"
            onClick={() => setOffset((o) => o - 1)}
          >
            <ChevronLeft size={16} aria-hidden="true" />
          </button>
          <button
            type="button"
            className="btn btn-small"
            aria-label="Later months"
            onClick={() => setOffset((o) => o + 1)}
          >
            <ChevronRight size={16} aria-hidden="true" />
          </button>
        </div>
      }
    >
      <p className="muted">
        Published / contracted posts per month, from each partner&apos;s contract in force that
        month; &quot;planned&quot; counts everything scheduled that is not an idea or missed.{' '}
        <strong>
          {behindNow} {behindNow === 1 ? 'partner is' : 'partners are'} behind this month.
        </strong>
      </p>
      {!read ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : partnerIds.length === 0 ? (
        <p className="muted">
          {onlyBehind
            ? 'Nobody is behind in these months.'
            : 'No contract asks for posts yet. Set "Posts per month" in a partner’s contract.'}
        </p>
      ) : (
        <table className="table cal-deliverables">
          <thead>
            <tr>
              <th scope="col">Partner</th>
              {months.map((m) => (
                <th scope="col" key={m} className="num">
                  {monthTitle(`${m}-01`, locale)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {partnerIds.map((pid) => {
              const p = data.partnersById.get(pid)!;
              return (
                <tr key={pid}>
                  <th scope="row">
                    <span className="cal-partner-cell">
                      <a href={href(`partners/${pid}`)}>{p.name}</a>
                      <KindBadge kind={p.kind} />
                    </span>
                  </th>
                  {byPartner.get(pid)!.map((r) => (
                    <td
                      key={r.month}
                      className={`num cal-deliv cal-deliv-${r.state.replace(' ', '-')}`}
                    >
                      {r.state === 'no contract' ? (
                        <span className="muted">—</span>
                      ) : (
                        <>
                          <span className="cal-deliv-main">
                            {r.published} / {r.contracted}
                          </span>
                          <span className="cal-deliv-sub">
                            {r.planned} planned · {STATE_LABEL[r.state]}
                          </span>
                        </>
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Card>
  );
}

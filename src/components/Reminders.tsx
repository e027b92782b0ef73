import { Bell } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { Reminder, ReminderKind } from '../domain/reminders';
import { useReminders } from '../hooks/useReminders';
import { href } from '../navigation/router';
import { onOpenReminders } from '../platform/bridge';
import { Dialog } from './ui';

const GROUPS: { kinds: ReminderKind[]; title: string }[] = [
  { kinds: ['overdue'], title: 'Overdue content' },
  { kinds: ['today', 'tomorrow'], title: 'Content due today or tomorrow' },
  { kinds: ['payout'], title: 'Payouts due' },
];

/**
 * The sidebar's Reminders button (with how many there are) and the list it opens: content due
 * tomorrow or overdue, and payouts due. A desktop notification's click opens it too.
 */
export function RemindersButton() {
  const reminders = useReminders();
  const [open, setOpen] = useState(false);
  useEffect(() => onOpenReminders(() => setOpen(true)), []);
  const n = reminders?.length ?? 0;
  return (
    <>
      <button
        type="button"
        className="sidebar-search sidebar-reminders"
        title="Reminders"
        onClick={() => setOpen(true)}
      >
        <Bell aria-hidden="true" size={18} />
        <span>Reminders</span>
        {n > 0 ? (
          <span className="reminder-count">
            {n > 99 ? '99+' : n}
            <span className="sr-only"> due</span>
          </span>
        ) : null}
      </button>
      <Dialog open={open} title="Reminders" onClose={() => setOpen(false)}>
        <RemindersList reminders={reminders} onGo={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function RemindersList(props: { reminders: Reminder[] | undefined; onGo: () => void }) {
  const { reminders } = props;
  if (!reminders)
    return (
      <p className="muted" role="status">
        Looking for what is due…
      </p>
    );
  if (reminders.length === 0)
    return <p>Nothing is due: no content overdue or due tomorrow, and nobody is owed money.</p>;
  return (
    <div className="stack reminders">
      {GROUPS.map((g) => {
        const list = reminders.filter((r) => g.kinds.includes(r.kind));
        if (list.length === 0) return null;
        return (
          <section key={g.title} aria-label={g.title}>
            <h3 className={g.kinds[0] === 'overdue' ? 'reminder-head overdue' : 'reminder-head'}>
              {g.title} ({list.length})
            </h3>
            <ul className="reminder-list">
              {list.map((r) => (
                <li key={r.id}>
                  <a href={href(r.route)} onClick={props.onGo}>
                    {r.title}
                  </a>
                  <div className="muted small">{r.body}</div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

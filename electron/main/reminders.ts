/**
 * Desktop notifications of reminders (content due tomorrow or overdue, payouts due), decided here
 * and shown by the main process (Electron's Notification). Pure, so it is unit-tested.
 */
import type { ReminderNote } from '../../src/shared/ipc';

export interface Notice {
  title: string;
  body: string;
}

/** More new reminders than this at once become one notification that sums them up. */
export const MAX_NOTICES = 3;

/**
 * The notifications for the reminders not shown yet (`shown` holds the ids already shown this
 * session): each on its own up to MAX_NOTICES, else one that names the first few and counts the
 * rest. The ids now shown are added to `shown`.
 */
export function planNotices(notes: readonly ReminderNote[], shown: Set<string>): Notice[] {
  const fresh = notes.filter(
    (n, i) => !shown.has(n.id) && notes.findIndex((m) => m.id === n.id) === i,
  );
  for (const n of fresh) shown.add(n.id);
  if (fresh.length <= MAX_NOTICES) return fresh.map(({ title, body }) => ({ title, body }));
  const named = fresh.slice(0, MAX_NOTICES).map((n) => n.title);
  const more = fresh.length - named.length;
  return [
    {
      title: `${fresh.length} reminders from Pawtners`,
      body: `${named.join('; ')}; and ${more} more. Open Pawtners to see them all.`,
    },
  ];
}

/**
 * Reminders: content due tomorrow (or today) or overdue, and payouts due. Pure: the app lists
 * them, and the desktop app may show them as notifications (electron/main/reminders.ts).
 */
import { addDays } from './dates';
import type { ContentItem, Partner } from './schemas';

/** Content items still to be posted (not published, not cancelled). */
export const OPEN_STATUSES: ReadonlySet<ContentItem['status']> = new Set([
  'idea',
  'planned',
  'in review',
  'approved',
]);

/** How far back overdue content is listed. */
export const REMINDER_OVERDUE_DAYS = 30;

export type ReminderKind = 'overdue' | 'today' | 'tomorrow' | 'payout';

export interface Reminder {
  /** Stable while the reminder stands (the item or partner, and the kind). */
  id: string;
  kind: ReminderKind;
  title: string;
  body: string;
  /** Where it is dealt with (a hash route). */
  route: string;
}

type Names = ReadonlyMap<string, Pick<Partner, 'name'>>;

/**
 * Open items planned tomorrow, today, or in the REMINDER_OVERDUE_DAYS before today: overdue
 * first (oldest first), then today's, then tomorrow's.
 */
export function contentReminders(
  items: readonly ContentItem[],
  names: Names,
  today: string,
  day: (date: string) => string,
): Reminder[] {
  const tomorrow = addDays(today, 1);
  const from = addDays(today, -REMINDER_OVERDUE_DAYS);
  return items
    .filter(
      (c) => OPEN_STATUSES.has(c.status) && c.plannedDate >= from && c.plannedDate <= tomorrow,
    )
    .sort((a, b) => a.plannedDate.localeCompare(b.plannedDate) || a.id.localeCompare(b.id))
    .map((c) => {
      const kind: ReminderKind =
        c.plannedDate < today ? 'overdue' : c.plannedDate === today ? 'today' : 'tomorrow';
      const who = names.get(c.partnerId)?.name ?? 'A partner';
      const what = c.title || c.format;
      const when =
        kind === 'overdue'
          ? `was due ${day(c.plannedDate)}`
          : kind === 'today'
            ? 'is due today'
            : 'is due tomorrow';
      return {
        id: `content:${c.id}:${kind}`,
        kind,
        title: `${who}: “${what}” ${when}`,
        body: `${c.platform} ${c.format}, ${c.status}. Mark it published or move it on the calendar.`,
        route: `calendar/day/${c.plannedDate}`,
      };
    });
}

/** Partners owed money today, most owed first. */
export function payoutReminders(
  owed: readonly { partnerId: string; owedCents: number }[],
  names: Names,
  money: (cents: number) => string,
): Reminder[] {
  return [...owed]
    .filter((o) => o.owedCents > 0)
    .sort((a, b) => b.owedCents - a.owedCents)
    .map((o) => ({
      id: `payout:${o.partnerId}`,
      kind: 'payout' as const,
      title: `Pay ${names.get(o.partnerId)?.name ?? 'a partner'} ${money(o.owedCents)}`,
      body: 'Earned up to today and not paid yet. Record the payment on Payouts.',
      route: 'payouts',
    }));
}

import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { contentBetween } from '../db/content';
import { getDb } from '../db/db';
import { ordersNotInCurrency } from '../db/orders';
import { paidByPartner, readFiguresBase } from '../db/stats';
import { indexFromStats, payoutsOwed } from '../domain/compare';
import { apartAsPaid, foreignCurrencyTotals, rangeMs } from '../domain/currency-totals';
import { addDays, dateInZone } from '../domain/dates';
import { safeLocale } from '../domain/intl';
import { formatMoney } from '../domain/money';
import {
  contentReminders,
  payoutReminders,
  REMINDER_OVERDUE_DAYS,
  type Reminder,
} from '../domain/reminders';
import type { Settings } from '../domain/schemas';
import { isDesktop, notifyReminders } from '../platform/bridge';
import { useSettings } from './data';

/** Reminders wait this long after start-up, so the first screen has the machine to itself. */
const START_DELAY_MS = 2500;

/** Every reminder due now (undefined until read), read again when the data changes. */
export function useReminders(): Reminder[] | undefined {
  const settings = useSettings();
  const [started, setStarted] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setStarted(true), START_DELAY_MS);
    return () => clearTimeout(t);
  }, []);
  const today = dateInZone(Date.now(), settings.timeZone);
  const reminders = useLiveQuery(
    () => (started ? readReminders(settings, today) : undefined),
    [started, settings, today],
  );
  useDesktopNotices(reminders, settings, today);
  return reminders;
}

async function readReminders(settings: Settings, today: string): Promise<Reminder[]> {
  const db = getDb();
  const [base, paid, content, apart] = await Promise.all([
    readFiguresBase(db),
    paidByPartner(db),
    contentBetween(db, addDays(today, -REMINDER_OVERDUE_DAYS), addDays(today, 1)),
    ordersNotInCurrency(
      db,
      settings.currency,
      -Infinity,
      rangeMs({ start: today, end: today }).toMs,
    ),
  ]);
  const { rollups, ...data } = base;
  const { partners } = data;
  const index = indexFromStats(data, rollups);
  const terms = new Map(
    partners.map((p) => [p.id, { kind: p.kind, contracts: index.get(p.id)?.contracts ?? [] }]),
  );
  const foreign = foreignCurrencyTotals(
    apart,
    terms,
    { start: '2000-01-01', end: today },
    settings.currency,
    settings.timeZone,
  );
  const payments = [...paid].map(([partnerId, amountCents]) => ({ partnerId, amountCents }));
  const owed = payoutsOwed(data, index, [...payments, ...apartAsPaid(foreign)], {
    timeZone: settings.timeZone,
    countDiscountAsCost: settings.countDiscountAsCost,
    today,
  });
  const names = new Map(partners.map((p) => [p.id, p]));
  const dayFmt = new Intl.DateTimeFormat(safeLocale(settings.locale), {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const day = (d: string) => dayFmt.format(new Date(`${d}T00:00:00Z`));
  return [
    ...contentReminders(content, names, today, day),
    ...payoutReminders(owed.byPartner, names, (c) =>
      formatMoney(c, settings.currency, settings.locale),
    ),
  ];
}

/**
 * In the desktop app, when the owner opted in (Settings > Reminders): the reminders go to the
 * main process, which shows those it has not shown yet this session. A reminder's id carries
 * the day, so one still standing tomorrow is shown again then.
 */
function useDesktopNotices(
  reminders: Reminder[] | undefined,
  settings: Settings,
  today: string,
): void {
  const notes = useMemo(
    () =>
      (reminders ?? []).slice(0, 100).map((r) => ({
        id: `${today}:${r.id}`,
        title: r.title.slice(0, 200),
        body: r.body.slice(0, 500),
      })),
    [reminders, today],
  );
  useEffect(() => {
    if (!isDesktop || !settings.desktopReminders || notes.length === 0) return;
    notifyReminders(notes).catch(() => undefined);
  }, [notes, settings.desktopReminders]);
}

import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { contentBetween } from '../db/content';
import { getDb } from '../db/db';
import { ordersNotInCurrency } from '../db/orders';
import { tablesChangeProbe } from '../db/repo';
import { figuresOf } from '../db/figures';
import { paidByPartner } from '../db/stats';
import { writesDone } from '../db/write-gate';
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
import { useBackgroundRead } from './background-read';
import { useSettings } from './data';

/** Reminders wait this long after start-up, so the first screen has the machine to itself. */
const START_DELAY_MS = 2500;
/**
 * After a change, the reminders are worked out again once the owner has paused this long: their
 * reads (every partner, contract, rollup and 40,000 payments at a big shop) ran after every edit
 * and the owner's next screen or edit waited behind them. A count in the sidebar can wait.
 */
export const REMINDERS_IDLE_MS = 3000;

/** The tables the reminders are worked out from. */
const SOURCES = [
  'settings',
  'partners',
  'contracts',
  'campaigns',
  'bonuses',
  'bonusRules',
  'partnerStats',
  'payouts',
  'contentItems',
  'orders',
] as const;

/** Every reminder due now (undefined until read), read again when the data changes. */
export function useReminders(): Reminder[] | undefined {
  const settings = useSettings();
  const [started, setStarted] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setStarted(true), START_DELAY_MS);
    return () => clearTimeout(t);
  }, []);
  const today = dateInZone(Date.now(), settings.timeZone);
  // Only a probe is live (it costs nothing); the reading itself is background work.
  const version = useLiveQuery(async () => {
    await tablesChangeProbe(getDb(), SOURCES);
    return {};
  }, []);
  const key = useMemo(() => ({ settings, today }), [settings, today]);
  const read = useBackgroundRead(key, version, readNow, started, REMINDERS_IDLE_MS);
  const reminders = read?.value;
  useDesktopNotices(reminders, settings, today);
  return reminders;
}

const readNow = (k: { settings: Settings; today: string }) => readReminders(k.settings, k.today);

/**
 * The reminders due today. A background read: each of its reads starts once no edit of this
 * window is waiting (writesDone), so an edit made meanwhile never queues behind it.
 */
export async function readReminders(settings: Settings, today: string): Promise<Reminder[]> {
  const db = getDb();
  await writesDone();
  const [base, paid, content, apart] = await Promise.all([
    figuresOf(db).current(),
    // Payments in the brand's currency: commission in others is taken out below (apartAsPaid).
    paidByPartner(db, settings.currency, writesDone),
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

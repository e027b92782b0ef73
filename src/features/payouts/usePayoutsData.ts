/**
 * What the Payouts screen shows for a month: the statements (from the per-partner rollups, which
 * stand in for the orders and posts), the month's payments and the newest ones for the history.
 * A month change reads only that month's payments.
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import {
  allPayouts,
  countPayouts,
  payoutsOverlapping,
  readStatementBasis,
  recentPayouts,
} from '../../db/payouts';
import { useSettings } from '../../hooks/data';
import { addMonths, dateInZone, endOfMonth, startOfMonth } from '../../domain/dates';
import { periodEarningsFromStats, statementsFrom } from '../../domain/payout-statements';
import type { Payout } from '../../domain/schemas';

/** Payments in the history before "Show all". */
export const HISTORY_SHOWN = 25;

/** Payments written from this screen that the live read may not show yet. */
interface Pending {
  added: readonly Payout[];
  removed: ReadonlySet<string>;
}
const NOTHING_PENDING: Pending = { added: [], removed: new Set() };

/** The stored payments with those just recorded here and without those just undone. */
function withPending(stored: Payout[], pending: Pending): Payout[] {
  if (pending.added.length === 0 && pending.removed.size === 0) return stored;
  const ids = new Set(stored.map((p) => p.id));
  return [...stored, ...pending.added.filter((p) => !ids.has(p.id))].filter(
    (p) => !pending.removed.has(p.id),
  );
}

export function usePayoutsData() {
  const settings = useSettings();
  const today = dateInZone(Date.now(), settings.timeZone);
  const [month, setMonth] = useState(() => addMonths(startOfMonth(today), -1).slice(0, 7));
  const [allHistory, setAllHistory] = useState(false);
  // Payments recorded or undone here, shown at once (before the payouts are read again).
  const [pending, setPending] = useState<Pending>(NOTHING_PENDING);

  const wanted = useMemo(() => {
    const start = `${month}-01`;
    return { start, end: endOfMonth(start) };
  }, [month]);
  // Partners, contracts, bonuses and the per-partner rollups (which stand in for the orders and
  // posts): small, and the same for every month, so a month change reads only its payments.
  const basis = useLiveQuery(() => readStatementBasis(getDb()), []);
  // Only the payments the month's statements count, and the newest few for the history.
  const storedFor = useLiveQuery(
    async () => ({ month, range: wanted, rows: await payoutsOverlapping(getDb(), wanted) }),
    [month, wanted],
  );
  const period = useMemo(
    () =>
      basis && storedFor ? { ...basis, month: storedFor.month, range: storedFor.range } : undefined,
    [basis, storedFor],
  );
  const stored = storedFor?.rows;
  const payouts = useMemo(() => stored && withPending(stored, pending), [stored, pending]);
  const recent = useLiveQuery(
    () =>
      allHistory
        ? allPayouts(getDb())
        : recentPayouts(getDb(), HISTORY_SHOWN + pending.removed.size),
    [allHistory, pending.removed.size],
  );
  const paymentCount = useLiveQuery(() => countPayouts(getDb()), []) ?? 0;
  const data = useMemo(
    () => (period && payouts ? { ...period, payouts } : undefined),
    [period, payouts],
  );
  // Until another month's records arrive, the figures, title and files stay those of the month
  // read (never last month's records summed over this month's dates).
  const range = data?.range ?? wanted;
  const shownMonth = data?.month ?? month;
  // The period's earnings are summed once per period; a payment recorded only redoes the rest.
  const earned = useMemo(
    () =>
      period
        ? periodEarningsFromStats(period, period.range, {
            timeZone: settings.timeZone,
            countDiscountAsCost: settings.countDiscountAsCost,
          })
        : null,
    [period, settings.timeZone, settings.countDiscountAsCost],
  );
  const statements = useMemo(
    () =>
      earned && data
        ? statementsFrom(earned, data.payouts, range).sort(
            (a, b) =>
              b.earnings.payableCents - a.earnings.payableCents ||
              a.partner.name.localeCompare(b.partner.name),
          )
        : [],
    [earned, data, range],
  );
  const names = useMemo(() => new Map((data?.partners ?? []).map((p) => [p.id, p.name])), [data]);
  const history = useMemo(
    () =>
      withPending(recent ?? [], pending).sort(
        (a, b) => b.paidDate.localeCompare(a.paidDate) || b.createdAt - a.createdAt,
      ),
    [recent, pending],
  );
  const historyCount = Math.max(paymentCount, history.length);

  const recordPending = {
    added: (added: readonly Payout[]) =>
      setPending((p) => ({ ...p, added: [...p.added, ...added] })),
    removed: (ids: readonly string[]) =>
      setPending((p) => ({ ...p, removed: new Set([...p.removed, ...ids]) })),
  };
  return {
    settings,
    today,
    month,
    setMonth,
    data,
    range,
    shownMonth,
    statements,
    names,
    history,
    historyCount,
    allHistory,
    setAllHistory,
    recordPending,
  };
}

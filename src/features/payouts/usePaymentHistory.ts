/** The payment history of the Payouts screen: the newest payments, or all of them. */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { allPayouts, countPayouts, recentPayouts } from '../../db/payouts';
import { withPending, type Pending } from './pending';

/** Payments in the history before "Show all". */
export const HISTORY_SHOWN = 25;

/** Read once `ready` (after the statements), with the payments recorded or undone here. */
export function usePaymentHistory(ready: boolean, pending: Pending) {
  const [all, setAll] = useState(false);
  // Payments undone here may still be among the newest read: read that many more.
  const undone = [...pending.values()].filter((c) => !c.present).length;
  const recent = useLiveQuery(
    () =>
      !ready
        ? undefined
        : all
          ? allPayouts(getDb())
          : recentPayouts(getDb(), HISTORY_SHOWN + undone),
    [ready, all, undone],
  );
  const count = useLiveQuery(() => (ready ? countPayouts(getDb()) : undefined), [ready]) ?? 0;
  const rows = useMemo(
    () =>
      recent
        ? withPending(recent, pending).sort(
            (a, b) => b.paidDate.localeCompare(a.paidDate) || b.createdAt - a.createdAt,
          )
        : null,
    [recent, pending],
  );
  return { rows, count: Math.max(count, rows?.length ?? 0), all, setAll };
}

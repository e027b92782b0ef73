/**
 * What was paid, for a period's statements: the payment sums (a few records, never the payments
 * themselves) of the periods overlapping it and of those ended in the lookback before it, with
 * the payments just recorded or undone here shown at once.
 */
import { useMemo, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { paidSnapshot } from '../../db/payouts';
import type { DateRange } from '../../domain/dates';
import { carryLookbackStart } from '../../domain/payout-carry';
import { paidForStatements, withPaidDelta, type PaidBucket } from '../../domain/payout-sums';
import type { Payout } from '../../domain/schemas';
import { pendingDelta, type Pending } from './pending';

const ids = (ps: readonly Payout[]) => ps.map((p) => p.id).join(',');

export function usePaidSums(wanted: DateRange, pending: Pending, currency: string) {
  // Payments written from this screen: every read checks whether its snapshot holds them.
  const watched = useRef(new Set<string>());
  const read = useLiveQuery(async () => {
    const snap = await paidSnapshot(getDb(), carryLookbackStart(wanted), () => [
      ...watched.current,
    ]);
    return { range: wanted, ...snap };
  }, [wanted]);
  const delta = useMemo(() => read && pendingDelta(pending, read.checked), [read, pending]);
  // All of it, every currency: what was paid for the period in each.
  const buckets = useMemo<PaidBucket[] | undefined>(
    () => read && delta && withPaidDelta(read.buckets, delta.removed, delta.added),
    [read, delta],
  );
  const overlapping = useMemo(
    () => read && buckets && paidForStatements(buckets, read.range, currency).overlapping,
    [read, buckets, currency],
  );
  // Payments recorded here are for the period shown, so the earlier ones (and the overpayment
  // they carry in, slow to work out) change only when those of earlier periods do.
  const start = read?.range.start ?? wanted.start;
  const before = (ps: readonly Payout[] = []) => ps.filter((p) => p.periodEnd < start);
  const earlierAdded = before(delta?.added);
  const earlierRemoved = before(delta?.removed);
  const key = `${ids(earlierAdded)}/${ids(earlierRemoved)}`;
  const earlier = useMemo(
    () =>
      read &&
      paidForStatements(
        withPaidDelta(read.buckets, earlierRemoved, earlierAdded),
        read.range,
        currency,
      ).earlier,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names the earlier changes
    [read, currency, key],
  );
  return {
    range: read?.range,
    buckets,
    overlapping,
    earlier,
    /** Call before writing payments from this screen (see paidSnapshot). */
    watch: (paid: readonly string[]) => {
      for (const id of paid) watched.current.add(id);
    },
  };
}

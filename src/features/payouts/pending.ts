/** Payments written on the Payouts screen that the live reads may not show yet. */
import type { Payout } from '../../domain/schemas';

/**
 * Payments recorded (present) or undone (not present) from this screen, by id, as last done:
 * shown at once, before the payments and their sums are read again.
 */
export type Pending = ReadonlyMap<string, { payout: Payout; present: boolean }>;
export const NOTHING_PENDING: Pending = new Map();

/** `pending` with `payouts` recorded (present) or undone. */
export function withChange(pending: Pending, payouts: readonly Payout[], present: boolean) {
  const next = new Map(pending);
  for (const payout of payouts) next.set(payout.id, { payout, present });
  return next;
}

/** The stored payments with those just recorded here and without those just undone. */
export function withPending(stored: Payout[], pending: Pending): Payout[] {
  if (pending.size === 0) return stored;
  const ids = new Set(stored.map((p) => p.id));
  const added = [...pending.values()].filter((c) => c.present && !ids.has(c.payout.id));
  return [...stored, ...added.map((c) => c.payout)].filter(
    (p) => pending.get(p.id)?.present !== false,
  );
}

/**
 * What to add to and take out of payment sums read in a snapshot that `checked` tells about
 * (whether each pending payment was stored then; a payment it did not check was written after
 * the snapshot was taken, so it is not in it), to show the payments as last done here.
 */
export function pendingDelta(
  pending: Pending,
  checked: ReadonlyMap<string, boolean>,
): { added: Payout[]; removed: Payout[] } {
  const added: Payout[] = [];
  const removed: Payout[] = [];
  for (const [id, c] of pending) {
    const stored = checked.get(id) ?? false;
    if (c.present && !stored) added.push(c.payout);
    else if (!c.present && stored) removed.push(c.payout);
  }
  return { added, removed };
}

/** Payments written on the Payouts screen that the live reads may not show yet. */
import type { Payout } from '../../domain/schemas';

/** Payments written from this screen that the live read may not show yet. */
export interface Pending {
  added: readonly Payout[];
  removed: ReadonlySet<string>;
}
export const NOTHING_PENDING: Pending = { added: [], removed: new Set() };

/** The stored payments with those just recorded here and without those just undone. */
export function withPending(stored: Payout[], pending: Pending): Payout[] {
  if (pending.added.length === 0 && pending.removed.size === 0) return stored;
  const ids = new Set(stored.map((p) => p.id));
  return [...stored, ...pending.added.filter((p) => !ids.has(p.id))].filter(
    (p) => !pending.removed.has(p.id),
  );
}

/** Storage failures in words an owner can act on (never a raw DOMException name). */

const named = (x: unknown, name: string) =>
  typeof x === 'object' && x !== null && (x as { name?: unknown }).name === name;

/** The error or what it wraps (Dexie puts the browser's error in `inner`). */
function causes(e: unknown): unknown[] {
  const out: unknown[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur; i++) {
    out.push(cur);
    cur = (cur as { inner?: unknown; cause?: unknown }).inner ?? (cur as { cause?: unknown }).cause;
  }
  return out;
}

/**
 * A sentence for a storage failure, or null when `e` is not one. Every write runs in one
 * transaction, so a failed one changed nothing; the sentences say so.
 */
export function storageError(e: unknown): string | null {
  const all = causes(e);
  if (all.some((x) => named(x, 'QuotaExceededError')))
    return 'The disk is full: free some space and try again. Nothing was changed.';
  if (all.some((x) => named(x, 'VersionError') || named(x, 'DatabaseClosedError')))
    return 'Pawtners was updated or opened in another window: reload this window. Nothing was changed.';
  if (all.some((x) => named(x, 'InvalidStateError') || named(x, 'UnknownError')))
    return 'The data store could not be written (the disk may be read-only or failing). Nothing was changed.';
  if (all.some((x) => named(x, 'TransactionInactiveError') || named(x, 'AbortError')))
    return 'Saving was interrupted before it finished. Nothing was changed; try again.';
  return null;
}

/** The message to show for any failed save. */
export function saveErrorMessage(e: unknown): string {
  return storageError(e) ?? (e instanceof Error ? e.message : String(e));
}

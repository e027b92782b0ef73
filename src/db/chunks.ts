import type { IndexableType, Table } from 'dexie';

/**
 * Calls `each` with a table's records, `size` at a time in primary-key order. Reading a large
 * table in one request decodes it on the main thread in one long task; a chunk per request keeps
 * each piece short. The next chunk is requested before `each` works on the current one, so the
 * database reads while we work. `stop` is asked before every request (a screen that has gone).
 *
 * Inside a transaction, only `each` may return a promise (Dexie work): awaiting anything else
 * would end the transaction early.
 */
export async function forEachChunk<T, K extends IndexableType>(
  table: Table<T, K>,
  keyOf: (row: T) => K,
  size: number,
  each: (rows: T[]) => void | Promise<void>,
  stop: () => boolean = () => false,
  /** Only keys from `range[0]` (inclusive) to `range[1]` (exclusive). */
  range?: readonly [K, K],
): Promise<void> {
  const from = (after: K | null) => {
    if (range)
      return after === null
        ? table.where(':id').between(range[0], range[1], true, false)
        : table.where(':id').between(after, range[1], false, false);
    return after === null ? table.toCollection() : table.where(':id').above(after);
  };
  const read = (after: K | null): Promise<T[]> | null =>
    stop() ? null : from(after).limit(size).toArray();
  let next = read(null);
  try {
    while (next) {
      const rows = await next;
      next = rows.length === size ? read(keyOf(rows[rows.length - 1]!)) : null;
      if (!rows.length) return;
      const pending = each(rows);
      if (pending) await pending;
    }
  } catch (e) {
    next?.catch(() => undefined); // the read still in flight is no longer wanted
    throw e;
  }
}

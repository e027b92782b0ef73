import { useCallback, useEffect, useRef } from 'react';
import type { IndexableType, Table } from 'dexie';

/**
 * Every record of a table, read `size` at a time in primary-key order. A whole large table in one
 * read is decoded on the main thread in one long task (hundreds of milliseconds for 12 MB of
 * rollups or 40,000 payouts) that would freeze typing and scrolling; a few hundred or thousand
 * records per read keep each piece short.
 */
export async function readInChunks<T, K extends IndexableType, I>(
  table: Table<T, K, I>,
  keyOf: (row: T) => K,
  size: number,
  /** When this says so, the rest is not read (the screen that wanted it has gone). */
  stop: () => boolean = () => false,
): Promise<T[]> {
  const out: T[] = [];
  let after: K | null = null;
  for (;;) {
    if (stop()) return out;
    const from = after === null ? table.toCollection() : table.where(':id').above(after);
    const page: T[] = await from.limit(size).toArray();
    out.push(...page);
    if (page.length < size) return out;
    after = keyOf(page[page.length - 1]!);
  }
}

/**
 * Tells whether the calling component has unmounted: a live query's reads go on after its screen
 * is left, and long ones can stop instead of decoding records nobody will look at.
 */
export function useGone(): () => boolean {
  const gone = useRef(false);
  useEffect(() => {
    gone.current = false;
    return () => {
      gone.current = true;
    };
  }, []);
  return useCallback(() => gone.current, []);
}

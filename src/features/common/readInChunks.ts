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
): Promise<T[]> {
  const out: T[] = [];
  let after: K | null = null;
  for (;;) {
    const from = after === null ? table.toCollection() : table.where(':id').above(after);
    const page: T[] = await from.limit(size).toArray();
    out.push(...page);
    if (page.length < size) return out;
    after = keyOf(page[page.length - 1]!);
  }
}

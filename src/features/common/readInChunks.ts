import { useCallback, useEffect, useRef } from 'react';
import type { IndexableType, Table } from 'dexie';
import { forEachChunk } from '../../db/chunks';

/**
 * Every record of a table, read `size` at a time in primary-key order (see forEachChunk): a few
 * hundred or thousand records per read keep each decoding task short.
 */
export async function readInChunks<T, K extends IndexableType, I>(
  table: Table<T, K, I>,
  keyOf: (row: T) => K,
  size: number,
  /** When this says so, the rest is not read (the screen that wanted it has gone). */
  stop: () => boolean = () => false,
): Promise<T[]> {
  const out: T[] = [];
  await forEachChunk(
    table as unknown as Table<T, K>,
    keyOf,
    size,
    (rows) => {
      out.push(...rows);
    },
    stop,
  );
  return out;
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

/**
 * Work that waits for a paint: what a screen draws second (charts, long pickers, secondary cards)
 * follows the first frame, so it never holds up the paint of what the owner came to see.
 */
import { startTransition, useEffect, useState } from 'react';

/**
 * `value` as of the last painted frame: it follows one frame later, in a transition, so what
 * depends on it (the charts) never holds up the paint of what depends on `value` directly.
 */
export function useAfterPaint<T>(value: T): T | undefined {
  const [shown, setShown] = useState<T | undefined>(undefined);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setShown(value)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value]);
  return shown;
}

/**
 * False until the browser has painted once after `ready` and has a moment to spare: reads that
 * only fill secondary cards (content due, payouts owed) wait for it so they do not compete with
 * the first figures for the main thread and the database.
 */
export function useAfterFirstPaint(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!ready || after) return;
    let idle = 0;
    const frame = requestAnimationFrame(() => {
      idle = requestIdleCallback(() => setAfter(true), { timeout: 300 });
    });
    return () => {
      cancelAnimationFrame(frame);
      cancelIdleCallback(idle);
    };
  }, [ready, after]);
  return after;
}

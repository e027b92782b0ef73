import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * A function that keeps the same identity across renders but always calls the latest `fn`: for
 * handlers handed to memoized rows, so a parent's re-render (a read arriving elsewhere on the
 * screen) does not re-render every row. Call it from events only, not during render.
 */
export function useStableCallback<A extends unknown[], R>(
  fn: (...args: A) => R,
): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}

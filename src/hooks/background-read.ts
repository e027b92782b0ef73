/**
 * Background work that follows the stored data without holding up the owner: a job runs at once
 * for a new key, and after a change of the data (a new `version`) only once the owner has paused,
 * so the change shows on screen first and the owner's next edit does not wait behind its reads.
 * A newer run stops the one before (`stopped`). The jobs' own reads pace themselves on
 * writesDone (src/db/write-gate.ts) between chunks.
 */
import { useEffect, useRef, useState } from 'react';
import { saveErrorMessage } from '../db/errors';
import { whenOwnerIdle } from './owner-idle';

/**
 * After stored data change, background work starts again once the owner has paused this long: a
 * run's reads (counting 300,000 orders takes about 0.3 s) would hold up the owner's next edit.
 */
export const REDO_IDLE_MS = 800;

/**
 * How long the owner must stay on a screen without input before its whole-table background work
 * first starts (the same pause as after a change).
 */
export const SETTLE_MS = REDO_IDLE_MS;

/**
 * Run `job` in the background for `key`, again after every change of `version` (once the owner
 * pauses). Returns the last result for this key; while a later run goes, the last one stays.
 */
export function useBackgroundRead<K, T>(
  key: K,
  version: object | undefined,
  job: (key: K, stopped: () => boolean) => Promise<T>,
  /** False holds the work back (until what the screen shows first has been read). */
  ready = true,
  /** How long the owner must pause before a run after a change. */
  idleMs = REDO_IDLE_MS,
  /**
   * How long the owner must pause before the first run for a key (0: at once). Whole-table work
   * (a count, a sum over every order) waits so, so an owner passing through a screen on the way to
   * another does not leave a read behind that the next screen's reads queue after.
   */
  settleMs = 0,
): { key: K; value?: T; failed?: string; updating: boolean } | undefined {
  const [done, setDone] = useState<{ key: K; value?: T; failed?: string; of?: object }>();
  const lastKey = useRef<{ key: K } | null>(null);
  const run = useRef(job);
  run.current = job;
  useEffect(() => {
    if (!version || !ready) return;
    let stopped = false;
    const redo = lastKey.current !== null && lastKey.current.key === key;
    lastKey.current = { key };
    const abort = new AbortController();
    const start = () => {
      run
        .current(key, () => stopped)
        .then((value) => {
          if (!stopped) setDone({ key, value, of: version });
        })
        .catch((e: unknown) => {
          if (!stopped) setDone({ key, failed: saveErrorMessage(e), of: version });
        });
    };
    // A new query runs once the owner has settled (at once by default); a run after a change
    // waits for the owner to pause.
    const wait = redo ? idleMs : settleMs;
    if (wait > 0) void whenOwnerIdle(wait, abort.signal).then(start);
    else start();
    return () => {
      stopped = true;
      abort.abort();
    };
  }, [key, version, ready, idleMs, settleMs]);
  // `updating`: the data changed since this result; a new one is on its way.
  return done && done.key === key ? { ...done, updating: done.of !== version } : undefined;
}

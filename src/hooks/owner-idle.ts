/**
 * Waiting for the owner to pause. Background reads that take long (a whole-table count, a sum over
 * every order, the daily backup) hold up the owner's next edit in IndexedDB, which runs a write
 * after the reads begun before it: such work starts when the owner has not pressed, scrolled or
 * changed a field for a while, not between the steps of an edit.
 */
/** The owner at work: pressing keys or buttons, scrolling, or changing a field (typing, picking). */
const EVENTS = ['keydown', 'pointerdown', 'wheel', 'input', 'change'] as const;

/** Resolves once no input has reached the window for `ms`; never resolves once `signal` aborts. */
export function whenOwnerIdle(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return;
    let timer = setTimeout(done, ms);
    function poke() {
      clearTimeout(timer);
      timer = setTimeout(done, ms);
    }
    function stop() {
      clearTimeout(timer);
      for (const e of EVENTS) window.removeEventListener(e, poke, true);
      signal?.removeEventListener('abort', stop);
    }
    function done() {
      stop();
      resolve();
    }
    signal?.addEventListener('abort', stop);
    for (const e of EVENTS) window.addEventListener(e, poke, true);
  });
}

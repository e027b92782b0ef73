/**
 * Writes go first. Chromium's IndexedDB lets read-only transactions begun after a waiting
 * read-write one run before it, so a background job that keeps starting short reads (a chunked
 * walk of the orders, the payments) can hold an owner's edit back for as long as it runs: the
 * traces showed a one-order credit waiting a second behind the Sales screen's background walks.
 * This middleware counts the read-write transactions of this window that have not finished, and
 * background jobs wait for `writesDone()` before each of their reads.
 */
import type { DBCore, Middleware } from 'dexie';

/**
 * After the last write ends, background reads wait this much longer: the reads the write sets off
 * (the screen's live queries showing the change, and a run that stops the outdated background
 * run) go first.
 */
export const AFTER_WRITE_MS = 1000;

let open = 0;
let lastEnd = -Infinity;
let waiting: (() => void)[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;

const now = () => globalThis.performance?.now() ?? Date.now();

/** Wake the waiting readers once no write is open and the last one ended AFTER_WRITE_MS ago. */
function wakeWhenQuiet(): void {
  if (open > 0 || timer !== null || waiting.length === 0) return;
  const left = lastEnd + AFTER_WRITE_MS - now();
  if (left > 0) {
    timer = setTimeout(() => {
      timer = null;
      wakeWhenQuiet();
    }, left);
    return;
  }
  const wake = waiting;
  waiting = [];
  for (const w of wake) w();
}

function finished(): void {
  open -= 1;
  lastEnd = now();
  wakeWhenQuiet();
}

/**
 * Hold background reads back while a long job runs that this window's write count does not see
 * (an import writing from a worker): they would only be redone after each of its chunks, and
 * their work on this thread makes the progress stutter. Returns the release (safe to call twice).
 */
export function holdBackgroundReads(): () => void {
  open += 1;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    finished();
  };
}

/** How many read-write transactions of this window are still running (or waiting to run). */
export function writesOpen(): number {
  return open;
}

/**
 * Resolves once no read-write transaction of this window is running or waiting, and the last
 * ended AFTER_WRITE_MS ago: awaited by background reads between their chunks. Never call it
 * inside a transaction or a live query (an await of a foreign promise ends the one and stops the
 * other following the reads after it).
 */
export function writesDone(): Promise<void> {
  if (open === 0 && now() - lastEnd >= AFTER_WRITE_MS) return Promise.resolve();
  return new Promise((resolve) => {
    waiting.push(resolve);
    wakeWhenQuiet();
  });
}

/** Counts read-write transactions from their creation until they complete or abort. */
export const writeGateMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'WriteGate',
  level: -5,
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const trans = down.transaction(stores, mode, options);
        const events = trans as unknown as Partial<EventTarget>;
        if (mode === 'readwrite' && typeof events.addEventListener === 'function') {
          const end = holdBackgroundReads();
          events.addEventListener('complete', end);
          events.addEventListener('abort', end);
        }
        return trans;
      },
    };
  },
};

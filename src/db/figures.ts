/**
 * The figures base, read once and shared: the small tables every summary starts from (partners,
 * contracts, campaigns, bonuses, bonus rules, gift shipments) and every partner's rollup. The
 * Dashboard, Partners, Payouts, Compare and the reminders all begin with this same read (2,001
 * rollups and 2,000 partners at the large set, 0.3-0.5 s on disk); each used to make it again on
 * its first visit.
 *
 * One copy per database, kept while nothing it holds has changed. Dexie tells of every committed
 * change, in this window or another one (`storagemutated`): a change to one of these tables
 * (including the rollups, which its middleware writes with the rows they summarize) makes the copy
 * stale. While a screen shows it, it is read again at once and the screen follows, as a live query
 * would; while none does, it is dropped, and read again when it is next wanted or, with
 * keepWarm, once the owner has paused. It is never handed out stale to a screen that opens.
 *
 * (Dexie's own live-query cache cannot serve here: the rollups are written below its layer, so it
 * would not see them change within this window. src/db/db.ts keeps it off.)
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import type { PawtnersDb } from './db';
import { readFiguresBase, type FiguresBase } from './stats';
import { writesDone } from './write-gate';

export type { FiguresBase } from './stats';

/** The tables the copy is read from. */
export const FIGURE_TABLES = [
  'partners',
  'contracts',
  'campaigns',
  'bonuses',
  'bonusRules',
  'shipments',
  'partnerStats',
] as const;

export interface FiguresFeed {
  /** Calls `listener` whenever the copy is replaced; the first subscriber starts a read. */
  subscribe(listener: () => void): () => void;
  /** The copy, or undefined while it is being read. */
  snapshot(): FiguresBase | undefined;
  /** The last read's failure, if it failed (cleared by the next read). */
  error(): unknown;
  /** The figures: the copy when nothing changed since it was read, else a new read. */
  current(): Promise<FiguresBase>;
  /**
   * Keep the copy ready for the next screen: after a change while no screen shows it, read again
   * once `whenIdle` resolves (given an AbortSignal that aborts when another change comes first).
   */
  keepWarm(whenIdle: (signal: AbortSignal) => Promise<void>): () => void;
  /** How many times the tables were read (tests and the benchmark). */
  reads(): number;
}

const feeds = new WeakMap<PawtnersDb, FiguresFeed>();

/** The shared figures of `db`. */
export function figuresOf(db: PawtnersDb): FiguresFeed {
  let feed = feeds.get(db);
  if (!feed) {
    feed = createFeed(db);
    feeds.set(db, feed);
  }
  return feed;
}

/** Whether a change touches one of the figure tables of the database named `dbName`. */
export function touchesFigures(parts: ObservabilitySet, dbName: string): boolean {
  const prefix = `idb://${dbName}/`;
  return Object.keys(parts).some((key) => {
    if (!key.startsWith(prefix)) return false;
    const table = key.slice(prefix.length, key.indexOf('/', prefix.length));
    return (FIGURE_TABLES as readonly string[]).includes(table);
  });
}

function frozen(base: FiguresBase): FiguresBase {
  // Shared by every screen: nobody may sort or splice these arrays in place.
  for (const list of Object.values(base)) Object.freeze(list);
  return Object.freeze(base);
}

function createFeed(db: PawtnersDb): FiguresFeed {
  let value: FiguresBase | undefined;
  /** Whether `value` holds every change so far (a shown copy is kept, stale, until re-read). */
  let fresh = false;
  let failure: unknown;
  /** Bumped by every change; a read is current only if it began in the same generation. */
  let generation = 0;
  let inflight: { promise: Promise<FiguresBase> } | null = null;
  let readCount = 0;
  /** Callers of current() waiting for a read. */
  let waiters = 0;
  let warm: ((signal: AbortSignal) => Promise<void>) | null = null;
  let waiting: AbortController | null = null;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());

  const read = (): Promise<FiguresBase> => {
    // One read at a time: one that began before a change reads again when it ends, so a burst of
    // writes (an import's chunks) costs one read after another, never a pile of them.
    if (inflight) return inflight.promise;
    const began = generation;
    readCount++;
    const promise = readFiguresBase(db).then(
      (base): FiguresBase | Promise<FiguresBase> => {
        inflight = null;
        if (began !== generation) {
          // Changed while reading. Read again for whoever waits; a read ahead that nobody waits
          // for (keepWarm) waits for the next pause instead, so a long import's chunks never
          // keep it reading.
          if (listeners.size > 0 || waiters > 0) return read();
          scheduleWarm();
          return base;
        }
        value = frozen(base);
        fresh = true;
        failure = undefined;
        notify();
        return value;
      },
      (e: unknown) => {
        inflight = null;
        if (began === generation) {
          failure = e;
          notify();
        }
        throw e;
      },
    );
    inflight = { promise };
    return promise;
  };

  const readQuietly = () => void read().catch(() => undefined);

  const scheduleWarm = () => {
    waiting?.abort();
    waiting = null;
    if (!warm || fresh) return;
    const controller = new AbortController();
    waiting = controller;
    void warm(controller.signal)
      // Then no write of this window open, nor ended less than a second ago (an import between
      // two chunks): a read ahead never holds an edit back.
      .then(() => writesDone())
      .then(() => {
        if (controller.signal.aborted || fresh) return;
        readQuietly();
      });
  };

  const onChange = (parts: ObservabilitySet) => {
    if (!touchesFigures(parts, db.name)) return;
    generation++;
    fresh = false;
    if (listeners.size > 0) {
      // Screens show the copy: they keep it until the new read arrives, as live queries do.
      readQuietly();
    } else {
      value = undefined;
      scheduleWarm();
    }
  };
  Dexie.on('storagemutated', onChange);
  // Closed (a restore, another window's upgrade) and perhaps reopened: read afresh.
  db.on('close', () => {
    generation++;
    fresh = false;
    value = undefined;
  });

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!fresh) readQuietly();
      return () => {
        listeners.delete(listener);
      };
    },
    snapshot: () => value,
    error: () => failure,
    async current() {
      if (fresh && value) return value;
      waiters++;
      try {
        return await read();
      } finally {
        waiters--;
      }
    },
    keepWarm(whenIdle) {
      warm = whenIdle;
      scheduleWarm();
      return () => {
        warm = null;
        waiting?.abort();
        waiting = null;
      };
    },
    reads: () => readCount,
  };
}

/**
 * The Sales list without reading every order: the pages of the query that are on screen (200
 * orders each, newest first) are read live through the index, so an edit shows at once and only
 * those pages are read again; the totals (and with them the exact count) are summed in the
 * background in small chunks, so no read holds up the list for long.
 *
 * Measured on a persistent Chromium profile with 300,000 orders: the newest 200 through the index
 * 5 ms, one 2,000-order chunk about 40 ms; counting an index range is slow (2-5 s for the whole
 * range, as slow as reading it) while counting the table is about 0.4 s, so the whole list is
 * counted on the table and a filtered one by the totals run.
 */
import { useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import {
  countOrders,
  forEachOrder,
  listOrders,
  ordersChangeProbe,
  type OrderQuery,
} from '../../db/orders';
import { writesDone } from '../../db/write-gate';
import type { Order } from '../../domain/schemas';
import { shownOrder, usePending } from '../../store/pending';
import { REDO_IDLE_MS, SETTLE_MS, useBackgroundRead } from '../../hooks/background-read';
import { addToTotals, emptyTotals, type OrderTotals } from './order-filters';

/** Orders per page read. */
export const PAGE = 200;
/**
 * Orders per chunk when summing totals. Each chunk is its own short read: an edit made meanwhile
 * waits for at most one of them (about 25 ms on disk), not for the whole sum.
 */
const TOTALS_CHUNK = 500;
/** Pages kept around the visible ones (so scrolling back does not flash empty rows). */
const KEPT_PAGES = 6;
export { REDO_IDLE_MS, useBackgroundRead };

/** A new object after every write to orders (see ordersChangeProbe); undefined at first. */
export function useOrdersVersion(): object | undefined {
  return useLiveQuery(async () => {
    await ordersChangeProbe(getDb());
    return {};
  }, []);
}

async function sumOrders(q: OrderQuery, stopped: () => boolean): Promise<OrderTotals> {
  const totals = emptyTotals();
  await forEachOrder(
    getDb(),
    q,
    (rows) => addToTotals(totals, rows),
    TOTALS_CHUNK,
    stopped,
    writesDone,
  );
  return totals;
}

const everything = (q: OrderQuery) =>
  q.fromMs === undefined && q.toMs === undefined && q.partnerId === undefined && !q.keep;

/**
 * The rows of `q` for a virtual list: `rowAt(i)` is the i-th newest order once its page is read;
 * `show(first, last)` tells which rows are on screen. `count` is the exact count when known, else
 * what is known so far (the list grows as pages come in), undefined before the first page.
 */
export function useOrderList(q: OrderQuery) {
  const version = useOrdersVersion();
  const [asked, setAsked] = useState({ q, first: 0, last: 0 });
  // A new query starts at the top.
  const pages = asked.q === q ? asked : { q, first: 0, last: 0 };

  const read = useLiveQuery(
    async () => {
      const db = getDb();
      const out = new Map<number, Order[]>();
      for (let p = pages.first; p <= pages.last; p++)
        out.set(p, await listOrders(db, q, p * PAGE, PAGE));
      return { q, pages: out };
    },
    // The live query sees every change to the rows it read. Pages further down also skipped
    // rows, and a deletion there moves every later row up: `version` re-reads them after any
    // write. (Not the first page: it skips nothing, and an edit there shows sooner alone.)
    [q, pages.first > 0 ? version : undefined, pages.first, pages.last],
  );

  // The totals and the count wait for the first page, so their reads do not hold it up, and for
  // the owner to settle on the list (a count of 300,000 orders is one request that cannot be
  // stopped: begun by an owner passing through, the next screen's reads would queue behind it).
  const shown = read?.q === q;
  const totals = useBackgroundRead(q, version, sumOrders, shown, REDO_IDLE_MS, SETTLE_MS);
  // The whole list is counted on the table, far sooner than the totals run ends.
  const tableCount = useBackgroundRead(
    everything(q),
    version,
    (all) => (all ? countOrders(getDb()) : Promise.resolve(undefined)),
    shown,
    REDO_IDLE_MS,
    SETTLE_MS,
  );

  // Pages read for this query, each as last read; a few around the screen are kept.
  const kept = useRef<{ q: OrderQuery; pages: Map<number, Order[]> }>({ q, pages: new Map() });
  if (kept.current.q !== q) kept.current = { q, pages: new Map() };
  const fresh = read?.q === q ? read.pages : undefined;
  if (fresh) {
    for (const [p, rows] of fresh) kept.current.pages.set(p, rows);
    for (const p of kept.current.pages.keys())
      if (p < pages.first - KEPT_PAGES || p > pages.last + KEPT_PAGES) kept.current.pages.delete(p);
  }
  const store = kept.current.pages;

  const exact = (tableCount?.key === true ? tableCount.value : undefined) ?? totals?.value?.orders;
  // What the pages show: a short page is the end of the list; a full one, that many at least.
  let end: number | undefined;
  let atLeast = 0;
  for (const [p, rows] of fresh ?? store) {
    if (rows.length < PAGE) end = Math.min(end ?? Infinity, p * PAGE + rows.length);
    else atLeast = Math.max(atLeast, (p + 1) * PAGE);
  }
  let count: number | undefined;
  // Nothing is shown before the first page is read (no screen of empty rows).
  if (!fresh && store.size === 0) count = undefined;
  else if (end !== undefined) count = end;
  else if (exact !== undefined) count = Math.max(exact, atLeast);
  // Still counting: the rows read so far and one more page to scroll into.
  else count = atLeast + PAGE;

  const show = (first: number, last: number) => {
    const f = Math.max(0, Math.floor(first / PAGE));
    const l = Math.max(f, Math.floor(last / PAGE));
    if (pages.first !== f || pages.last !== l) setAsked({ q, first: f, last: l });
  };
  // An edit being stored shows at once (src/store/pending.ts).
  const pending = usePending((s) => s.orders);
  const rowAt = (i: number): Order | undefined => {
    const row = store.get(Math.floor(i / PAGE))?.[i % PAGE];
    return row && pending.size ? shownOrder(row, pending) : row;
  };

  return {
    /** Rows in the list; undefined until the first page is read. */
    count,
    /** Whether `count` is the number of matching orders (not a count still going on). */
    exact: end !== undefined || exact !== undefined,
    rowAt,
    show,
    /** The totals, or undefined while the first run for these filters goes on. */
    totals: totals?.value,
    totalsFailed: totals?.failed,
    /** The totals shown are from before the last change; new ones are being added up. */
    totalsUpdating: totals?.updating ?? false,
  };
}

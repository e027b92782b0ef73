/**
 * Big tables stored in pages. IndexedDB in Chromium pays a large fixed cost per stored record
 * (about 0.15 ms here, whatever its size), so the tables that grow with the business (orders,
 * content, payouts) keep up to `perPage` rows of one calendar month per record, with a small
 * index record per page listing its row ids so a row is found by id without reading the pages.
 * Writing 100,000 orders is then about 50 records instead of 100,000.
 *
 * Every method takes anything with Dexie's `table(name)` (the database or an upgrade
 * transaction) and opens no transaction itself: writers call it inside theirs (covering
 * `tables`), so their changes stay all-or-nothing with the rollups.
 */
import Dexie, { type Table } from 'dexie';
import { forEachChunk } from './chunks';
import { fromUtf8, parseRowsText, rowsText, utf8, type TextPart } from '../io/rows-text';

/** One page: rows of one month, in the table's order. */
export interface Page<T> {
  /** `YYYY-MM.NNNN` (generation 0) or `g<N>/YYYY-MM.NNNN`: the month, then the page's number. */
  key: string;
  rows: T[];
}

/**
 * A page as stored: its rows as backup text in UTF-8 (src/io/rows-text.ts), in a Blob. IndexedDB
 * keeps a Blob's bytes in a file of its own and a read returns only a handle, so a backup export
 * makes its file of the stored Blobs without their 200 MB ever passing through the window (reading
 * them as values ran at 40-50 MB/s here). Pages written by earlier versions hold `bytes` (the same
 * UTF-8 inline), `json` (the text as a string) or `rows` (objects) and are read as they are.
 */
export interface StoredPage<T> {
  key: string;
  blob?: Blob;
  bytes?: Uint8Array<ArrayBuffer>;
  json?: string;
  rows?: T[];
}

/** The ids of one page's rows, in the page's order, and their updatedAt. */
export interface PageIndexEntry {
  key: string;
  ids: string[];
  /** Each row's updatedAt, so imports can plan without reading pages (absent on old entries). */
  stamps?: number[];
}

/**
 * Which generation of pages is live. An import's safety snapshot keeps the previous generation
 * as it is and writes a new one, so a snapshot costs nothing however big the table.
 */
interface GenerationRecord {
  key: typeof GEN_KEY;
  gen: number;
  /** The next unused generation number (numbers are never reused). */
  next: number;
  /**
   * Bumped by every write to the live rows (absent: 0), so a write prepared earlier can tell
   * with one small read that nothing changed since (see commitPut).
   */
  rev?: number;
}

export interface TableSource {
  table(name: string): Table;
}

/** Pages per read request: a few thousand rows, some 50 ms of deserializing at most. */
const PAGES_PER_READ = 4;
/** Read requests kept in flight when copying page text (a few MB each). */
const READS_IN_FLIGHT = 4;

/** Page puts kept in flight while a write encodes the next pages. */
const PUTS_IN_FLIGHT = 3;

/** Resolves in a later task (a message, not a timer: nested timers are clamped to 4 ms). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Sorts after every page key ('0'-'9' for generation 0, 'g' for the others). */
const GEN_KEY = '~gen';
const prefixOf = (gen: number) => (gen === 0 ? '' : `g${gen}/`);
/** The keys of a generation's pages: [from, to). Generation 0 keys start with a year. */
const rangeOf = (gen: number): [string, string] =>
  gen === 0 ? ['0', ':'] : [prefixOf(gen), `${prefixOf(gen)}\uffff`];
const bare = (key: string) => key.slice(key.indexOf('/') + 1);
const monthOfKey = (key: string) => bare(key).slice(0, 7);
const pageNumber = (key: string) => Number(bare(key).slice(8));
const pageKey = (prefix: string, month: string, n: number) =>
  `${prefix}${month}.${String(n).padStart(4, '0')}`;

/**
 * Await non-IndexedDB work (reading Blobs) without letting the current transaction commit: like
 * Dexie.waitFor, small reads keep the transaction busy until the work is done, and the result is
 * handed over inside a request's callback, while the transaction is still active. Dexie.waitFor
 * itself loses a result when a second wait starts in the same transaction before the first's
 * result was handed over (it empties its queue), which concurrent page reads do.
 */
function waitInTransaction<R>(work: Promise<R>): Promise<R> {
  const trans = Dexie.currentTransaction;
  const idb = trans?.idbtrans;
  if (!trans || !idb) return Dexie.Promise.resolve(work);
  return new Dexie.Promise<R>((resolve, reject) => {
    let settled: { ok: true; value: R } | { ok: false; error: unknown } | null = null;
    work.then(
      (value) => (settled = { ok: true, value }),
      (error: unknown) => (settled = { ok: false, error }),
    );
    const store = idb.objectStore(trans.storeNames[0]!);
    const spin = () => {
      if (settled) {
        if (settled.ok) resolve(settled.value);
        else reject(settled.error);
        return;
      }
      try {
        const req = store.get(-Infinity);
        req.onsuccess = spin;
        req.onerror = () => reject(req.error);
      } catch (e) {
        reject(e);
      }
    };
    spin();
  });
}

export class PagedTable<T extends { id: string; updatedAt: number }> {
  /** The two object stores behind this table, for transaction scopes. */
  readonly tables: readonly [string, string];

  constructor(
    readonly pagesTable: string,
    readonly indexTable: string,
    /** The `YYYY-MM` a row is filed under. */
    readonly monthOf: (row: T) => string,
    /** The order of rows within a page (and so of every read). */
    readonly compare: (a: T, b: T) => number,
    readonly perPage = 2000,
  ) {
    this.tables = [pagesTable, indexTable];
  }

  private pages(s: TableSource) {
    return s.table(this.pagesTable) as Table<StoredPage<T>, string>;
  }

  /** A stored page's rows. */
  rowsOf(page: StoredPage<T>): Promise<T[]> {
    return this.rowsOfPages([page]).then((r) => r[0]!);
  }

  /**
   * The rows of stored pages (undefined for a missing one). A Dexie promise: inside a
   * transaction, reading the pages' Blobs is awaited with Dexie.waitFor, which keeps the
   * transaction alive meanwhile (any other wait would let IndexedDB commit it).
   */
  private rowsOfPages(pages: readonly (StoredPage<T> | undefined)[]): Promise<(T[] | undefined)[]> {
    const fromText = (p: StoredPage<T> | undefined, text: string | null): T[] | undefined => {
      if (!p) return undefined;
      if (text !== null) return parseRowsText<T>(text);
      if (p.bytes) return parseRowsText<T>(fromUtf8(p.bytes));
      return p.json !== undefined ? parseRowsText<T>(p.json) : (p.rows ?? []);
    };
    if (!pages.some((p) => p?.blob))
      return Dexie.Promise.resolve(pages.map((p) => fromText(p, null)));
    const texts = Promise.all(pages.map((p) => (p?.blob ? p.blob.text() : null)));
    return waitInTransaction(texts).then((t) => pages.map((p, i) => fromText(p, t[i]!)));
  }

  /** A page as it is stored. */
  encode(page: Page<T>): StoredPage<T> {
    return { key: page.key, blob: new Blob([utf8(rowsText(page.rows))]) };
  }

  private index(s: TableSource) {
    return s.table(this.indexTable) as Table<PageIndexEntry, string>;
  }

  // Dexie's own promise chains, not async functions: in a transaction, each extra layer of
  // native await risks losing the transaction's zone (then IndexedDB commits early).
  private genRecord(s: TableSource): Promise<GenerationRecord> {
    return this.index(s)
      .get(GEN_KEY)
      .then(
        (r) => (r as unknown as GenerationRecord | undefined) ?? { key: GEN_KEY, gen: 0, next: 1 },
      );
  }

  /** The generation holding the live rows. */
  generation(s: TableSource): Promise<number> {
    return this.genRecord(s).then((r) => r.gen);
  }

  /** Note a write to the live rows (see GenerationRecord.rev); inside the writing transaction. */
  private touch(s: TableSource): Promise<void> {
    return this.genRecord(s).then((r) =>
      this.index(s)
        .put({ ...r, rev: (r.rev ?? 0) + 1 } as unknown as PageIndexEntry)
        .then(() => undefined),
    );
  }

  private inGen<R>(table: Table<R, string>, gen: number) {
    const [from, to] = rangeOf(gen);
    return table.where(':id').between(from, to, true, false);
  }

  private indexEntry(key: string, rows: readonly T[]): PageIndexEntry {
    return { key, ids: rows.map((r) => r.id), stamps: rows.map((r) => r.updatedAt) };
  }

  /** How many rows are stored. */
  count(s: TableSource): Promise<number> {
    let n = 0;
    return this.generation(s).then((gen) =>
      this.inGen(this.index(s), gen)
        .each((e) => {
          n += e.ids.length;
        })
        .then(() => n),
    );
  }

  /** Calls `each` with every page's rows, oldest month first, a few pages per request. */
  forEachPage(s: TableSource, each: (rows: T[]) => void | Promise<void>): Promise<void> {
    // A promise only when `each` returned one: in a transaction an extra native await layer
    // around the reads let IndexedDB commit early (fake-indexeddb tests).
    const from = (pages: (T[] | undefined)[], i: number): void | Promise<void> => {
      for (; i < pages.length; i++) {
        const pending = each(pages[i]!);
        if (pending) return pending.then(() => from(pages, i + 1));
      }
    };
    return this.generation(s).then((gen) =>
      forEachChunk(
        this.pages(s),
        (p) => p.key,
        PAGES_PER_READ,
        (pages) => this.rowsOfPages(pages).then((rows) => from(rows, 0)),
        undefined,
        rangeOf(gen),
      ),
    );
  }

  /**
   * Calls `each` with every page's rows as backup text (see rowsText), as its UTF-8 where stored
   * so, oldest month first: a backup export copies it without decoding a row.
   */
  forEachPageText(s: TableSource, each: (text: TextPart) => void | Promise<void>): Promise<void> {
    const hand = (p: StoredPage<T>): void | Promise<void> => {
      const text = p.blob ?? p.bytes ?? p.json ?? (p.rows?.length ? rowsText(p.rows) : null);
      return text ? each(text) : undefined;
    };
    const from = (pages: (StoredPage<T> | undefined)[], i: number): void | Promise<void> => {
      for (; i < pages.length; i++) {
        const p = pages[i];
        const pending = p && hand(p);
        if (pending) return pending.then(() => from(pages, i + 1));
      }
    };
    // The page keys come from the small index, so several reads can be in flight at once: with
    // one at a time, the window waited on the database for a third of an export.
    return this.generation(s).then((gen) =>
      this.inGen(this.index(s), gen)
        .primaryKeys()
        .then((keys) => {
          const batches: string[][] = [];
          for (let i = 0; i < keys.length; i += PAGES_PER_READ)
            batches.push(keys.slice(i, i + PAGES_PER_READ));
          const reads: Promise<(StoredPage<T> | undefined)[]>[] = [];
          const start = (i: number) => {
            if (i < batches.length) reads[i] = this.pages(s).bulkGet(batches[i]!);
          };
          for (let i = 0; i < READS_IN_FLIGHT; i++) start(i);
          const step = (i: number): Promise<void> | undefined =>
            i >= batches.length
              ? undefined
              : reads[i]!.then((pages) => {
                  start(i + READS_IN_FLIGHT);
                  const pending = from(pages, 0);
                  return pending ? pending.then(() => step(i + 1)) : step(i + 1);
                });
          return step(0);
        }),
    );
  }

  /** Every stored row, oldest month first. */
  async all(s: TableSource): Promise<T[]> {
    const out: T[] = [];
    await this.forEachPage(s, (rows) => {
      for (const r of rows) out.push(r);
    });
    return out;
  }

  /** The stored rows that pass `keep`, oldest month first. */
  async find(s: TableSource, keep: (row: T) => boolean): Promise<T[]> {
    const out: T[] = [];
    await this.forEachPage(s, (rows) => {
      for (const r of rows) if (keep(r)) out.push(r);
    });
    return out;
  }

  /** Rows filed under these months (`YYYY-MM`, inclusive). */
  async inMonths(s: TableSource, from: string, to: string): Promise<T[]> {
    const p = prefixOf(await this.generation(s));
    const pages = await this.pages(s)
      .where(':id')
      .between(`${p}${from}.`, `${p}${to}.\uffff`, true, true)
      .toArray();
    return (await this.rowsOfPages(pages)).flatMap((rows) => rows!);
  }

  /**
   * Every stored row's updatedAt by id, from the page index (pages are read only for index
   * entries written before the index kept them).
   */
  async stamps(s: TableSource): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const old: string[] = [];
    const entries = await this.inGen(this.index(s), await this.generation(s)).toArray();
    for (const e of entries) {
      if (!e.stamps) {
        old.push(e.key);
        continue;
      }
      for (let i = 0; i < e.ids.length; i++) out.set(e.ids[i]!, e.stamps[i]!);
    }
    if (old.length)
      for (const rows of await this.rowsOfPages(await this.pages(s).bulkGet(old)))
        for (const r of rows ?? []) out.set(r.id, r.updatedAt);
    return out;
  }

  /**
   * Where the rows in `wanted` are, how full each page is and each month's last page, from an
   * index read. Only the wanted ids are mapped: a big import's rows are few of the 300,000 stored.
   */
  private layout(snap: IndexSnapshot, wanted: (id: string) => boolean) {
    const pageOf = new Map<string, string>();
    const sizes = new Map<string, number>();
    const lastPage = new Map<string, number>();
    for (const e of snap.entries) {
      for (const id of e.ids) if (wanted(id)) pageOf.set(id, e.key);
      sizes.set(e.key, e.ids.length);
      const month = monthOfKey(e.key);
      lastPage.set(month, Math.max(lastPage.get(month) ?? -1, pageNumber(e.key)));
    }
    return { pageOf, sizes, lastPage, prefix: prefixOf(snap.gen) };
  }

  /** The stored versions of these rows (undefined where none), like Dexie's bulkGet. */
  async getMany(s: TableSource, ids: readonly string[]): Promise<(T | undefined)[]> {
    if (ids.length === 0) return [];
    return this.getManyIn(s, await this.snapshot(s), ids);
  }

  async get(s: TableSource, id: string): Promise<T | undefined> {
    return (await this.getMany(s, [id]))[0];
  }

  /**
   * Put rows (insert or replace by id) and delete ids, rewriting only the pages they touch.
   * Returns the stored versions before the write: those of `put` first, then of `deleteIds`
   * (undefined where there was none). Validation is the caller's job.
   */
  async put(
    s: TableSource,
    put: readonly T[],
    deleteIds: readonly string[] = [],
  ): Promise<(T | undefined)[]> {
    if (put.length === 0 && deleteIds.length === 0) return [];
    const prep = await this.preparePut(s, await this.snapshot(s), put, deleteIds);
    await this.writePrepared(s, prep);
    return prep.before;
  }

  /** Delete every live row (the generations kept by safety snapshots stay). */
  clear(s: TableSource): Promise<void> {
    return this.generation(s)
      .then((gen) => this.dropGeneration(s, gen))
      .then(() => this.touch(s));
  }

  private dropGeneration(s: TableSource, gen: number): Promise<void> {
    return this.inGen(this.pages(s), gen)
      .delete()
      .then(() => this.inGen(this.index(s), gen).delete())
      .then(() => undefined);
  }

  /** The pages for a set of rows (ids unique), as they would be stored from empty. */
  paginate(rows: readonly T[], prefix = ''): Page<T>[] {
    const byMonth = new Map<string, T[]>();
    for (const r of rows) {
      const m = this.monthOf(r);
      const list = byMonth.get(m);
      if (list) list.push(r);
      else byMonth.set(m, [r]);
    }
    const pages: Page<T>[] = [];
    for (const [month, list] of byMonth) {
      list.sort(this.compare);
      for (let i = 0; i * this.perPage < list.length; i++)
        pages.push({
          key: pageKey(prefix, month, i),
          rows: list.slice(i * this.perPage, (i + 1) * this.perPage),
        });
    }
    return pages;
  }

  /** Replace every live row with these (ids unique): the fast path for restores. */
  async replaceAll(s: TableSource, rows: readonly T[]): Promise<void> {
    await this.clear(s);
    const pages = this.paginate(rows, prefixOf(await this.generation(s)));
    // A few pages' text at a time: IndexedDB copies a value when it is put, so the text of the
    // whole table never has to be in memory at once.
    for (let i = 0; i < pages.length; i += PAGES_PER_READ)
      await this.pages(s).bulkPut(pages.slice(i, i + PAGES_PER_READ).map((p) => this.encode(p)));
    await this.index(s).bulkPut(pages.map((p) => this.indexEntry(p.key, p.rows)));
  }

  // --- Generations: safety snapshots without copying ----------------------------------------

  /**
   * Keep the live rows aside, untouched, and start an empty live generation; returns the kept
   * generation's number for {@link restoreGeneration} or {@link dropKept}. With `copy`, the new
   * generation starts as a copy of the kept one (page records copied as they are).
   */
  async keepAside(s: TableSource, opts: { copy: boolean }): Promise<number> {
    const r = await this.genRecord(s);
    const next: GenerationRecord = {
      key: GEN_KEY,
      gen: r.next,
      next: r.next + 1,
      rev: (r.rev ?? 0) + 1,
    };
    await this.index(s).put(next as unknown as PageIndexEntry);
    if (opts.copy) {
      const rekey = <R extends { key: string }>(x: R): R => ({
        ...x,
        key: prefixOf(next.gen) + bare(x.key),
      });
      const range = rangeOf(r.gen);
      await forEachChunk(
        this.pages(s),
        (p) => p.key,
        PAGES_PER_READ,
        (pages) => this.pages(s).bulkPut(pages.map(rekey)) as Promise<unknown> as Promise<void>,
        undefined,
        range,
      );
      // The index is small: one request each way.
      const entries = await this.inGen(this.index(s), r.gen).toArray();
      await this.index(s).bulkPut(entries.map(rekey));
    }
    return r.gen;
  }

  /** Make a kept generation live again; the live rows are deleted. */
  async restoreGeneration(s: TableSource, gen: number): Promise<void> {
    const r = await this.genRecord(s);
    if (gen === r.gen) return;
    await this.dropGeneration(s, r.gen);
    await this.index(s).put({ ...r, gen, rev: (r.rev ?? 0) + 1 } as unknown as PageIndexEntry);
  }

  /** Delete a kept generation (never the live one). */
  async dropKept(s: TableSource, gen: number): Promise<void> {
    if (gen === (await this.generation(s))) return;
    await this.dropGeneration(s, gen);
  }

  // --- A preview and its write on one index read (order imports) ------------------------------

  /**
   * The live generation's page index as it is now. Call it in a read transaction covering
   * `tables`, so the generation and its entries are read together.
   */
  snapshot(s: TableSource): Promise<IndexSnapshot> {
    return this.genRecord(s).then(({ gen, rev }) =>
      this.inGen(this.index(s), gen)
        .toArray()
        .then((entries) => ({ gen, rev: rev ?? 0, entries })),
    );
  }

  /** Like getMany, finding the rows' pages in a snapshot of the index instead of reading it. */
  async getManyIn(
    s: TableSource,
    snap: IndexSnapshot,
    ids: readonly string[],
  ): Promise<(T | undefined)[]> {
    if (ids.length === 0) return [];
    const wanted = new Set(ids);
    const keys = snap.entries.filter((e) => e.ids.some((id) => wanted.has(id))).map((e) => e.key);
    const byId = new Map<string, T>();
    for (const rows of await this.rowsOfPages(await this.pages(s).bulkGet(keys)))
      for (const r of rows ?? []) if (wanted.has(r.id)) byId.set(r.id, r);
    return ids.map((id) => byId.get(id));
  }

  /**
   * What `put` would write, worked out against a snapshot of the index without writing: the
   * pages the rows go to are read (outside any write transaction, e.g. while the owner looks at
   * a preview) and merged. {@link commitPut} writes it if the index is still the snapshot.
   */
  async preparePut(
    s: TableSource,
    snap: IndexSnapshot,
    put: readonly T[],
    deleteIds: readonly string[] = [],
  ): Promise<PreparedPut<T>> {
    const incoming = new Map<string, T>();
    for (const r of put) incoming.set(r.id, r);
    const deleting = new Set(deleteIds.filter((id) => !incoming.has(id)));
    const { pageOf, sizes, lastPage, prefix } = this.layout(
      snap,
      (id) => incoming.has(id) || deleting.has(id),
    );
    const { target, touched } = this.placeRows(incoming, deleting, pageOf, sizes, lastPage, prefix);
    const keys = [...touched];
    const loaded = await this.rowsOfPages(await this.pages(s).bulkGet(keys));
    const pages = new Map<string, T[]>();
    const stored = new Map<string, T>();
    keys.forEach((k, i) => {
      const rows = loaded[i] ?? [];
      for (const r of rows) stored.set(r.id, r);
      pages.set(
        k,
        rows.filter((r) => !incoming.has(r.id) && !deleting.has(r.id)),
      );
    });
    for (const [id, r] of incoming) pages.get(target.get(id)!)!.push(r);
    // Encoded later (encodeAhead, or in the write while the database stores the pages before).
    const writePages: PreparedPage<T>[] = [];
    const writeIndex: PageIndexEntry[] = [];
    const drop: string[] = [];
    for (const [key, rows] of pages) {
      if (rows.length === 0) {
        drop.push(key);
        continue;
      }
      rows.sort(this.compare);
      writePages.push({ key, rows, stored: null });
      writeIndex.push(this.indexEntry(key, rows));
    }
    return {
      snapshot: snap,
      writePages,
      writeIndex,
      drop,
      before: [...put.map((r) => stored.get(r.id)), ...deleteIds.map((id) => stored.get(id))],
    };
  }

  /**
   * Write a prepared put in the caller's write transaction, if no write to the live rows came
   * after the snapshot it was prepared on (same generation and revision), so every page it
   * rewrites still holds what was read. Resolves to the stored versions before the write (as
   * `put` does), or to null, having written nothing, when anything changed since.
   */
  commitPut(s: TableSource, prep: PreparedPut<T>): Promise<(T | undefined)[] | null> {
    const { snapshot } = prep;
    return this.genRecord(s).then((r) =>
      r.gen !== snapshot.gen || (r.rev ?? 0) !== snapshot.rev
        ? null
        : this.writePrepared(s, prep).then(() => prep.before),
    );
  }

  private writePrepared(s: TableSource, prep: PreparedPut<T>): Promise<void> {
    const { writeIndex, drop } = prep;
    if (!drop.length && !prep.writePages.length) return Dexie.Promise.resolve();
    return this.pages(s)
      .bulkDelete(drop)
      .then(() => this.index(s).bulkDelete(drop))
      .then(() => this.putPages(s, prep.writePages))
      .then(() => this.index(s).bulkPut(writeIndex))
      .then(() => this.touch(s));
  }

  /** A prepared page as stored, encoding it now if {@link encodeAhead} has not yet. */
  private storedPage(p: PreparedPage<T>): StoredPage<T> {
    p.stored ??= this.encode(p);
    return p.stored;
  }

  /**
   * Put prepared pages, encoding those not encoded yet as it goes, with a few puts in flight: the
   * database stores one page while the next is encoded (for a big import the two take about as
   * long, so this nearly halves the write).
   */
  private putPages(s: TableSource, pages: readonly PreparedPage<T>[]): Promise<void> {
    return new Dexie.Promise<void>((resolve, reject) => {
      let next = 0;
      let inFlight = 0;
      const pump = () => {
        if (next >= pages.length && inFlight === 0) return resolve();
        while (inFlight < PUTS_IN_FLIGHT && next < pages.length) {
          inFlight += 1;
          this.pages(s)
            .put(this.storedPage(pages[next++]!))
            .then(() => {
              inFlight -= 1;
              pump();
            }, reject);
        }
      };
      pump();
    });
  }

  /**
   * Encode a prepared put's pages ahead of its write, one page per task so the thread stays
   * responsive (an order import does this while the owner reads the preview). Stops when every
   * page is encoded, whether here or by the write.
   */
  async encodeAhead(prep: PreparedPut<T>): Promise<void> {
    for (const p of prep.writePages) {
      if (p.stored) continue;
      await nextTask();
      this.storedPage(p);
    }
  }

  /**
   * Which page each incoming row goes to: its own page when its month did not change, otherwise
   * the last page of its month with room, or a new one. And every page the write touches.
   * `lastPage` is updated with the pages it starts.
   */
  private placeRows(
    incoming: ReadonlyMap<string, T>,
    deleting: ReadonlySet<string>,
    pageOf: ReadonlyMap<string, string>,
    sizes: ReadonlyMap<string, number>,
    lastPage: Map<string, number>,
    prefix: string,
  ): { target: Map<string, string>; touched: Set<string> } {
    const target = new Map<string, string>();
    const room = new Map<string, number>(sizes);
    for (const [id, r] of incoming) {
      const cur = pageOf.get(id);
      const month = this.monthOf(r);
      if (cur !== undefined && monthOfKey(cur) === month) {
        target.set(id, cur);
        continue;
      }
      if (cur !== undefined) room.set(cur, room.get(cur)! - 1);
      let n = lastPage.get(month) ?? -1;
      let key = n >= 0 ? pageKey(prefix, month, n) : '';
      if (n < 0 || room.get(key)! >= this.perPage) {
        n += 1;
        key = pageKey(prefix, month, n);
        lastPage.set(month, n);
        room.set(key, 0);
      }
      room.set(key, room.get(key)! + 1);
      target.set(id, key);
    }
    const touched = new Set<string>(target.values());
    for (const id of [...incoming.keys(), ...deleting]) {
      const cur = pageOf.get(id);
      if (cur !== undefined) touched.add(cur);
    }
    return { target, touched };
  }
}

/** A page index as read at one moment (see PagedTable.snapshot). */
export interface IndexSnapshot {
  gen: number;
  /** The live rows' revision when read (see GenerationRecord.rev). */
  rev: number;
  entries: PageIndexEntry[];
}

/** A page a prepared put rewrites: its rows, and the page as stored once encoded. */
export interface PreparedPage<T> extends Page<T> {
  stored: StoredPage<T> | null;
}

/** A put worked out but not written (see PagedTable.preparePut). */
export interface PreparedPut<T> {
  snapshot: IndexSnapshot;
  /** The pages the put rewrites, and their index entries. */
  writePages: PreparedPage<T>[];
  writeIndex: PageIndexEntry[];
  /** The pages it empties. */
  drop: string[];
  /** The stored versions of the put rows, then of the deleted ids, when prepared. */
  before: (T | undefined)[];
}

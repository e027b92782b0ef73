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
import type { Table } from 'dexie';
import { forEachChunk } from './chunks';

/** One stored page: rows of one month, in the table's order. */
export interface Page<T> {
  /** `YYYY-MM.NNNN`: the month, then the page's number within it. */
  key: string;
  rows: T[];
}

/** The ids of one page's rows, in the page's order. */
export interface PageIndexEntry {
  key: string;
  ids: string[];
}

export interface TableSource {
  table(name: string): Table;
}

/** Pages per read request: a few thousand rows, some 50 ms of deserializing at most. */
const PAGES_PER_READ = 4;

const monthOfKey = (key: string) => key.slice(0, 7);
const pageKey = (month: string, n: number) => `${month}.${String(n).padStart(4, '0')}`;

export class PagedTable<T extends { id: string }> {
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
    return s.table(this.pagesTable) as Table<Page<T>, string>;
  }

  private index(s: TableSource) {
    return s.table(this.indexTable) as Table<PageIndexEntry, string>;
  }

  /** How many rows are stored. */
  async count(s: TableSource): Promise<number> {
    let n = 0;
    await this.index(s).each((e) => {
      n += e.ids.length;
    });
    return n;
  }

  /** Calls `each` with every page's rows, oldest month first, a few pages per request. */
  forEachPage(s: TableSource, each: (rows: T[]) => void | Promise<void>): Promise<void> {
    // Not an async function, and a promise only when `each` returned one: in a transaction an
    // extra native await layer around the reads let IndexedDB commit early (fake-indexeddb tests).
    const from = (pages: Page<T>[], i: number): void | Promise<void> => {
      for (; i < pages.length; i++) {
        const pending = each(pages[i]!.rows);
        if (pending) return pending.then(() => from(pages, i + 1));
      }
    };
    return forEachChunk(
      this.pages(s),
      (p) => p.key,
      PAGES_PER_READ,
      (pages) => from(pages, 0),
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
    const pages = await this.pages(s)
      .where(':id')
      .between(`${from}.`, `${to}.\uffff`, true, true)
      .toArray();
    return pages.flatMap((p) => p.rows);
  }

  private async readIndex(s: TableSource) {
    const entries = await this.index(s).toArray();
    const pageOf = new Map<string, string>();
    const sizes = new Map<string, number>();
    const lastPage = new Map<string, number>();
    for (const e of entries) {
      for (const id of e.ids) pageOf.set(id, e.key);
      sizes.set(e.key, e.ids.length);
      const month = monthOfKey(e.key);
      lastPage.set(month, Math.max(lastPage.get(month) ?? -1, Number(e.key.slice(8))));
    }
    return { pageOf, sizes, lastPage };
  }

  /** The stored versions of these rows (undefined where none), like Dexie's bulkGet. */
  async getMany(s: TableSource, ids: readonly string[]): Promise<(T | undefined)[]> {
    if (ids.length === 0) return [];
    const { pageOf } = await this.readIndex(s);
    const keys = [...new Set(ids.map((id) => pageOf.get(id)).filter((k) => k !== undefined))];
    const byId = new Map<string, T>();
    for (const p of await this.pages(s).bulkGet(keys))
      if (p) for (const r of p.rows) byId.set(r.id, r);
    return ids.map((id) => byId.get(id));
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
    const { pageOf, sizes, lastPage } = await this.readIndex(s);
    const incoming = new Map<string, T>();
    for (const r of put) incoming.set(r.id, r);
    const deleting = new Set(deleteIds.filter((id) => !incoming.has(id)));

    // Which page each incoming row goes to: its own page when its month did not change,
    // otherwise the last page of its month with room, or a new one.
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
      let key = n >= 0 ? pageKey(month, n) : '';
      if (n < 0 || room.get(key)! >= this.perPage) {
        n += 1;
        key = pageKey(month, n);
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
    const keys = [...touched];
    const loaded = await this.pages(s).bulkGet(keys);
    const pages = new Map<string, T[]>();
    const stored = new Map<string, T>();
    keys.forEach((k, i) => {
      const rows = loaded[i]?.rows ?? [];
      for (const r of rows) stored.set(r.id, r);
      pages.set(
        k,
        rows.filter((r) => !incoming.has(r.id) && !deleting.has(r.id)),
      );
    });
    for (const [id, r] of incoming) pages.get(target.get(id)!)!.push(r);

    const writePages: Page<T>[] = [];
    const writeIndex: PageIndexEntry[] = [];
    const drop: string[] = [];
    for (const [key, rows] of pages) {
      if (rows.length === 0) {
        drop.push(key);
        continue;
      }
      rows.sort(this.compare);
      writePages.push({ key, rows });
      writeIndex.push({ key, ids: rows.map((r) => r.id) });
    }
    if (drop.length) {
      await this.pages(s).bulkDelete(drop);
      await this.index(s).bulkDelete(drop);
    }
    if (writePages.length) {
      await this.pages(s).bulkPut(writePages);
      await this.index(s).bulkPut(writeIndex);
    }
    return [...put.map((r) => stored.get(r.id)), ...deleteIds.map((id) => stored.get(id))];
  }

  /** Delete every row. */
  async clear(s: TableSource): Promise<void> {
    await this.pages(s).clear();
    await this.index(s).clear();
  }

  /** The pages for a set of rows (ids unique), as they would be stored from empty. */
  paginate(rows: readonly T[]): Page<T>[] {
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
          key: pageKey(month, i),
          rows: list.slice(i * this.perPage, (i + 1) * this.perPage),
        });
    }
    return pages;
  }

  /** Replace every stored row with these (ids unique): the fast path for restores. */
  async replaceAll(s: TableSource, rows: readonly T[]): Promise<void> {
    await this.clear(s);
    const pages = this.paginate(rows);
    await this.pages(s).bulkPut(pages);
    await this.index(s).bulkPut(pages.map((p) => ({ key: p.key, ids: p.rows.map((r) => r.id) })));
  }
}

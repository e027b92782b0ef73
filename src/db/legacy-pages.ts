/**
 * Reading the month pages of schema versions 3 and 4 (orders, content items and payouts kept as
 * pages of up to 2,000 rows), once, in the upgrade to version 5. Only the live generation is read:
 * older generations belonged to safety snapshots, which version 5 replaces with its undo log.
 */
import Dexie, { type Transaction } from 'dexie';
import type { ContentItem, Order, Payout } from '../domain/schemas';

export const LEGACY_PAGE_STORES = [
  'orderPages',
  'orderIndex',
  'contentPages',
  'contentIndex',
  'payoutPages',
  'payoutIndex',
] as const;

/** A page as versions 3 and 4 stored it: its rows in one of four forms. */
interface LegacyPage {
  key: string;
  blob?: Blob;
  bytes?: Uint8Array;
  json?: string;
  rows?: unknown[];
}

const GEN_KEY = '~gen';
/** Page keys of a generation: gen 0 keys start with a digit, gen N with `gN/`. */
const inGeneration = (key: string, gen: number) =>
  gen === 0 ? /^[0-9]/.test(key) : key.startsWith(`g${gen}/`);

/** Rows as pages held them: JSON records joined by commas (backup text). */
const parseRows = (text: string): unknown[] =>
  text.trim() === '' ? [] : (JSON.parse(`[${text}]`) as unknown[]);

export interface LegacyRows {
  orders: Order[];
  contentItems: ContentItem[];
  payouts: Payout[];
}

/** The live rows of every paged table (empty where the stores do not exist). */
export async function readLegacyPages(tx: Transaction): Promise<LegacyRows> {
  // The upgrade transaction's own list holds the new schema's stores; IndexedDB's holds all.
  const names = new Set(Array.from((tx.idbtrans as IDBTransaction).objectStoreNames));
  const read = async (pagesStore: string, indexStore: string) => {
    if (!names.has(pagesStore)) return [];
    const genRecord = names.has(indexStore)
      ? ((await tx.table(indexStore).get(GEN_KEY)) as { gen?: number } | undefined)
      : undefined;
    const gen = genRecord?.gen ?? 0;
    const pages = ((await tx.table(pagesStore).toArray()) as LegacyPage[])
      .filter((p) => inGeneration(p.key, gen))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    // Blob text is read in one wait that keeps the upgrade transaction alive.
    const blobs = pages.map((p) => p.blob ?? null);
    const texts = blobs.some((b) => b)
      ? await Dexie.waitFor(Promise.all(blobs.map((b) => (b ? b.text() : null))))
      : blobs.map(() => null);
    const decoder = new TextDecoder();
    return pages.flatMap((p, i) => {
      const text = texts[i];
      if (text !== null && text !== undefined) return parseRows(text);
      if (p.bytes) return parseRows(decoder.decode(p.bytes));
      if (p.json !== undefined) return parseRows(p.json);
      return p.rows ?? [];
    });
  };
  return {
    orders: (await read('orderPages', 'orderIndex')) as Order[],
    contentItems: (await read('contentPages', 'contentIndex')) as ContentItem[],
    payouts: (await read('payoutPages', 'payoutIndex')) as Payout[],
  };
}

import Dexie, { type EntityTable } from 'dexie';
import { buildAllStats, type PartnerStats } from '../domain/stats';
import { buildPaidBuckets, type PaidBucket } from '../domain/payout-sums';
import { defaultSettings, SETTINGS_ID } from '../domain/constants';
import { SYNCED_TABLE_NAMES } from '../domain/schemas';
import type {
  Bonus,
  BonusRule,
  BrandFollowerCount,
  Campaign,
  ContentItem,
  Contract,
  Order,
  Partner,
  Payout,
  Pet,
  Product,
  Settings,
  Shipment,
} from '../domain/schemas';
import { deferRollups, finishRollups, rollupsMiddleware } from './rollups';
import { statsCodecMiddleware } from './stats-codec';
import { traceMiddleware } from './trace';
import { writeGateMiddleware } from './write-gate';
import { deletionsMiddleware, type Deletion } from './deletions';
import { readLegacyPages, LEGACY_PAGE_STORES } from './legacy-pages';
import type { UndoEntry, UndoRecord } from './undo';

export const DB_NAME = 'pawtners';

/** Schema version 1 (released first; never edit it). */
export const SCHEMA_V1 = {
  settings: 'id',
  partners: 'id, kind, status, name, updatedAt, *codes, *tags, referralSlug',
  contracts: 'id, partnerId, startDate',
  campaigns: 'id, startDate',
  contentItems: 'id, partnerId, campaignId, plannedDate, status',
  orders: 'id, placedAtMs, partnerId, status, source, customerKey, *codes',
  payouts: 'id, partnerId, paidDate',
  bonuses: 'id, partnerId, date',
  bonusRules: 'id',
  brandFollowers: 'id, [platform+month]',
  snapshots: 'id, createdAt',
} as const;

/**
 * Version 5: orders, content items and payouts are ordinary tables again, one record per row,
 * indexed for the queries the screens make; deletions are recorded; imports keep an undo log.
 */
export const SCHEMA_V5 = {
  // Only the indexes a screen queries by: every index is written with every row (an index on
  // updatedAt cost a tenth of a 100,000-order import and answered no query).
  orders: 'id, [partnerId+placedAtMs], placedAtMs, customerKey, *codes',
  contentItems: 'id, [partnerId+plannedDate], plannedDate, campaignId',
  payouts: 'id, [partnerId+paidDate], paidDate, periodEnd',
  deletions: 'id, updatedAt',
  undoLog: 'id, createdAt',
  undoRows: 'id, undoId',
  snapshots: null,
  startupCopies: null,
  ...Object.fromEntries(LEGACY_PAGE_STORES.map((s) => [s, null])),
} as const;

/**
 * Version 6: orders by currency and day (the Dashboard's totals per currency when orders in
 * another currency are kept apart) and content items by title (the command palette).
 */
export const SCHEMA_V6 = {
  orders: 'id, [partnerId+placedAtMs], placedAtMs, customerKey, *codes, [currency+placedAtMs]',
  contentItems: 'id, [partnerId+plannedDate], plannedDate, campaignId, title',
} as const;

/** Version 7: product seeding (products, gift shipments to partners) and partners' pets. */
export const SCHEMA_V7 = {
  products: 'id, sku',
  shipments: 'id, partnerId, date',
  pets: 'id, partnerId, species',
} as const;

/** Version 8: content items also indexed by the end of their usage rights (issue 21). */
export const SCHEMA_V8 = {
  contentItems: 'id, [partnerId+plannedDate], plannedDate, campaignId, title, usageRights.until',
} as const;

/**
 * Version 9: orders converted from another currency at import, by the file's currency and day
 * (issue 22: Compare and the Dashboard say which figures include converted orders and at what
 * rate). Orders without `fx` are not in the index, so it costs nothing for them.
 */
export const SCHEMA_V9 = {
  orders:
    'id, [partnerId+placedAtMs], placedAtMs, customerKey, *codes, [currency+placedAtMs], [fx.from+placedAtMs]',
} as const;

/**
 * Version 10: what was paid, summed per period end date (derived, kept by src/db/rollups.ts,
 * never synced or backed up: src/domain/payout-sums.ts). Built by the upgrade from the payments.
 */
export const SCHEMA_V10 = {
  payoutSums: 'periodEnd',
} as const;

/**
 * The Dexie database. Version history is append-only: never edit a released `version(n)`'s
 * stores, add `version(n + 1)` with an `upgrade()` and a test that seeds the old version.
 *
 * Synced tables (everything in DATA_TABLES) follow Dexie Cloud's conventions: app-generated string
 * ids, `updatedAt` on every row, deletions recorded in `deletions` (src/db/deletions.ts), no
 * upgrade that rewrites their rows. `partnerStats` is derived (src/db/rollups.ts) and never synced
 * or backed up; `undoLog`/`undoRows` are local (src/db/undo.ts).
 */
export class PawtnersDb extends Dexie {
  settings!: EntityTable<Settings, 'id'>;
  partners!: EntityTable<Partner, 'id'>;
  contracts!: EntityTable<Contract, 'id'>;
  campaigns!: EntityTable<Campaign, 'id'>;
  contentItems!: EntityTable<ContentItem, 'id'>;
  orders!: EntityTable<Order, 'id'>;
  payouts!: EntityTable<Payout, 'id'>;
  bonuses!: EntityTable<Bonus, 'id'>;
  bonusRules!: EntityTable<BonusRule, 'id'>;
  brandFollowers!: EntityTable<BrandFollowerCount, 'id'>;
  products!: EntityTable<Product, 'id'>;
  shipments!: EntityTable<Shipment, 'id'>;
  pets!: EntityTable<Pet, 'id'>;
  deletions!: EntityTable<Deletion, 'id'>;
  partnerStats!: EntityTable<PartnerStats, 'partnerId'>;
  payoutSums!: EntityTable<PaidBucket, 'periodEnd'>;
  undoLog!: EntityTable<UndoRecord, 'id'>;
  undoRows!: EntityTable<UndoEntry, 'id'>;

  constructor(name = DB_NAME) {
    // No shared query cache: with it, Dexie deep-clones every live-query result on each read, and
    // it would not see the rollups change (they are written below its layer). The figures every
    // summary screen shares are kept by src/db/figures.ts instead.
    super(name, { cache: 'disabled' });
    this.version(1).stores(SCHEMA_V1);
    // v2: per-partner rollups (derived data, never in backups). Built by v5's upgrade.
    this.version(2).stores({ partnerStats: 'partnerId' });
    // v3 (released): orders, content items and payouts moved into month pages. The upgrade
    // writes them as plain `{ key, rows }` pages, a form every later reader understands.
    this.version(3)
      .stores({
        orders: null,
        contentItems: null,
        payouts: null,
        orderPages: 'key',
        orderIndex: 'key',
        contentPages: 'key',
        contentIndex: 'key',
        payoutPages: 'key',
        payoutIndex: 'key',
      })
      .upgrade(async (tx) => {
        const pairs = [
          ['orders', 'orderPages'],
          ['contentItems', 'contentPages'],
          ['payouts', 'payoutPages'],
        ] as const;
        for (const [from, to] of pairs) {
          const rows = (await tx.table(from).toArray()) as { id: string }[];
          if (rows.length) await tx.table(to).put({ key: '0000-00.0000', rows });
        }
      });
    // v4 (released): one-record start-up copies of partners, contracts and rollups.
    this.version(4).stores({ startupCopies: 'id' });
    // v5: back to one row per record, with indexes (see SCHEMA_V5). The pages are read once here.
    this.version(5)
      .stores(SCHEMA_V5)
      .upgrade(async (tx) => {
        const legacy = await readLegacyPages(tx);
        deferRollups(tx);
        for (const t of ['orders', 'contentItems', 'payouts'] as const) {
          const rows = legacy[t];
          for (let i = 0; i < rows.length; i += 5000)
            await tx.table(t).bulkPut(rows.slice(i, i + 5000));
        }
        await finishRollups({ discard: true }, tx);
        const settings = (await tx.table('settings').get(SETTINGS_ID)) as Settings | undefined;
        const stats = buildAllStats(
          (await tx.table('partners').toCollection().primaryKeys()) as string[],
          legacy.orders,
          legacy.contentItems,
          (await tx.table('contracts').toArray()) as Contract[],
          settings?.timeZone ?? defaultSettings(0).timeZone,
        );
        await tx.table('partnerStats').clear();
        await tx.table('partnerStats').bulkPut(stats);
      });
    // v6: two more indexes (see SCHEMA_V6); IndexedDB builds them from the stored rows.
    this.version(6).stores(SCHEMA_V6);
    // v7: new tables only (no rows rewritten).
    this.version(7).stores(SCHEMA_V7);
    // v8: a post's usage-rights end date is indexed, for the Dashboard's "rights ending" list
    // (issue 21). Rows without usage rights are simply not in the index; no rows are rewritten.
    this.version(8).stores(SCHEMA_V8);
    // v9: converted orders indexed by their file's currency and day (see SCHEMA_V9); rows without
    // `fx` are not in the index, no rows are rewritten.
    this.version(9).stores(SCHEMA_V9);
    // v10: the payment sums, built here from the payments (only the derived table is written).
    this.version(10)
      .stores(SCHEMA_V10)
      .upgrade(async (tx) => {
        const payouts = (await tx.table('payouts').toArray()) as Payout[];
        await tx.table('payoutSums').clear();
        await tx.table('payoutSums').bulkPut(buildPaidBuckets(payouts));
      });
    // v11: the rollups stored through their codec (src/db/stats-codec.ts), as bytes about a third
    // of their arrays' size; only the derived table is written again.
    this.version(11)
      .stores({})
      .upgrade(async (tx) => {
        const stats = tx.table('partnerStats');
        await stats.bulkPut(await stats.toArray());
      });
    this.use(deletionsMiddleware);
    this.use(rollupsMiddleware);
    this.use(statsCodecMiddleware);
    this.use(writeGateMiddleware);
    this.use(traceMiddleware);
  }
}

/** The tables that hold the owner's data (everything a backup carries but the deletions). */
export const DATA_TABLES = ['settings', ...SYNCED_TABLE_NAMES] as const;
export type DataTable = (typeof DATA_TABLES)[number];

/** Every table a backup import or undo writes. */
export const WRITE_ALL_TABLES = [
  ...DATA_TABLES,
  'deletions',
  'partnerStats',
  'payoutSums',
  'undoLog',
  'undoRows',
] as const;

let instance: PawtnersDb | null = null;

/** The app's one database connection. */
export function getDb(): PawtnersDb {
  if (!instance) {
    instance = new PawtnersDb();
    // A newer app version wants the database: step aside and ask to reload.
    instance.on('versionchange', () => {
      instance?.close();
      globalThis.dispatchEvent?.(new CustomEvent('pawtners:db-versionchange'));
      return false;
    });
  }
  return instance;
}

/** For tests: use a fresh database under another name. */
export function setDbForTests(db: PawtnersDb): void {
  instance = db;
}

import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { buildAllStats, type PartnerStats } from '../domain/stats';
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
  Settings,
} from '../domain/schemas';
import { SETTINGS_ID } from '../domain/constants';
import {
  allOrders,
  CONTENT_TABLES,
  contentStore,
  isPaged,
  ORDER_TABLES,
  PAGED,
  PAYOUT_TABLES,
} from './order-pages';
import type { PageIndexEntry, StoredPage } from './paged-store';
import {
  STARTUP_COPIES_STORE,
  startupCopiesMiddleware,
  writeMissingCopies,
  type StartupCopy,
} from './startup-copies';

/** A safety copy of the whole database taken before an import, for one-click undo. */
export interface Snapshot {
  id: string;
  createdAt: number;
  reason: string;
  /**
   * The backup envelope as JSON text. A large one is split: this record holds the first part and
   * `more` continuation records (id `<id>~<n>`, createdAt -1) hold the rest, because one
   * IndexedDB value may not exceed about 128 MB in Chromium.
   */
  json: string;
  more?: number;
  /**
   * Orders, content and payouts are not in `json`: the snapshot keeps their page generation
   * (src/db/paged-store.ts) as it was, untouched. Absent on snapshots made before that.
   */
  gens?: { orders: number; contentItems: number; payouts: number };
}

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
 * The Dexie database. Version history is append-only: never edit a released `version(n)`,
 * add `version(n + 1)` with an `upgrade()` and a test that seeds the old version.
 */
export class PawtnersDb extends Dexie {
  settings!: EntityTable<Settings, 'id'>;
  partners!: EntityTable<Partner, 'id'>;
  contracts!: EntityTable<Contract, 'id'>;
  campaigns!: EntityTable<Campaign, 'id'>;
  /** Orders, content items and payouts live in month pages: src/db/order-pages.ts. */
  orderPages!: EntityTable<StoredPage<Order>, 'key'>;
  orderIndex!: EntityTable<PageIndexEntry, 'key'>;
  contentPages!: EntityTable<StoredPage<ContentItem>, 'key'>;
  contentIndex!: EntityTable<PageIndexEntry, 'key'>;
  payoutPages!: EntityTable<StoredPage<Payout>, 'key'>;
  payoutIndex!: EntityTable<PageIndexEntry, 'key'>;
  bonuses!: EntityTable<Bonus, 'id'>;
  bonusRules!: EntityTable<BonusRule, 'id'>;
  brandFollowers!: EntityTable<BrandFollowerCount, 'id'>;
  snapshots!: EntityTable<Snapshot, 'id'>;
  partnerStats!: EntityTable<PartnerStats, 'partnerId'>;
  /** Partners, contracts and rollups in one record each, for start-up (src/db/startup-copies.ts). */
  startupCopies!: EntityTable<StartupCopy, 'id'>;

  constructor(name = DB_NAME) {
    // No shared query cache: with it, Dexie deep-clones every live-query result on each read,
    // which alone took 1.4 s for the Sales list of 300,000 orders. Results are plain objects the
    // screens own.
    super(name, { cache: 'disabled' });
    this.version(1).stores(SCHEMA_V1);
    // v2: per-partner rollups (derived data, rebuilt from the records; never in backups).
    this.version(2)
      .stores({ partnerStats: 'partnerId' })
      .upgrade(async (tx) =>
        rebuildStatsInTransaction(tx, {
          orders: (await tx.table('orders').toArray()) as Order[],
          content: (await tx.table('contentItems').toArray()) as ContentItem[],
        }),
      );
    // v3: orders, content items and payouts move into month pages (src/db/paged-store.ts):
    // IndexedDB's cost per record dominated every bulk write and read.
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
        for (const t of ['orders', 'contentItems', 'payouts'] as const) {
          const rows = (await tx.table(t).toArray()) as never[];
          await PAGED[t].replaceAll(tx, rows);
        }
        // Rollups are now packed as Int32 where they fit (half the bytes read at start-up).
        await rebuildStatsInTransaction(tx);
      });
    // v4: partners, contracts and rollups copied into one record each, which start-up reads
    // instead of 6,000 (derived data; never in backups). The middleware keeps them in step.
    this.version(4)
      .stores({ [STARTUP_COPIES_STORE]: 'id' })
      .upgrade((tx) => writeMissingCopies(tx));
    this.use(startupCopiesMiddleware);
  }
}

/** The tables that hold the owner's data (everything but safety snapshots). */
export const DATA_TABLES = [
  'settings',
  'partners',
  'contracts',
  'campaigns',
  'contentItems',
  'orders',
  'payouts',
  'bonuses',
  'bonusRules',
  'brandFollowers',
] as const;

let instance: PawtnersDb | null = null;

/** The app's one database connection. */
export function getDb(): PawtnersDb {
  if (!instance) {
    instance = new PawtnersDb();
    // Another window or a newer app version wants the database: step aside and ask to reload.
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

/**
 * The object stores behind DATA_TABLES (orders live in pages), for transaction scopes. The
 * logical table names (DATA_TABLES, TABLE_NAMES) stay those of the backup format.
 */
export const DATA_STORES = [
  ...DATA_TABLES.filter((t) => !isPaged(t)),
  ...ORDER_TABLES,
  ...CONTENT_TABLES,
  ...PAYOUT_TABLES,
] as const;

/** Tables a transaction must include to keep the rollups in step (see src/db/stats.ts). */
export const STATS_SOURCE_TABLES = [
  'settings',
  ...ORDER_TABLES,
  ...CONTENT_TABLES,
  'contracts',
  'partnerStats',
] as const;

/**
 * Rebuild every partner's rollup from the stored records, inside an open transaction. `legacy`
 * rows are given only by upgrades that run before those tables were paged.
 */
export async function rebuildStatsInTransaction(
  tx: Transaction,
  legacy?: { orders: readonly Order[]; content: readonly ContentItem[] },
): Promise<void> {
  const settings = (await tx.table('settings').get(SETTINGS_ID)) as Settings | undefined;
  const [partners, storedOrders, content, contracts] = await Promise.all([
    tx.table('partners').toCollection().primaryKeys() as Promise<string[]>,
    legacy?.orders ?? allOrders(tx),
    legacy?.content ?? contentStore.all(tx),
    tx.table('contracts').toArray() as Promise<Contract[]>,
  ]);
  const stats = buildAllStats(
    partners,
    storedOrders,
    content,
    contracts,
    settings?.timeZone ?? 'America/New_York',
  );
  await tx.table('partnerStats').clear();
  await tx.table('partnerStats').bulkPut(stats);
}

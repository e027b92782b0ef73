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
import { SETTINGS_ID } from '../domain/schemas';
import {
  allOrders,
  ORDER_TABLES,
  replaceAllOrders,
  type OrderIndexEntry,
  type OrderPage,
} from './order-pages';

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
  contentItems!: EntityTable<ContentItem, 'id'>;
  orderPages!: EntityTable<OrderPage, 'key'>;
  orderIndex!: EntityTable<OrderIndexEntry, 'key'>;
  payouts!: EntityTable<Payout, 'id'>;
  bonuses!: EntityTable<Bonus, 'id'>;
  bonusRules!: EntityTable<BonusRule, 'id'>;
  brandFollowers!: EntityTable<BrandFollowerCount, 'id'>;
  snapshots!: EntityTable<Snapshot, 'id'>;
  partnerStats!: EntityTable<PartnerStats, 'partnerId'>;

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
        rebuildStatsInTransaction(tx, (await tx.table('orders').toArray()) as Order[]),
      );
    // v3: orders move into month pages (src/db/order-pages.ts): per-record cost dominated writes.
    this.version(3)
      .stores({ orders: null, orderPages: 'key', orderIndex: 'key' })
      .upgrade(async (tx) => {
        const orders = (await tx.table('orders').toArray()) as Order[];
        await replaceAllOrders(tx, orders);
      });
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
export const DATA_STORES = [...DATA_TABLES.filter((t) => t !== 'orders'), ...ORDER_TABLES] as const;

/** Tables a transaction must include to keep the rollups in step (see src/db/stats.ts). */
export const STATS_SOURCE_TABLES = [
  'settings',
  ...ORDER_TABLES,
  'contentItems',
  'contracts',
  'partnerStats',
] as const;

/**
 * Rebuild every partner's rollup from the stored records, inside an open transaction. `orders`
 * is given only by upgrades that run before the orders were paged.
 */
export async function rebuildStatsInTransaction(
  tx: Transaction,
  orders?: readonly Order[],
): Promise<void> {
  const settings = (await tx.table('settings').get(SETTINGS_ID)) as Settings | undefined;
  const [partners, storedOrders, content, contracts] = await Promise.all([
    tx.table('partners').toCollection().primaryKeys() as Promise<string[]>,
    orders ?? allOrders(tx),
    tx.table('contentItems').toArray() as Promise<ContentItem[]>,
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

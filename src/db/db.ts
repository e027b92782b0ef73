import Dexie, { type EntityTable } from 'dexie';
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

/** A safety copy of the whole database taken before an import, for one-click undo. */
export interface Snapshot {
  id: string;
  createdAt: number;
  reason: string;
  /** The backup envelope as JSON text. */
  json: string;
}

export const DB_NAME = 'pawtners';

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
  orders!: EntityTable<Order, 'id'>;
  payouts!: EntityTable<Payout, 'id'>;
  bonuses!: EntityTable<Bonus, 'id'>;
  bonusRules!: EntityTable<BonusRule, 'id'>;
  brandFollowers!: EntityTable<BrandFollowerCount, 'id'>;
  snapshots!: EntityTable<Snapshot, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
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

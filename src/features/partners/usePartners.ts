import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { allOrders, contentStore, findOrders, payoutStore } from '../../db/order-pages';
import { addDays, addMonths, dateInZone, type DateRange } from '../../domain/dates';
import type { Earnings } from '../../domain/earnings';
import type {
  Bonus,
  BonusRule,
  ContentItem,
  Contract,
  Order,
  Partner,
  Payout,
  Settings,
} from '../../domain/schemas';
import type { PeriodKey } from './store';

/** Today in the brand's time zone. */
export function todayIn(settings: Settings): string {
  return dateInZone(Date.now(), settings.timeZone);
}

export function periodRange(period: PeriodKey, today: string): DateRange {
  switch (period) {
    case '30d':
      return { start: addDays(today, -29), end: today };
    case '90d':
      return { start: addDays(today, -89), end: today };
    case '12m':
      return { start: addDays(addMonths(today, -12), 1), end: today };
    case 'all':
      return { start: '2000-01-01', end: today };
  }
}

export interface PartnerMetrics {
  earnings: Earnings;
  roi: number | null;
}

/** Every partner, live (undefined while loading). */
export function useAllPartners(): Partner[] | undefined {
  return useLiveQuery(() => getDb().partners.toArray(), []);
}

export interface PartnerDetailData {
  partner: Partner | null;
  contracts: Contract[];
  content: ContentItem[];
  orders: Order[];
  payouts: Payout[];
  bonuses: Bonus[];
  bonusRules: BonusRule[];
}

/** One partner with everything recorded about them (undefined while loading). */
export function usePartnerDetail(id: string): PartnerDetailData | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [partner, contracts, content, orders, payouts, bonuses, bonusRules] = await Promise.all([
      db.partners.get(id),
      db.contracts.where('partnerId').equals(id).sortBy('startDate'),
      contentStore.find(db, (c) => c.partnerId === id),
      findOrders(db, (o) => o.partnerId === id),
      payoutStore.find(db, (p) => p.partnerId === id),
      db.bonuses.where('partnerId').equals(id).toArray(),
      db.bonusRules.toArray(),
    ]);
    return {
      partner: partner ?? null,
      contracts,
      content,
      orders,
      payouts,
      bonuses,
      bonusRules,
    };
  }, [id]);
}

/**
 * Every order of every customer who ever ordered through this partner. A customer the partner
 * acquired has their first order credited to the partner, so this subset gives the same
 * acquisitions for this partner as all orders would, without reading the whole orders table.
 */
export function useCustomerOrders(id: string): Order[] | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const all = await allOrders(db);
    const keys = new Set(
      all.flatMap((o) => (o.partnerId === id && o.customerKey ? [o.customerKey] : [])),
    );
    return keys.size === 0 ? [] : all.filter((o) => o.customerKey && keys.has(o.customerKey));
  }, [id]);
}

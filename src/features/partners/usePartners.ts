import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { allOrders, contentStore, findOrders, payoutStore } from '../../db/order-pages';
import { addDays, addMonths, dateInZone, type DateRange } from '../../domain/dates';
import { partnerEarnings, roi, type Earnings } from '../../domain/earnings';
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

function groupBy<T extends { partnerId: string | null }>(rows: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    if (r.partnerId === null) continue;
    const list = m.get(r.partnerId);
    if (list) list.push(r);
    else m.set(r.partnerId, [r]);
  }
  return m;
}

interface Records {
  contracts: Contract[];
  orders: Order[];
  content: ContentItem[];
  bonuses: Bonus[];
  bonusRules: BonusRule[];
}

/** Every partner, live (undefined while loading). */
export function useAllPartners(): Partner[] | undefined {
  return useLiveQuery(() => getDb().partners.toArray(), []);
}

/**
 * Revenue, cost and ROI of every partner in a period, computed with the shared earnings rules so
 * the list agrees with Payouts and Compare.
 */
export function usePartnerMetrics(
  partners: readonly Partner[] | undefined,
  range: DateRange,
  settings: Settings,
): Map<string, PartnerMetrics> | undefined {
  const records = useLiveQuery(async (): Promise<Records> => {
    const db = getDb();
    const [contracts, orders, content, bonuses, bonusRules] = await Promise.all([
      db.contracts.toArray(),
      findOrders(db, (o) => o.partnerId !== null),
      contentStore.find(db, (c) => c.status === 'published'),
      db.bonuses.toArray(),
      db.bonusRules.toArray(),
    ]);
    return { contracts, orders, content, bonuses, bonusRules };
  }, []);
  const { timeZone, countDiscountAsCost } = settings;
  return useMemo(() => {
    if (!partners || !records) return undefined;
    const contracts = groupBy(records.contracts);
    const orders = groupBy(records.orders);
    const content = groupBy(records.content);
    const bonuses = groupBy(records.bonuses);
    const out = new Map<string, PartnerMetrics>();
    for (const p of partners) {
      const earnings = partnerEarnings(
        {
          kind: p.kind,
          contracts: contracts.get(p.id) ?? [],
          orders: orders.get(p.id) ?? [],
          content: content.get(p.id) ?? [],
          bonuses: bonuses.get(p.id) ?? [],
          bonusRules: records.bonusRules,
        },
        range,
        { timeZone, countDiscountAsCost },
      );
      out.set(p.id, { earnings, roi: roi(earnings.revenueCents, earnings.costCents) });
    }
    return out;
  }, [partners, records, range, timeZone, countDiscountAsCost]);
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

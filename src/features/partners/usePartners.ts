import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { shipmentsOfPartner } from '../../db/seeding';
import { contentOfPartner } from '../../db/content';
import { ordersOfPartner } from '../../db/orders';
import {
  allBonusRules,
  bonusesOfPartner,
  contractsOfPartner,
  customerOrdersOfPartner,
  getPartner,
} from '../../db/partners';
import { payoutsOfPartner } from '../../db/payouts';
import { useFigures } from '../../hooks/data';
import { addDays, addMonths, dateInZone, type DateRange } from '../../domain/dates';
import type { Earnings } from '../../domain/earnings';
import type { PartnerFigures } from '../../domain/partner-figures';
import type {
  Bonus,
  BonusRule,
  ContentItem,
  Contract,
  Order,
  Partner,
  Payout,
  Shipment,
  Settings,
} from '../../domain/schemas';
import { contractsByStart, detailShown, detailToShow } from './detail-cache';
import type { PeriodKey } from './store';

/** Today in the brand's time zone. */
export function todayIn(settings: Settings): string {
  return dateInZone(Date.now(), settings.timeZone);
}

export function periodRange(
  period: PeriodKey,
  today: string,
  custom: DateRange | null = null,
): DateRange {
  switch (period) {
    case 'custom':
      return custom ?? { start: addDays(addMonths(today, -12), 1), end: today };
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
  /** Every figure of docs/metrics.md for the period (ROAS, CPA, AOV, EMV, engagement, ...). */
  figures: PartnerFigures;
}

/** Every partner, live (undefined while loading): those of the shared figures (src/db/figures.ts). */
export function useAllPartners(): readonly Partner[] | undefined {
  return useFigures()?.partners;
}

export interface PartnerWithContracts {
  partner: Partner | null;
  contracts: Contract[];
}

/** One partner (null when gone) and their contracts by start date, as stored now. */
export async function readPartnerWithContracts(id: string): Promise<PartnerWithContracts> {
  const db = getDb();
  const [partner, contracts] = await Promise.all([getPartner(db, id), contractsOfPartner(db, id)]);
  return { partner: partner ?? null, contracts: contracts.sort(contractsByStart) };
}

/** One partner and their contracts, live, for the edit form (undefined while loading). */
export function usePartnerWithContracts(id: string): PartnerWithContracts | undefined {
  return useLiveQuery(() => readPartnerWithContracts(id), [id]);
}

export interface PartnerDetailData {
  partner: Partner | null;
  contracts: Contract[];
  content: ContentItem[];
  orders: Order[];
  payouts: Payout[];
  bonuses: Bonus[];
  bonusRules: BonusRule[];
  /** Gift shipments to this partner, newest first. */
  shipments: Shipment[];
}

/**
 * One partner with everything recorded about them (undefined while loading): only this partner's
 * rows, read through the partner indexes (content by planned date, orders by placing time,
 * payouts by paid date, oldest first).
 */
export function usePartnerDetail(id: string): PartnerDetailData | undefined {
  const live = useLiveQuery(async () => {
    const db = getDb();
    const [partner, contracts, content, orders, payouts, bonuses, bonusRules, shipments] =
      await Promise.all([
        getPartner(db, id),
        contractsOfPartner(db, id),
        contentOfPartner(db, id),
        ordersOfPartner(db, id),
        payoutsOfPartner(db, id),
        bonusesOfPartner(db, id),
        allBonusRules(db),
        shipmentsOfPartner(db, id),
      ]);
    const data = {
      partner: partner ?? null,
      contracts: contracts.sort(contractsByStart),
      content,
      orders,
      payouts,
      bonuses,
      bonusRules,
      shipments,
    };
    detailShown(id, data);
    return data;
  }, [id]);
  // Right after the partner's form was saved: the saved page until the reads show the save.
  return detailToShow(id, live);
}

/**
 * Every order of every customer who ever ordered through this partner, found through the
 * customerKey index. A customer the partner acquired has their first order credited to the
 * partner, so this subset gives the same acquisitions for this partner as all orders would,
 * without reading the whole orders table.
 */
export function useCustomerOrders(id: string): Order[] | undefined {
  return useLiveQuery(() => customerOrdersOfPartner(getDb(), id), [id]);
}

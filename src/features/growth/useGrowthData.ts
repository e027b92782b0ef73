import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { getDb } from '../../db/db';
import { allOrders, contentStore } from '../../db/order-pages';
import { useSettings } from '../../db/hooks';
import { addDays, dateInZone, monthsInRange, type DateRange } from '../../domain/dates';
import {
  acquisitions,
  byRegion,
  cohorts,
  customerValue,
  followerSeries,
  regionalUplift,
  roiTwoWays,
  type CohortRow,
  type CustomerValue,
  type RegionRow,
  type RegionalUplift,
  type RoiTwoWays,
} from '../../domain/customers';
import { partnerEarnings } from '../../domain/earnings';
import { PARTNER_KINDS, type Partner, type PartnerKind } from '../../domain/schemas';

export const LTV_WINDOW_DAYS = 365;

export interface KindGrowth {
  kind: PartnerKind;
  value: CustomerValue;
  roi: RoiTwoWays;
  cohorts: CohortRow[];
}

export interface HyperlocalUplift {
  partner: Partner;
  uplift: RegionalUplift;
}

export interface GrowthData {
  range: DateRange;
  today: string;
  kinds: KindGrowth[];
  regions: (RegionRow & { hyperlocal: string[] })[];
  hyperlocal: HyperlocalUplift[];
  followers: Map<string, { month: string; followers: number }[]>;
  months: string[];
  postsByKind: Record<PartnerKind, number[]>;
  hasCustomers: boolean;
}

/** Everything the "Customers & growth" view shows, for the last 12 months. */
export function useGrowthData(): GrowthData | undefined {
  const settings = useSettings();
  const raw = useLiveQuery(async () => {
    const db = getDb();
    const [partners, orders, contentItems, contracts, bonuses, bonusRules, brandFollowers] =
      await Promise.all([
        db.partners.toArray(),
        allOrders(db),
        contentStore.find(db, (c) => c.status === 'published'),
        db.contracts.toArray(),
        db.bonuses.toArray(),
        db.bonusRules.toArray(),
        db.brandFollowers.toArray(),
      ]);
    return { partners, orders, contentItems, contracts, bonuses, bonusRules, brandFollowers };
  }, []);
  const tz = settings.timeZone;
  const countDiscountAsCost = settings.countDiscountAsCost;
  return useMemo(() => {
    if (!raw) return undefined;
    const today = dateInZone(Date.now(), tz);
    const range = { start: addDays(today, -364), end: today };
    const kindOf = new Map(raw.partners.map((p) => [p.id, p.kind]));
    const acq = acquisitions(raw.orders, tz);
    const byPartner = <T extends { partnerId: string | null }>(xs: readonly T[]) => {
      const m = new Map<string, T[]>();
      for (const x of xs) if (x.partnerId) m.set(x.partnerId, [...(m.get(x.partnerId) ?? []), x]);
      return m;
    };
    const orders = byPartner(raw.orders);
    const content = byPartner(raw.contentItems);
    const contracts = byPartner(raw.contracts);
    const bonuses = byPartner(raw.bonuses);
    const kinds = PARTNER_KINDS.map((kind): KindGrowth => {
      const accept = (p: string | null) => p !== null && kindOf.get(p) === kind;
      const value = customerValue(acq.values(), accept, range, today, LTV_WINDOW_DAYS);
      let cost = 0;
      let revenue = 0;
      for (const p of raw.partners) {
        if (p.kind !== kind) continue;
        const e = partnerEarnings(
          {
            kind,
            contracts: contracts.get(p.id) ?? [],
            orders: orders.get(p.id) ?? [],
            content: content.get(p.id) ?? [],
            bonuses: bonuses.get(p.id) ?? [],
            bonusRules: raw.bonusRules,
          },
          range,
          { timeZone: tz, countDiscountAsCost },
        );
        cost += e.costCents;
        revenue += e.revenueCents;
      }
      return {
        kind,
        value,
        roi: roiTwoWays(cost, revenue, value.lifetimeValueCents, LTV_WINDOW_DAYS),
        cohorts: cohorts(acq.values(), accept, today).filter(
          (c) => c.month >= range.start.slice(0, 7),
        ),
      };
    });
    const hyper = raw.partners.filter(
      (p) => p.tags.includes('hyperlocal influencer') && p.location.city,
    );
    const sameCity = (p: Partner) => (o: { region: { city: string; province: string } }) =>
      o.region.city.toLowerCase() === p.location.city.toLowerCase() &&
      (!p.location.region || o.region.province.toLowerCase() === p.location.region.toLowerCase());
    const hyperlocal = hyper
      .map((p) => {
        const ks = (contracts.get(p.id) ?? [])
          .map((k) => k)
          .sort((a, b) => a.startDate.localeCompare(b.startDate));
        if (ks.length === 0) return null;
        const start = ks[0]!.startDate > range.start ? ks[0]!.startDate : range.start;
        const lastEnd = ks[ks.length - 1]!.endDate;
        const end = lastEnd && lastEnd < today ? lastEnd : today;
        if (start > end) return null;
        return { partner: p, uplift: regionalUplift(raw.orders, sameCity(p), { start, end }, tz) };
      })
      .filter((x): x is HyperlocalUplift => x !== null);
    const regions = byRegion(raw.orders, acq, range, tz).map((r) => ({
      ...r,
      hyperlocal: hyper.filter((p) => sameCity(p)({ region: r })).map((p) => p.name),
    }));
    const months = monthsInRange(range);
    const postsByKind: Record<PartnerKind, number[]> = {
      ambassador: months.map(() => 0),
      affiliate: months.map(() => 0),
    };
    for (const c of raw.contentItems) {
      const i = months.indexOf(c.plannedDate.slice(0, 7));
      const k = kindOf.get(c.partnerId);
      if (i >= 0 && k) postsByKind[k][i]! += 1;
    }
    return {
      range,
      today,
      kinds,
      regions,
      hyperlocal,
      followers: followerSeries(raw.brandFollowers),
      months,
      postsByKind,
      hasCustomers: acq.size > 0,
    };
  }, [raw, tz, countDiscountAsCost]);
}

import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { contentOfCampaign } from '../../db/content';
import { getDb } from '../../db/db';
import { useFigures, useSettings } from '../../hooks/data';
import {
  compareFromIndex,
  indexFromStats,
  withCampaignPosts,
  type CompareBase,
  type CompareFilters,
  type CompareOptions,
  type Comparison,
  type PartnerIndex,
} from '../../domain/compare';
import { dateInZone, type DateRange } from '../../domain/dates';
import type { PartnerStats } from '../../domain/stats';

/**
 * What the comparison needs, live from the database (undefined while loading). Orders and posts
 * arrive as per-partner rollups (a few thousand small records), never as 300,000 orders. Read
 * once: a period change only adds the rollups up again (useComparison).
 */
export function useCompareData(): (CompareBase & { rollups: readonly PartnerStats[] }) | undefined {
  return useFigures();
}

/**
 * The partner index from the rollups; with a campaign filter, each partner's posts are limited to
 * that campaign's content (read by its index, so only that campaign's items are loaded).
 */
export function usePartnerIndex(
  data: (CompareBase & { rollups: readonly PartnerStats[] }) | undefined,
  campaignId: string | null,
): PartnerIndex | undefined {
  const campaignItems = useLiveQuery(
    async () => (campaignId === null ? null : contentOfCampaign(getDb(), campaignId)),
    [campaignId],
  );
  return useMemo(() => {
    if (!data) return undefined;
    const index = indexFromStats(data, data.rollups);
    if (campaignId === null) return index;
    return campaignItems ? withCampaignPosts(index, campaignItems) : undefined;
  }, [data, campaignId, campaignItems]);
}

/** Options of the comparison from the brand settings, with today in the brand's time zone. */
export function useCompareOptions() {
  const settings = useSettings();
  const today = dateInZone(Date.now(), settings.timeZone);
  return useMemo(
    () => ({
      settings,
      opts: {
        timeZone: settings.timeZone,
        countDiscountAsCost: settings.countDiscountAsCost,
        cpmCents: settings.cpmCents,
        today,
      },
    }),
    [settings, today],
  );
}

/** Comparisons already worked out for an index, by period, filters and options (newest last). */
const computed = new WeakMap<PartnerIndex, Map<string, Comparison>>();
const KEEP = 12;

/**
 * The comparison for a period and filters. Going back to a period seen before (with the same data)
 * reuses its result instead of adding everything up again.
 */
export function useComparison(
  data: CompareBase | undefined,
  index: PartnerIndex | undefined,
  range: DateRange,
  filters: CompareFilters,
  /** Null while something the options need is still being read. */
  opts: CompareOptions | null,
): Comparison | undefined {
  const { start, end } = range;
  return useMemo(() => {
    if (!data || !index || !opts) return undefined;
    let cache = computed.get(index);
    if (!cache) {
      cache = new Map();
      computed.set(index, cache);
    }
    // The orders kept apart or converted count by id and version, not as whole copies in the key.
    const versions = (orders: readonly { id: string; updatedAt: number }[] | undefined) =>
      orders?.map((o) => `${o.id}@${o.updatedAt}`);
    const apart = opts.apart && [opts.apart.currency, versions(opts.apart.orders)];
    const converted = versions(opts.converted);
    const key = JSON.stringify([start, end, filters, { ...opts, apart, converted }]);
    let c = cache.get(key);
    if (!c) {
      c = compareFromIndex(data, index, { start, end }, filters, opts);
      cache.set(key, c);
      if (cache.size > KEEP) cache.delete(cache.keys().next().value!);
    }
    return c;
  }, [data, index, start, end, filters, opts]);
}

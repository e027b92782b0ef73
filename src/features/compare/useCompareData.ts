import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { getDb } from '../../db/db';
import { useSettings } from '../../db/hooks';
import {
  indexFromStats,
  withCampaignPosts,
  type CompareBase,
  type PartnerIndex,
} from '../../domain/compare';
import { dateInZone } from '../../domain/dates';
import type { PartnerStats } from '../../domain/stats';

/**
 * What the comparison needs, live from the database (undefined while loading). Orders and posts
 * arrive as per-partner rollups (a few thousand small records), never as 300,000 orders.
 */
export function useCompareData(): (CompareBase & { rollups: PartnerStats[] }) | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [partners, contracts, campaigns, bonuses, bonusRules, rollups] = await Promise.all([
      db.partners.toArray(),
      db.contracts.toArray(),
      db.campaigns.toArray(),
      db.bonuses.toArray(),
      db.bonusRules.toArray(),
      db.partnerStats.toArray(),
    ]);
    return { partners, contracts, campaigns, bonuses, bonusRules, rollups };
  }, []);
}

/**
 * The partner index from the rollups; with a campaign filter, each partner's posts are limited to
 * that campaign's content (read by its index, so only that campaign's items are loaded).
 */
export function usePartnerIndex(
  data: (CompareBase & { rollups: PartnerStats[] }) | undefined,
  campaignId: string | null,
): PartnerIndex | undefined {
  const campaignItems = useLiveQuery(
    async () =>
      campaignId === null
        ? null
        : getDb().contentItems.where('campaignId').equals(campaignId).toArray(),
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

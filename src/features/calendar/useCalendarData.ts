import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { getDb } from '../../db/db';
import { allCampaigns, contentBetween } from '../../db/content';
import { allContracts, allPartners } from '../../db/partners';
import { useSettings } from '../../hooks/data';
import { dateInZone } from '../../domain/dates';
import type { Campaign, ContentItem, Contract, Partner } from '../../domain/schemas';

export interface CalendarData {
  partners: Partner[];
  partnersById: Map<string, Partner>;
  campaigns: Campaign[];
  campaignsById: Map<string, Campaign>;
  contracts: Contract[];
}

/** Code-unit order, as the name and date indexes sorted them (ties keep id order). */
const by =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * Partners (by name), campaigns (by start date) and contracts, live; undefined while loading.
 * The content items are read apart, only for the range a view shows (useItemsBetween).
 */
export function useCalendarData(): CalendarData | undefined {
  const raw = useLiveQuery(async () => {
    const db = getDb();
    const [partners, campaigns, contracts] = await Promise.all([
      allPartners(db),
      allCampaigns(db),
      allContracts(db),
    ]);
    return {
      partners: partners.sort(by((p) => p.name)),
      campaigns: campaigns.sort(by((c) => c.startDate)),
      contracts,
    };
  }, []);
  return useMemo(() => {
    if (!raw) return undefined;
    return {
      ...raw,
      partnersById: new Map(raw.partners.map((p) => [p.id, p])),
      campaignsById: new Map(raw.campaigns.map((c) => [c.id, c])),
    };
  }, [raw]);
}

/** Content items planned in [from, to] (YYYY-MM-DD, inclusive). */
export interface ItemsInRange {
  from: string;
  to: string;
  items: ContentItem[];
}

/**
 * The items of the days a view shows, live. When the range moves, the previous range's items
 * (with their range) stay until the new ones are read; undefined only at first.
 */
export function useItemsBetween(from: string, to: string): ItemsInRange | undefined {
  return useLiveQuery(
    async () => ({ from, to, items: await contentBetween(getDb(), from, to) }),
    [from, to],
  );
}

/** "Today" in the brand's time zone, as the calendar understands it. */
export function useToday(): string {
  const { timeZone } = useSettings();
  return dateInZone(Date.now(), timeZone);
}

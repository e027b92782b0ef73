import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { getDb } from '../../db/db';
import { contentBetween } from '../../db/content';
import { useFigures, useSettings } from '../../hooks/data';
import { dateInZone } from '../../domain/dates';
import type { Campaign, ContentItem, Contract, Partner } from '../../domain/schemas';

export interface CalendarData {
  partners: readonly Partner[];
  partnersById: Map<string, Partner>;
  campaigns: readonly Campaign[];
  campaignsById: Map<string, Campaign>;
  contracts: readonly Contract[];
}

/** Code-unit order, as the name and date indexes sorted them (ties keep id order). */
const by =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * Partners (by name), campaigns (by start date) and contracts, live; undefined while loading.
 * They come from the shared figures (src/db/figures.ts), which the Dashboard has usually read
 * already, so the month is drawn without waiting for them. The content items are read apart,
 * only for the range a view shows (useItemsBetween).
 */
export function useCalendarData(): CalendarData | undefined {
  const figures = useFigures();
  return useMemo(() => {
    if (!figures) return undefined;
    const partners = [...figures.partners].sort(by((p) => p.name));
    const campaigns = [...figures.campaigns].sort(by((c) => c.startDate));
    return {
      partners,
      campaigns,
      contracts: figures.contracts,
      partnersById: new Map(partners.map((p) => [p.id, p])),
      campaignsById: new Map(campaigns.map((c) => [c.id, c])),
    };
  }, [figures]);
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

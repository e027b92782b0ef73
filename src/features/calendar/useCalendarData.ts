import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { getDb } from '../../db/db';
import { contentStore } from '../../db/order-pages';
import { useSettings } from '../../db/hooks';
import { dateInZone } from '../../domain/dates';
import type { Campaign, ContentItem, Contract, Partner } from '../../domain/schemas';

export interface CalendarData {
  partners: Partner[];
  partnersById: Map<string, Partner>;
  campaigns: Campaign[];
  campaignsById: Map<string, Campaign>;
  contracts: Contract[];
  items: ContentItem[];
}

/** Everything the calendar screens show, live from the database; undefined while loading. */
export function useCalendarData(): CalendarData | undefined {
  const raw = useLiveQuery(async () => {
    const db = getDb();
    const [partners, campaigns, contracts, items] = await Promise.all([
      db.partners.orderBy('name').toArray(),
      db.campaigns.orderBy('startDate').toArray(),
      db.contracts.toArray(),
      contentStore.all(db),
    ]);
    return { partners, campaigns, contracts, items };
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

/** "Today" in the brand's time zone, as the calendar understands it. */
export function useToday(): string {
  const { timeZone } = useSettings();
  return dateInZone(Date.now(), timeZone);
}

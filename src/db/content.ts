/**
 * Content items and campaigns: everything is validated first (schema, known partner and
 * campaign), then written in one transaction, so a bad record never leaves half a change behind.
 */
import {
  validateCampaign,
  validateContentItem,
  type Issue,
  type KnownIds,
} from '../domain/content';
import { isoDate, type Campaign, type ContentItem } from '../domain/schemas';
import type { PawtnersDb } from './db';
import { CONTENT_TABLES, contentStore } from './order-pages';
import { refreshPartnerStats, STATS_SOURCE_TABLES } from './stats';

/** Refused input, with every problem and the field it belongs to. */
export class ContentValidationError extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => i.message).join('; '));
    this.name = 'ContentValidationError';
  }
}

async function knownIds(db: PawtnersDb, extraCampaigns: string[] = []): Promise<KnownIds> {
  const [partners, campaigns] = await Promise.all([
    db.partners.toCollection().primaryKeys(),
    db.campaigns.toCollection().primaryKeys(),
  ]);
  return { partners: new Set(partners), campaigns: new Set([...campaigns, ...extraCampaigns]) };
}

function checkItems(items: readonly ContentItem[], known: KnownIds): void {
  const issues: Issue[] = [];
  items.forEach((it, i) => {
    const prefix = items.length > 1 ? `Item ${i + 1}: ` : '';
    for (const issue of validateContentItem(it, known))
      issues.push({ field: issue.field, message: prefix + issue.message });
  });
  if (issues.length > 0) throw new ContentValidationError(issues);
}

/** Save (insert or replace) content items, all or none. */
export async function saveContentItems(
  db: PawtnersDb,
  items: readonly ContentItem[],
): Promise<void> {
  await db.transaction('rw', [db.partners, db.campaigns, ...STATS_SOURCE_TABLES], async () => {
    checkItems(items, await knownIds(db));
    const before = await contentStore.put(db, items);
    await refreshPartnerStats(db, partnersOf(before, items), { orders: false });
  });
}

export async function saveContentItem(db: PawtnersDb, item: ContentItem): Promise<void> {
  await saveContentItems(db, [item]);
}

/** Move an item to another day (its time stays). Returns the updated item. */
export async function rescheduleContentItem(
  db: PawtnersDb,
  id: string,
  plannedDate: string,
  now: number,
): Promise<ContentItem> {
  const date = isoDate.safeParse(plannedDate);
  if (!date.success)
    throw new ContentValidationError([
      { field: 'plannedDate', message: `Planned date ${date.error.issues[0]?.message ?? ''}` },
    ]);
  return db.transaction('rw', [...STATS_SOURCE_TABLES], async () => {
    const cur = await contentStore.get(db, id);
    if (!cur)
      throw new ContentValidationError([
        { field: 'id', message: `Content item "${id}" does not exist` },
      ]);
    const next = { ...cur, plannedDate: date.data, updatedAt: now };
    await contentStore.put(db, [next]);
    await refreshPartnerStats(db, [next.partnerId], { orders: false });
    return next;
  });
}

export async function deleteContentItem(db: PawtnersDb, id: string): Promise<void> {
  await db.transaction('rw', [...STATS_SOURCE_TABLES], async () => {
    const [cur] = await contentStore.put(db, [], [id]);
    if (cur) await refreshPartnerStats(db, [cur.partnerId], { orders: false });
  });
}

/** Partners whose posts change when `before` are replaced by `after` (for the rollups). */
function partnersOf(
  before: readonly (ContentItem | undefined)[],
  after: readonly ContentItem[],
): string[] {
  const ids = new Set(after.map((i) => i.partnerId));
  for (const b of before) if (b) ids.add(b.partnerId);
  return [...ids];
}

/** Save a campaign and, optionally, items that belong to it, in one transaction. */
export async function saveCampaign(
  db: PawtnersDb,
  campaign: Campaign,
  items: readonly ContentItem[] = [],
): Promise<void> {
  await db.transaction('rw', [db.partners, db.campaigns, ...STATS_SOURCE_TABLES], async () => {
    const known = await knownIds(db, [campaign.id]);
    const issues = validateCampaign(campaign, known);
    if (issues.length > 0) throw new ContentValidationError(issues);
    checkItems(items, known);
    await db.campaigns.put(campaign);
    if (items.length > 0) {
      const before = await contentStore.put(db, items);
      await refreshPartnerStats(db, partnersOf(before, items), { orders: false });
    }
  });
}

/** Delete a campaign; its items stay on the calendar without a campaign. */
export async function deleteCampaign(db: PawtnersDb, id: string, now: number): Promise<void> {
  await db.transaction('rw', [db.campaigns, ...CONTENT_TABLES], async () => {
    const items = await contentStore.find(db, (c) => c.campaignId === id);
    await contentStore.put(
      db,
      items.map((c) => ({ ...c, campaignId: null, updatedAt: now })),
    );
    await db.campaigns.delete(id);
  });
}

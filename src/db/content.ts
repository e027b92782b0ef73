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
import {
  campaignSchema,
  isoDate,
  type Brief,
  type Campaign,
  type ContentItem,
} from '../domain/schemas';
import type { PawtnersDb } from './db';
import { checkVersion } from './stale';

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
  await db.transaction('rw', [db.partners, db.campaigns, db.contentItems], async () => {
    checkItems(items, await knownIds(db));
    const stored = await db.contentItems.bulkGet(items.map((c) => c.id));
    await db.contentItems.bulkPut(items.map((c, i) => nextRevision(stored[i], c)));
  });
}

/**
 * The item as saved over `stored`: a changed item gets the next revision number (its calendar
 * SEQUENCE), an unchanged one keeps the stored number.
 */
export function nextRevision(stored: ContentItem | undefined, item: ContentItem): ContentItem {
  if (!stored) return item;
  const was = stored.sequence ?? 0;
  const same =
    JSON.stringify({ ...stored, sequence: 0, updatedAt: 0 }) ===
    JSON.stringify({ ...item, sequence: 0, updatedAt: 0 });
  return { ...item, sequence: same ? was : was + 1 };
}

/**
 * Save one item. With `expectedUpdatedAt` (the version the form was opened on), a save over a
 * newer version written elsewhere is refused (StaleWriteError).
 */
export async function saveContentItem(
  db: PawtnersDb,
  item: ContentItem,
  expectedUpdatedAt?: number,
): Promise<void> {
  await db.transaction('rw', [db.partners, db.campaigns, db.contentItems], async () => {
    checkVersion('this post', await db.contentItems.get(item.id), expectedUpdatedAt);
    await saveContentItems(db, [item]);
  });
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
  return db.transaction('rw', db.contentItems, async () => {
    const cur = await db.contentItems.get(id);
    if (!cur)
      throw new ContentValidationError([
        { field: 'id', message: `Content item "${id}" does not exist` },
      ]);
    const next = nextRevision(cur, { ...cur, plannedDate: date.data, updatedAt: now });
    await db.contentItems.put(next);
    return next;
  });
}

export async function deleteContentItem(db: PawtnersDb, id: string): Promise<void> {
  await db.contentItems.delete(id);
}

/** Save a campaign and, optionally, items that belong to it, in one transaction. */
export async function saveCampaign(
  db: PawtnersDb,
  campaign: Campaign,
  items: readonly ContentItem[] = [],
): Promise<void> {
  await db.transaction('rw', [db.partners, db.campaigns, db.contentItems], async () => {
    const known = await knownIds(db, [campaign.id]);
    const issues = validateCampaign(campaign, known);
    if (issues.length > 0) throw new ContentValidationError(issues);
    checkItems(items, known);
    await db.campaigns.put(campaign);
    if (items.length > 0) {
      const stored = await db.contentItems.bulkGet(items.map((c) => c.id));
      await db.contentItems.bulkPut(items.map((c, i) => nextRevision(stored[i], c)));
    }
  });
}

/** Delete a campaign; its items stay on the calendar without a campaign. */
export async function deleteCampaign(db: PawtnersDb, id: string, now: number): Promise<void> {
  await db.transaction('rw', [db.campaigns, db.contentItems], async () => {
    const items = await db.contentItems.where('campaignId').equals(id).toArray();
    await db.contentItems.bulkPut(
      items.map((c) => nextRevision(c, { ...c, campaignId: null, updatedAt: now })),
    );
    await db.campaigns.delete(id);
  });
}

/**
 * Save a campaign's brief (null removes it). Refused, with nothing written, when the campaign was
 * deleted meanwhile or the brief is not valid.
 */
export async function saveCampaignBrief(
  db: PawtnersDb,
  campaignId: string,
  brief: Brief | null,
  now: number,
): Promise<Campaign> {
  return db.transaction('rw', db.campaigns, async () => {
    const cur = await db.campaigns.get(campaignId);
    if (!cur)
      throw new ContentValidationError([
        {
          field: 'campaignId',
          message: 'This campaign was deleted, so its brief was not saved',
        },
      ]);
    const next: Campaign = { ...cur, updatedAt: now };
    if (brief) next.briefDetails = brief;
    else delete next.briefDetails;
    const res = campaignSchema.safeParse(next);
    if (!res.success) throw new ContentValidationError(briefIssues(res.error.issues));
    await db.campaigns.put(next);
    return next;
  });
}

function briefIssues(issues: readonly { path: PropertyKey[]; message: string }[]) {
  return issues.map((i) => {
    const field = i.path.map(String).join('.');
    return { field, message: `Brief: ${field.replace(/^briefDetails\./, '')} ${i.message}` };
  });
}

// ---------------------------------------------------------------------------------------------
// Reads

/** Posts whose usage rights end in [from, to] (YYYY-MM-DD, inclusive), soonest first. */
export function rightsEndingBetween(
  db: PawtnersDb,
  from: string,
  to: string,
): Promise<ContentItem[]> {
  return db.contentItems
    .where('usageRights.until')
    .between(from, to, true, true)
    .sortBy('usageRights.until');
}

export function getCampaign(db: PawtnersDb, id: string): Promise<Campaign | undefined> {
  return db.campaigns.get(id);
}

/** Items planned in [from, to] (YYYY-MM-DD, inclusive): a calendar month or week. */
export function contentBetween(db: PawtnersDb, from: string, to: string): Promise<ContentItem[]> {
  return db.contentItems.where('plannedDate').between(from, to, true, true).toArray();
}

/** A partner's items, by planned date. */
export function contentOfPartner(db: PawtnersDb, partnerId: string): Promise<ContentItem[]> {
  return db.contentItems
    .where('[partnerId+plannedDate]')
    .between([partnerId, ''], [partnerId, '\uffff'])
    .toArray();
}

/** A campaign's items. */
export function contentOfCampaign(db: PawtnersDb, campaignId: string): Promise<ContentItem[]> {
  return db.contentItems.where('campaignId').equals(campaignId).toArray();
}

/** Every item (lists over all content; prefer the ranged reads). */
export function allContent(db: PawtnersDb): Promise<ContentItem[]> {
  return db.contentItems.toArray();
}

export function countContent(db: PawtnersDb): Promise<number> {
  return db.contentItems.count();
}

/** Content items whose title starts with `text` (any case), at most `limit`, from the title index. */
export function findContentByTitle(
  db: PawtnersDb,
  text: string,
  limit: number,
): Promise<ContentItem[]> {
  const q = text.trim();
  if (q === '') return Promise.resolve([]);
  return db.contentItems.where('title').startsWithIgnoreCase(q).limit(limit).toArray();
}

export function getContentItem(db: PawtnersDb, id: string): Promise<ContentItem | undefined> {
  return db.contentItems.get(id);
}

export function allCampaigns(db: PawtnersDb): Promise<Campaign[]> {
  return db.campaigns.toArray();
}

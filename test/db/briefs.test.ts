import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PawtnersDb } from '../../src/db/db';
import {
  ContentValidationError,
  deleteCampaign,
  getContentItem,
  rightsEndingBetween,
  saveCampaign,
  saveCampaignBrief,
  saveContentItem,
} from '../../src/db/content';
import { emptyBrief } from '../../src/domain/briefs';
import type { Brief, Campaign, ContentItem } from '../../src/domain/schemas';

let db: PawtnersDb;
let n = 0;
const NOW = Date.UTC(2026, 11, 5, 12);

const partner = {
  id: 'p1',
  createdAt: NOW,
  updatedAt: NOW,
  name: 'Rita',
  email: '',
  kind: 'affiliate' as const,
  tags: [],
  status: 'active' as const,
  statusHistory: [],
  niche: '',
  location: { city: '', region: '', country: '' },
  exclusive: false,
  payout: { method: 'none' as const, handle: '' },
  notes: '',
  accounts: [],
  codes: ['RITA10'],
  referralSlug: '',
  archived: false,
};

const campaign: Campaign = {
  id: 'c1',
  createdAt: NOW,
  updatedAt: NOW,
  name: 'Calming chews launch',
  goal: 'sales',
  startDate: '2026-12-01',
  endDate: '2026-12-31',
  budgetCents: 50000,
  notes: '',
  partnerIds: ['p1'],
};

const brief: Brief = {
  ...emptyBrief(),
  keyMessages: 'Made with chamomile\nNo artificial colours',
  claimsToAvoid: 'Cures anxiety',
  checklist: ['Link in bio'],
};

function item(over: Partial<ContentItem> = {}): ContentItem {
  return {
    id: `it-${Math.random().toString(36).slice(2)}`,
    createdAt: NOW,
    updatedAt: NOW,
    partnerId: 'p1',
    campaignId: 'c1',
    platform: 'instagram',
    format: 'reel',
    plannedDate: '2026-12-10',
    plannedTime: '',
    status: 'planned',
    title: 'Chews unboxing',
    brief: '',
    control: 'co-created',
    publishedUrl: '',
    costCents: 0,
    metrics: null,
    ...over,
  };
}

beforeEach(async () => {
  db = new PawtnersDb(`test-briefs-${n++}`);
  await db.open();
  await db.partners.put(partner);
  await saveCampaign(db, campaign);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('briefs and usage rights', () => {
  it('stores a post brief, ticks and rights, and lists rights by end date through the index', async () => {
    const a = item({
      briefDetails: brief,
      reviewTicks: ['Link in bio'],
      usageRights: { organic: true, paidAds: true, until: '2026-12-20' },
    });
    const b = item({ usageRights: { organic: true, paidAds: false, until: '2027-03-01' } });
    const c = item({ usageRights: { organic: true, paidAds: false, until: null } });
    const d = item({ usageRights: { organic: false, paidAds: true, until: '2026-12-12' } });
    for (const x of [a, b, c, d]) await saveContentItem(db, x);
    expect(await getContentItem(db, a.id)).toMatchObject({
      briefDetails: brief,
      reviewTicks: ['Link in bio'],
    });
    const ending = await rightsEndingBetween(db, '2026-12-05', '2027-01-04');
    expect(ending.map((x) => x.id)).toEqual([d.id, a.id]);
  });

  it('refuses rights ending before the post date, naming the field, and stores nothing', async () => {
    const bad = item({ usageRights: { organic: true, paidAds: false, until: '2026-12-01' } });
    const err = await saveContentItem(db, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentValidationError);
    expect((err as ContentValidationError).issues).toEqual([
      {
        field: 'rightsUntil',
        message: 'Usage rights end date (2026-12-01) is before the post date (2026-12-10)',
      },
    ]);
    expect(await getContentItem(db, bad.id)).toBeUndefined();
  });

  it('saves a campaign brief, and refuses one on a deleted campaign with nothing written', async () => {
    const saved = await saveCampaignBrief(db, 'c1', brief, NOW + 1);
    expect(saved.briefDetails).toEqual(brief);
    expect((await db.campaigns.get('c1'))?.briefDetails).toEqual(brief);
    await deleteCampaign(db, 'c1', NOW + 2);
    const err = await saveCampaignBrief(db, 'c1', brief, NOW + 3).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentValidationError);
    expect((err as ContentValidationError).message).toBe(
      'This campaign was deleted, so its brief was not saved',
    );
    expect(await db.campaigns.get('c1')).toBeUndefined();
  });

  it('refuses an invalid campaign brief and leaves the stored one as it was', async () => {
    await saveCampaignBrief(db, 'c1', brief, NOW + 1);
    const err = await saveCampaignBrief(db, 'c1', { ...brief, checklist: ['  '] }, NOW + 2).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ContentValidationError);
    expect((err as ContentValidationError).issues[0]?.field).toBe('briefDetails.checklist.0');
    expect((await db.campaigns.get('c1'))?.updatedAt).toBe(NOW + 1);
  });
});

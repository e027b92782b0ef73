import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PawtnersDb } from '../../src/db/db';
import {
  allContent,
  contentBetween,
  contentOfCampaign,
  contentOfPartner,
  ContentValidationError,
  countContent,
  deleteCampaign,
  getContentItem,
  rescheduleContentItem,
  saveCampaign,
  saveContentItem,
  saveContentItems,
} from '../../src/db/content';
import { loadSampleData } from '../../src/db/repo';
import { StaleWriteError } from '../../src/db/stale';
import type { Campaign, ContentItem } from '../../src/domain/schemas';

let db: PawtnersDb;
let n = 0;
const NOW = Date.UTC(2025, 2, 15, 12);

beforeEach(async () => {
  db = new PawtnersDb(`test-content-${n++}`);
  await db.open();
  await loadSampleData(db, NOW);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function firstPartnerId(): Promise<string> {
  return (await db.partners.toCollection().first())!.id;
}

function newItem(partnerId: string, over: Partial<ContentItem> = {}): ContentItem {
  return {
    id: `new-${Math.random().toString(36).slice(2)}`,
    createdAt: NOW,
    updatedAt: NOW,
    partnerId,
    campaignId: null,
    platform: 'instagram',
    format: 'reel',
    plannedDate: '2025-04-02',
    plannedTime: '09:30',
    status: 'planned',
    title: 'Spring walk reel',
    brief: '',
    control: 'co-created',
    publishedUrl: '',
    costCents: 2500,
    metrics: null,
    ...over,
  };
}

async function refusal(p: Promise<unknown>): Promise<ContentValidationError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ContentValidationError);
  return err as ContentValidationError;
}

describe('content repository', () => {
  it('saves a valid item and reschedules it keeping its time', async () => {
    const item = newItem(await firstPartnerId());
    await saveContentItem(db, item);
    const moved = await rescheduleContentItem(db, item.id, '2025-04-09', NOW + 1000);
    expect(moved.plannedDate).toBe('2025-04-09');
    expect(await getContentItem(db, item.id)).toMatchObject({
      plannedDate: '2025-04-09',
      plannedTime: '09:30',
      updatedAt: NOW + 1000,
    });
  });

  it("counts each item's own revisions (its calendar SEQUENCE), not the clock", async () => {
    const item = newItem(await firstPartnerId());
    const other = newItem(await firstPartnerId());
    await saveContentItems(db, [item, other]);
    expect((await getContentItem(db, item.id))!.sequence).toBeUndefined(); // new: revision 0
    // Saved again unchanged (only the time of the save differs): still revision 0.
    await saveContentItem(db, { ...item, updatedAt: NOW + 5 });
    expect((await getContentItem(db, item.id))!.sequence ?? 0).toBe(0);
    await saveContentItem(db, { ...item, title: 'Renamed', updatedAt: NOW + 10 });
    expect((await getContentItem(db, item.id))!.sequence).toBe(1);
    const moved = await rescheduleContentItem(db, item.id, '2025-04-09', NOW + 20);
    expect(moved.sequence).toBe(2);
    expect((await getContentItem(db, item.id))!.sequence).toBe(2);
    // The other item was never revised.
    expect((await getContentItem(db, other.id))!.sequence ?? 0).toBe(0);
  });

  it('refuses a batch with one unknown partner and saves nothing of it', async () => {
    const before = await countContent(db);
    const good = newItem(await firstPartnerId());
    const err = await refusal(saveContentItems(db, [good, newItem('p-nobody')]));
    expect(err.issues).toEqual([
      { field: 'partnerId', message: 'Item 2: Partner "p-nobody" does not exist' },
    ]);
    expect(await countContent(db)).toBe(before);
    expect(await getContentItem(db, good.id)).toBeUndefined();
  });

  it('refuses impossible dates and negative results with a message', async () => {
    const pid = await firstPartnerId();
    const bad = await refusal(saveContentItem(db, newItem(pid, { plannedDate: '2025-02-29' })));
    expect(bad.message).toBe('Planned date is not a real calendar date');
    const metrics = {
      reach: 100,
      impressions: -5,
      likes: 1,
      comments: 0,
      shares: 0,
      saves: 0,
      clicks: 0,
    };
    const neg = await refusal(saveContentItem(db, newItem(pid, { status: 'published', metrics })));
    expect(neg.issues[0]).toEqual({
      field: 'impressions',
      message: 'Impressions must not be negative',
    });
    const item = newItem(pid);
    await saveContentItem(db, item);
    const moved = await refusal(rescheduleContentItem(db, item.id, '2025-13-01', NOW));
    expect(moved.issues[0]?.field).toBe('plannedDate');
    expect((await getContentItem(db, item.id))?.plannedDate).toBe('2025-04-02');
    await refusal(rescheduleContentItem(db, 'missing', '2025-04-01', NOW));
  });

  it('saves a campaign with its items in one go, or neither', async () => {
    const pid = await firstPartnerId();
    const campaign: Campaign = {
      id: 'cmp-new',
      createdAt: NOW,
      updatedAt: NOW,
      name: 'Autumn walks',
      goal: 'awareness',
      startDate: '2025-09-01',
      endDate: '2025-09-30',
      budgetCents: 100_000,
      notes: '',
      partnerIds: [pid],
    };
    const bad = await refusal(
      saveCampaign(db, campaign, [newItem(pid, { campaignId: 'cmp-new', plannedTime: '25:00' })]),
    );
    expect(bad.message).toBe('Time must be HH:MM');
    expect(await db.campaigns.get('cmp-new')).toBeUndefined();

    const ok = newItem(pid, { campaignId: 'cmp-new' });
    await saveCampaign(db, campaign, [ok]);
    expect((await getContentItem(db, ok.id))?.campaignId).toBe('cmp-new');

    await refusal(saveCampaign(db, { ...campaign, partnerIds: ['ghost'] }));
    await deleteCampaign(db, 'cmp-new', NOW);
    expect(await db.campaigns.get('cmp-new')).toBeUndefined();
    expect((await getContentItem(db, ok.id))?.campaignId).toBeNull();
  });

  it('refuses an item in an unknown campaign', async () => {
    const err = await refusal(
      saveContentItem(db, newItem(await firstPartnerId(), { campaignId: 'cmp-404' })),
    );
    expect(err.issues[0]?.message).toBe('Campaign "cmp-404" does not exist');
  });

  it('refuses a save from a dialog opened on an older version, and overwrites when asked', async () => {
    const item = newItem(await firstPartnerId());
    await saveContentItem(db, item);
    // Moved in another window after this dialog was opened.
    await rescheduleContentItem(db, item.id, '2025-04-05', NOW + 1000);
    const edited = { ...item, title: 'Edited here', updatedAt: NOW + 2000 };
    await expect(saveContentItem(db, edited, NOW)).rejects.toBeInstanceOf(StaleWriteError);
    expect(await getContentItem(db, item.id)).toMatchObject({
      title: 'Spring walk reel',
      plannedDate: '2025-04-05',
    });
    await saveContentItem(db, edited, NOW + 1000);
    expect((await getContentItem(db, item.id))?.title).toBe('Edited here');
    await saveContentItem(db, { ...edited, title: 'Overwritten' });
    expect((await getContentItem(db, item.id))?.title).toBe('Overwritten');
  });

  it('reads a range, a partner and a campaign through their indexes, as a scan would', async () => {
    const all = await allContent(db);
    const byId = (a: ContentItem, b: ContentItem) => a.id.localeCompare(b.id);
    const month = await contentBetween(db, '2025-02-24', '2025-04-06');
    expect(month.length).toBeGreaterThan(0);
    expect([...month].sort(byId)).toEqual(
      all.filter((c) => c.plannedDate >= '2025-02-24' && c.plannedDate <= '2025-04-06').sort(byId),
    );
    const pid = await firstPartnerId();
    expect((await contentOfPartner(db, pid)).sort(byId)).toEqual(
      all.filter((c) => c.partnerId === pid).sort(byId),
    );
    const cid = all.find((c) => c.campaignId !== null)!.campaignId!;
    expect((await contentOfCampaign(db, cid)).sort(byId)).toEqual(
      all.filter((c) => c.campaignId === cid).sort(byId),
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  campaignSpend,
  deliverablesTracker,
  engagementRate,
  filterContent,
  isOverdue,
  monthGrid,
  startOfWeek,
  summarizeCampaign,
  validateCampaign,
  validateContentItem,
  EMPTY_FILTER,
} from '../../src/domain/content';
import type { Campaign, ContentItem, ContentStatus, PartnerKind } from '../../src/domain/schemas';

const TODAY = '2025-03-15';

let seq = 0;
function item(
  partnerId: string,
  plannedDate: string,
  status: ContentStatus,
  over: Partial<ContentItem> = {},
): ContentItem {
  seq += 1;
  return {
    id: `ci-${seq}`,
    createdAt: 0,
    updatedAt: 0,
    partnerId,
    campaignId: null,
    platform: 'instagram',
    format: 'post',
    plannedDate,
    plannedTime: '',
    status,
    title: '',
    brief: '',
    control: 'partner',
    publishedUrl: '',
    costCents: 0,
    metrics: null,
    ...over,
  };
}

describe('overdue', () => {
  it('is past its day and still open; published and missed items are settled', () => {
    expect(isOverdue({ plannedDate: '2025-03-14', status: 'approved' }, TODAY)).toBe(true);
    expect(isOverdue({ plannedDate: '2025-03-14', status: 'idea' }, TODAY)).toBe(true);
    expect(isOverdue({ plannedDate: '2025-03-15', status: 'planned' }, TODAY)).toBe(false);
    expect(isOverdue({ plannedDate: '2025-03-01', status: 'published' }, TODAY)).toBe(false);
    expect(isOverdue({ plannedDate: '2025-03-01', status: 'missed' }, TODAY)).toBe(false);
  });
});

describe('filterContent', () => {
  const items = [
    item('amb', '2025-03-10', 'planned', { campaignId: 'c1', platform: 'tiktok' }),
    item('aff', '2025-03-20', 'planned'),
    item('aff', '2025-03-01', 'published', { campaignId: 'c1' }),
  ];
  const kindOf = (id: string): PartnerKind => (id === 'amb' ? 'ambassador' : 'affiliate');
  const ids = (f: Partial<typeof EMPTY_FILTER>) =>
    filterContent(items, { ...EMPTY_FILTER, ...f }, kindOf, TODAY).map((i) => i.id);
  it('combines partner, kind, campaign, platform and status filters', () => {
    const [a, b, c] = items.map((i) => i.id);
    expect(ids({})).toEqual([a, b, c]);
    expect(ids({ kind: 'affiliate' })).toEqual([b, c]);
    expect(ids({ partnerId: 'amb' })).toEqual([a]);
    expect(ids({ campaignId: 'c1' })).toEqual([a, c]);
    expect(ids({ campaignId: 'none' })).toEqual([b]);
    expect(ids({ platform: 'tiktok' })).toEqual([a]);
    expect(ids({ status: 'published' })).toEqual([c]);
    expect(ids({ status: 'overdue' })).toEqual([a]);
    expect(ids({ kind: 'affiliate', campaignId: 'c1' })).toEqual([c]);
  });
});

describe('calendar grids', () => {
  it('starts weeks on Monday', () => {
    expect(startOfWeek('2025-03-15')).toBe('2025-03-10'); // a Saturday
    expect(startOfWeek('2025-03-10')).toBe('2025-03-10');
    expect(startOfWeek('2025-03-16')).toBe('2025-03-10'); // a Sunday
    expect(startOfWeek('1970-01-01')).toBe('1969-12-29');
  });
  it('covers the month in whole weeks', () => {
    const march = monthGrid('2025-03-15');
    expect(march).toHaveLength(6);
    expect(march[0]![0]).toBe('2025-02-24');
    expect(march.at(-1)!.at(-1)).toBe('2025-04-06');
    // February 2021 starts on a Monday and has exactly 4 weeks.
    expect(monthGrid('2021-02-01')).toHaveLength(4);
  });
});

describe('engagement and spend', () => {
  it('divides interactions by reach, null without reach', () => {
    const m = {
      reach: 2000,
      impressions: 3000,
      likes: 80,
      comments: 10,
      shares: 6,
      saves: 4,
      clicks: 50,
    };
    expect(engagementRate(m)).toBeCloseTo(0.05, 10);
    expect(engagementRate({ ...m, reach: 0 })).toBeNull();
    expect(engagementRate(null)).toBeNull();
  });

  it('sums flat fees of published items of the campaign only', () => {
    const items = [
      item('a', '2025-03-01', 'published', { campaignId: 'c1', costCents: 12_500 }),
      item('a', '2025-03-02', 'published', { campaignId: 'c1', costCents: 7_550 }),
      item('a', '2025-03-20', 'approved', { campaignId: 'c1', costCents: 10_000 }),
      item('b', '2025-03-03', 'published', { campaignId: 'c2', costCents: 99_900 }),
      item('b', '2025-03-04', 'missed', { campaignId: 'c1', costCents: 5_000 }),
    ];
    expect(campaignSpend('c1', items)).toBe(20_050);
    const campaign = { id: 'c1', budgetCents: 15_000 } as Campaign;
    expect(summarizeCampaign(campaign, items, TODAY)).toEqual({
      items: 4,
      published: 2,
      overdue: 0,
      spentCents: 20_050,
      remainingCents: -5_050,
      reach: 0,
    });
  });
});

describe('deliverablesTracker', () => {
  const partners = [{ id: 'amb' }, { id: 'aff' }];
  const contracts = [
    // Renegotiated: 4 posts a month until February, 2 from March.
    { partnerId: 'amb', startDate: '2024-06-01', endDate: '2025-02-28', deliverablesPerMonth: 4 },
    { partnerId: 'amb', startDate: '2025-03-01', endDate: null, deliverablesPerMonth: 2 },
    // Starts mid-month: counts for that month.
    { partnerId: 'aff', startDate: '2025-03-10', endDate: null, deliverablesPerMonth: 1 },
  ];
  const items = [
    item('amb', '2025-02-03', 'published'),
    item('amb', '2025-02-10', 'published'),
    item('amb', '2025-02-17', 'missed'),
    item('amb', '2025-02-24', 'idea'),
    item('amb', '2025-03-05', 'published'),
    item('amb', '2025-03-25', 'approved'),
    item('amb', '2025-04-02', 'idea'),
    item('aff', '2025-02-12', 'published'),
    item('aff', '2025-03-28', 'planned'),
  ];
  const rows = deliverablesTracker(
    partners,
    contracts,
    items,
    ['2025-02', '2025-03', '2025-04'],
    TODAY,
  );
  const row = (p: string, m: string) => rows.find((r) => r.partnerId === p && r.month === m)!;

  it('counts contracted vs planned vs published per partner and month', () => {
    expect(rows).toHaveLength(6);
    expect(row('amb', '2025-02')).toMatchObject({
      contracted: 4,
      planned: 2,
      published: 2,
      missed: 1,
      state: 'behind',
    });
    expect(row('amb', '2025-03')).toMatchObject({
      contracted: 2,
      planned: 2,
      published: 1,
      state: 'on track',
    });
    expect(row('amb', '2025-04')).toMatchObject({
      contracted: 2,
      planned: 0,
      published: 0,
      state: 'to plan',
    });
  });

  it('applies a contract starting mid-month and marks months without one', () => {
    expect(row('aff', '2025-02')).toMatchObject({
      contracted: 0,
      published: 1,
      state: 'no contract',
    });
    expect(row('aff', '2025-03')).toMatchObject({ contracted: 1, planned: 1, state: 'on track' });
  });

  it('is behind this month when too little is planned', () => {
    const short = deliverablesTracker(
      [{ id: 'amb' }],
      contracts,
      items.slice(0, 5),
      ['2025-03'],
      TODAY,
    );
    expect(short[0]).toMatchObject({ contracted: 2, planned: 1, published: 1, state: 'behind' });
  });

  it('is met once enough is published', () => {
    const met = deliverablesTracker(
      [{ id: 'aff' }],
      contracts,
      [...items, item('aff', '2025-03-12', 'published')],
      ['2025-03'],
      TODAY,
    );
    expect(met[0]).toMatchObject({ contracted: 1, published: 1, planned: 2, state: 'met' });
  });
});

describe('validation', () => {
  const known = { partners: new Set(['p1']), campaigns: new Set(['c1']) };
  const valid = item('p1', '2025-03-01', 'planned', { id: 'x' });
  it('accepts a valid item', () => {
    expect(validateContentItem(valid, known)).toEqual([]);
  });
  it('names the field: unknown partner, impossible date, negative metric, early results', () => {
    expect(validateContentItem({ ...valid, partnerId: 'nope' }, known)).toEqual([
      { field: 'partnerId', message: 'Partner "nope" does not exist' },
    ]);
    expect(validateContentItem({ ...valid, plannedDate: '2025-02-30' }, known)).toEqual([
      { field: 'plannedDate', message: 'Planned date is not a real calendar date' },
    ]);
    const metrics = {
      reach: 10,
      impressions: 10,
      likes: -1,
      comments: 0,
      shares: 0,
      saves: 0,
      clicks: 0,
    };
    expect(validateContentItem({ ...valid, status: 'published', metrics }, known)[0]?.message).toBe(
      'Likes must not be negative',
    );
    expect(validateContentItem({ ...valid, metrics: { ...metrics, likes: 1 } }, known)).toEqual([
      { field: 'metrics', message: 'Results can only be recorded once the item is published' },
    ]);
    expect(validateContentItem({ ...valid, campaignId: 'c9' }, known)[0]?.field).toBe('campaignId');
  });
  it('checks campaigns: dates in order and known partners', () => {
    const c = {
      id: 'c1',
      createdAt: 0,
      updatedAt: 0,
      name: 'Spring',
      goal: 'sales',
      startDate: '2025-03-10',
      endDate: '2025-03-01',
      budgetCents: 0,
      notes: '',
      partnerIds: ['p1', 'ghost'],
    };
    expect(validateCampaign(c, known).map((i) => i.message)).toEqual([
      'End date must not be before the start date',
      'Unknown partner: ghost',
    ]);
  });
});

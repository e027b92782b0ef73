/** The hand-computed comparison fixture shared by the compare and advisor tests. */
import type { CompareData } from '../../src/domain/compare';
import type { ContentItem, Contract, Order, Partner } from '../../src/domain/schemas';

const stamp = { createdAt: 0, updatedAt: 0 };

const partner = (over: Partial<Partner> & Pick<Partner, 'id' | 'kind'>): Partner => ({
  ...stamp,
  name: over.id,
  email: '',
  tags: [],
  status: 'active',
  statusHistory: [],
  niche: 'dogs',
  location: { city: '', region: '', country: 'US' },
  exclusive: false,
  payout: { method: 'none', handle: '' },
  notes: '',
  accounts: [],
  codes: [],
  referralSlug: '',
  archived: false,
  ...over,
});

const contract = (over: Partial<Contract> & Pick<Contract, 'id' | 'partnerId'>): Contract => ({
  ...stamp,
  startDate: '2025-01-01',
  endDate: null,
  retainerCents: 0,
  retainerPeriod: 'monthly',
  commissionRate: 0,
  commissionBase: 'subtotal',
  commissionOnRepeat: false,
  flatFeePerPostCents: 0,
  perksCentsPerMonth: 0,
  deliverablesPerMonth: 0,
  notes: '',
  ...over,
});

const order = (
  id: string,
  partnerId: string,
  iso: string,
  subtotal: number,
  total: number,
  status: Order['status'] = 'paid',
  refunded = 0,
): Order => ({
  id,
  ...stamp,
  source: 'shopify',
  orderId: id,
  placedAt: iso,
  placedAtMs: Date.parse(iso),
  currency: 'USD',
  subtotalCents: subtotal,
  discountCents: 0,
  shippingCents: 0,
  taxCents: total - subtotal,
  totalCents: total,
  refundedCents: refunded,
  status,
  codes: [],
  tags: [],
  note: '',
  partnerId,
  attribution: { method: 'code', reason: '' },
  customerKey: null,
  email: null,
  region: { country: '', province: '', city: '' },
});

const metrics = (reach: number, impressions: number, likes: number, rest = [0, 0, 0]) => ({
  reach,
  impressions,
  likes,
  comments: rest[0]!,
  shares: rest[1]!,
  saves: rest[2]!,
  clicks: 0,
});

const post = (
  id: string,
  partnerId: string,
  date: string,
  over: Partial<ContentItem> = {},
): ContentItem => ({
  id,
  ...stamp,
  partnerId,
  campaignId: null,
  platform: 'instagram',
  format: 'post',
  plannedDate: date,
  plannedTime: '',
  status: 'published',
  title: '',
  brief: '',
  control: 'partner',
  publishedUrl: '',
  costCents: 0,
  metrics: null,
  ...over,
});

/*
 * Hand-computed fixture. Period 2025-01-01..2025-02-28 (59 days = 1.93839 months of 30.4375 days).
 * A1: ambassador, contract starts 2025-01-16 (cut in half by the period), retainer 310.00/month.
 * A2: ambassador, contract ends 2025-01-31, retainer 200.00 + perks 50.00, 10 % commission.
 * F1: micro-affiliate, 20 % commission, 25.00 per published post.
 * F2: micro-affiliate whose contract ended in 2024: not in play.
 */
export const data: CompareData = {
  partners: [
    partner({
      id: 'a1',
      kind: 'ambassador',
      exclusive: true,
      tags: ['community ambassador'],
      accounts: [
        { platform: 'instagram', handle: '@a1', followers: 20_000, engagementRate: 3 },
        { platform: 'tiktok', handle: '@a1', followers: 5_000, engagementRate: 3 },
      ],
    }),
    partner({
      id: 'a2',
      kind: 'ambassador',
      accounts: [{ platform: 'youtube', handle: '@a2', followers: 60_000, engagementRate: 2 }],
    }),
    partner({
      id: 'f1',
      kind: 'affiliate',
      tags: ['peer-to-peer affiliate'],
      accounts: [{ platform: 'instagram', handle: '@f1', followers: 5_000, engagementRate: 6 }],
    }),
    partner({ id: 'f2', kind: 'affiliate', accounts: [] }),
  ],
  contracts: [
    contract({ id: 'k-a1', partnerId: 'a1', startDate: '2025-01-16', retainerCents: 31_000 }),
    contract({
      id: 'k-a2',
      partnerId: 'a2',
      startDate: '2024-06-01',
      endDate: '2025-01-31',
      retainerCents: 20_000,
      perksCentsPerMonth: 5_000,
      commissionRate: 10,
    }),
    contract({ id: 'k-f1', partnerId: 'f1', startDate: '2024-10-01', commissionRate: 20 }),
    contract({ id: 'k-f2', partnerId: 'f2', startDate: '2024-01-01', endDate: '2024-06-30' }),
  ],
  campaigns: [
    {
      id: 'cmp1',
      ...stamp,
      name: 'Spring',
      goal: 'sales',
      startDate: '2025-01-01',
      endDate: '2025-01-31',
      budgetCents: 0,
      notes: '',
      partnerIds: ['f1'],
    },
  ],
  contentItems: [
    post('c1', 'a1', '2025-01-20', {
      control: 'co-created',
      metrics: metrics(1_000, 2_000, 80, [10, 5, 5]),
    }),
    post('c2', 'a1', '2025-02-10', { control: 'co-created', metrics: metrics(2_000, 3_000, 100) }),
    post('c3', 'a1', '2025-02-15'),
    post('c4', 'a1', '2025-02-20', { status: 'planned' }),
    post('c5', 'a2', '2025-01-05', { platform: 'youtube', metrics: metrics(0, 4_000, 600) }),
    post('fc1', 'f1', '2025-01-10', {
      campaignId: 'cmp1',
      costCents: 2_500,
      metrics: metrics(500, 600, 40, [5, 3, 2]),
    }),
    post('fc2', 'f1', '2025-02-02', { costCents: 2_500, metrics: metrics(400, 500, 20) }),
    post('fc3', 'f1', '2025-02-20', { costCents: 2_500, status: 'missed' }),
  ],
  orders: [
    order('o1', 'a1', '2025-01-20T15:00:00Z', 10_000, 10_000),
    order('o2', 'a1', '2025-02-05T15:00:00Z', 6_000, 6_000),
    order('o3', 'a1', '2025-02-10T15:00:00Z', 4_000, 4_000, 'refunded', 4_000),
    order('o4', 'a1', '2025-02-11T15:00:00Z', 5_000, 5_000, 'partially refunded', 1_000),
    order('o5', 'a1', '2025-02-12T15:00:00Z', 3_000, 3_000, 'cancelled'),
    order('o6', 'a1', '2025-02-20T15:00:00Z', 5_000, 5_000),
    order('o7', 'a1', '2025-03-05T15:00:00Z', 9_999, 9_999),
    order('o8', 'a2', '2025-01-10T15:00:00Z', 8_000, 8_000),
    order('o9', 'a2', '2025-01-25T15:00:00Z', 12_000, 12_000),
    order('o10', 'a2', '2025-02-15T15:00:00Z', 2_000, 2_000),
    order('f-o1', 'f1', '2025-01-03T15:00:00Z', 4_000, 4_500),
    order('f-o2', 'f1', '2025-01-15T15:00:00Z', 5_000, 5_500),
    order('f-o3', 'f1', '2025-02-01T15:00:00Z', 3_000, 3_300),
    order('f-o4', 'f1', '2025-02-14T15:00:00Z', 6_000, 6_600, 'refunded', 6_600),
    order('f-o5', 'f1', '2025-02-27T15:00:00Z', 2_000, 2_200, 'partially refunded', 1_100),
    // 22:00 on Feb 28 in New York: inside the period.
    order('f-o6', 'f1', '2025-03-01T03:00:00Z', 1_000, 1_000),
    order('f-o7', 'f1', '2024-12-31T12:00:00Z', 7_000, 7_000),
    order('x1', 'nobody', '2025-01-12T15:00:00Z', 1_000, 1_000),
  ],
  bonuses: [],
  bonusRules: [],
};
export const range = { start: '2025-01-01', end: '2025-02-28' };
export const opts = {
  timeZone: 'America/New_York',
  countDiscountAsCost: false,
  cpmCents: 1_000,
  today: '2025-03-31',
};

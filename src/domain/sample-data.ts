/**
 * A deterministic, realistic demo pet brand ("Barkside Treat Co."): partners of both kinds and
 * every sub-type, contracts (some renegotiated), campaigns, 12 months of content and about 3,000
 * orders with codes, refunds and cancellations. Pure: the caller passes today's date and the clock.
 * The brand's tables are in sample-tables.ts; here each kind of record has a small builder, all
 * drawing from one seeded random stream in a fixed order (so a seed always gives the same brand).
 */
import { CONTENT_FORMATS } from './constants';
import { activeContractAt } from './contracts';
import { addDays, addMonths, dayNumber, fromDayNumber, startOfMonth } from './dates';
import { partnerEarnings } from './earnings';
import { orderRecordId, seededRandom } from './ids';
import {
  CAMPAIGNS,
  CONTENT_TITLES,
  EXTRA_CITIES,
  ORDER_STATUS_SHARES,
  SEEDS,
  UNKNOWN_CODES,
  type PartnerSeed,
} from './sample-tables';
import { makeSeeding } from './sample-seeding';
import {
  defaultSettings,
  type Bonus,
  type BonusRule,
  type BrandFollowerCount,
  type Campaign,
  type ContentItem,
  type Contract,
  type Order,
  type Partner,
  type Payout,
  type Pet,
  type Product,
  type Settings,
  type Shipment,
  type Deletion,
} from './schemas';

export interface DataSet {
  settings: Settings[];
  partners: Partner[];
  contracts: Contract[];
  campaigns: Campaign[];
  contentItems: ContentItem[];
  orders: Order[];
  payouts: Payout[];
  bonuses: Bonus[];
  bonusRules: BonusRule[];
  brandFollowers: BrandFollowerCount[];
  products: Product[];
  shipments: Shipment[];
  pets: Pet[];
  /** Deleted rows (a new brand has none). */
  deletions: Deletion[];
}

/** What every builder shares: the random stream, the dates and the record stamp. */
interface Gen {
  rand: () => number;
  pick: <T>(xs: readonly T[]) => T;
  between: (lo: number, hi: number) => number;
  stamp: { createdAt: number; updatedAt: number };
  today: string;
  /** First day of the 12-month window. */
  start: string;
  seed: number;
}

function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-|-$)/g, '');
}

function codeOf(name: string, pct: number): string {
  return `${name.split(' ')[0]!.toUpperCase()}${pct}`;
}

/** Build the demo data set for a brand whose "today" is `today` (YYYY-MM-DD). */
export function generateSampleData(today: string, now: number, seed = 20240501): DataSet {
  const rand = seededRandom(seed);
  const g: Gen = {
    rand,
    pick: (xs) => xs[Math.floor(rand() * xs.length)]!,
    between: (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)),
    stamp: { createdAt: now, updatedAt: now },
    today,
    start: addDays(addMonths(today, -12), 1),
    seed,
  };
  const settings: Settings = {
    ...defaultSettings(now),
    brandName: 'Barkside Treat Co.',
    brandUrl: 'https://barksidetreats.example/',
    customerSalt: 'sample-salt-7f3a9c',
    customTags: ['gift box', 'vegan treats'],
  };

  const partners: Partner[] = [];
  const contracts: Contract[] = [];
  SEEDS.forEach((s, i) => {
    const { partner, terms } = makePartner(g, s, i);
    partners.push(partner);
    contracts.push(...terms);
  });
  const active = partners.filter((p) => p.codes.length > 0);
  const campaigns = makeCampaigns(g, active);
  const contentItems = makeContent(g, partners, active, contracts, campaigns);
  const orders = makeOrders(g, active, contracts);
  const { bonusRules, bonuses } = makeBonuses(g);
  const brandFollowers = makeBrandFollowers(g);
  const payouts = makePayouts(g, active, {
    contracts,
    orders,
    contentItems,
    bonuses,
    bonusRules,
    timeZone: settings.timeZone,
  });

  return {
    settings: [settings],
    partners,
    contracts,
    campaigns,
    contentItems,
    orders,
    payouts,
    bonuses,
    bonusRules,
    brandFollowers,
    ...makeSeeding(today, partners, g.stamp),
    deletions: [],
  };
}

/** Most partners are active; a few are in the pipeline, paused or have ended. */
function statusOf(i: number): Partner['status'] {
  if (i === 16 || i === 40) return 'negotiating';
  if (i === 12 || i === 36) return 'ended';
  return i === 29 ? 'paused' : 'active';
}

/** One partner of the table, with their contracts (none while still negotiating). */
function makePartner(g: Gen, s: PartnerSeed, i: number): { partner: Partner; terms: Contract[] } {
  const { pick, between, start, today } = g;
  const id = `p-${String(i + 1).padStart(3, '0')}`;
  const amb = s.kind === 'ambassador';
  const pct = amb ? 10 : pick([10, 15, 15, 20]);
  const handle = `@${slugOf(s.name).replace(/-/g, '')}`;
  const status = statusOf(i);
  const joined = amb ? addDays(start, -between(60, 500)) : addDays(start, between(0, 200));
  const hist: Partner['statusHistory'] = [
    { status: 'contacted', date: addDays(joined, -21) },
    { status: 'negotiating', date: addDays(joined, -10) },
  ];
  if (status !== 'negotiating') hist.push({ status: 'active', date: joined });
  const endDate = status === 'ended' ? addDays(today, -between(40, 120)) : null;
  if (status === 'ended' && endDate) hist.push({ status: 'ended', date: endDate });
  if (status === 'paused') hist.push({ status: 'paused', date: addDays(today, -30) });
  const tags: string[] = s.tag ? [s.tag] : [];
  if (i % 9 === 0) tags.push('gift box');
  const accounts: Partner['accounts'] = [
    { platform: s.platform, handle, followers: s.followers, engagementRate: s.er },
  ];
  if (i % 3 === 0) {
    accounts.push({
      platform: s.platform === 'tiktok' ? 'instagram' : 'tiktok',
      handle,
      followers: Math.round(s.followers * 0.35),
      engagementRate: Math.round(s.er * 11) / 10,
    });
  }
  const partner: Partner = {
    id,
    ...g.stamp,
    name: s.name,
    email: `${slugOf(s.name).replace(/-/g, '.')}@example.com`,
    kind: s.kind,
    tags,
    status,
    statusHistory: hist,
    niche: s.niche,
    location: { city: s.city, region: s.region, country: 'US' },
    exclusive: amb ? i % 5 !== 4 : i % 4 === 0,
    payout:
      i % 4 === 1
        ? { method: 'venmo', handle: `@${slugOf(s.name)}` }
        : { method: 'paypal', handle: `${slugOf(s.name).replace(/-/g, '.')}@example.com` },
    notes: amb ? 'Co-creates seasonal recipes with us.' : '',
    accounts,
    codes: status === 'negotiating' ? [] : [codeOf(s.name, pct)],
    referralSlug: slugOf(s.name),
    archived: false,
  };
  if (status === 'negotiating') return { partner, terms: [] };
  return { partner, terms: makeContracts(g, s, i, { id, pct, joined, endDate }) };
}

function makeContracts(
  g: Gen,
  s: PartnerSeed,
  i: number,
  p: { id: string; pct: number; joined: string; endDate: string | null },
): Contract[] {
  const { between } = g;
  const amb = s.kind === 'ambassador';
  const retainer = amb
    ? s.followers > 100_000
      ? between(8, 15) * 10_000
      : between(2, 6) * 10_000
    : 0;
  const base: Omit<Contract, 'id' | 'startDate' | 'endDate' | 'retainerCents'> = {
    ...g.stamp,
    partnerId: p.id,
    retainerPeriod: 'monthly',
    commissionRate: amb ? (i % 2 === 0 ? 5 : 0) : p.pct,
    commissionBase: 'subtotal',
    commissionOnRepeat: false,
    flatFeePerPostCents: amb ? 0 : i % 3 === 0 ? 2_500 : 0,
    perksCentsPerMonth: amb ? between(3, 8) * 1_000 : 0,
    deliverablesPerMonth: amb ? between(3, 6) : between(1, 2),
    notes: '',
  };
  const one = { ...base, id: `k-${p.id}-1`, startDate: p.joined };
  // Some ambassadors renegotiated halfway through the year: two contracts, terms changed.
  if (!(amb && i % 4 === 1)) return [{ ...one, endDate: p.endDate, retainerCents: retainer }];
  const switchDate = addMonths(g.start, 6);
  return [
    { ...one, endDate: addDays(switchDate, -1), retainerCents: retainer - 10_000 },
    {
      ...base,
      id: `k-${p.id}-2`,
      startDate: switchDate,
      endDate: p.endDate,
      retainerCents: retainer,
    },
  ];
}

/** The day `mmdd` (MM-DD) that falls in the 12 months from `start`. */
function inWindow(start: string, mmdd: string): string {
  const d = `${start.slice(0, 4)}-${mmdd}`;
  return d < start ? addMonths(d, 12) : d;
}

/**
 * Partners behind on their posts: a few (about one in seven) post less than the contract asks
 * and miss more; the others post what they owe and rarely miss one.
 */
function isBehind(p: Partner): boolean {
  return Number(p.id.slice(2)) % 7 === 3;
}

/** The campaigns of the table, in their season, each with a few ambassadors and micro-affiliates. */
function makeCampaigns(g: Gen, active: Partner[]): Campaign[] {
  const ambassadors = active.filter((p) => p.kind === 'ambassador');
  const affiliates = active.filter((p) => p.kind === 'affiliate');
  return CAMPAIGNS.map((c, i) => {
    const s = inWindow(g.start, c.starts);
    const members = [...ambassadors.slice(i * 2, i * 2 + 3), ...affiliates.slice(i * 3, i * 3 + 6)];
    return {
      id: `cmp-${i + 1}`,
      ...g.stamp,
      name: c.name,
      goal: c.goal,
      startDate: s,
      endDate: addDays(s, c.len),
      budgetCents: c.budget,
      notes:
        c.goal === 'sales'
          ? 'Promo codes give 15% off the first order.'
          : 'Focus on stories and reels.',
      partnerIds: members.map((p) => p.id),
    };
  });
}

/** Content: ambassadors post steadily, affiliates around campaigns. */
function makeContent(
  g: Gen,
  partners: Partner[],
  active: Partner[],
  contracts: Contract[],
  campaigns: Campaign[],
): ContentItem[] {
  const { between, start } = g;
  const items: ContentItem[] = [];
  const add = (
    p: Partner,
    date: string,
    campaignId: string | null,
    titles: readonly string[] = CONTENT_TITLES,
  ) => {
    const fee = contracts.find((k) => k.partnerId === p.id)?.flatFeePerPostCents ?? 0;
    const missRate = isBehind(p) ? 0.3 : 0.02;
    items.push(contentItem(g, p, date, { campaignId, fee, titles, missRate }, items.length + 1));
  };
  // Every partner posts what the contract in force asks each month (a few fall short).
  for (let m = 0; m < 13; m++) {
    const monthStart = startOfMonth(addMonths(start, m));
    for (const p of active) {
      const k = activeContractAt(
        contracts.filter((c) => c.partnerId === p.id),
        addDays(monthStart, 14),
      );
      if (!k) continue;
      const short = isBehind(p) && g.rand() < 0.6 ? 1 : 0;
      const n = Math.max(p.kind === 'ambassador' ? 1 : 0, k.deliverablesPerMonth - short);
      for (let j = 0; j < n; j++) add(p, addDays(monthStart, between(0, 27)), null);
    }
  }
  for (const c of campaigns) {
    const span = dayNumber(c.endDate) - dayNumber(c.startDate);
    const titles = CAMPAIGNS.find((x) => x.name === c.name)?.titles ?? CONTENT_TITLES;
    for (const pid of c.partnerIds) {
      const p = partners.find((x) => x.id === pid)!;
      const n = p.kind === 'affiliate' ? between(2, 4) : 1;
      for (let j = 0; j < n; j++) add(p, addDays(c.startDate, between(0, span)), c.id, titles);
    }
  }
  return items;
}

/** One post: published with results when past (6 % missed), else somewhere in the pipeline. */
function contentItem(
  g: Gen,
  p: Partner,
  date: string,
  post: { campaignId: string | null; fee: number; titles: readonly string[]; missRate: number },
  seq: number,
): ContentItem {
  const { campaignId, fee } = post;
  const { rand, pick, between } = g;
  const todayN = dayNumber(g.today);
  const acc = p.accounts[0]!;
  const past = dayNumber(date) < todayN;
  const missed = past && rand() < post.missRate;
  const published = past && !missed;
  const reach = Math.round(acc.followers * (0.15 + rand() * 0.35));
  const eng = Math.round(reach * (acc.engagementRate / 100) * (0.7 + rand() * 0.6));
  const coCreated = rand() < (p.kind === 'ambassador' ? 0.8 : 0.2);
  const format =
    acc.platform === 'blog'
      ? 'blog'
      : acc.platform === 'youtube'
        ? pick(['long video', 'short video'] as const)
        : pick(CONTENT_FORMATS.slice(0, 4));
  return {
    id: `ci-${String(seq).padStart(4, '0')}`,
    ...g.stamp,
    partnerId: p.id,
    campaignId,
    platform: acc.platform,
    format,
    plannedDate: date,
    plannedTime: `${String(between(9, 19)).padStart(2, '0')}:00`,
    status: published
      ? 'published'
      : missed
        ? 'missed'
        : dayNumber(date) - todayN < 10
          ? 'approved'
          : pick(['idea', 'planned', 'planned', 'in review'] as const),
    title: `${pick(post.titles)} with ${p.name.split(' ')[0]}`,
    brief: 'Show the product in use; mention the code in the caption.',
    control: coCreated ? 'co-created' : 'partner',
    publishedUrl: published
      ? `https://${acc.platform === 'blog' ? 'blog' : acc.platform}.example/${slugOf(p.name)}/${seq}`
      : '',
    costCents: fee,
    metrics: published
      ? {
          reach,
          impressions: Math.round(reach * (1.2 + rand() * 0.8)),
          likes: Math.round(eng * 0.8),
          comments: Math.round(eng * 0.08),
          shares: Math.round(eng * 0.06),
          saves: Math.round(eng * 0.06),
          clicks: Math.round(reach * (p.kind === 'affiliate' ? 0.02 : 0.008)),
        }
      : null,
  };
}

interface Customer {
  key: string;
  city: [string, string];
}

/** Orders: about 3,000 over the last 12 months; most via partner codes, some via other codes. */
function makeOrders(g: Gen, active: Partner[], contracts: Contract[]): Order[] {
  const { rand, between, start } = g;
  const orders: Order[] = [];
  const customers: Customer[] = [];
  const totalDays = dayNumber(g.today) - dayNumber(start);
  const weights = active.map((p) =>
    p.kind === 'ambassador'
      ? 1 + p.accounts[0]!.followers / 60_000
      : 1.6 + p.accounts[0]!.engagementRate / 4,
  );
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const choosePartner = () => {
    let r = rand() * weightSum;
    for (let i = 0; i < active.length; i++) {
      r -= weights[i]!;
      if (r <= 0) return active[i]!;
    }
    return active[active.length - 1]!;
  };
  for (let n = 0; n < 3000; n++) {
    const day = fromDayNumber(dayNumber(start) + Math.floor(Math.pow(rand(), 0.85) * totalDays));
    const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
    // Noon-ish in New York: 16:00-23:59 UTC.
    const placedAtMs = Date.UTC(y, mo - 1, d, 16 + between(0, 7), between(0, 59), between(0, 59));
    const roll = rand();
    const partner = roll < 0.7 ? choosePartner() : null;
    const partnerContract = partner ? contracts.find((k) => k.partnerId === partner.id) : undefined;
    const contractEnd = partnerContract?.endDate ?? null;
    const credited =
      partner && (!contractEnd || day <= contractEnd) && day >= (partnerContract?.startDate ?? day)
        ? partner
        : null;
    const unknown = !credited && roll < 0.85 ? g.pick(UNKNOWN_CODES) : null;
    const amounts = orderAmounts(g, Boolean(credited || unknown));
    const cust = customerOf(g, customers, credited);
    const orderId = `#${1001 + n}`;
    const code = credited ? credited.codes[0]! : unknown;
    orders.push({
      id: orderRecordId('shopify', orderId),
      ...g.stamp,
      source: 'shopify',
      orderId,
      placedAt: new Date(placedAtMs).toISOString(),
      placedAtMs,
      currency: 'USD',
      ...amounts,
      codes: code ? [rand() < 0.3 ? code.toLowerCase() : code] : [],
      tags: [],
      note: '',
      partnerId: credited ? credited.id : null,
      attribution: credited ? { method: 'code', reason: `Used code ${credited.codes[0]}` } : null,
      customerKey: cust.key,
      email: null,
      region: { country: 'US', province: cust.city[1], city: cust.city[0] },
    });
  }
  orders.sort((a, b) => a.placedAtMs - b.placedAtMs);
  return orders;
}

/** An order's sums: 15 % off with a code, free shipping from $50, 7 % tax; a few refunds. */
function orderAmounts(g: Gen, withCode: boolean) {
  const gross = g.between(18, 120) * 100 + g.pick([0, 49, 99]);
  const discount = withCode ? Math.round(gross * 0.15) : 0;
  const subtotal = gross - discount;
  const shipping = subtotal >= 5000 ? 0 : 699;
  const tax = Math.round(subtotal * 0.07);
  const total = subtotal + shipping + tax;
  const statusRoll = g.rand();
  const status: Order['status'] =
    ORDER_STATUS_SHARES.find(([share]) => statusRoll < share)?.[1] ?? 'paid';
  const refunded =
    status === 'refunded' ? total : status === 'partially refunded' ? Math.round(total * 0.3) : 0;
  return {
    subtotalCents: subtotal,
    discountCents: discount,
    shippingCents: shipping,
    taxCents: tax,
    totalCents: total,
    refundedCents: refunded,
    status,
  };
}

/** 28 % of orders come from a returning customer; a new one often lives near the partner. */
function customerOf(g: Gen, customers: Customer[], credited: Partner | null): Customer {
  const { rand } = g;
  if (customers.length > 0 && rand() < 0.28) return g.pick(customers);
  const local = credited && credited.tags.includes('hyperlocal influencer') && rand() < 0.7;
  const cust: Customer = {
    key: `c${(g.seed ^ (customers.length * 2654435761)).toString(16).padStart(8, '0')}${customers.length.toString(16).padStart(6, '0')}`,
    city: local
      ? [credited.location.city, credited.location.region]
      : rand() < 0.5 && credited
        ? [credited.location.city, credited.location.region]
        : g.pick(EXTRA_CITIES),
  };
  customers.push(cust);
  return cust;
}

function makeBonuses(g: Gen): { bonusRules: BonusRule[]; bonuses: Bonus[] } {
  return {
    bonusRules: [
      {
        id: 'br-1',
        ...g.stamp,
        name: 'Top seller month',
        kind: null,
        minMonthlyRevenueCents: 300_000,
        bonusCents: 10_000,
        active: true,
      },
    ],
    bonuses: [
      {
        id: 'b-1',
        ...g.stamp,
        partnerId: 'p-001',
        date: addMonths(g.start, 4),
        amountCents: 15_000,
        reason: 'Viral holiday reel',
      },
    ],
  };
}

/** The brand's own followers month by month: Instagram and TikTok both growing. */
function makeBrandFollowers(g: Gen): BrandFollowerCount[] {
  const out: BrandFollowerCount[] = [];
  for (let m = 0; m < 12; m++) {
    const month = addMonths(g.start, m).slice(0, 7);
    out.push({
      id: `bf-instagram-${month}`,
      ...g.stamp,
      platform: 'instagram',
      month,
      followers: 12_000 + m * 850 + g.between(0, 200),
    });
    out.push({
      id: `bf-tiktok-${month}`,
      ...g.stamp,
      platform: 'tiktok',
      month,
      followers: 4_000 + m * 1_100 + g.between(0, 300),
    });
  }
  return out;
}

/**
 * Payouts: each partner was paid what they earned, month by month, from the start of their
 * contract up to two months ago; the last month or two are still owed.
 */
function makePayouts(
  g: Gen,
  active: Partner[],
  all: {
    contracts: Contract[];
    orders: Order[];
    contentItems: ContentItem[];
    bonuses: Bonus[];
    bonusRules: BonusRule[];
    timeZone: string;
  },
): Payout[] {
  const payouts: Payout[] = [];
  const paidUpTo = addDays(startOfMonth(addMonths(g.today, -1)), -1);
  const earningsOpts = { timeZone: all.timeZone, countDiscountAsCost: false };
  for (const p of active) {
    const mine = all.contracts.filter((c) => c.partnerId === p.id);
    const first = mine.reduce((a, c) => (c.startDate < a ? c.startDate : a), g.today);
    const records = {
      kind: p.kind,
      contracts: mine,
      orders: all.orders.filter((o) => o.partnerId === p.id),
      content: all.contentItems.filter((c) => c.partnerId === p.id),
      bonuses: all.bonuses.filter((b) => b.partnerId === p.id),
      bonusRules: all.bonusRules,
    };
    for (
      let periodStart = startOfMonth(first);
      periodStart <= paidUpTo;
      periodStart = addMonths(periodStart, 1)
    ) {
      const periodEnd = addDays(addMonths(periodStart, 1), -1);
      const period = { start: periodStart, end: periodEnd };
      const amount = partnerEarnings(records, period, earningsOpts).payableCents;
      if (amount === 0) continue;
      payouts.push({
        id: `po-${p.id}-${periodStart.slice(0, 7)}`,
        ...g.stamp,
        partnerId: p.id,
        periodStart,
        periodEnd,
        amountCents: amount,
        currency: 'USD',
        paidDate: addDays(periodEnd, 10),
        method: p.payout.method === 'venmo' ? 'venmo' : 'paypal',
        reference: `PP-${periodStart.replace(/-/g, '').slice(0, 6)}-${p.id.slice(2)}`,
        note: '',
      });
    }
  }
  return payouts;
}

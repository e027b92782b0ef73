/**
 * A deterministic, realistic demo pet brand ("Barkside Treat Co."): partners of both kinds and
 * every sub-type, contracts (some renegotiated), campaigns, 12 months of content and about 3,000
 * orders with codes, refunds and cancellations. Pure: the caller passes today's date and the clock.
 */
import { addDays, addMonths, dayNumber, fromDayNumber, startOfMonth } from './dates';
import { partnerEarnings } from './earnings';
import { orderRecordId, seededRandom } from './ids';
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
  type PartnerKind,
  type Payout,
  type Platform,
  type Settings,
  type SubtypeTag,
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
  /** Deleted rows (a new brand has none). */
  deletions: Deletion[];
}

interface PartnerSeed {
  name: string;
  kind: PartnerKind;
  tag: SubtypeTag | null;
  platform: Platform;
  followers: number;
  er: number;
  niche: string;
  city: string;
  region: string;
}

const SEEDS: PartnerSeed[] = [
  {
    name: 'Maya Chen',
    kind: 'ambassador',
    tag: null,
    platform: 'instagram',
    followers: 184_000,
    er: 2.1,
    niche: 'dogs',
    city: 'Portland',
    region: 'OR',
  },
  {
    name: 'Jordan Reyes',
    kind: 'ambassador',
    tag: null,
    platform: 'youtube',
    followers: 420_000,
    er: 1.6,
    niche: 'dogs',
    city: 'Austin',
    region: 'TX',
  },
  {
    name: 'Priya Nair',
    kind: 'ambassador',
    tag: 'community ambassador',
    platform: 'facebook',
    followers: 38_000,
    er: 4.2,
    niche: 'dogs',
    city: 'Denver',
    region: 'CO',
  },
  {
    name: 'Sam Okafor',
    kind: 'ambassador',
    tag: null,
    platform: 'tiktok',
    followers: 265_000,
    er: 3.4,
    niche: 'cats',
    city: 'Atlanta',
    region: 'GA',
  },
  {
    name: 'Lena Fischer',
    kind: 'ambassador',
    tag: 'nano-ambassador',
    platform: 'instagram',
    followers: 6_400,
    er: 6.8,
    niche: 'cats',
    city: 'Madison',
    region: 'WI',
  },
  {
    name: 'Carlos Mendes',
    kind: 'ambassador',
    tag: 'hyperlocal influencer',
    platform: 'instagram',
    followers: 12_800,
    er: 5.1,
    niche: 'dogs',
    city: 'Brooklyn',
    region: 'NY',
  },
  {
    name: 'Hannah Brooks',
    kind: 'ambassador',
    tag: null,
    platform: 'youtube',
    followers: 96_000,
    er: 2.9,
    niche: 'small pets',
    city: 'Columbus',
    region: 'OH',
  },
  {
    name: 'Theo Walsh',
    kind: 'ambassador',
    tag: 'community ambassador',
    platform: 'facebook',
    followers: 22_500,
    er: 3.8,
    niche: 'dogs',
    city: 'Boise',
    region: 'ID',
  },
  {
    name: 'Aisha Karim',
    kind: 'ambassador',
    tag: 'nano-ambassador',
    platform: 'tiktok',
    followers: 8_900,
    er: 7.4,
    niche: 'dogs',
    city: 'Tucson',
    region: 'AZ',
  },
  {
    name: 'Noah Lindqvist',
    kind: 'ambassador',
    tag: 'hyperlocal influencer',
    platform: 'instagram',
    followers: 15_200,
    er: 4.9,
    niche: 'dogs',
    city: 'Seattle',
    region: 'WA',
  },
  {
    name: 'Grace Kim',
    kind: 'ambassador',
    tag: null,
    platform: 'instagram',
    followers: 310_000,
    er: 1.9,
    niche: 'cats',
    city: 'San Diego',
    region: 'CA',
  },
  {
    name: 'Ben Adeyemi',
    kind: 'ambassador',
    tag: 'nano-ambassador',
    platform: 'instagram',
    followers: 4_800,
    er: 8.1,
    niche: 'aquarium',
    city: 'Raleigh',
    region: 'NC',
  },
  {
    name: 'Olivia Hart',
    kind: 'ambassador',
    tag: null,
    platform: 'pinterest',
    followers: 58_000,
    er: 2.4,
    niche: 'dogs',
    city: 'Nashville',
    region: 'TN',
  },
  {
    name: 'Ravi Patel',
    kind: 'ambassador',
    tag: 'community ambassador',
    platform: 'newsletter',
    followers: 18_000,
    er: 5.5,
    niche: 'dogs',
    city: 'Chicago',
    region: 'IL',
  },
  {
    name: 'Zoe Martin',
    kind: 'ambassador',
    tag: 'hyperlocal influencer',
    platform: 'tiktok',
    followers: 9_700,
    er: 6.2,
    niche: 'cats',
    city: 'Brooklyn',
    region: 'NY',
  },
  {
    name: 'Ella Novak',
    kind: 'ambassador',
    tag: null,
    platform: 'blog',
    followers: 41_000,
    er: 3.1,
    niche: 'dogs',
    city: 'Minneapolis',
    region: 'MN',
  },
  {
    name: 'Kai Nakamura',
    kind: 'ambassador',
    tag: null,
    platform: 'youtube',
    followers: 150_000,
    er: 2.2,
    niche: 'small pets',
    city: 'Honolulu',
    region: 'HI',
  },
  {
    name: 'Rosa Alvarez',
    kind: 'affiliate',
    tag: 'peer-to-peer affiliate',
    platform: 'instagram',
    followers: 3_200,
    er: 7.9,
    niche: 'dogs',
    city: 'Phoenix',
    region: 'AZ',
  },
  {
    name: 'Dev Sharma',
    kind: 'affiliate',
    tag: null,
    platform: 'tiktok',
    followers: 24_000,
    er: 5.8,
    niche: 'dogs',
    city: 'Dallas',
    region: 'TX',
  },
  {
    name: 'Chloe Dubois',
    kind: 'affiliate',
    tag: 'brand-advocate micro-tier',
    platform: 'instagram',
    followers: 2_100,
    er: 9.2,
    niche: 'cats',
    city: 'New Orleans',
    region: 'LA',
  },
  {
    name: 'Marcus Lee',
    kind: 'affiliate',
    tag: null,
    platform: 'youtube',
    followers: 31_000,
    er: 4.4,
    niche: 'dogs',
    city: 'Sacramento',
    region: 'CA',
  },
  {
    name: 'Ivy Thompson',
    kind: 'affiliate',
    tag: 'peer-to-peer affiliate',
    platform: 'facebook',
    followers: 1_800,
    er: 8.6,
    niche: 'dogs',
    city: 'Richmond',
    region: 'VA',
  },
  {
    name: 'Omar Haddad',
    kind: 'affiliate',
    tag: null,
    platform: 'tiktok',
    followers: 47_000,
    er: 5.2,
    niche: 'cats',
    city: 'Detroit',
    region: 'MI',
  },
  {
    name: 'Sofia Rossi',
    kind: 'affiliate',
    tag: 'brand-advocate micro-tier',
    platform: 'instagram',
    followers: 5_600,
    er: 7.1,
    niche: 'dogs',
    city: 'Providence',
    region: 'RI',
  },
  {
    name: 'Lucas Silva',
    kind: 'affiliate',
    tag: null,
    platform: 'instagram',
    followers: 19_500,
    er: 4.8,
    niche: 'aquarium',
    city: 'Miami',
    region: 'FL',
  },
  {
    name: 'Emma Johansson',
    kind: 'affiliate',
    tag: 'nano-ambassador',
    platform: 'tiktok',
    followers: 7_300,
    er: 6.9,
    niche: 'small pets',
    city: 'Salt Lake City',
    region: 'UT',
  },
  {
    name: 'Tyler Brooks',
    kind: 'affiliate',
    tag: null,
    platform: 'pinterest',
    followers: 28_000,
    er: 3.6,
    niche: 'dogs',
    city: 'Kansas City',
    region: 'MO',
  },
  {
    name: 'Nina Petrova',
    kind: 'affiliate',
    tag: 'hyperlocal influencer',
    platform: 'instagram',
    followers: 11_200,
    er: 5.9,
    niche: 'dogs',
    city: 'Brooklyn',
    region: 'NY',
  },
  {
    name: 'Jamal Wright',
    kind: 'affiliate',
    tag: null,
    platform: 'youtube',
    followers: 62_000,
    er: 3.9,
    niche: 'dogs',
    city: 'Charlotte',
    region: 'NC',
  },
  {
    name: 'Hana Sato',
    kind: 'affiliate',
    tag: 'peer-to-peer affiliate',
    platform: 'instagram',
    followers: 2_700,
    er: 8.8,
    niche: 'cats',
    city: 'San Jose',
    region: 'CA',
  },
  {
    name: 'Leo Garcia',
    kind: 'affiliate',
    tag: null,
    platform: 'tiktok',
    followers: 88_000,
    er: 4.1,
    niche: 'dogs',
    city: 'Houston',
    region: 'TX',
  },
  {
    name: 'Maddie Cole',
    kind: 'affiliate',
    tag: 'brand-advocate micro-tier',
    platform: 'facebook',
    followers: 1_400,
    er: 10.3,
    niche: 'dogs',
    city: 'Omaha',
    region: 'NE',
  },
  {
    name: 'Felix Wagner',
    kind: 'affiliate',
    tag: null,
    platform: 'blog',
    followers: 14_000,
    er: 3.2,
    niche: 'aquarium',
    city: 'Pittsburgh',
    region: 'PA',
  },
  {
    name: 'Amara Obi',
    kind: 'affiliate',
    tag: 'community ambassador',
    platform: 'instagram',
    followers: 9_100,
    er: 6.4,
    niche: 'cats',
    city: 'Baltimore',
    region: 'MD',
  },
  {
    name: 'Ryan Murphy',
    kind: 'affiliate',
    tag: null,
    platform: 'instagram',
    followers: 36_000,
    er: 4.6,
    niche: 'dogs',
    city: 'Boston',
    region: 'MA',
  },
  {
    name: 'Bella Costa',
    kind: 'affiliate',
    tag: 'peer-to-peer affiliate',
    platform: 'tiktok',
    followers: 4_300,
    er: 7.7,
    niche: 'small pets',
    city: 'Tampa',
    region: 'FL',
  },
  {
    name: 'Ethan Clarke',
    kind: 'affiliate',
    tag: null,
    platform: 'youtube',
    followers: 22_000,
    er: 4.0,
    niche: 'dogs',
    city: 'Indianapolis',
    region: 'IN',
  },
  {
    name: 'Yuki Tanaka',
    kind: 'affiliate',
    tag: 'brand-advocate micro-tier',
    platform: 'instagram',
    followers: 3_900,
    er: 8.3,
    niche: 'cats',
    city: 'Oakland',
    region: 'CA',
  },
  {
    name: 'Paige Turner',
    kind: 'affiliate',
    tag: null,
    platform: 'tiktok',
    followers: 16_500,
    er: 5.5,
    niche: 'dogs',
    city: 'Louisville',
    region: 'KY',
  },
  {
    name: 'Mateo Ruiz',
    kind: 'affiliate',
    tag: 'hyperlocal influencer',
    platform: 'instagram',
    followers: 6_800,
    er: 6.6,
    niche: 'dogs',
    city: 'Albuquerque',
    region: 'NM',
  },
  {
    name: 'Willow Grant',
    kind: 'affiliate',
    tag: null,
    platform: 'instagram',
    followers: 950,
    er: 11.2,
    niche: 'small pets',
    city: 'Burlington',
    region: 'VT',
  },
];

const UNKNOWN_CODES = ['WELCOME10', 'FREESHIP', 'BLACKFRIDAY', 'VIP15'];
const EXTRA_CITIES: [string, string][] = [
  ['Springfield', 'IL'],
  ['Fresno', 'CA'],
  ['Orlando', 'FL'],
  ['Buffalo', 'NY'],
  ['Reno', 'NV'],
  ['Spokane', 'WA'],
];

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
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const stamp = { createdAt: now, updatedAt: now };

  const settings: Settings = {
    ...defaultSettings(now),
    brandName: 'Barkside Treat Co.',
    brandUrl: 'https://barksidetreats.example/',
    customerSalt: 'sample-salt-7f3a9c',
    customTags: ['gift box', 'vegan treats'],
  };

  const start = addDays(addMonths(today, -12), 1);
  const partners: Partner[] = [];
  const contracts: Contract[] = [];
  const payouts: Payout[] = [];

  SEEDS.forEach((s, i) => {
    const id = `p-${String(i + 1).padStart(3, '0')}`;
    const amb = s.kind === 'ambassador';
    const pct = amb ? 10 : pick([10, 15, 15, 20]);
    const handle = `@${slugOf(s.name).replace(/-/g, '')}`;
    // Most are active; a few are in the pipeline or have ended.
    const status =
      i === 16 || i === 40
        ? 'negotiating'
        : i === 12 || i === 36
          ? 'ended'
          : i === 29
            ? 'paused'
            : 'active';
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
    partners.push({
      id,
      ...stamp,
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
    });
    if (status === 'negotiating') return;
    const retainer = amb
      ? s.followers > 100_000
        ? between(8, 15) * 10_000
        : between(2, 6) * 10_000
      : 0;
    const base: Omit<Contract, 'id' | 'startDate' | 'endDate' | 'retainerCents'> = {
      ...stamp,
      partnerId: id,
      retainerPeriod: 'monthly',
      commissionRate: amb ? (i % 2 === 0 ? 5 : 0) : pct,
      commissionBase: 'subtotal',
      commissionOnRepeat: false,
      flatFeePerPostCents: amb ? 0 : i % 3 === 0 ? 2_500 : 0,
      perksCentsPerMonth: amb ? between(3, 8) * 1_000 : 0,
      deliverablesPerMonth: amb ? between(3, 6) : between(1, 2),
      notes: '',
    };
    // Some ambassadors renegotiated halfway through the year: two contracts, terms changed.
    if (amb && i % 4 === 1) {
      const switchDate = addMonths(start, 6);
      contracts.push({
        ...base,
        id: `k-${id}-1`,
        startDate: joined,
        endDate: addDays(switchDate, -1),
        retainerCents: retainer - 10_000,
      });
      contracts.push({
        ...base,
        id: `k-${id}-2`,
        startDate: switchDate,
        endDate,
        retainerCents: retainer,
      });
    } else {
      contracts.push({
        ...base,
        id: `k-${id}-1`,
        startDate: joined,
        endDate,
        retainerCents: retainer,
      });
    }
  });

  const active = partners.filter((p) => p.codes.length > 0);
  const ambassadors = active.filter((p) => p.kind === 'ambassador');
  const affiliates = active.filter((p) => p.kind === 'affiliate');

  const campaigns: Campaign[] = [
    { name: 'Spring Sniff Walk', goal: 'awareness' as const, m: 1, len: 45, budget: 350_000 },
    { name: 'Summer Pupsicle Launch', goal: 'sales' as const, m: 3, len: 30, budget: 200_000 },
    {
      name: 'Back-to-School Boredom Busters',
      goal: 'sales' as const,
      m: 5,
      len: 21,
      budget: 120_000,
    },
    {
      name: 'Howl-o-ween Costume Contest',
      goal: 'awareness' as const,
      m: 7,
      len: 25,
      budget: 150_000,
    },
    { name: 'Holiday Gift Boxes', goal: 'sales' as const, m: 10, len: 40, budget: 400_000 },
  ].map((c, i) => {
    const s = addMonths(start, c.m);
    const members = [...ambassadors.slice(i * 2, i * 2 + 3), ...affiliates.slice(i * 3, i * 3 + 6)];
    return {
      id: `cmp-${i + 1}`,
      ...stamp,
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

  // Content: ambassadors post steadily, affiliates around campaigns.
  const contentItems: ContentItem[] = [];
  const formats = ['post', 'reel', 'story', 'short video', 'long video', 'blog', 'live'] as const;
  const todayN = dayNumber(today);
  let contentSeq = 0;
  const addContent = (p: Partner, date: string, campaignId: string | null) => {
    const acc = p.accounts[0]!;
    const past = dayNumber(date) < todayN;
    const missed = past && rand() < 0.06;
    const published = past && !missed;
    const reach = Math.round(acc.followers * (0.15 + rand() * 0.35));
    const eng = Math.round(reach * (acc.engagementRate / 100) * (0.7 + rand() * 0.6));
    const control =
      p.kind === 'ambassador'
        ? rand() < 0.8
          ? 'co-created'
          : 'partner'
        : rand() < 0.2
          ? 'co-created'
          : 'partner';
    const fee = contracts.find((k) => k.partnerId === p.id)?.flatFeePerPostCents ?? 0;
    contentSeq += 1;
    const format =
      acc.platform === 'blog'
        ? 'blog'
        : acc.platform === 'youtube'
          ? pick(['long video', 'short video'] as const)
          : pick(formats.slice(0, 4));
    contentItems.push({
      id: `ci-${String(contentSeq).padStart(4, '0')}`,
      ...stamp,
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
      title: `${pick(['Treat taste test', 'Walkies haul', 'Unboxing', 'Training tip', 'Recipe', 'Day in the life', 'Gift guide'])} with ${p.name.split(' ')[0]}`,
      brief: 'Show the product in use; mention the code in the caption.',
      control,
      publishedUrl: published
        ? `https://${acc.platform === 'blog' ? 'blog' : acc.platform}.example/${slugOf(p.name)}/${contentSeq}`
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
    });
  };
  for (let m = 0; m < 13; m++) {
    const monthStart = startOfMonth(addMonths(start, m));
    for (const p of ambassadors) {
      const k = contracts.find((c) => c.partnerId === p.id)!;
      const n = Math.max(1, k.deliverablesPerMonth - (rand() < 0.3 ? 1 : 0));
      for (let j = 0; j < n; j++) addContent(p, addDays(monthStart, between(0, 27)), null);
    }
  }
  for (const c of campaigns) {
    const span = dayNumber(c.endDate) - dayNumber(c.startDate);
    for (const pid of c.partnerIds) {
      const p = partners.find((x) => x.id === pid)!;
      const n = p.kind === 'affiliate' ? between(2, 4) : 1;
      for (let j = 0; j < n; j++) addContent(p, addDays(c.startDate, between(0, span)), c.id);
    }
  }
  for (const p of affiliates) {
    for (let m = 0; m < 12; m += 2)
      addContent(p, addDays(startOfMonth(addMonths(start, m)), between(0, 27)), null);
  }

  // Orders: about 3,000 over the last 12 months; most via partner codes, some via other codes.
  const orders: Order[] = [];
  const customers: { key: string; city: [string, string] }[] = [];
  const totalDays = dayNumber(today) - dayNumber(start);
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
    const unknown = !credited && roll < 0.85 ? pick(UNKNOWN_CODES) : null;
    const gross = between(18, 120) * 100 + pick([0, 49, 99]);
    const discount = credited || unknown ? Math.round(gross * 0.15) : 0;
    const subtotal = gross - discount;
    const shipping = subtotal >= 5000 ? 0 : 699;
    const tax = Math.round(subtotal * 0.07);
    const total = subtotal + shipping + tax;
    const statusRoll = rand();
    const status =
      statusRoll < 0.02
        ? 'cancelled'
        : statusRoll < 0.05
          ? 'refunded'
          : statusRoll < 0.08
            ? 'partially refunded'
            : 'paid';
    const refunded =
      status === 'refunded' ? total : status === 'partially refunded' ? Math.round(total * 0.3) : 0;
    let cust: { key: string; city: [string, string] };
    if (customers.length > 0 && rand() < 0.28) cust = pick(customers);
    else {
      const local = credited && credited.tags.includes('hyperlocal influencer') && rand() < 0.7;
      cust = {
        key: `c${(seed ^ (customers.length * 2654435761)).toString(16).padStart(8, '0')}${customers.length.toString(16).padStart(6, '0')}`,
        city: local
          ? [credited.location.city, credited.location.region]
          : rand() < 0.5 && credited
            ? [credited.location.city, credited.location.region]
            : pick(EXTRA_CITIES),
      };
      customers.push(cust);
    }
    const orderId = `#${1001 + n}`;
    const code = credited ? credited.codes[0]! : unknown;
    orders.push({
      id: orderRecordId('shopify', orderId),
      ...stamp,
      source: 'shopify',
      orderId,
      placedAt: new Date(placedAtMs).toISOString(),
      placedAtMs,
      currency: 'USD',
      subtotalCents: subtotal,
      discountCents: discount,
      shippingCents: shipping,
      taxCents: tax,
      totalCents: total,
      refundedCents: refunded,
      status,
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

  const bonusRules: BonusRule[] = [
    {
      id: 'br-1',
      ...stamp,
      name: 'Top seller month',
      kind: null,
      minMonthlyRevenueCents: 300_000,
      bonusCents: 10_000,
      active: true,
    },
  ];
  const bonuses: Bonus[] = [
    {
      id: 'b-1',
      ...stamp,
      partnerId: 'p-001',
      date: addMonths(start, 4),
      amountCents: 15_000,
      reason: 'Viral holiday reel',
    },
  ];
  const brandFollowers: BrandFollowerCount[] = [];
  for (let m = 0; m < 12; m++) {
    const month = addMonths(start, m).slice(0, 7);
    brandFollowers.push({
      id: `bf-instagram-${month}`,
      ...stamp,
      platform: 'instagram',
      month,
      followers: 12_000 + m * 850 + between(0, 200),
    });
    brandFollowers.push({
      id: `bf-tiktok-${month}`,
      ...stamp,
      platform: 'tiktok',
      month,
      followers: 4_000 + m * 1_100 + between(0, 300),
    });
  }

  // Payouts: each partner was paid what they earned, month by month, from the start of their
  // contract up to two months ago; the last month or two are still owed.
  const paidUpTo = addDays(startOfMonth(addMonths(today, -1)), -1);
  const earningsOpts = { timeZone: settings.timeZone, countDiscountAsCost: false };
  for (const p of active) {
    const mine = contracts.filter((c) => c.partnerId === p.id);
    const first = mine.reduce((a, c) => (c.startDate < a ? c.startDate : a), today);
    const records = {
      kind: p.kind,
      contracts: mine,
      orders: orders.filter((o) => o.partnerId === p.id),
      content: contentItems.filter((c) => c.partnerId === p.id),
      bonuses: bonuses.filter((b) => b.partnerId === p.id),
      bonusRules,
    };
    for (
      let periodStart = startOfMonth(first);
      periodStart <= paidUpTo;
      periodStart = addMonths(periodStart, 1)
    ) {
      const periodEnd = addDays(addMonths(periodStart, 1), -1);
      const amount = partnerEarnings(
        records,
        { start: periodStart, end: periodEnd },
        earningsOpts,
      ).payableCents;
      if (amount === 0) continue;
      payouts.push({
        id: `po-${p.id}-${periodStart.slice(0, 7)}`,
        ...stamp,
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
    deletions: [],
  };
}

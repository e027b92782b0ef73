/**
 * The "large" benchmark data set: a brand that grew for five years. Deterministic for a seed and
 * a today. 2,000 partners, 300,000 orders, 30,000 content items, contracts and payouts.
 */
import type { DataSet } from '../domain/sample-data';
import { addDays, addMonths, dayNumber, fromDayNumber, startOfMonth } from '../domain/dates';
import { orderRecordId, seededRandom } from '../domain/ids';
import {
  defaultSettings,
  PLATFORMS,
  SUBTYPE_TAGS,
  type Order,
  type Partner,
} from '../domain/schemas';

export interface LargeOptions {
  partners: number;
  orders: number;
  content: number;
  years: number;
}

export const LARGE: LargeOptions = { partners: 2_000, orders: 300_000, content: 30_000, years: 5 };

const FIRST = [
  'Maya',
  'Jordan',
  'Priya',
  'Sam',
  'Lena',
  'Carlos',
  'Hannah',
  'Theo',
  'Aisha',
  'Noah',
  'Grace',
  'Ben',
  'Olivia',
  'Ravi',
  'Zoe',
  'Ella',
  'Kai',
  'Rosa',
  'Dev',
  'Chloe',
];
const LAST = [
  'Chen',
  'Reyes',
  'Nair',
  'Okafor',
  'Fischer',
  'Mendes',
  'Brooks',
  'Walsh',
  'Karim',
  'Lee',
  'Kim',
  'Patel',
  'Martin',
  'Novak',
  'Silva',
  'Rossi',
  'Garcia',
  'Sato',
  'Cole',
  'Grant',
];
const CITIES: [string, string][] = [
  ['Portland', 'OR'],
  ['Austin', 'TX'],
  ['Denver', 'CO'],
  ['Atlanta', 'GA'],
  ['Brooklyn', 'NY'],
  ['Seattle', 'WA'],
  ['Chicago', 'IL'],
  ['Miami', 'FL'],
  ['Boston', 'MA'],
  ['Phoenix', 'AZ'],
];

export function generateLargeData(
  today: string,
  now: number,
  opts: LargeOptions = LARGE,
  seed = 7,
): DataSet {
  const rand = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const stamp = { createdAt: now, updatedAt: now };
  const start = addMonths(today, -12 * opts.years);
  const startN = dayNumber(start);
  const span = dayNumber(today) - startN;

  const partners: Partner[] = [];
  const contracts: DataSet['contracts'] = [];
  for (let i = 0; i < opts.partners; i++) {
    const amb = i % 3 === 0;
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`;
    const [city, region] = CITIES[i % CITIES.length]!;
    const followers = amb ? int(5_000, 400_000) : int(800, 60_000);
    const joined = fromDayNumber(startN + int(0, span - 30));
    const id = `lp-${i}`;
    partners.push({
      id,
      ...stamp,
      name,
      email: `partner${i}@example.com`,
      kind: amb ? 'ambassador' : 'affiliate',
      tags: [SUBTYPE_TAGS[i % SUBTYPE_TAGS.length]!],
      status: i % 10 === 9 ? 'ended' : 'active',
      statusHistory: [{ status: 'active', date: joined }],
      niche: i % 2 ? 'dogs' : 'cats',
      location: { city, region, country: 'US' },
      exclusive: amb,
      payout: { method: 'paypal', handle: `partner${i}@example.com` },
      notes: '',
      accounts: [
        {
          platform: PLATFORMS[i % 4]!,
          handle: `@partner${i}`,
          followers,
          engagementRate: amb ? 2.5 : 5.5,
        },
      ],
      codes: [`CODE${i}`],
      referralSlug: `partner-${i}`,
      archived: false,
    });
    contracts.push({
      id: `lk-${i}`,
      ...stamp,
      partnerId: id,
      startDate: joined,
      endDate: i % 10 === 9 ? addDays(joined, 180) : null,
      retainerCents: amb ? int(2, 10) * 10_000 : 0,
      retainerPeriod: 'monthly',
      commissionRate: amb ? 5 : 15,
      commissionBase: 'subtotal',
      commissionOnRepeat: false,
      flatFeePerPostCents: amb ? 0 : 2_000,
      perksCentsPerMonth: amb ? 5_000 : 0,
      deliverablesPerMonth: amb ? 4 : 1,
      notes: '',
    });
  }

  const orders: Order[] = [];
  for (let n = 0; n < opts.orders; n++) {
    const day = startN + Math.floor(Math.sqrt(rand()) * span);
    const placedAtMs = day * 86_400_000 + int(14, 23) * 3_600_000 + int(0, 3599) * 1000;
    const credited = rand() < 0.7 ? partners[int(0, partners.length - 1)]! : null;
    const subtotal = int(1_500, 12_000);
    const shipping = subtotal >= 5_000 ? 0 : 699;
    const tax = Math.round(subtotal * 0.07);
    const total = subtotal + shipping + tax;
    const r = rand();
    const status =
      r < 0.02 ? 'cancelled' : r < 0.04 ? 'refunded' : r < 0.06 ? 'partially refunded' : 'paid';
    const orderId = `#${100_000 + n}`;
    const [city, region] = CITIES[n % CITIES.length]!;
    orders.push({
      id: orderRecordId('shopify', orderId),
      ...stamp,
      source: 'shopify',
      orderId,
      placedAt: new Date(placedAtMs).toISOString(),
      placedAtMs,
      currency: 'USD',
      subtotalCents: subtotal,
      discountCents: credited ? Math.round(subtotal * 0.15) : 0,
      shippingCents: shipping,
      taxCents: tax,
      totalCents: total,
      refundedCents:
        status === 'refunded' ? total : status === 'partially refunded' ? Math.round(total / 3) : 0,
      status,
      codes: credited ? credited.codes : [],
      tags: [],
      note: '',
      partnerId: credited ? credited.id : null,
      attribution: credited ? { method: 'code', reason: `Used code ${credited.codes[0]}` } : null,
      customerKey: `lc${int(0, 120_000).toString(16)}`,
      email: null,
      region: { country: 'US', province: region, city },
    });
  }

  const contentItems: DataSet['contentItems'] = [];
  for (let n = 0; n < opts.content; n++) {
    const p = partners[n % partners.length]!;
    const date = fromDayNumber(startN + int(0, span + 60));
    const published = date < today && rand() > 0.05;
    const reach = Math.round(p.accounts[0]!.followers * 0.3);
    contentItems.push({
      id: `lci-${n}`,
      ...stamp,
      partnerId: p.id,
      campaignId: null,
      platform: p.accounts[0]!.platform,
      format: 'post',
      plannedDate: date,
      plannedTime: '12:00',
      status: published ? 'published' : date < today ? 'missed' : 'planned',
      title: `Post ${n}`,
      brief: '',
      control: p.kind === 'ambassador' ? 'co-created' : 'partner',
      publishedUrl: '',
      costCents: p.kind === 'affiliate' ? 2_000 : 0,
      metrics: published
        ? {
            reach,
            impressions: reach * 2,
            likes: Math.round(reach * 0.04),
            comments: Math.round(reach * 0.004),
            shares: 10,
            saves: 10,
            clicks: Math.round(reach * 0.01),
          }
        : null,
    });
  }

  const payouts: DataSet['payouts'] = [];
  for (const p of partners) {
    for (let q = 0; q < opts.years * 4; q += 1) {
      const periodStart = startOfMonth(addMonths(start, q * 3));
      if (periodStart >= today) break;
      payouts.push({
        id: `lpo-${p.id}-${q}`,
        ...stamp,
        partnerId: p.id,
        periodStart,
        periodEnd: addDays(addMonths(periodStart, 3), -1),
        amountCents: int(1_000, 50_000),
        currency: 'USD',
        paidDate: addDays(addMonths(periodStart, 3), 10),
        method: 'paypal',
        reference: `LP-${q}`,
        note: '',
      });
    }
  }

  return {
    settings: [{ ...defaultSettings(now), brandName: 'Large Bench Brand', customerSalt: 'bench' }],
    partners,
    contracts,
    campaigns: [],
    contentItems,
    orders,
    payouts,
    bonuses: [],
    bonusRules: [],
    brandFollowers: [],
    products: [],
    shipments: [],
    pets: [],
    deletions: [],
  };
}

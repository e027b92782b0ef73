import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { partnerStatements } from '../../src/domain/partner-statement';
import type { StatementData } from '../../src/domain/payout-statements';
import type {
  Bonus,
  ContentItem,
  Contract,
  Order,
  Partner,
  Payout,
  Shipment,
} from '../../src/domain/schemas';
import { statementCsv, statementsZip } from '../../src/io/statement-csv';

const T = Date.UTC(2026, 0, 1);
const base = { createdAt: T, updatedAt: T };

const partner = {
  ...base,
  id: 'p1',
  name: 'Maya Chen',
  email: 'maya@example.com',
  kind: 'affiliate',
  tags: [],
  status: 'active',
  statusHistory: [],
  niche: '',
  location: { city: '', region: '', country: '' },
  exclusive: false,
  payout: { method: 'paypal', handle: 'maya@example.com' },
  notes: '',
  accounts: [],
  codes: ['MAYA10'],
  referralSlug: '',
  archived: false,
} satisfies Partner;

const contract: Contract = {
  ...base,
  id: 'k1',
  partnerId: 'p1',
  startDate: '2026-01-01',
  endDate: null,
  retainerCents: 10_000,
  retainerPeriod: 'monthly',
  commissionRate: 10,
  commissionBase: 'subtotal',
  commissionOnRepeat: true,
  flatFeePerPostCents: 2500,
  perksCentsPerMonth: 0,
  deliverablesPerMonth: 2,
  notes: '',
};

function order(orderId: string, day: string, over: Partial<Order>): Order {
  return {
    ...base,
    id: `shopify:${orderId}`,
    source: 'shopify',
    orderId,
    placedAt: `${day}T12:00:00Z`,
    placedAtMs: Date.parse(`${day}T12:00:00Z`),
    currency: 'USD',
    subtotalCents: 0,
    discountCents: 0,
    shippingCents: 0,
    taxCents: 0,
    totalCents: 0,
    refundedCents: 0,
    status: 'paid',
    codes: ['MAYA10'],
    tags: [],
    note: '',
    partnerId: 'p1',
    attribution: { method: 'code', reason: 'MAYA10' },
    customerKey: null,
    email: null,
    region: { country: 'US', province: 'NY', city: '' },
    ...over,
  };
}

function post(id: string, plannedDate: string, status: ContentItem['status']): ContentItem {
  return {
    ...base,
    id,
    partnerId: 'p1',
    campaignId: null,
    platform: 'instagram',
    format: 'reel',
    plannedDate,
    plannedTime: '',
    status,
    title: id,
    brief: '',
    control: 'partner',
    publishedUrl: '',
    costCents: 2500,
    metrics: null,
  };
}

const data: StatementData = {
  partners: [partner],
  contracts: [contract],
  orders: [
    order('#1001', '2026-11-03', { subtotalCents: 5000, totalCents: 5500 }),
    // Half refunded: commission 10 % of 80.00 = 8.00, less half = 4.00; amount 88.00 - 44.00.
    order('#1002', '2026-11-10', { subtotalCents: 8000, totalCents: 8800, refundedCents: 4400 }),
    order('#1003', '2026-11-20', { subtotalCents: 3000, totalCents: 3300, status: 'cancelled' }),
    // Outside the period.
    order('#0999', '2026-10-31', { subtotalCents: 10_000, totalCents: 11_000 }),
    // In euros, kept apart at import: not in the dollar figures; 10 % of 20.00 EUR shown apart.
    order('#1004', '2026-11-21', { subtotalCents: 2000, totalCents: 2200, currency: 'EUR' }),
  ],
  content: [post('published', '2026-11-12', 'published'), post('planned', '2026-11-25', 'planned')],
  bonuses: [
    { ...base, id: 'b1', partnerId: 'p1', date: '2026-11-15', amountCents: 5000, reason: '' },
  ] satisfies Bonus[],
  bonusRules: [],
  payouts: [
    {
      ...base,
      id: 'pay1',
      partnerId: 'p1',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      amountCents: 10_000,
      currency: 'USD',
      paidDate: '2026-11-30',
      method: 'paypal',
      reference: 'PP-1',
      note: '',
    },
  ] satisfies Payout[],
};

const shipment: Shipment = {
  ...base,
  id: 's1',
  partnerId: 'p1',
  date: '2026-11-05',
  status: 'sent',
  items: [
    {
      productId: 'pr1',
      name: 'Calming chews',
      sku: 'CC-1',
      quantity: 2,
      unitCostCents: 400,
      retailCents: 1200,
      size: '',
    },
  ],
  shippingCents: 800,
  lot: '',
  bestBefore: null,
  swapOf: null,
  note: '',
};

const range = { start: '2026-11-01', end: '2026-11-30' };
const opts = { timeZone: 'UTC', countDiscountAsCost: false };
const brand = { brandName: 'Barkside Treats', currency: 'USD' };

describe('a partner statement, computed by hand', () => {
  const [doc] = partnerStatements(['p1'], data, [shipment], range, opts, brand);

  it('lists the period’s orders with the commission each earned', () => {
    expect(doc!.orders).toEqual([
      {
        orderId: '#1001',
        date: '2026-11-03',
        amountCents: 5500,
        commissionCents: 500,
        status: 'paid',
      },
      {
        orderId: '#1002',
        date: '2026-11-10',
        amountCents: 4400,
        commissionCents: 400,
        status: 'paid',
      },
      {
        orderId: '#1003',
        date: '2026-11-20',
        amountCents: 0,
        commissionCents: 0,
        status: 'cancelled',
      },
    ]);
  });

  it('adds up: commission 9.00 + retainer 100.00 + one post fee 25.00 + bonus 50.00 = 184.00; paid 100.00, owed 84.00', () => {
    expect(doc).toMatchObject({
      brandName: 'Barkside Treats',
      currency: 'USD',
      commissionCents: 900,
      retainerCents: 10_000,
      feesCents: 2500,
      bonusCents: 5000,
      earnedCents: 18_400,
      paidCents: 10_000,
      carriedInCents: 0,
      owedCents: 8400,
      owedBackCents: 0,
      // 2 x 4.00 at cost + 8.00 shipping; 2 x 12.00 at retail.
      giftedCostCents: 1600,
      giftedRetailCents: 2400,
      apart: [{ currency: 'EUR', orders: 1, commissionCents: 200 }],
    });
    expect(doc!.orders.reduce((s, o) => s + o.commissionCents, 0)).toBe(doc!.commissionCents);
  });

  it('writes the same figures as CSV, and one CSV per partner in a ZIP', () => {
    const csv = statementCsv(doc!);
    expect(csv).toContain('Statement,Barkside Treats\r\nPartner,Maya Chen\r\n');
    expect(csv).toContain('#1002,2026-11-10,44.00,4.00,paid\r\n');
    expect(csv).toContain('Earned,,,184.00\r\n');
    expect(csv).toContain('Owed,,,84.00\r\n');
    const files = unzipSync(statementsZip([doc!, doc!]));
    expect(Object.keys(files)).toEqual([
      'statement-maya-chen-2026-11-01-to-2026-11-30.csv',
      'statement-maya-chen-2026-11-01-to-2026-11-30-2.csv',
    ]);
    expect(strFromU8(files['statement-maya-chen-2026-11-01-to-2026-11-30.csv']!)).toBe(csv);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PawtnersDb } from '../../src/db/db';
import { applyOrderImport, ensureCustomerSalt, planOrderImport } from '../../src/db/orders';
import type { Contract, Order, Partner } from '../../src/domain/schemas';
import { parseCsv } from '../../src/io/csv';
import { newCustomerSalt, withCustomerKeys } from '../../src/io/customer-key';
import { shopifyImporter } from '../../src/io/orders-shopify';

export const NOW = Date.UTC(2024, 5, 1);

export function partner(id: string, over: Partial<Partner>): Partner {
  return {
    id,
    createdAt: 0,
    updatedAt: 0,
    name: id,
    email: '',
    kind: 'affiliate',
    tags: [],
    status: 'active',
    statusHistory: [],
    niche: '',
    location: { city: '', region: '', country: '' },
    exclusive: false,
    payout: { method: 'paypal', handle: `${id}@example.com` },
    notes: '',
    accounts: [],
    codes: [],
    referralSlug: '',
    archived: false,
    ...over,
  };
}

export function contract(id: string, partnerId: string, over: Partial<Contract>): Contract {
  return {
    id,
    createdAt: 0,
    updatedAt: 0,
    partnerId,
    startDate: '2024-01-01',
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
  };
}

/** Lucy (LUCY15, 10% of subtotal), Max (MAX10, ambassador, $300/month + 5% of total), Pip (PIP20, 20%). */
export async function seedPartners(db: PawtnersDb): Promise<void> {
  await db.partners.bulkPut([
    partner('p-lucy', { name: 'Lucy Loaf', codes: ['LUCY15'], referralSlug: 'lucy-loaf' }),
    partner('p-max', {
      name: 'Max Barks',
      kind: 'ambassador',
      codes: ['Max10'],
      referralSlug: 'max-barks',
      payout: { method: 'venmo', handle: '@max-barks' },
    }),
    partner('p-pip', { name: 'Pip Plays', codes: ['PIP20'], referralSlug: 'pip-plays' }),
  ]);
  await db.contracts.bulkPut([
    contract('k-lucy', 'p-lucy', { commissionRate: 10 }),
    contract('k-max', 'p-max', {
      retainerCents: 30_000,
      commissionRate: 5,
      commissionBase: 'total',
    }),
    contract('k-pip', 'p-pip', { commissionRate: 20 }),
  ]);
}

/** Read a Shopify fixture the way the import worker does and plan it against the database. */
export async function planFixture(db: PawtnersDb, name: string, now = NOW) {
  return planCsv(db, readFileSync(path.join(__dirname, '../fixtures/orders', name), 'utf8'), now);
}

/** Read a Shopify CSV's text the way the import worker does and plan it against the database. */
export async function planCsv(db: PawtnersDb, text: string, now = NOW) {
  const res = shopifyImporter.parse(parseCsv(text), {
    timeZone: 'America/New_York',
    defaultCurrency: 'USD',
    now,
  });
  const settings = await ensureCustomerSalt(db, newCustomerSalt);
  const incoming = await withCustomerKeys(
    res.orders,
    settings.customerSalt,
    settings.keepRawEmails,
  );
  return planOrderImport(db, 'shopify', incoming, res.problems, now);
}

/** Plan and apply a fixture; the number of orders written and the import's undo id. */
export async function importFixture(db: PawtnersDb, name: string, now = NOW) {
  return applyOrderImport(db, await planFixture(db, name, now), { now });
}

/** An order at `placedAtMs`, credited to `partnerId` (no attribution detail needed here). */
export function order(
  n: number,
  placedAtMs: number,
  partnerId: string | null,
  over: Partial<Order> = {},
) {
  const id = `test:${String(n).padStart(4, '0')}`;
  const o: Order = {
    id,
    source: 'test',
    orderId: String(n),
    createdAt: 0,
    updatedAt: 0,
    placedAt: new Date(placedAtMs).toISOString(),
    placedAtMs,
    currency: 'USD',
    subtotalCents: 1000,
    discountCents: 0,
    shippingCents: 0,
    taxCents: 0,
    totalCents: 1000,
    refundedCents: 0,
    status: 'paid',
    codes: [],
    tags: [],
    note: '',
    partnerId,
    attribution: partnerId ? { method: 'manual', reason: 'test' } : null,
    customerKey: null,
    email: null,
    region: { country: '', province: '', city: '' },
  };
  return { ...o, ...over };
}

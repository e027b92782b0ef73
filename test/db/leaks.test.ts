import { afterEach, beforeEach, expect, it } from 'vitest';
import { PawtnersDb } from '../../src/db/db';
import { codeLeakFlags, dismissLeakFlag } from '../../src/db/leaks';
import { defaultSettings } from '../../src/domain/constants';
import type { Order, Partner } from '../../src/domain/schemas';
import { partner } from './orders-helpers';

const NOW = Date.UTC(2026, 11, 5, 17);
const DAY = 86_400_000;
let db: PawtnersDb;
let n = 0;

const maya: Partner = partner('p1', { name: 'Maya Chen', codes: ['MAYA10'] });

let seq = 0;
function order(daysAgo: number, customer: string, country: string, province: string): Order {
  const ms = NOW - daysAgo * DAY;
  seq += 1;
  return {
    id: `shopify:#${seq}`,
    createdAt: NOW,
    updatedAt: NOW,
    source: 'shopify',
    orderId: `#${seq}`,
    placedAt: new Date(ms).toISOString().replace('.000Z', 'Z'),
    placedAtMs: ms,
    currency: 'USD',
    subtotalCents: 3000,
    discountCents: 300,
    shippingCents: 0,
    taxCents: 0,
    totalCents: 3000,
    refundedCents: 0,
    status: 'paid',
    codes: ['maya10'],
    tags: [],
    note: '',
    partnerId: 'p1',
    attribution: { method: 'code', reason: 'MAYA10' },
    customerKey: customer,
    email: null,
    region: { country, province, city: '' },
  };
}

beforeEach(async () => {
  db = new PawtnersDb(`test-leaks-${n++}`);
  await db.open();
  await db.settings.put({ ...defaultSettings(NOW), timeZone: 'UTC' });
  await db.partners.put(maya);
  const orders: Order[] = [];
  // Usual: 12 orders over the 84 days before the window, from 4 returning New Yorkers.
  for (let i = 0; i < 12; i++) orders.push(order(20 + i * 6, `c${i % 4}`, 'US', 'NY'));
  // The last 14 days: 24 orders from new customers all over.
  const far = ['CA', 'TX', 'FL', 'WA', 'IL', 'AZ'];
  for (let i = 0; i < 24; i++) orders.push(order(i % 14, `new${i}`, 'US', far[i % 6]!));
  await db.orders.bulkPut(orders);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

it('flags a leaked code from the stored orders, says why, and remembers a dismissal', async () => {
  const flags = await codeLeakFlags(db, NOW);
  expect(flags).toHaveLength(1);
  expect(flags[0]).toMatchObject({ partnerName: 'Maya Chen', code: 'MAYA10', recent: 24 });
  expect(flags[0]!.reasons).toEqual([
    '24 redemptions in the last 14 days, 12 times the usual 2.',
    '100% of them were first-time customers (usually 33%).',
    '100% came from 6 regions where this partner’s buyers rarely are.',
  ]);
  await dismissLeakFlag(db, 'MAYA10', NOW);
  expect((await db.settings.toArray())[0]?.dismissedLeakFlags).toEqual(['MAYA10@2026-12-05']);
  expect(await codeLeakFlags(db, NOW)).toEqual([]);
});

type Trace = { table: string; op: string; rows?: number }[];

/**
 * With 4,500 more recent orders credited to nobody (the walk takes three chunks of 2,000), runs
 * `check` on a fresh connection whose every request is logged.
 */
async function withManyOrdersTraced(check: (ready: PawtnersDb, log: Trace) => Promise<void>) {
  const more: Order[] = [];
  for (let i = 0; i < 4500; i++)
    more.push({ ...order(i / 50, `x${i}`, 'US', 'NY'), partnerId: null, codes: [] });
  await db.orders.bulkPut(more);
  const log: Trace = [];
  (globalThis as { __pawtnersDbTrace?: unknown }).__pawtnersDbTrace = log;
  const ready = new PawtnersDb(db.name);
  try {
    await check(ready, log);
  } finally {
    delete (globalThis as { __pawtnersDbTrace?: unknown }).__pawtnersDbTrace;
    ready.close();
  }
}

it('reads the windows in short chunks, with the same flags as one read', () =>
  withManyOrdersTraced(async (ready, log) => {
    const flags = await codeLeakFlags(ready, NOW);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ code: 'MAYA10', recent: 24 });
    const reads = log.filter((e) => e.table === 'orders' && e.op === 'query');
    expect(reads.length).toBeGreaterThan(2);
    expect(Math.max(...reads.map((e) => e.rows ?? 0))).toBeLessThanOrEqual(2001);
  }));

it('stops walking the orders once stopped, and reads nothing more', () =>
  withManyOrdersTraced(async (ready, log) => {
    const orderReads = () => log.filter((e) => e.table === 'orders');
    // The owner leaves the screen once the first chunk has been read.
    const flags = await codeLeakFlags(ready, NOW, () => orderReads().length >= 1);
    expect(flags).toEqual([]);
    expect(orderReads()).toEqual([expect.objectContaining({ op: 'query', rows: 2000 })]);
    // Nor the customers' first orders or the partner's posts.
    expect(log.filter((e) => e.table === 'contentItems')).toEqual([]);
  }));

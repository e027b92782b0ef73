import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PawtnersDb } from '../../src/db/db';
import { saveContentItems } from '../../src/db/content';
import { figuresOf, touchesFigures, type FiguresBase } from '../../src/db/figures';
import { reassignOrder, writeOrders } from '../../src/db/orders';
import { deletePartner } from '../../src/db/partners';
import { recordPayouts } from '../../src/db/payouts';
import { readFiguresBase } from '../../src/db/stats';
import type { ContentItem } from '../../src/domain/schemas';
import { contract, importFixture, order, partner, seedPartners } from './orders-helpers';

let db: PawtnersDb;
let n = 0;

beforeEach(async () => {
  db = new PawtnersDb(`test-figures-${n++}`);
  await db.open();
  await seedPartners(db);
  await importFixture(db, 'shopify-orders.csv');
});
afterEach(async () => {
  await db.delete();
});

/** Wait (up to 3 s) until `check` holds. */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  const end = Date.now() + 3000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The copy as plain data, to compare with a fresh read (rollup arrays as number lists). */
const plain = (f: FiguresBase) =>
  JSON.parse(
    JSON.stringify(f, (_k, v: unknown) => (ArrayBuffer.isView(v) ? [...(v as Int32Array)] : v)),
  ) as unknown;

const sameAsStored = async (f: FiguresBase | undefined) =>
  f !== undefined && JSON.stringify(plain(f)) === JSON.stringify(plain(await readFiguresBase(db)));

const post = (id: string, partnerId: string, over: Partial<ContentItem> = {}): ContentItem => ({
  id,
  createdAt: 0,
  updatedAt: 0,
  partnerId,
  campaignId: null,
  platform: 'instagram',
  format: 'reel',
  plannedDate: '2024-03-12',
  plannedTime: '',
  status: 'published',
  title: 'Taste test',
  brief: '',
  control: 'co-created',
  publishedUrl: '',
  costCents: 5_000,
  metrics: null,
  ...over,
});

/** Every kind of write that changes what the figures hold. */
const WRITES: [string, () => Promise<unknown>][] = [
  ['an order import', () => writeOrders(db, [order(1, Date.UTC(2024, 2, 3), 'p-lucy')])],
  [
    'an order reassigned',
    async () => {
      const [o] = await db.orders.limit(1).toArray();
      return reassignOrder(db, o!.id, 'p-pip', 'test');
    },
  ],
  ['a post published', () => saveContentItems(db, [post('c-1', 'p-max')])],
  ['a partner saved', () => db.partners.put(partner('p-new', { name: 'New Pup' }))],
  ['a contract changed', () => db.contracts.put(contract('k-new', 'p-lucy', { retainerCents: 1 }))],
  [
    'a bonus',
    () =>
      db.bonuses.put({
        id: 'b-1',
        createdAt: 0,
        updatedAt: 0,
        partnerId: 'p-max',
        date: '2024-03-20',
        amountCents: 2_500,
        reason: 'Great reel',
      }),
  ],
  ['a partner deleted', () => deletePartner(db, 'p-pip', 1)],
];

describe('the shared figures', () => {
  it('equal a fresh read after every kind of write, while a screen shows them', async () => {
    const feed = figuresOf(db);
    let calls = 0;
    const stop = feed.subscribe(() => calls++);
    await until(() => sameAsStored(feed.snapshot()));
    for (const [what, write] of WRITES) {
      const before = feed.snapshot();
      await write();
      await until(async () => feed.snapshot() !== before && (await sameAsStored(feed.snapshot())));
      expect(await sameAsStored(feed.snapshot()), what).toBe(true);
    }
    expect(calls).toBeGreaterThanOrEqual(WRITES.length);
    stop();
  });

  it('equal a fresh read after every kind of write, with no screen showing them', async () => {
    const feed = figuresOf(db);
    await feed.current();
    for (const [what, write] of WRITES) {
      await write();
      // Dropped on the change, never handed out stale.
      expect(feed.snapshot(), what).toBeUndefined();
      expect(await sameAsStored(await feed.current()), what).toBe(true);
    }
  });

  it('are read once for every screen, and not again until a figure table changes', async () => {
    const feed = figuresOf(db);
    const a = feed.subscribe(() => undefined);
    const b = feed.subscribe(() => undefined);
    await until(() => feed.snapshot() !== undefined);
    expect(feed.reads()).toBe(1);
    a();
    b();
    // The next screen has them at once.
    const copy = feed.snapshot();
    const c = feed.subscribe(() => undefined);
    expect(feed.snapshot()).toBe(copy);
    expect(await feed.current()).toBe(copy);
    // A payment is not in the figures: nothing is read again.
    await recordPayouts(db, [
      {
        id: 'pay-1',
        createdAt: 0,
        updatedAt: 0,
        partnerId: 'p-max',
        periodStart: '2024-03-01',
        periodEnd: '2024-03-31',
        amountCents: 100,
        currency: 'USD',
        paidDate: '2024-04-05',
        method: 'paypal',
        reference: '',
        note: '',
      },
    ]);
    await new Promise((r) => setTimeout(r, 30));
    expect(feed.snapshot()).toBe(copy);
    expect(feed.reads()).toBe(1);
    c();
  });

  it('read a burst of writes one read after another, and end on the last', async () => {
    const feed = figuresOf(db);
    const stop = feed.subscribe(() => undefined);
    await until(() => feed.snapshot() !== undefined);
    const start = feed.reads();
    for (let i = 0; i < 20; i++)
      void writeOrders(db, [order(100 + i, Date.UTC(2024, 2, 1 + i), 'p-lucy')]);
    await until(async () => (await db.orders.where('id').startsWith('test:01').count()) === 20);
    await until(() => sameAsStored(feed.snapshot()));
    // Never one read per write at once: at most one running, and the ones begun stale redone.
    expect(feed.reads() - start).toBeLessThanOrEqual(21);
    expect(await sameAsStored(feed.snapshot())).toBe(true);
    stop();
  });

  it('follow a change made through another connection (another window)', async () => {
    const feed = figuresOf(db);
    const stop = feed.subscribe(() => undefined);
    await until(() => feed.snapshot() !== undefined);
    const other = new PawtnersDb(db.name);
    await other.partners.put(partner('p-elsewhere', { name: 'From the other window' }));
    await until(() => feed.snapshot()?.partners.some((p) => p.id === 'p-elsewhere') ?? false);
    other.close();
    stop();
  });

  it('are read again after a change only once the owner pauses (keepWarm)', async () => {
    const feed = figuresOf(db);
    await feed.current();
    let pause: () => void = () => undefined;
    const stopWarm = feed.keepWarm(
      (signal) =>
        new Promise<void>((resolve) => {
          pause = resolve;
          signal.addEventListener('abort', () => (pause = () => undefined));
        }),
    );
    const reads = feed.reads();
    await db.partners.put(partner('p-warm', { name: 'Warm' }));
    await new Promise((r) => setTimeout(r, 30));
    expect(feed.snapshot()).toBeUndefined();
    expect(feed.reads()).toBe(reads);
    pause();
    await until(() => feed.snapshot() !== undefined);
    expect(feed.reads()).toBe(reads + 1);
    expect(await sameAsStored(feed.snapshot())).toBe(true);
    stopWarm();
  });

  it('cannot be sorted or changed in place by a screen', async () => {
    const f = await figuresOf(db).current();
    expect(() => (f.partners as unknown[]).sort()).toThrow(TypeError);
    expect(() => (f.rollups as unknown[]).push(1)).toThrow(TypeError);
  });
});

describe('touchesFigures', () => {
  const part = (db: string, table: string, index = '') => ({
    [`idb://${db}/${table}/${index}`]: 1,
  });
  it('names every figure table of this database, and nothing else', () => {
    for (const t of [
      'partners',
      'contracts',
      'campaigns',
      'bonuses',
      'bonusRules',
      'shipments',
      'partnerStats',
    ]) {
      expect(touchesFigures(part('pawtners', t) as never, 'pawtners'), t).toBe(true);
      expect(touchesFigures(part('pawtners', t, ':dels') as never, 'pawtners'), t).toBe(true);
      expect(touchesFigures(part('other', t) as never, 'pawtners'), t).toBe(false);
    }
    for (const t of ['orders', 'contentItems', 'payouts', 'payoutSums', 'settings', 'partnersX'])
      expect(touchesFigures(part('pawtners', t) as never, 'pawtners'), t).toBe(false);
  });
});

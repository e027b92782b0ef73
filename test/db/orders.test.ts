import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PawtnersDb } from '../../src/db/db';
import {
  addManualOrder,
  applyOrderImport,
  ImportConflictError,
  mapCodeToPartner,
  prepareOrderImport,
  reassignOrder,
} from '../../src/db/orders';
import { buildAllStats } from '../../src/domain/stats';
import { contentStore } from '../../src/db/order-pages';
import { readSettings, saveSettings } from '../../src/db/repo';
import { customerKeyOf } from '../../src/io/customer-key';
import { parseManualOrder, emptyManualOrder } from '../../src/io/orders-manual';
import {
  importFixture,
  NOW,
  planFixture,
  planFixtureOnIndex,
  seedPartners,
} from './orders-helpers';
import { allOrders, countOrders, getOrder } from '../../src/db/order-pages';

let db: PawtnersDb;
let n = 0;
beforeEach(async () => {
  db = new PawtnersDb(`test-orders-${n++}`);
  await db.open();
  await seedPartners(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('order import', () => {
  it('writes nothing while planning, then exactly what the plan showed', async () => {
    const plan = await planFixture(db, 'shopify-orders.csv');
    expect(await countOrders(db)).toBe(0);
    expect(plan.counts).toEqual({ new: 8, unchanged: 0, changed: 0, unattributed: 1, errors: 0 });
    expect(await applyOrderImport(db, plan)).toBe(8);
    const stored = await allOrders(db).then((a) => a.sort((x, y) => (x.id < y.id ? -1 : 1)));
    expect(stored).toEqual([...plan.toWrite].sort((a, b) => a.id.localeCompare(b.id)));
    expect((await getOrder(db, 'shopify:#1002'))!.attribution).toEqual({
      method: 'referral',
      reason: 'utm_source=max-barks in note attributes',
    });
  });

  it('re-importing the same file is a no-op; an overlapping file updates refunds without duplicates', async () => {
    await importFixture(db, 'shopify-orders.csv');
    const before = await allOrders(db);
    expect(await importFixture(db, 'shopify-orders.csv', NOW + 5)).toBe(0);
    expect(await allOrders(db)).toEqual(before);
    const later = await planFixture(db, 'shopify-orders-later.csv', NOW + 10);
    expect(later.counts).toMatchObject({ new: 1, changed: 1, unchanged: 1 });
    await applyOrderImport(db, later);
    expect(await countOrders(db)).toBe(9);
    expect(await getOrder(db, 'shopify:#1003')).toMatchObject({
      status: 'refunded',
      refundedCents: 4280,
      createdAt: NOW,
      updatedAt: NOW + 10,
    });
  });

  it('stores a salted hash of the email, never the raw email, and null for anonymous orders', async () => {
    await importFixture(db, 'shopify-orders.csv');
    const salt = (await readSettings(db)).customerSalt;
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    const o1 = await getOrder(db, 'shopify:#1001');
    expect(o1!.email).toBeNull();
    expect(o1!.customerKey).toBe(await customerKeyOf('ann@example.com', salt));
    expect((await getOrder(db, 'shopify:#1005'))!.customerKey).toBeNull();
    // The later file's #1009 is the same customer as #1001 (different case).
    await importFixture(db, 'shopify-orders-later.csv');
    expect((await getOrder(db, 'shopify:#1009'))!.customerKey).toBe(o1!.customerKey);
    // The salt is made once.
    expect((await readSettings(db)).customerSalt).toBe(salt);
  });

  it('keeps raw emails only when the owner opted in', async () => {
    await saveSettings(db, { keepRawEmails: true });
    await importFixture(db, 'shopify-orders.csv');
    expect((await getOrder(db, 'shopify:#1001'))!.email).toBe('ann@example.com');
  });

  it('a failing import leaves stored orders exactly as they were', async () => {
    await importFixture(db, 'shopify-orders.csv');
    const before = await allOrders(db);
    const plan = await planFixture(db, 'shopify-orders-later.csv', NOW + 10);
    // One bad record among good ones: the whole import is refused.
    plan.toWrite[plan.toWrite.length - 1] = { ...plan.toWrite.at(-1)!, currency: 'usd' };
    await expect(applyOrderImport(db, plan)).rejects.toThrow(/currency/);
    expect(await allOrders(db)).toEqual(before);
  });

  it('refuses to apply a stale preview', async () => {
    await importFixture(db, 'shopify-orders.csv');
    const plan = await planFixture(db, 'shopify-orders-later.csv', NOW + 10);
    await reassignOrder(db, 'shopify:#1003', 'p-lucy', 'Owner knows better', NOW + 20);
    await expect(applyOrderImport(db, plan)).rejects.toBeInstanceOf(ImportConflictError);
    expect(await countOrders(db)).toBe(8);
  });
});

/** The rollups as stored, and as a full recomputation from the stored records gives them. */
async function rollups() {
  const tz = (await readSettings(db)).timeZone;
  const full = buildAllStats(
    (await db.partners.toArray()).map((p) => p.id),
    await allOrders(db),
    await contentStore.all(db),
    await db.contracts.toArray(),
    tz,
  );
  const byId = <T extends { partnerId: string }>(rows: T[]) =>
    [...rows].sort((a, b) => (a.partnerId < b.partnerId ? -1 : 1));
  return { stored: byId(await db.partnerStats.toArray()), full: byId(full) };
}

describe('order import written as prepared while the preview is shown', () => {
  it('writes exactly the plan, and the rollups equal a full recomputation', async () => {
    await importFixture(db, 'shopify-orders.csv');
    const { index, plan } = await planFixtureOnIndex(db, 'shopify-orders-later.csv', NOW + 10);
    expect(plan.counts).toMatchObject({ new: 1, changed: 1, unchanged: 1 });
    const prepared = await prepareOrderImport(db, plan, index);
    expect(await countOrders(db)).toBe(8); // preparing writes nothing
    expect(await applyOrderImport(db, plan, undefined, prepared)).toBe(2);
    expect(await countOrders(db)).toBe(9);
    for (const o of plan.toWrite) expect(await getOrder(db, o.id)).toEqual(o);
    const { stored, full } = await rollups();
    expect(stored).toEqual(full);
  });

  it('reads everything again when other orders were written after the preview', async () => {
    await importFixture(db, 'shopify-orders.csv');
    const { index, plan } = await planFixtureOnIndex(db, 'shopify-orders-later.csv', NOW + 10);
    const prepared = await prepareOrderImport(db, plan, index);
    // #1001 is not in the file, but its page is the one #1009 joins.
    await reassignOrder(db, 'shopify:#1001', 'p-pip', 'Owner knows better', NOW + 20);
    expect(await applyOrderImport(db, plan, undefined, prepared)).toBe(2);
    expect(await countOrders(db)).toBe(9);
    expect(await getOrder(db, 'shopify:#1001')).toMatchObject({ partnerId: 'p-pip' });
    for (const o of plan.toWrite) expect(await getOrder(db, o.id)).toEqual(o);
    const { stored, full } = await rollups();
    expect(stored).toEqual(full);
  });

  it('still refuses a preview whose orders changed after it was made', async () => {
    await importFixture(db, 'shopify-orders.csv');
    const { index, plan } = await planFixtureOnIndex(db, 'shopify-orders-later.csv', NOW + 10);
    const prepared = await prepareOrderImport(db, plan, index);
    await reassignOrder(db, 'shopify:#1003', 'p-lucy', 'Owner knows better', NOW + 20);
    const before = await allOrders(db);
    await expect(applyOrderImport(db, plan, undefined, prepared)).rejects.toBeInstanceOf(
      ImportConflictError,
    );
    expect(await allOrders(db)).toEqual(before);
  });
});

describe('mapping an unknown code and reassigning', () => {
  it('adds the code to the partner and credits its uncredited orders in one step', async () => {
    await importFixture(db, 'shopify-orders.csv');
    expect(await mapCodeToPartner(db, 'summerfun', 'p-pip', NOW + 1)).toBe(1);
    expect((await db.partners.get('p-pip'))!.codes).toEqual(['PIP20', 'summerfun']);
    expect(await getOrder(db, 'shopify:#1005')).toMatchObject({
      partnerId: 'p-pip',
      attribution: { method: 'code', reason: 'Used code SummerFun' },
    });
  });

  it('refuses a code another partner owns (any case) and changes nothing', async () => {
    await importFixture(db, 'shopify-orders.csv');
    await expect(mapCodeToPartner(db, 'lucy15', 'p-pip')).rejects.toThrow(
      'Code lucy15 already belongs to Lucy Loaf.',
    );
    expect((await db.partners.get('p-pip'))!.codes).toEqual(['PIP20']);
  });

  it('a manual reassignment keeps its reason and survives re-import', async () => {
    await importFixture(db, 'shopify-orders.csv');
    await reassignOrder(db, 'shopify:#1001', 'p-max', 'Customer told us Max sent them', NOW + 1);
    await importFixture(db, 'shopify-orders.csv', NOW + 2);
    expect(await getOrder(db, 'shopify:#1001')).toMatchObject({
      partnerId: 'p-max',
      attribution: { method: 'manual', reason: 'Customer told us Max sent them' },
    });
  });

  it('adds a manual order credited by its code, and refuses the same number twice', async () => {
    const draft = {
      ...emptyManualOrder('USD', '2024-03-09'),
      source: 'Market',
      orderId: 'M-1',
      subtotal: '40',
      tax: '2.80',
      codes: 'pip20',
    };
    const { order, errors } = parseManualOrder(draft, { timeZone: 'America/New_York', now: NOW });
    expect(errors).toEqual({});
    const rec = await addManualOrder(db, { ...order!, customerKey: null }, null, '', NOW);
    expect(rec).toMatchObject({ id: 'market:M-1', totalCents: 4280, partnerId: 'p-pip' });
    await expect(
      addManualOrder(db, { ...order!, customerKey: null }, null, '', NOW),
    ).rejects.toThrow('already exists');
    expect(
      parseManualOrder(
        { ...draft, subtotal: 'abc', date: '2099-01-01' },
        { timeZone: 'UTC', now: NOW },
      ).errors,
    ).toEqual({
      subtotal: 'Enter an amount like 49.90',
      date: 'The date is in the future',
    });
  });
});

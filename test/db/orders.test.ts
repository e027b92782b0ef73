import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { undoImport } from '../../src/db/backup';
import { PawtnersDb } from '../../src/db/db';
import {
  addManualOrder,
  allOrders,
  applyOrderImport,
  countOrders,
  countOrdersWhere,
  forEachOrder,
  getOrder,
  ImportConflictError,
  listOrders,
  mapCodeToPartner,
  ordersChangeProbe,
  reassignOrder,
  StaleWriteError,
  storedOrderIds,
  uncreditedWithAnyCode,
  usedCodes,
  writeOrders,
  type OrderQuery,
} from '../../src/db/orders';
import { readSettings, saveSettings } from '../../src/db/repo';
import type { Order, Settings } from '../../src/domain/schemas';
import { customerKeyOf } from '../../src/io/customer-key';
import { parseManualOrder, emptyManualOrder } from '../../src/io/orders-manual';
import { dump, expectRollupsRight } from './backup-helpers';
import { importFixture, NOW, order, planCsv, planFixture, seedPartners } from './orders-helpers';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

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

describe('storedOrderIds (which orders of a file are stored already)', () => {
  it('answers exactly, for a few ids (looked up) and for many (read by source)', async () => {
    const etsy = (n: number) => order(n, NOW, null, { id: `etsy:${n}`, source: 'etsy' });
    await writeOrders(db, [
      ...Array.from({ length: 2600 }, (_, i) => order(i * 2, NOW, null)), // test:0000, 0002, ...
      ...[1, 2, 3].map(etsy),
    ]);
    const testId = (n: number) => `test:${String(n).padStart(4, '0')}`;
    // Few: some stored, some not, two sources.
    expect(await storedOrderIds(db, [testId(2), testId(3), 'etsy:2', 'etsy:9'])).toEqual(
      new Set([testId(2), 'etsy:2']),
    );
    // Many (above the few): every other one stored, plus ids of a source nothing is stored from.
    const many = [
      ...Array.from({ length: 3000 }, (_, i) => testId(i)),
      'etsy:1',
      'etsy:4',
      'woo:1',
    ];
    const want = new Set([...Array.from({ length: 1500 }, (_, i) => testId(i * 2)), 'etsy:1']);
    expect(await storedOrderIds(db, many)).toEqual(want);
    expect(await storedOrderIds(db, [])).toEqual(new Set());
  });

  it('an import of more orders than that, some stored: the plan, undo and rollups stay right', async () => {
    // A Shopify file of `count` orders, #5000 up; orders from `refundFrom` on are refunded.
    const csv = (count: number, refundFrom = Infinity) =>
      [
        'Name,Email,Financial Status,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Created at,Lineitem quantity,Lineitem name,Lineitem price,Refunded Amount',
        ...Array.from({ length: count }, (_, i) => {
          const refunded = i >= refundFrom;
          return `#${5000 + i},b${i % 700}@example.com,${refunded ? 'refunded' : 'paid'},USD,20.00,0.00,0.00,20.00,${i % 3 ? 'LUCY15' : ''},2024-05-0${1 + (i % 9)} 10:00:00 -0400,1,Treats,20.00,${refunded ? '20.00' : '0.00'}`;
        }),
      ].join('\n');
    await applyOrderImport(db, await planCsv(db, csv(1200)), { now: NOW });
    const before = await dump(db);
    // 1,100 stored and unchanged, 100 stored and refunded since, 1,800 new.
    const plan = await planCsv(db, csv(3000, 1100), NOW + 1);
    expect(plan.counts).toMatchObject({ new: 1800, changed: 100, unchanged: 1100, errors: 0 });
    const { undoId } = await applyOrderImport(db, plan, { now: NOW + 1 });
    expect(await countOrders(db)).toBe(3000);
    expect((await getOrder(db, 'shopify:#6150'))!.refundedCents).toBe(2000);
    await expectRollupsRight(db);
    await undoImport(db, undoId);
    expect(await dump(db)).toEqual(before);
    await expectRollupsRight(db);
  });

  it('an order added since the preview stops the import (a file larger than a few orders)', async () => {
    const rows = Array.from(
      { length: 2500 },
      (_, i) =>
        `#${7000 + i},a@example.com,paid,USD,10.00,0.00,0.00,10.00,,2024-05-02 10:00:00 -0400,1,Treats,10.00,0.00`,
    );
    const text = [
      'Name,Email,Financial Status,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Created at,Lineitem quantity,Lineitem name,Lineitem price,Refunded Amount',
      ...rows,
    ].join('\n');
    const plan = await planCsv(db, text);
    expect(plan.counts.new).toBe(2500);
    // Another window imports one of these orders meanwhile.
    await writeOrders(db, [plan.toWrite[2400]!]);
    await expect(applyOrderImport(db, plan)).rejects.toBeInstanceOf(ImportConflictError);
    expect(await countOrders(db)).toBe(1);
  });
});

describe('order import', () => {
  it('writes nothing while planning, then exactly what the plan showed', async () => {
    const plan = await planFixture(db, 'shopify-orders.csv');
    expect(await countOrders(db)).toBe(0);
    expect(plan.counts).toMatchObject({
      new: 8,
      unchanged: 0,
      changed: 0,
      unattributed: 1,
      errors: 0,
    });
    expect((await applyOrderImport(db, plan)).written).toBe(8);
    const stored = (await allOrders(db)).sort(byId);
    expect(stored).toEqual([...plan.toWrite].sort(byId));
    expect((await getOrder(db, 'shopify:#1002'))!.attribution).toEqual({
      method: 'referral',
      reason: 'utm_source=max-barks in note attributes',
    });
  });

  it('re-importing the same file is a no-op; an overlapping file updates refunds without duplicates', async () => {
    await importFixture(db, 'shopify-orders.csv');
    const before = await allOrders(db);
    expect((await importFixture(db, 'shopify-orders.csv', NOW + 5)).written).toBe(0);
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
    const before = await dump(db);
    await expect(applyOrderImport(db, plan)).rejects.toBeInstanceOf(ImportConflictError);
    expect(await countOrders(db)).toBe(8);
    expect(await dump(db)).toEqual(before);
  });

  it('refuses when a partner the orders are credited to was deleted after the preview', async () => {
    const plan = await planFixture(db, 'shopify-orders.csv');
    expect(plan.toWrite.find((o) => o.id === 'shopify:#1002')!.partnerId).toBe('p-max');
    await db.partners.delete('p-max');
    const before = await dump(db);
    const err = await applyOrderImport(db, plan).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportConflictError);
    expect((err as Error).message).toMatch(/partner .* was deleted/);
    expect(await dump(db)).toEqual(before);
  });
});

describe('order import in chunks, with progress, remembered mapping and undo', () => {
  it('writes exactly the plan, and the rollups equal a full recomputation', async () => {
    await importFixture(db, 'shopify-orders.csv');
    const plan = await planFixture(db, 'shopify-orders-later.csv', NOW + 10);
    expect(plan.counts).toMatchObject({ new: 1, changed: 1, unchanged: 1 });
    expect(await countOrders(db)).toBe(8); // planning writes nothing
    const progress: [number, number][] = [];
    const res = await applyOrderImport(db, plan, {
      now: NOW + 10,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(res.written).toBe(2);
    expect(res.undoId).toEqual(expect.any(String));
    expect(progress).toEqual([[2, 2]]);
    expect(await countOrders(db)).toBe(9);
    for (const o of plan.toWrite) expect(await getOrder(db, o.id)).toEqual(o);
    await expectRollupsRight(db);
  });

  it('keeps orders not in the file that were changed after the preview', async () => {
    await importFixture(db, 'shopify-orders.csv');
    const plan = await planFixture(db, 'shopify-orders-later.csv', NOW + 10);
    // #1001 is not in the file: changing it does not make the preview stale.
    await reassignOrder(db, 'shopify:#1001', 'p-pip', 'Owner knows better', NOW + 20);
    expect((await applyOrderImport(db, plan)).written).toBe(2);
    expect(await countOrders(db)).toBe(9);
    expect(await getOrder(db, 'shopify:#1001')).toMatchObject({ partnerId: 'p-pip' });
    for (const o of plan.toWrite) expect(await getOrder(db, o.id)).toEqual(o);
    await expectRollupsRight(db);
  });

  it('saves the settings `remember` makes with the orders, and not without them', async () => {
    const remember = (s: Settings) => ({ ...s, keepRawEmails: true, updatedAt: NOW + 1 });
    const refused = await planFixture(db, 'shopify-orders.csv');
    await db.partners.delete('p-max');
    await expect(applyOrderImport(db, refused, { remember })).rejects.toBeInstanceOf(
      ImportConflictError,
    );
    expect((await readSettings(db)).keepRawEmails).toBe(false);
    await seedPartners(db);
    await applyOrderImport(db, await planFixture(db, 'shopify-orders.csv'), { remember });
    expect(await readSettings(db)).toMatchObject({ keepRawEmails: true, updatedAt: NOW + 1 });
  });

  it('"Undo import" puts back exactly the orders that were there', async () => {
    await importFixture(db, 'shopify-orders.csv');
    await reassignOrder(db, 'shopify:#1001', 'p-pip', 'Owner knows better', NOW + 5);
    const before = await dump(db);
    const plan = await planFixture(db, 'shopify-orders-later.csv', NOW + 10);
    const { undoId } = await applyOrderImport(db, plan, {
      now: NOW + 10,
      remember: (s) => ({ ...s, keepRawEmails: true, updatedAt: NOW + 10 }),
    });
    expect(await countOrders(db)).toBe(9);
    await undoImport(db, undoId);
    expect(await dump(db)).toEqual(before);
    await expectRollupsRight(db);
  });

  it('undoing the first import leaves no orders', async () => {
    const plan = await planFixture(db, 'shopify-orders.csv');
    const before = await dump(db);
    const { undoId } = await applyOrderImport(db, plan);
    await undoImport(db, undoId);
    expect(await countOrders(db)).toBe(0);
    expect(await dump(db)).toEqual(before);
    await expectRollupsRight(db);
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

  it('credits orders stored before the split, whose one value holds the code among others', async () => {
    const T = Date.UTC(2024, 2, 1);
    await writeOrders(db, [
      order(1, T, null, { codes: ['EARLYACCESS30 + Spring5'] }),
      order(2, T + 1, null, { codes: ['spring5'] }),
      order(3, T + 2, null, { codes: ['SPRING50'] }),
    ]);
    expect(await mapCodeToPartner(db, 'SPRING5', 'p-pip', NOW + 1)).toBe(2);
    expect((await getOrder(db, 'test:0001'))!.attribution).toEqual({
      method: 'code',
      reason: 'Used code Spring5',
    });
    expect((await getOrder(db, 'test:0003'))!.partnerId).toBeNull();
    await expectRollupsRight(db);
  });

  it('refuses a code another partner owns (any case) and changes nothing', async () => {
    await importFixture(db, 'shopify-orders.csv');
    await expect(mapCodeToPartner(db, 'lucy15', 'p-pip')).rejects.toThrow(
      'Code lucy15 already belongs to Lucy Loaf.',
    );
    expect((await db.partners.get('p-pip'))!.codes).toEqual(['PIP20']);
  });

  it('refuses a reassignment made from a stale order, and overwrites without the check', async () => {
    await importFixture(db, 'shopify-orders.csv');
    const seen = (await getOrder(db, 'shopify:#1001'))!;
    await reassignOrder(db, seen.id, 'p-max', 'Another window', NOW + 1, seen.updatedAt);
    const before = await dump(db);
    const err = await reassignOrder(db, seen.id, 'p-pip', 'This window', NOW + 2, seen.updatedAt)
      .then(() => null)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StaleWriteError);
    expect((err as Error).message).toMatch(/changed elsewhere/);
    expect(await dump(db)).toEqual(before);
    await reassignOrder(db, seen.id, 'p-pip', 'This window', NOW + 3);
    expect(await getOrder(db, seen.id)).toMatchObject({ partnerId: 'p-pip', updatedAt: NOW + 3 });
    await expectRollupsRight(db);
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

describe('reading orders through the indexes', () => {
  const T = Date.UTC(2024, 0, 1);
  /** 30 orders; several share one instant (ties), every third is credited to nobody. */
  const rows = Array.from({ length: 30 }, (_, i) =>
    order(i, T + Math.floor(i / 4) * 1000, i % 3 === 0 ? null : i % 3 === 1 ? 'p-lucy' : 'p-max'),
  );
  const newestFirst = (list: Order[]) =>
    [...list].sort((a, b) => b.placedAtMs - a.placedAtMs || (a.id < b.id ? 1 : -1));
  beforeEach(async () => {
    await writeOrders(db, rows);
  });

  const queries: [string, OrderQuery, (o: Order) => boolean][] = [
    ['everything', {}, () => true],
    [
      'a date range',
      { fromMs: T + 1000, toMs: T + 5000 },
      (o) => o.placedAtMs >= T + 1000 && o.placedAtMs <= T + 5000,
    ],
    ['one partner', { partnerId: 'p-lucy' }, (o) => o.partnerId === 'p-lucy'],
    [
      'one partner in a range',
      { partnerId: 'p-max', fromMs: T + 2000 },
      (o) => o.partnerId === 'p-max' && o.placedAtMs >= T + 2000,
    ],
    ['nobody', { partnerId: null }, (o) => o.partnerId === null],
    [
      'a per-row check',
      { keep: (o) => Number(o.orderId) % 2 === 0 },
      (o) => Number(o.orderId) % 2 === 0,
    ],
  ];

  it.each(queries)('lists, counts and walks %s, newest first', async (_, q, match) => {
    const want = newestFirst(rows.filter(match));
    expect(await countOrdersWhere(db, q)).toBe(want.length);
    const pages: Order[] = [];
    for (let offset = 0; offset < want.length + 7; offset += 7)
      pages.push(...(await listOrders(db, q, offset, 7)));
    expect(pages.map((o) => o.id)).toEqual(want.map((o) => o.id));
    // In chunks smaller than a run of ties: every order once, in the same order.
    for (const size of [1, 3, 5, 100]) {
      const walked: Order[] = [];
      await forEachOrder(db, q, (chunk) => walked.push(...chunk), size);
      expect(walked.map((o) => o.id)).toEqual(want.map((o) => o.id));
    }
  });

  it('stops walking when asked', async () => {
    let chunks = 0;
    await forEachOrder(
      db,
      {},
      () => (chunks += 1),
      5,
      () => chunks >= 2,
    );
    expect(chunks).toBe(2);
  });

  it('knows the codes used and the uncredited orders that used them, without the rest', async () => {
    await writeOrders(db, [
      order(100, T, null, { codes: ['PawParty'] }),
      order(101, T + 1, null, { codes: ['pawparty', 'LUCY15'] }),
      order(102, T + 2, 'p-lucy', { codes: ['PAWPARTY'] }),
    ]);
    for (const step of [1, 2, 100])
      expect(await usedCodes(db, step)).toEqual(['LUCY15', 'PAWPARTY', 'PawParty', 'pawparty']);
    const found = await uncreditedWithAnyCode(db, ['PawParty', 'pawparty']);
    expect(found.map((o) => o.id).sort()).toEqual(['test:0100', 'test:0101']);
    expect(await uncreditedWithAnyCode(db, [])).toEqual([]);
    // A stopped run ends at its next read (the screen left or a newer run began).
    let reads = 0;
    const afterTwo = () => ++reads > 2;
    expect(await usedCodes(db, 1, afterTwo)).toEqual(['LUCY15', 'PAWPARTY']);
    reads = 0;
    const afterOne = () => ++reads > 1;
    const partial = await uncreditedWithAnyCode(db, ['PawParty', 'pawparty'], afterOne);
    expect(partial.map((o) => o.id)).toEqual(['test:0100']);
    expect(await uncreditedWithAnyCode(db, ['PawParty'], () => true)).toEqual([]);
  });
});

describe('the orders change probe', () => {
  it('runs a live query again after any write to orders, and not after other writes', async () => {
    await importFixture(db, 'shopify-orders.csv');
    let runs = 0;
    const sub = liveQuery(() => ordersChangeProbe(db).then(() => (runs += 1))).subscribe({});
    await vi.waitFor(() => expect(runs).toBe(1));
    await reassignOrder(db, 'shopify:#1001', 'p-pip', 'test', NOW + 1);
    await vi.waitFor(() => expect(runs).toBe(2));
    await writeOrders(db, [], ['shopify:#1008']);
    await vi.waitFor(() => expect(runs).toBe(3));
    await saveSettings(db, { keepRawEmails: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(runs).toBe(3);
    sub.unsubscribe();
  });
});

/**
 * The payment sums (src/domain/payout-sums.ts) kept by the rollup middleware: after every kind of
 * write of payments they equal a full recomputation from the stored payments.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PawtnersDb,
  SCHEMA_V1,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
  SCHEMA_V8,
  SCHEMA_V9,
} from '../../src/db/db';
import { applyImport, undoImport } from '../../src/db/backup';
import { deletePartner, restorePartner } from '../../src/db/partners';
import { deletePayout, rebuildPayoutSums, recordPayouts } from '../../src/db/payouts';
import { deleteAllData, loadSampleData, replaceAllData } from '../../src/db/repo';
import { paidByPartner, rebuildAllStats } from '../../src/db/stats';
import { buildPaidBuckets, paidForStatements, type PaidBucket } from '../../src/domain/payout-sums';
import { generateSampleData } from '../../src/domain/sample-data';
import type { Payout } from '../../src/domain/schemas';

let db: PawtnersDb;
let name = '';
let n = 0;
const NOW = Date.UTC(2026, 10, 24, 15);

beforeEach(() => {
  name = `test-payout-sums-${n++}`;
  db = new PawtnersDb(name);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const byEnd = (a: PaidBucket, b: PaidBucket) => a.periodEnd.localeCompare(b.periodEnd);
/** The stored sums, and the sums a full recomputation from the stored payments gives. */
async function both() {
  const stored = (await db.payoutSums.toArray()).sort(byEnd);
  const recomputed = buildPaidBuckets(await db.payouts.toArray());
  // Entries may sit in any order within a bucket: compare them as sets of sums.
  const flat = (bs: PaidBucket[]) =>
    bs
      .flatMap((b) =>
        b.partnerIds.map(
          (p, i) =>
            `${b.periodEnd} ${p} ${b.currencies[i]} ${b.periodStarts[i]} ${b.amountCents[i]} ${b.counts[i]}`,
        ),
      )
      .sort();
  return { stored: flat(stored), recomputed: flat(recomputed) };
}
async function expectRight() {
  const { stored, recomputed } = await both();
  expect(stored).toEqual(recomputed);
}

const pay = (id: string, partnerId: string, over: Partial<Payout> = {}): Payout => ({
  id,
  createdAt: NOW,
  updatedAt: NOW,
  partnerId,
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  amountCents: 10_000,
  currency: 'USD',
  paidDate: '2026-11-05',
  method: 'paypal',
  reference: '',
  note: '',
  ...over,
});

describe('payment sums kept by the middleware', () => {
  it('are written with the sample data and agree with a full recomputation', async () => {
    await loadSampleData(db, NOW);
    const { stored } = await both();
    expect(stored.length).toBeGreaterThan(10);
    await expectRight();
  });

  it('follow payments recorded, undone, and written straight on the table (as a sync engine would)', async () => {
    await loadSampleData(db, NOW);
    await recordPayouts(db, [
      pay('a', 'p-001'),
      pay('b', 'p-001', { amountCents: 2_500 }),
      pay('c', 'p-002', { currency: 'GBP', amountCents: 777 }),
    ]);
    await expectRight();
    await deletePayout(db, 'b');
    await expectRight();
    // A payment moved to another period, another partner and amount.
    await db.payouts.put(pay('a', 'p-003', { periodStart: '2026-09-01', periodEnd: '2026-09-30' }));
    await expectRight();
    await db.payouts.filter((p) => p.partnerId === 'p-002').delete();
    await expectRight();
    await db.payouts.bulkDelete(['a', 'c']);
    await expectRight();
    await db.payouts.clear();
    await expectRight();
    expect(await db.payoutSums.count()).toBe(0);
  });

  it('roll back with the transaction that wrote them', async () => {
    await loadSampleData(db, NOW);
    const before = await db.payoutSums.toArray();
    await expect(
      db.transaction('rw', db.payouts, async () => {
        await db.payouts.put(pay('x', 'p-001'));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.payoutSums.toArray()).toEqual(before);
  });

  it('follow a partner deleted (with their payments) and restored', async () => {
    await loadSampleData(db, NOW);
    const paid = await db.payouts
      .where('[partnerId+paidDate]')
      .between(['p-001', ''], ['p-001', '\uffff'])
      .count();
    expect(paid).toBeGreaterThan(0);
    const deleted = await deletePartner(db, 'p-001', NOW);
    await expectRight();
    expect((await paidByPartner(db)).has('p-001')).toBe(false);
    await restorePartner(db, deleted);
    await expectRight();
  });

  it('follow a backup import (Merge and Replace) and its undo', async () => {
    await loadSampleData(db, NOW);
    await recordPayouts(db, [pay('mine', 'p-004', { amountCents: 1_234 })]);
    const data = generateSampleData('2026-11-24', NOW);
    const moved = data.payouts
      .slice(0, 5)
      .map((p) => ({ ...p, amountCents: p.amountCents + 1, updatedAt: NOW + 9 }));
    const merged = { ...data, payouts: [...moved, ...data.payouts.slice(5)], deletions: [] };
    const m = await applyImport(db, merged, 'merge', { now: NOW + 1, reason: 't' });
    await expectRight();
    await undoImport(db, m.undoId);
    await expectRight();
    const r = await applyImport(db, { ...data, deletions: [] }, 'replace', {
      now: NOW + 2,
      reason: 't',
    });
    await expectRight();
    expect(await db.payouts.get('mine')).toBeUndefined();
    await undoImport(db, r.undoId);
    await expectRight();
    expect((await db.payouts.get('mine'))?.amountCents).toBe(1_234);
  });

  it('are cleared with all data, written by a whole data set, and can be rebuilt', async () => {
    await loadSampleData(db, NOW);
    await deleteAllData(db);
    await expectRight();
    expect(await db.payoutSums.count()).toBe(0);
    await replaceAllData(db, generateSampleData('2026-03-15', NOW));
    await expectRight();
    await db.payoutSums.clear();
    await rebuildPayoutSums(db);
    await expectRight();
    await db.payoutSums.clear();
    await rebuildAllStats(db);
    await expectRight();
  });

  it('are built by the upgrade from schema version 9', async () => {
    const data = generateSampleData('2026-11-24', NOW);
    const v8 = new Dexie(name);
    v8.version(1).stores(SCHEMA_V1);
    v8.version(5).stores({ ...SCHEMA_V5 });
    v8.version(6).stores(SCHEMA_V6);
    v8.version(7).stores(SCHEMA_V7);
    v8.version(8).stores(SCHEMA_V8);
    v8.version(9).stores(SCHEMA_V9);
    await v8.open();
    await v8.table('payouts').bulkPut(data.payouts);
    await v8.table('orders').bulkPut(data.orders.slice(0, 50));
    v8.close();
    await db.open();
    expect(db.verno).toBe(11);
    // The payments are as they were; the sums are theirs.
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(await db.payouts.toArray()).toEqual([...data.payouts].sort(byId));
    expect(await db.orders.count()).toBe(50);
    await expectRight();
    expect(await db.payoutSums.count()).toBeGreaterThan(0);
  });
});

describe('what a period reads of them', () => {
  it('gives what was paid for the period and before it, per currency (hand-computed)', () => {
    const march = { start: '2026-03-01', end: '2026-03-31' };
    const buckets = buildPaidBuckets([
      pay('1', 'p-a', { periodStart: '2026-03-01', periodEnd: '2026-03-31', amountCents: 100 }),
      pay('2', 'p-a', { periodStart: '2026-03-01', periodEnd: '2026-03-31', amountCents: 250 }),
      pay('3', 'p-a', {
        periodStart: '2026-03-01',
        periodEnd: '2026-03-31',
        amountCents: 999,
        currency: 'GBP',
      }),
      pay('4', 'p-a', { periodStart: '2026-01-01', periodEnd: '2026-02-28', amountCents: 40 }),
      // A quarter overlapping March counts for it.
      pay('5', 'p-b', { periodStart: '2026-02-01', periodEnd: '2026-04-30', amountCents: 7 }),
      // After March: neither.
      pay('6', 'p-b', { periodStart: '2026-04-01', periodEnd: '2026-04-30', amountCents: 5 }),
    ]);
    const usd = paidForStatements(buckets, march, 'USD');
    expect(usd.overlapping.map((s) => [s.partnerId, s.amountCents, s.count])).toEqual([
      ['p-a', 350, 2],
      ['p-b', 7, 1],
    ]);
    expect(usd.earlier.map((s) => [s.partnerId, s.amountCents])).toEqual([['p-a', 40]]);
    const gbp = paidForStatements(buckets, march, 'GBP');
    expect(gbp.overlapping.map((s) => [s.partnerId, s.amountCents])).toEqual([['p-a', 999]]);
    expect(gbp.earlier).toEqual([]);
  });
});

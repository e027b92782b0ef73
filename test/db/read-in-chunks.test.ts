import { afterEach, beforeEach, expect, it } from 'vitest';
import { PawtnersDb } from '../../src/db/db';
import type { Payout } from '../../src/domain/schemas';
import { readInChunks } from '../../src/features/common/readInChunks';

let db: PawtnersDb;
let n = 0;

const payout = (id: string): Payout => ({
  id,
  createdAt: 0,
  updatedAt: 0,
  partnerId: 'p1',
  periodStart: '2024-03-01',
  periodEnd: '2024-03-31',
  amountCents: 100,
  currency: 'USD',
  paidDate: '2024-04-05',
  method: 'paypal',
  reference: '',
  note: '',
});

beforeEach(async () => {
  db = new PawtnersDb(`test-chunks-${n++}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

it('reads every record once, in key order, whatever the chunk size', async () => {
  const ids = Array.from({ length: 23 }, (_, i) => `pay-${String(i).padStart(3, '0')}`);
  await db.table<Payout, string>('bonuses').bulkPut([...ids].reverse().map(payout));
  for (const size of [1, 5, 23, 100]) {
    const rows = await readInChunks(db.table<Payout, string>('bonuses'), (p) => p.id, size);
    expect(rows.map((p) => p.id)).toEqual(ids);
  }
});

it('returns nothing for an empty table', async () => {
  expect(await readInChunks(db.table<Payout, string>('bonuses'), (p) => p.id, 10)).toEqual([]);
});

it('stops reading once told to, keeping what it has', async () => {
  await db
    .table<Payout, string>('bonuses')
    .bulkPut(Array.from({ length: 10 }, (_, i) => payout(`pay-${i}`)));
  let reads = 0;
  const rows = await readInChunks(
    db.table<Payout, string>('bonuses'),
    (p) => p.id,
    3,
    () => ++reads > 2,
  );
  expect(rows.map((p) => p.id)).toEqual(['pay-0', 'pay-1', 'pay-2', 'pay-3', 'pay-4', 'pay-5']);
});

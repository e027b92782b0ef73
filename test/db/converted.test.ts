/**
 * Converted orders are read through their own index (issue 22): only orders with `fx`, only
 * those of the period, whatever currency they came from.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { convertedFromCurrencies, convertedOrders } from '../../src/db/converted';
import { PawtnersDb } from '../../src/db/db';
import { NOW, order } from './orders-helpers';

const DAY = 86_400_000;
let db: PawtnersDb;
let n = 0;
beforeEach(async () => {
  db = new PawtnersDb(`test-converted-${n++}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('converted orders', () => {
  it('reads only converted orders of the period, from every currency', async () => {
    const gbp = { from: 'GBP', rate: '1.27', totalCents: 1000 };
    const eur = { from: 'EUR', rate: '1.08', totalCents: 1000 };
    await db.orders.bulkPut([
      order(1, NOW, null),
      order(2, NOW + DAY, 'p-a', { fx: gbp }),
      order(3, NOW + 2 * DAY, null, { fx: eur }),
      order(4, NOW + 9 * DAY, 'p-a', { fx: gbp }),
      order(5, NOW - 9 * DAY, 'p-a', { fx: eur }),
      order(6, NOW + 2 * DAY, 'p-a'),
    ]);
    expect(await convertedFromCurrencies(db)).toEqual(['EUR', 'GBP']);
    const got = await convertedOrders(db, NOW, NOW + 3 * DAY);
    expect(got.map((o) => o.id).sort()).toEqual(['test:0002', 'test:0003']);
  });

  it('finds nothing when no order was converted', async () => {
    await db.orders.bulkPut([order(1, NOW, null), order(2, NOW, 'p-a')]);
    expect(await convertedFromCurrencies(db)).toEqual([]);
    expect(await convertedOrders(db, -Infinity, Infinity)).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PawtnersDb } from '../../src/db/db';
import { saveContentItems } from '../../src/db/content';
import { ordersOfPartner, writeOrders } from '../../src/db/orders';
import {
  allPayouts,
  readStatementData,
  readStatementBasis,
  paidBucketsFrom,
  recordPayouts,
} from '../../src/db/payouts';
import { carryLookbackStart } from '../../src/domain/payout-carry';
import { paidForStatements } from '../../src/domain/payout-sums';
import {
  buildStatements,
  carriedFromStats,
  periodEarningsFromStats,
  statementsFrom,
  type Statement,
} from '../../src/domain/payout-statements';
import type { ContentItem, Payout } from '../../src/domain/schemas';
import { importFixture, seedPartners } from './orders-helpers';

const putContent = (c: ContentItem) => saveContentItems(db, [c]);
const putPayouts = (p: Payout[]) => recordPayouts(db, p);

let db: PawtnersDb;
let n = 0;
const MARCH = { start: '2024-03-01', end: '2024-03-31' };
const OPTS = { timeZone: 'America/New_York', countDiscountAsCost: false };

const payout = (id: string, partnerId: string, over: Partial<Payout>): Payout => ({
  id,
  createdAt: 0,
  updatedAt: 0,
  partnerId,
  periodStart: '2024-03-01',
  periodEnd: '2024-03-31',
  amountCents: 0,
  currency: 'USD',
  paidDate: '2024-04-05',
  method: 'paypal',
  reference: '',
  note: '',
  ...over,
});

beforeEach(async () => {
  db = new PawtnersDb(`test-payouts-${n++}`);
  await db.open();
  await seedPartners(db);
  await importFixture(db, 'shopify-orders.csv');
  await putContent({
    id: 'c-1',
    createdAt: 0,
    updatedAt: 0,
    partnerId: 'p-max',
    campaignId: null,
    platform: 'instagram',
    format: 'reel',
    plannedDate: '2024-03-12',
    plannedTime: '',
    status: 'published',
    title: 'Treat taste test',
    brief: '',
    control: 'co-created',
    publishedUrl: '',
    costCents: 5_000,
    metrics: null,
  });
  await db.bonuses.put({
    id: 'b-1',
    createdAt: 0,
    updatedAt: 0,
    partnerId: 'p-max',
    date: '2024-03-20',
    amountCents: 2_500,
    reason: 'Great reel',
  });
  await db.bonusRules.put({
    id: 'r-1',
    createdAt: 0,
    updatedAt: 0,
    name: '$50 month',
    kind: 'ambassador',
    minMonthlyRevenueCents: 5_000,
    bonusCents: 1_000,
    active: true,
  });
  await putPayouts([
    payout('po-max-mar', 'p-max', { amountCents: 30_000 }),
    payout('po-max-feb', 'p-max', {
      amountCents: 99_999,
      periodStart: '2024-02-01',
      periodEnd: '2024-02-29',
    }),
  ]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('payout statements (hand-computed from the Shopify fixture)', () => {
  it('adds commissions, retainer, fees and bonuses, minus what was paid for the period', async () => {
    const s = buildStatements(await readStatementData(db), MARCH, OPTS);
    const row = (id: string) => s.find((x) => x.partner.id === id)!;
    // Lucy, 10% of subtotal: #1001 51.00 -> 5.10, #1006 56.00 -> 5.60.
    expect(row('p-lucy').earnings).toMatchObject({
      commissionCents: 1_070,
      revenueCents: 11_457,
      payableCents: 1_070,
    });
    expect(row('p-lucy').owedCents).toBe(1_070);
    // Max, 5% of total: #1002 25.00 -> 1.25; #1003 42.80 -> 2.14 less 25% refunded (0.54) = 1.60.
    // Retainer 300.00, one published reel 50.00, manual bonus 25.00, rule bonus 10.00 (revenue 57.10 >= 50).
    expect(row('p-max').earnings).toMatchObject({
      commissionCents: 285,
      retainerCents: 30_000,
      feesCents: 5_000,
      bonusCents: 3_500,
      revenueCents: 5_710,
      payableCents: 38_785,
    });
    // Only the March payment overlaps March. February (retainer 300.00, nothing else) was paid
    // 999.99: 699.99 overpaid, carried into March, which it more than covers: 387.85 - 300.00 -
    // 699.99 = -612.14, owed back.
    expect(row('p-max')).toMatchObject({
      paidCents: 30_000,
      carriedInCents: 69_999,
      owedCents: 0,
      owedBackCents: 61_214,
    });
    // Pip, 20% of subtotal: #1004 cancelled 0, #1007 fully refunded 0, #1008 14.00 -> 2.80.
    expect(row('p-pip').earnings.commissionCents).toBe(280);
  });

  it('marking as paid brings what is owed to zero; partial months pay nothing twice', async () => {
    await recordPayouts(db, [
      payout('po-lucy', 'p-lucy', { amountCents: 1_070, reference: 'PP-1' }),
      payout('po-max-2', 'p-max', { amountCents: 8_785, method: 'venmo' }),
    ]);
    const s = buildStatements(await readStatementData(db), MARCH, OPTS);
    expect(s.filter((x) => x.partner.id !== 'p-pip').map((x) => x.owedCents)).toEqual([0, 0]);
  });

  it('refuses an invalid payment and records none of the batch', async () => {
    await expect(
      recordPayouts(db, [
        payout('po-ok', 'p-lucy', { amountCents: 100 }),
        payout('po-bad', 'p-pip', { amountCents: -5 }),
      ]),
    ).rejects.toThrow(/amountCents/);
    expect(await allPayouts(db)).toHaveLength(2);
  });

  it("a period's records give the same statements as every record, for everyone or one partner", async () => {
    // An order late on March 31 in New York is April 1 in UTC: it still belongs to March, and
    // one early on March 1 (UTC) is still February there.
    const [base] = await ordersOfPartner(db, 'p-lucy');
    await writeOrders(db, [
      {
        ...base!,
        id: 'shopify:late-march',
        orderId: 'late-march',
        placedAtMs: Date.parse('2024-04-01T03:30:00Z'),
      },
      {
        ...base!,
        id: 'shopify:late-feb',
        orderId: 'late-feb',
        placedAtMs: Date.parse('2024-03-01T03:30:00Z'),
      },
    ]);
    const payouts = await allPayouts(db);
    const everything = buildStatements(await readStatementData(db), MARCH, OPTS);
    expect(everything.find((x) => x.partner.id === 'p-lucy')!.earnings.orders).toBe(3);
    // What the Payouts screen reads (rollups instead of orders, the month's payments only) gives
    // the same statements, orders placed near midnight included.
    const basis = await readStatementBasis(db);
    const buckets = await paidBucketsFrom(db, carryLookbackStart(MARCH));
    const { overlapping, earlier } = paidForStatements(buckets, MARCH, 'USD');
    expect(earlier.map((p) => [p.partnerId, p.periodEnd])).toEqual([['p-max', '2024-02-29']]);
    const screen = statementsFrom(
      periodEarningsFromStats(basis, MARCH, OPTS),
      overlapping,
      MARCH,
      carriedFromStats(basis, earlier, MARCH, OPTS),
    );
    // The same figures; the screen's statements hold sums of payments, not the payments.
    const figures = (s: Statement[]) => s.map(({ payouts: _, ...rest }) => rest);
    expect(figures(screen)).toEqual(figures(everything));

    const one = await readStatementData(db, ['p-max']);
    expect(one.partners.map((p) => p.id)).toEqual(['p-max']);
    expect(new Set(one.orders.map((o) => o.partnerId))).toEqual(new Set(['p-max']));
    const maxOnly = buildStatements(
      { ...one, payouts: payouts.filter((p) => p.partnerId === 'p-max') },
      MARCH,
      OPTS,
    );
    expect(maxOnly).toEqual(everything.filter((x) => x.partner.id === 'p-max'));
  });
});

/**
 * Real shops' exports as they come (issue 22, issue 18 "Import sanity"): stacked codes, Etsy's item
 * file, WooCommerce statuses and snake_case names, discounts that are not codes, the file's own sums,
 * and the encodings Excel saves in. Every figure below is worked out by hand from the fixtures in
 * test/fixtures/shops/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAttributionIndex } from '../../src/domain/attribution';
import { buildImportPlan, summarizePlan, type IncomingOrder } from '../../src/domain/import-plan';
import { convertCents, readRate } from '../../src/io/amounts';
import type { Order } from '../../src/domain/schemas';
import { decodeFile, decodeText, detectEncoding, parseCsv, toCsv } from '../../src/io/csv';
import {
  convertOrders,
  splitCodes,
  type ImportContext,
  type ParsedOrder,
} from '../../src/io/orders-common';
import { etsyImporter, etsyItemsImporter } from '../../src/io/orders-etsy';
import { detectImporter, guessMapping, parseWithMapping } from '../../src/io/orders-mapped';
import { shopifyImporter } from '../../src/io/orders-shopify';

const bytes = (name: string, dir = 'shops') =>
  new Uint8Array(readFileSync(path.join(__dirname, '../fixtures', dir, name)));
const text = (name: string, dir = 'shops') => decodeText(bytes(name, dir));
const ctx: ImportContext = {
  timeZone: 'America/New_York',
  defaultCurrency: 'USD',
  now: Date.UTC(2024, 5, 1),
};
const index = buildAttributionIndex([
  { id: 'p-biscuit', name: 'Biscuit Bakes', codes: ['PARTNER10'], referralSlug: 'biscuit' },
  { id: 'p-lucy', name: 'Lucy Paws', codes: ['lucy15'], referralSlug: 'lucy' },
]);
const incoming = (orders: readonly ParsedOrder[]): IncomingOrder[] =>
  orders.map(({ email: _e, ...o }) => ({ ...o, email: null, customerKey: null }));
const plan = (
  orders: readonly ParsedOrder[],
  stored: readonly Order[],
  opts: { keepStored?: boolean; source?: string } = {},
) =>
  buildImportPlan({
    source: opts.source ?? 'shopify',
    incoming: incoming(orders),
    problems: [],
    stored: new Map(stored.map((o) => [o.id, o])),
    index,
    rule: 'first-code',
    now: 1000,
    keepStored: opts.keepStored,
  });

describe('splitCodes', () => {
  it('splits stacked codes on " + ", commas, semicolons and line breaks', () => {
    expect(splitCodes('EARLYACCESS30 + PARTNER10')).toEqual({
      codes: ['EARLYACCESS30', 'PARTNER10'],
      labels: [],
    });
    expect(splitCodes('a, b;c\nd')).toEqual({ codes: ['a', 'b', 'c', 'd'], labels: [] });
    expect(splitCodes(' ONE ')).toEqual({ codes: ['ONE'], labels: [] });
    expect(splitCodes('')).toEqual({ codes: [], labels: [] });
    // The same code twice (any case) is one code.
    expect(splitCodes('lucy15 + LUCY15')).toEqual({ codes: ['lucy15'], labels: [] });
    // A plus inside a code (no spaces around it) is part of the code.
    expect(splitCodes('B2G1+FREE')).toEqual({ codes: ['B2G1+FREE'], labels: [] });
  });

  it('keeps titles of discounts that are not codes apart', () => {
    expect(splitCodes('Seller discount')).toEqual({ codes: [], labels: ['Seller discount'] });
    expect(splitCodes('Buy 2 get 1 free + PARTNER10')).toEqual({
      codes: ['PARTNER10'],
      labels: ['Buy 2 get 1 free'],
    });
  });

  it('any list of codes joined with any separator splits back into the same codes', () => {
    const code = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(code, { minLength: 1, maxLength: 5, selector: (c) => c.toLowerCase() }),
        fc.constantFrom(' + ', ', ', ',', '; ', '\n'),
        (codes, sep) => {
          expect(splitCodes(codes.join(sep))).toEqual({ codes, labels: [] });
        },
      ),
    );
  });
});

describe('Shopify: stacked codes, labels, unpaid orders and the file sums', () => {
  const csv = parseCsv(text('shopify-stacked-codes.csv'));
  const res = shopifyImporter.parse(csv, ctx);
  const byId = new Map(res.orders.map((o) => [o.orderId, o]));

  it('reads each code of a stacked cell as its own code', () => {
    expect(byId.get('#90001')!.codes).toEqual(['EARLYACCESS30', 'PARTNER10']);
    expect(byId.get('#90002')!.codes).toEqual(['lightning30', 'partner10']);
    expect(byId.get('#90003')!.codes).toEqual(['SPRING5', 'lucy15']);
    expect(byId.get('#90005')).toMatchObject({
      codes: ['PARTNER10'],
      discountLabels: ['Buy 2 get 1 free'],
    });
    expect(byId.get('#90004')).toMatchObject({ codes: [], discountLabels: ['Seller discount'] });
    expect(byId.get('#90001')!.discountLabels).toBeUndefined();
  });

  it('credits the partner whose code was stacked with another; labels are never a code', () => {
    const p = plan(res.orders, []);
    const credit = Object.fromEntries(p.entries.map((e) => [e.order.orderId, e.order.partnerId]));
    expect(credit).toEqual({
      '#90001': 'p-biscuit',
      '#90002': 'p-biscuit',
      '#90003': 'p-lucy',
      '#90004': null,
      '#90005': 'p-biscuit',
      '#90007': null,
    });
  });

  it('leaves out an order that is not paid yet, with a warning naming its line', () => {
    expect(byId.has('#90006')).toBe(false);
    expect(res.problems).toEqual([]);
    expect(res.warnings.map((w) => w.message)).toContain(
      'Line 8 (order #90006): not imported, its status "pending" means it is not paid yet (import the file again once it is)',
    );
  });

  it("warns where the file's own figures disagree and keeps the file's Total", () => {
    // #90007: 30.00 + 5.00 + 2.00 = 37.00, but the Total says 40.00 (line 9).
    const sums = res.warnings.filter((w) => w.message.includes('disagree'));
    expect(sums).toEqual([
      {
        line: 9,
        orderId: '#90007',
        message:
          "Line 9 (order #90007): the file's figures disagree: Subtotal $30.00 + Shipping $5.00 + Taxes $2.00 = $37.00, but the Total is $40.00; the Total is kept",
      },
    ]);
    expect(byId.get('#90007')).toMatchObject({ totalCents: 4000, subtotalCents: 3000 });
  });

  it('any Shopify file split at order boundaries and imported in two parts gives the same orders', () => {
    const [header, ...rows] = csvRows(text('shopify-stacked-codes.csv'));
    const nameAt = header!.indexOf('Name');
    // Order boundaries: rows where a new Name starts.
    const starts = rows.flatMap((r, i) =>
      i === 0 || r[nameAt] !== rows[i - 1]![nameAt] ? [i] : [],
    );
    const strip = (o: Order) => ({ ...o, createdAt: 0, updatedAt: 0 });
    const read = shopifyImporter.parse(parseCsv(toCsv(header!, rows)), ctx);
    const whole = plan(read.orders, []);
    fc.assert(
      fc.property(fc.constantFrom(...starts, rows.length), (cut) => {
        const first = shopifyImporter.parse(parseCsv(toCsv(header!, rows.slice(0, cut))), ctx);
        const second = shopifyImporter.parse(parseCsv(toCsv(header!, rows.slice(cut))), ctx);
        const p1 = plan(first.orders, []);
        const p2 = plan(second.orders, p1.toWrite);
        const parts = [...p1.toWrite, ...p2.toWrite].map(strip);
        expect(parts).toEqual(whole.toWrite.map(strip));
        expect(p2.counts.unchanged + p2.counts.changed).toBe(0);
        const orderIds = (ws: { orderId?: string }[]) => ws.map((w) => w.orderId);
        expect(orderIds([...first.warnings, ...second.warnings])).toEqual(orderIds(read.warnings));
      }),
    );
  });

  it('random Shopify files: split anywhere between orders, the parts give the whole', () => {
    const header = csvRows(text('shopify-stacked-codes.csv'))[0]!;
    const col = (r: Record<string, string>) => header.map((h) => r[h] ?? '');
    const orderArb = fc.record({
      items: fc.integer({ min: 1, max: 3 }),
      cents: fc.integer({ min: 0, max: 100_000 }),
      codes: fc.array(fc.constantFrom('PARTNER10', 'lucy15', 'EARLY30', 'Seller discount'), {
        maxLength: 3,
      }),
      sep: fc.constantFrom(' + ', ', '),
      status: fc.constantFrom('paid', 'refunded', 'partially_refunded', 'pending', 'voided'),
    });
    fc.assert(
      fc.property(fc.array(orderArb, { minLength: 1, maxLength: 8 }), fc.nat(), (orders, k) => {
        const rows: string[][] = [];
        const starts: number[] = [];
        orders.forEach((o, i) => {
          starts.push(rows.length);
          const money = (o.cents / 100).toFixed(2);
          rows.push(
            col({
              Name: `#${5000 + i}`,
              'Financial Status': o.status,
              Currency: 'USD',
              Subtotal: money,
              Shipping: '0.00',
              Taxes: '0.00',
              Total: money,
              'Discount Code': o.codes.join(o.sep),
              'Refunded Amount': o.status === 'partially_refunded' ? '0.01' : '',
              'Created at': '2024-04-02 10:00:00 -0400',
              'Lineitem quantity': '1',
            }),
          );
          for (let j = 1; j < o.items; j++)
            rows.push(col({ Name: `#${5000 + i}`, 'Lineitem quantity': '1' }));
        });
        const cut = [...starts, rows.length][k % (starts.length + 1)]!;
        const read = (rs: string[][]) => shopifyImporter.parse(parseCsv(toCsv(header, rs)), ctx);
        const strip = (o: Order) => ({ ...o, createdAt: 0, updatedAt: 0 });
        const whole = plan(read(rows).orders, []).toWrite.map(strip);
        const p1 = plan(read(rows.slice(0, cut)).orders, []);
        const p2 = plan(read(rows.slice(cut)).orders, p1.toWrite);
        expect([...p1.toWrite, ...p2.toWrite].map(strip)).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });
});

describe('Etsy "Sold Order Items"', () => {
  const csv = parseCsv(text('etsy-sold-order-items.csv'));
  const res = etsyItemsImporter.parse(csv, ctx);
  const byId = new Map(res.orders.map((o) => [o.orderId, o]));

  it('is recognised from its header and groups items by Order ID', () => {
    expect(detectImporter(csv.header)).toBe(etsyItemsImporter);
    expect(res.fatal).toEqual([]);
    expect(res.problems).toEqual([]);
    expect(res.rowCount).toBe(6);
    expect(res.orders.map((o) => o.orderId)).toEqual(['00123', '7777', '8888']);
  });

  it('sums the items of an order; coupon, shipping and tax are the order’s, read once', () => {
    // 7777: 25.00 + 8.00 + 30.00 = 63.00 items, + 6.00 shipping + 4.41 tax = 73.41.
    expect(byId.get('7777')).toMatchObject({
      subtotalCents: 6300,
      shippingCents: 600,
      taxCents: 441,
      totalCents: 7341,
      codes: [],
      line: 4,
    });
    // 00123: 25.00 + 15.00 = 40.00 - 4.00 coupon = 36.00, + 5.00 + 2.52 = 43.52 (as the orders file).
    expect(byId.get('00123')).toMatchObject({
      subtotalCents: 3600,
      discountCents: 400,
      totalCents: 4352,
      codes: ['max10'],
    });
    expect(byId.get('8888')).toMatchObject({ totalCents: 1799, codes: ['PARTNER10'] });
  });

  it('importing both Etsy files never counts an order twice, in either order', () => {
    const orders = etsyImporter.parse(parseCsv(text('etsy-sold-orders.csv', 'orders')), ctx).orders;
    // Orders file first, then the items file: 00123 is kept as the orders file stored it.
    const first = plan(orders, [], { source: 'etsy' }).toWrite;
    const then = plan(res.orders, first, { source: 'etsy', keepStored: true });
    expect(then.counts).toMatchObject({ new: 2, unchanged: 1, changed: 0 });
    expect(then.toWrite.map((o) => o.id)).toEqual(['etsy:7777', 'etsy:8888']);
    const ids = new Set([...first, ...then.toWrite].map((o) => o.id));
    expect(ids.size).toBe(first.length + 2);
    // Items file first, then the orders file: the same record is updated, not added.
    const items = plan(res.orders, [], { source: 'etsy', keepStored: true }).toWrite;
    const after = plan(orders, items, { source: 'etsy' });
    expect(after.counts.new).toBe(orders.length - 1);
    expect(after.entries.find((e) => e.order.orderId === '00123')!.kind).not.toBe('new');
  });
});

describe('WooCommerce snake_case export', () => {
  const csv = parseCsv(text('woocommerce-snake-case.csv'));
  const mapping = guessMapping(csv.header);

  it('guesses the snake_case columns, the shipping country over the billing one', () => {
    expect(detectImporter(csv.header)).toBeNull();
    expect(mapping).toMatchObject({
      orderId: 'wc_order_id',
      date: 'date_created',
      total: 'order_total',
      codes: 'discount_code',
      currency: 'currency',
      subtotal: 'subtotal',
      discount: 'discount_total',
      shipping: 'shipping_total',
      tax: 'tax_total',
      status: 'status',
      email: 'billing_email',
      country: 'shipping_country',
    });
  });

  it('reads statuses: unpaid orders are left out, refunded means fully refunded', () => {
    const res = parseWithMapping(csv, 'woocommerce', mapping, ctx);
    expect(res.problems).toEqual([]);
    const status = Object.fromEntries(
      res.orders.map((o) => [o.orderId, [o.status, o.refundedCents, o.totalCents]]),
    );
    expect(status).toEqual({
      '9001': ['paid', 0, 4815],
      '9002': ['paid', 0, 2540],
      '9006': ['refunded', 2426, 2426],
      '9007': ['cancelled', 0, 1000],
    });
    expect(res.warnings.map((w) => [w.line, w.orderId])).toEqual([
      [4, '9003'],
      [5, '9004'],
      [6, '9005'],
    ]);
    expect(res.orders[0]!.region.country).toBe('CA');
  });
});

describe('encodings Excel saves CSVs in', () => {
  const files = {
    'enc-utf8.csv': 'utf-8',
    'enc-utf8-bom.csv': 'utf-8',
    'enc-utf16le-bom.csv': 'utf-16le',
    'enc-utf16be-bom.csv': 'utf-16be',
    'enc-windows-1252.csv': 'windows-1252',
  } as const;
  for (const [name, encoding] of Object.entries(files)) {
    it(`reads ${name} as ${encoding}`, () => {
      expect(detectEncoding(bytes(name))).toBe(encoding);
      expect(decodeFile(bytes(name)).encoding).toBe(encoding);
      const res = shopifyImporter.parse(parseCsv(text(name)), ctx);
      expect(res.fatal).toEqual([]);
      expect(res.problems).toEqual([]);
      expect(res.orders).toHaveLength(1);
      expect(res.orders[0]).toMatchObject({
        orderId: '#3001',
        currency: 'EUR',
        totalCents: 2800,
        codes: ['CAFÉ10'],
        note: 'Grüße, Renée',
        region: { country: 'CH', province: '', city: 'Zürich' },
      });
    });
  }

  it('UTF-16 without a byte-order mark is recognised by its zero bytes', () => {
    const le = bytes('enc-utf16le-bom.csv').slice(2);
    const be = bytes('enc-utf16be-bom.csv').slice(2);
    expect(detectEncoding(le)).toBe('utf-16le');
    expect(detectEncoding(be)).toBe('utf-16be');
    expect(decodeText(le)).toBe(text('enc-utf8.csv'));
  });
});

/** A CSV text's rows as cells (header first). */
function csvRows(t: string): string[][] {
  const p = parseCsv(t);
  return [p.header, ...p.records];
}

describe('currencies: keep apart or convert at the owner’s rate', () => {
  it('reads rates as millionths; refuses zero, negatives, words and more than 6 decimals', () => {
    expect(readRate('1.27')).toBe(1_270_000);
    expect(readRate('1,08')).toBe(1_080_000);
    expect(readRate(' 278 ')).toBe(278_000_000);
    expect(readRate('0.000001')).toBe(1);
    for (const bad of ['0', '0.0', '-1.2', 'abc', '', '1.2345678', '1e3', '1.2.3'])
      expect(readRate(bad)).toBeNull();
  });

  it('converts cents exactly, rounding half away from zero', () => {
    expect(convertCents(2800, 1_080_000)).toBe(3024);
    expect(convertCents(1, 500_000)).toBe(1); // 0.5 cent rounds up
    expect(convertCents(1, 499_999)).toBe(0);
    expect(convertCents(99_999_999_999, 1_234_567)).toBe(123_456_699_999); // beyond 2^53 inside
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (c, r) => {
        const exact = (c * r) / 1e6;
        expect(Math.abs(convertCents(c, r) - exact)).toBeLessThanOrEqual(0.5 + 1e-6 * exact);
      }),
    );
  });

  it('converts only the chosen currency, keeps the rate and the file total on the order', () => {
    const res = shopifyImporter.parse(parseCsv(text('enc-utf8.csv')), ctx);
    const [eur] = convertOrders(res.orders, [{ from: 'EUR', rate: '1,08' }], 'USD');
    // 28.00 EUR at 1.08 = 30.24 USD; 24.00 -> 25.92; 4.00 -> 4.32; 2.67 -> 2.88 (2.8836).
    expect(eur).toMatchObject({
      currency: 'USD',
      totalCents: 3024,
      subtotalCents: 2592,
      shippingCents: 432,
      discountCents: 288,
      fx: { from: 'EUR', rate: '1.08', totalCents: 2800 },
    });
    expect(convertOrders(res.orders, [{ from: 'GBP', rate: '1.3' }], 'USD')).toEqual(res.orders);
    expect(convertOrders(res.orders, [{ from: 'EUR', rate: 'abc' }], 'USD')).toEqual(res.orders);
  });

  it('the preview counts the orders of each currency', () => {
    const eur = shopifyImporter.parse(parseCsv(text('enc-utf8.csv')), ctx).orders;
    const usd = shopifyImporter.parse(parseCsv(text('shopify-stacked-codes.csv')), ctx).orders;
    const p = plan([...usd, ...eur], []);
    expect(summarizePlan(p, 10).currencies).toEqual([
      { currency: 'USD', orders: 6 },
      { currency: 'EUR', orders: 1 },
    ]);
  });
});

describe('what changed on re-import, in the owner’s words', () => {
  it('names partners and money, and counts each kind of change', () => {
    const res = shopifyImporter.parse(parseCsv(text('shopify-stacked-codes.csv')), ctx);
    const first = plan(res.orders, []).toWrite;
    const stored = first.map((o) =>
      o.orderId === '#90007'
        ? { ...o, partnerId: 'p-lucy', attribution: { method: 'code' as const, reason: 'old' } }
        : o.orderId === '#90003'
          ? { ...o, refundedCents: 0, status: 'paid' as const, totalCents: 4600 }
          : o,
    );
    const again = plan(res.orders, stored);
    const changes = Object.fromEntries(
      again.entries.filter((e) => e.kind === 'changed').map((e) => [e.order.orderId, e.changes]),
    );
    expect(changes).toEqual({
      '#90003': ['total $46.00 → $45.00'],
      '#90007': ['partner Lucy Paws → no partner'],
    });
    expect(again.counts.changedBy).toEqual({
      refund: 0,
      status: 0,
      partner: 1,
      amounts: 1,
      other: 0,
    });
  });
});

describe("messages in the owner's locale", () => {
  it("writes the file's sums as money the owner reads (de-DE)", () => {
    const res = shopifyImporter.parse(parseCsv(text('shopify-stacked-codes.csv')), {
      ...ctx,
      locale: 'de-DE',
    });
    const sums = res.warnings.find((w) => w.orderId === '#90007')!;
    expect(sums.message.replace(/\u00a0/g, ' ')).toContain(
      'Subtotal 30,00 $ + Shipping 5,00 $ + Taxes 2,00 $ = 37,00 $, but the Total is 40,00 $',
    );
  });
});

describe('several rows of one order', () => {
  it('warns when the rows of one order disagree on the total (an item file mapped by hand)', () => {
    const csv = parseCsv(text('etsy-sold-order-items.csv'));
    const mapping = {
      orderId: 'Order ID',
      date: 'Sale Date',
      total: 'Item Total',
      codes: 'Coupon Code',
    };
    const res = parseWithMapping(csv, 'etsy-by-hand', mapping, ctx);
    expect(res.warnings.map((w) => [w.line, w.orderId])).toEqual([
      [2, '00123'],
      [4, '7777'],
    ]);
    expect(res.warnings[1]!.message).toBe(
      "Line 4 (order 7777): its 3 rows have different totals (25.00, 8.00, 30.00); the first row's total is kept. If the file has one row per item, map the order total column, not the item's",
    );
    // Shopify's line items repeat nothing but the first row's totals: no warning.
    const shopify = shopifyImporter.parse(parseCsv(text('shopify-stacked-codes.csv')), ctx);
    expect(shopify.warnings.some((w) => w.message.includes('different totals'))).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMoney } from '../../src/domain/money';
import { parseCsv } from '../../src/io/csv';
import { customerKeyOf } from '../../src/io/customer-key';
import { AMBIGUOUS, readAmount } from '../../src/io/amounts';
import { parseOrderDate, type ImportContext } from '../../src/io/orders-common';
import { etsyImporter } from '../../src/io/orders-etsy';
import {
  detectImporter,
  guessMapping,
  mappingProblems,
  parseWithMapping,
} from '../../src/io/orders-mapped';
import { shopifyImporter } from '../../src/io/orders-shopify';

const fixture = (name: string) =>
  readFileSync(path.join(__dirname, '../fixtures/orders', name), 'utf8');
const ctx: ImportContext = {
  timeZone: 'America/New_York',
  defaultCurrency: 'USD',
  now: Date.UTC(2024, 5, 1),
};

describe('Shopify orders export', () => {
  const csv = parseCsv(fixture('shopify-orders.csv'));
  const res = shopifyImporter.parse(csv, ctx);
  const byId = new Map(res.orders.map((o) => [o.orderId, o]));

  it('is detected from its header (BOM stripped) and groups line items by Name', () => {
    expect(detectImporter(csv.header)).toBe(shopifyImporter);
    expect(res.fatal).toEqual([]);
    expect(res.problems).toEqual([]);
    expect(res.rowCount).toBe(11);
    expect(res.orders.map((o) => o.orderId)).toEqual([
      '#1001',
      '#1002',
      '#1003',
      '#1004',
      '#1005',
      '#1006',
      '#1007',
      '#1008',
    ]);
  });

  it('reads order-level money from the first line item in cents', () => {
    expect(byId.get('#1001')).toMatchObject({
      source: 'shopify',
      currency: 'USD',
      subtotalCents: 5100,
      discountCents: 900,
      shippingCents: 0,
      taxCents: 357,
      totalCents: 5457,
      refundedCents: 0,
      status: 'paid',
      codes: ['lucy15'],
      email: 'Ann@Example.com',
      region: { country: 'US', province: 'OR', city: 'Portland' },
      line: 2,
    });
  });

  it('keeps the offset as written and the instant in ms', () => {
    const o = byId.get('#1001')!;
    expect(o.placedAt).toBe('2024-03-05T14:22:10-05:00');
    expect(o.placedAtMs).toBe(Date.UTC(2024, 2, 5, 19, 22, 10));
    // -0800 late evening is already the next day in New York.
    expect(byId.get('#1003')!.placedAtMs).toBe(Date.UTC(2024, 2, 11, 7, 30));
  });

  it('keeps quoted newlines and commas, and note attributes, in the note', () => {
    expect(byId.get('#1002')!.note).toBe(
      'Leave at the door,\nthanks!\nutm_source: max-barks\nlanding_page: /treats',
    );
    // The quoted newlines push later rows' line numbers down.
    expect(byId.get('#1003')!.line).toBe(7);
  });

  it('maps statuses: partial refund, voided/cancelled, full refund', () => {
    expect(byId.get('#1003')).toMatchObject({ status: 'partially refunded', refundedCents: 1070 });
    expect(byId.get('#1004')!.status).toBe('cancelled');
    expect(byId.get('#1007')).toMatchObject({ status: 'refunded', refundedCents: 2200 });
  });

  it('splits several codes and tags; anonymous orders have no email', () => {
    expect(byId.get('#1006')!.codes).toEqual(['LUCY15', 'MAX10']);
    expect(byId.get('#1008')!.tags).toEqual(['vip', 'ref=pip-plays']);
    expect(byId.get('#1005')!.email).toBeNull();
  });

  it('names every bad row with its line and reason, and keeps the good ones', () => {
    const bad = shopifyImporter.parse(parseCsv(fixture('shopify-orders-bad.csv')), ctx);
    expect(bad.orders.map((o) => o.orderId)).toEqual(['#2004']);
    const messages = bad.problems.map((p) => p.message);
    expect(messages).toEqual([
      'Line 2 (order #2001): currency "XYZ" is unknown',
      'Line 3 (order #2002): Total "1O.00" is not an amount; Subtotal "ten" is not an amount',
      'Line 4 (order #2003): date "2099-01-01 10:00:00 -0500" is in the future',
      'Line 6 (order #2005): date "March 5th" is not a date this importer can read',
    ]);
  });

  it('names orders a stored order cannot hold, in the preview, instead of failing the write', () => {
    const head =
      'Name,Email,Financial Status,Currency,Subtotal,Total,Discount Code,Created at,Shipping City';
    const at = '2024-03-05 14:22:10 -0500';
    const codes = Array.from({ length: 21 }, (_, i) => `C${i}`).join(', ');
    const text = [
      head,
      `#3001,a@example.com,paid,USD,10.00,10.00,"${codes}",${at},Portland`,
      `#3002,b@example.com,paid,USD,10.00,10.00,OK10,${at},${'x'.repeat(501)}`,
      `#3003,c@example.com,paid,USD,10.00,10.00,${'L'.repeat(101)},${at},Portland`,
      `#3004,d@example.com,paid,USD,10.00,10.00,"${codes.split(', ').slice(0, 20).join(', ')}",${at},Bend`,
    ].join('\n');
    const res = shopifyImporter.parse(parseCsv(text), ctx);
    expect(res.orders.map((o) => [o.orderId, o.codes.length])).toEqual([['#3004', 20]]);
    expect(res.problems.map((p) => p.message)).toEqual([
      'Line 2 (order #3001): it has 21 discount codes (at most 20)',
      'Line 3 (order #3002): the shipping city is longer than 500 characters',
      `Line 4 (order #3003): discount code "${'L'.repeat(20)}…" is longer than 100 characters`,
    ]);
  });

  it('refuses files without required columns or that are not CSV at all', () => {
    const missing = shopifyImporter.parse(parseCsv(fixture('shopify-missing-total.csv')), ctx);
    expect(missing.fatal).toEqual(['Missing required column: Total.']);
    expect(missing.orders).toEqual([]);
    const notCsv = parseCsv(fixture('not-a-csv.csv'));
    expect(detectImporter(notCsv.header)).toBeNull();
    expect(
      parseWithMapping(notCsv, 'woocommerce', guessMapping(notCsv.header), ctx).fatal.length,
    ).toBeGreaterThan(0);
  });
});

describe('European Excel exports (semicolons, decimal commas)', () => {
  const us = shopifyImporter.parse(parseCsv(fixture('shopify-orders.csv')), ctx);
  const csv = parseCsv(fixture('shopify-orders-eu.csv'));
  const eu = shopifyImporter.parse(csv, ctx);
  const money = (o: (typeof eu.orders)[number]) => [
    o.orderId,
    o.subtotalCents,
    o.discountCents,
    o.shippingCents,
    o.taxCents,
    o.totalCents,
    o.refundedCents,
  ];

  it('detects the semicolon and reads "54,57" as 54.57, not 5,457.00', () => {
    expect(csv.delimiter).toBe(';');
    expect(detectImporter(csv.header)).toBe(shopifyImporter);
    expect(eu.problems).toEqual([]);
    expect(eu.orders.find((o) => o.orderId === '#1001')).toMatchObject({
      currency: 'EUR',
      totalCents: 5457,
      taxCents: 357,
    });
    // The same export as the comma file, amount for amount.
    expect(eu.orders.slice(0, us.orders.length).map(money)).toEqual(us.orders.map(money));
    expect(eu.orders.at(-1)).toMatchObject({ orderId: '#1009', totalCents: 124_956 });
  });

  it('refuses amounts that read two ways when nothing in the file tells, naming the lines', () => {
    const text = fixture('shopify-orders-eu-ambiguous.csv');
    const res = shopifyImporter.parse(parseCsv(text), ctx);
    expect(res.orders.map((o) => [o.orderId, o.totalCents])).toEqual([
      ['#2002', 4500],
      ['#2004', 1200],
    ]);
    const why = 'no other amount in the file shows whether "." separates thousands or decimals';
    expect(res.problems.map((p) => p.message)).toEqual([
      `Line 2 (order #2001): Total "1.250" could be 1250 or 1.250: ${why}; Subtotal "1.250" could be 1250 or 1.250: ${why}`,
      `Line 4 (order #2003): Total "2.000" could be 2000 or 2.000: ${why}; Subtotal "2.000" could be 2000 or 2.000: ${why}`,
    ]);
    // One amount that tells ("3,50") settles the others; so does the owner's answer.
    const told = shopifyImporter.parse(parseCsv(text.replace(';40;5;', ';40;3,50;')), ctx);
    expect(told.problems).toEqual([]);
    expect(told.orders.map((o) => o.totalCents)).toEqual([125_000, 4500, 200_000, 1200]);
    const asked = shopifyImporter.parse(parseCsv(text), { ...ctx, decimalMark: ',' });
    expect(asked.orders.map((o) => o.totalCents)).toEqual([125_000, 4500, 200_000, 1200]);
  });

  it('reads a decimal-comma file through a column mapping too', () => {
    const text =
      'Order ID;Order Date;Total;Coupon\r\n7;2024-03-05;12,5;X\r\n8;2024-03-06;1.234,56;\r\n';
    const c = parseCsv(text);
    const res = parseWithMapping(c, 'woocommerce', guessMapping(c.header), ctx);
    expect(res.problems).toEqual([]);
    expect(res.orders.map((o) => o.totalCents)).toEqual([1250, 123_456]);
  });
});

describe('Etsy sold orders', () => {
  const csv = parseCsv(fixture('etsy-sold-orders.csv'));
  const res = etsyImporter.parse(csv, ctx);

  it('is detected and keeps order ids as written', () => {
    expect(detectImporter(csv.header)).toBe(etsyImporter);
    expect(res.problems).toEqual([]);
    expect(res.orders.map((o) => o.orderId)).toEqual(['00123', '3141592653', '00007']);
  });

  it('reads MM/DD/YY as noon in the brand zone, subtotal after the coupon', () => {
    expect(res.orders[0]).toMatchObject({
      placedAt: '2024-03-05T12:00:00-05:00',
      placedAtMs: Date.UTC(2024, 2, 5, 17),
      subtotalCents: 3600,
      discountCents: 400,
      shippingCents: 500,
      taxCents: 252,
      totalCents: 4352,
      codes: ['max10'],
      region: { country: 'United States', province: 'TX', city: 'Austin' },
    });
  });

  it('derives refunds from the adjusted total and reads cancellations', () => {
    expect(res.orders[1]).toMatchObject({ refundedCents: 1000, status: 'partially refunded' });
    expect(res.orders[2]).toMatchObject({
      status: 'cancelled',
      placedAt: '2023-11-30T12:00:00-05:00',
    });
  });
});

describe('mapped CSV (WooCommerce)', () => {
  const csv = parseCsv(fixture('woocommerce-orders.csv'));

  it('guesses a mapping from the header that needs no fixing for a plain export', () => {
    const m = guessMapping(csv.header);
    expect(m).toMatchObject({
      orderId: 'Order Number',
      date: 'Order Date',
      total: 'Order Total Amount',
      codes: 'Coupon Code',
      email: 'Billing Email Address',
      refunded: 'Order Refund Amount',
    });
    expect(mappingProblems(m, csv.header)).toEqual([]);
  });

  it('parses through the mapping: local dates in the brand zone, statuses, refunds', () => {
    const res = parseWithMapping(csv, 'woocommerce', guessMapping(csv.header), ctx);
    expect(res.problems).toEqual([]);
    expect(
      res.orders.map((o) => [o.orderId, o.placedAt, o.status, o.totalCents, o.refundedCents]),
    ).toEqual([
      ['501', '2024-03-07T09:15:00-05:00', 'paid', 4815, 0],
      ['502', '2024-03-08T21:40:00-05:00', 'refunded', 1684, 1684],
      ['503', '2024-03-09T12:00:00-05:00', 'cancelled', 1000, 0],
    ]);
  });

  it('names unmapped required fields and columns the file lacks', () => {
    expect(
      mappingProblems({ orderId: 'Order Number', date: '', total: 'Nope' }, csv.header),
    ).toEqual([
      'Choose the column for "Order date".',
      '"Order total" points to column "Nope", which this file does not have.',
    ]);
  });
});

describe('dates and customer keys', () => {
  it('handles daylight-saving time for local times', () => {
    expect(parseOrderDate('2024-07-01 10:00', 'auto', 'America/New_York')!.iso).toBe(
      '2024-07-01T10:00:00-04:00',
    );
    expect(parseOrderDate('2024-02-30 10:00:00 -0500', 'shopify', 'UTC')).toBeNull();
    expect(parseOrderDate('2024-03-05 10:00:00', 'shopify', 'UTC')).toBeNull();
  });

  it('hashes the salted, normalized email; no email means anonymous', async () => {
    const a = await customerKeyOf(' Ann@Example.com ', 'salt');
    expect(a).toBe(await customerKeyOf('ann@example.com', 'salt'));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    // sha256("saltann@example.com")
    expect(a).toBe('5c989201f82fe09817eba2618ee752050e9e036fe0ce684cd99bc3c032f697b5');
    expect(await customerKeyOf('ann@example.com', 'other')).not.toBe(a);
    expect(await customerKeyOf(null, 'salt')).toBeNull();
    expect(await customerKeyOf('  ', 'salt')).toBeNull();
  });
});

describe('files that are not order CSVs', () => {
  it('names JSON, binary and one-column files', async () => {
    const { notCsvReason } = await import('../../src/io/orders-mapped');
    const json = fixture('not-a-csv.csv');
    expect(notCsvReason(json, parseCsv(json).header)).toMatch(/looks like JSON or HTML/);
    expect(notCsvReason('PK\u0003\u0004junk', ['a', 'b'])).toMatch(/not a text CSV file/);
    expect(notCsvReason('just one column\n1\n', ['just one column'])).toMatch(/fewer than two/);
    expect(notCsvReason(fixture('shopify-orders.csv'), ['Name', 'Email'])).toBeNull();
  });
});

describe('parseOrderDate', () => {
  it('takes exactly the calendar dates a Date round trip takes (leap years, years under 100), from 1970 on', () => {
    const real = (y: number, mo: number, d: number) => {
      const dt = new Date(Date.UTC(y, mo - 1, d));
      return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
    };
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    const year = fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(1900, 2000, 2024, 99));
    fc.assert(
      fc.property(
        year,
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, mo, d) => {
          const got = parseOrderDate(`${pad(y, 4)}-${pad(mo)}-${pad(d)}`, 'auto', 'UTC');
          // Before 1970 is no instant a stored order can hold (orderSchema's epochMs).
          expect(got !== null).toBe(real(y, mo, d) && y >= 1970);
        },
      ),
      { numRuns: 3000 },
    );
    expect(parseOrderDate('2024-02-29', 'auto', 'UTC')).not.toBeNull();
    expect(parseOrderDate('2100-02-29', 'auto', 'UTC')).toBeNull();
    expect(parseOrderDate('2000-02-29 10:00', 'auto', 'UTC')!.iso).toBe(
      '2000-02-29T10:00:00+00:00',
    );
  });
});

describe('readAmount', () => {
  it('reads every amount parseMoney reads (digit by digit for plain ones), or calls it two-way', () => {
    const plain = fc
      .tuple(fc.stringMatching(/^\d{1,14}$/), fc.option(fc.stringMatching(/^\d{0,3}$/)))
      .map(([w, f]) => (f === null ? w : `${w}.${f}`));
    fc.assert(
      fc.property(fc.oneof(plain, fc.string({ maxLength: 12 })), (s) => {
        const point = parseMoney(s);
        if (point !== null) expect(readAmount(s, '.')).toBe(point);
        const free = readAmount(s, null);
        if (free !== AMBIGUOUS) expect(free).toBe(point ?? parseMoney(s, ','));
      }),
      { numRuns: 2000 },
    );
    expect(readAmount('12.5', null)).toBe(1250);
    expect(readAmount('0.07', null)).toBe(7);
    expect(readAmount('1,234.50', null)).toBe(123450);
  });
});

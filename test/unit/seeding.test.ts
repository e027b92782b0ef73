/**
 * Product seeding by hand-computed fixtures: what a shipment costs, allergy warnings, the
 * follow-up list, the forms' refusals and the Shopify products file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allergyMatches,
  allergyWarnings,
  followUps,
  giftCostsByPartner,
  petFromDraft,
  productFromDraft,
  shipmentValue,
} from '../../src/domain/seeding';
import type { Shipment } from '../../src/domain/schemas';
import { giftedIn as giftsIn } from '../../src/domain/earnings';
import { readShopifyProducts } from '../../src/io/products-shopify';

const line = (quantity: number, unitCostCents: number, retailCents: number) => ({
  productId: 'x',
  name: 'X',
  sku: '',
  quantity,
  unitCostCents,
  retailCents,
  size: '',
});

const shipment = (over: Partial<Shipment>): Shipment => ({
  id: 's',
  createdAt: 0,
  updatedAt: 0,
  partnerId: 'p1',
  date: '2026-03-01',
  status: 'sent',
  items: [line(2, 420, 1499), line(1, 1150, 3900)],
  shippingCents: 895,
  lot: '',
  bestBefore: null,
  swapOf: null,
  note: '',
  ...over,
});

describe('gift cost', () => {
  it('is products at unit cost plus shipping, with the retail value beside it', () => {
    // 2 x 4.20 + 1 x 11.50 = 19.90 at cost; + 8.95 shipping = 28.85. Retail 2 x 14.99 + 39.00 = 68.98.
    expect(shipmentValue(shipment({}))).toEqual({
      productCents: 1990,
      shippingCents: 895,
      retailCents: 6898,
    });
    // A size swap adds its shipping only.
    expect(shipmentValue(shipment({ swapOf: 's0', shippingCents: 650 }))).toEqual({
      productCents: 0,
      shippingCents: 650,
      retailCents: 0,
    });
  });

  it('counts once the shipment has left, on its ship date', () => {
    const gifts = giftCostsByPartner([
      shipment({ id: 'a' }),
      shipment({ id: 'b', status: 'to-send', date: '2026-03-02' }),
      shipment({
        id: 'c',
        status: 'posted',
        date: '2026-04-10',
        items: [line(3, 190, 899)],
        shippingCents: 495,
      }),
      shipment({ id: 'd', partnerId: 'p2', status: 'delivered' }),
    ]);
    expect(gifts.get('p1')).toEqual([
      { date: '2026-03-01', costCents: 2885, retailCents: 6898 },
      { date: '2026-04-10', costCents: 1065, retailCents: 2697 },
    ]);
    expect(giftsIn(gifts.get('p1'), { start: '2026-03-01', end: '2026-03-31' })).toEqual({
      giftedCents: 2885,
      giftedRetailCents: 6898,
    });
    expect(giftsIn(gifts.get('p1'), { start: '2026-01-01', end: '2026-12-31' })).toEqual({
      giftedCents: 3950,
      giftedRetailCents: 9595,
    });
    expect(giftsIn(undefined, { start: '2026-01-01', end: '2026-12-31' }).giftedCents).toBe(0);
  });
});

describe('allergy warnings', () => {
  it('match an allergy to a product tag, not to a free-from tag', () => {
    expect(allergyMatches('chicken', 'chicken')).toBe(true);
    expect(allergyMatches('Chicken', 'chicken fat')).toBe(true);
    expect(allergyMatches('grain', 'grain-free')).toBe(false);
    expect(allergyMatches('grains', 'grain')).toBe(true);
    expect(allergyMatches('beef', 'chicken')).toBe(false);
    const pets = [
      { name: 'Pepper', species: 'dog' as const, allergies: ['chicken'] },
      { name: 'Biscuit', species: 'dog' as const, allergies: [] },
    ];
    const products = [
      { name: 'Chicken Jerky Bites', tags: ['chicken'] },
      { name: 'Salmon Skin Rolls', tags: ['salmon', 'grain-free'] },
    ];
    expect(allergyWarnings(products, pets)).toEqual([
      { pet: pets[0], product: products[0], allergy: 'chicken' },
    ]);
  });
});

describe('follow-ups', () => {
  it('list partners who got product N days ago or more and have not posted, oldest first', () => {
    const today = '2026-03-31';
    const rows = followUps(
      [
        shipment({ id: 'due', partnerId: 'a', date: '2026-03-10', status: 'delivered' }), // 21 days
        shipment({ id: 'recent', partnerId: 'b', date: '2026-03-11', status: 'sent' }), // 20 days
        shipment({ id: 'posted', partnerId: 'c', date: '2026-01-01', status: 'posted' }),
        shipment({ id: 'planned', partnerId: 'd', date: '2026-01-01', status: 'to-send' }),
        shipment({ id: 'swap', partnerId: 'e', date: '2026-01-01', swapOf: 'x' }),
        shipment({ id: 'old', partnerId: 'f', date: '2026-02-01', status: 'sent' }),
        shipment({ id: 'older', partnerId: 'f', date: '2026-01-20', status: 'sent' }),
      ],
      today,
      21,
    );
    expect(rows).toEqual([
      { partnerId: 'f', shipmentId: 'older', shipDate: '2026-01-20', days: 70 },
      { partnerId: 'a', shipmentId: 'due', shipDate: '2026-03-10', days: 21 },
    ]);
    expect(followUps([shipment({ date: '2026-03-10' })], today, 30)).toEqual([]);
  });
});

describe('forms', () => {
  const rec = { id: 'x', createdAt: 1, now: 2 };
  it('refuse a negative cost, naming the field', () => {
    const r = productFromDraft(
      { name: 'Treat', sku: '', unitCost: '-1.00', retail: 'abc', tags: '' },
      rec,
    );
    expect(r).toEqual({
      ok: false,
      errors: {
        unitCost: 'Unit cost must not be negative.',
        retail: 'Retail price is not an amount (for example 4.50).',
      },
    });
    const ok = productFromDraft(
      {
        name: ' Treat ',
        sku: 'T-1',
        unitCost: '4.2',
        retail: '$14.99',
        tags: 'Chicken, grain; Chicken',
      },
      rec,
    );
    expect(ok.ok && ok.value).toMatchObject({
      name: 'Treat',
      unitCostCents: 420,
      retailCents: 1499,
      tags: ['chicken', 'grain'],
    });
  });

  it('read a pet', () => {
    const base = {
      name: 'Mochi',
      species: 'dog' as const,
      breed: '',
      size: '' as const,
      allergies: '',
      dietNotes: '',
    };
    expect(petFromDraft({ ...base, age: 'two' }, { ...rec, partnerId: 'p' })).toEqual({
      ok: false,
      errors: { age: 'Age must be a number of years (0.5 for six months).' },
    });
    const r = petFromDraft(
      { ...base, age: '0,5', allergies: 'chicken' },
      { ...rec, partnerId: 'p' },
    );
    expect(r.ok && r.value.ageYears).toBe(0.5);
  });
});

describe('Shopify products file', () => {
  const text = readFileSync(
    path.join(__dirname, '../fixtures/products/shopify-products.csv'),
    'utf8',
  );
  it('gives one product per variant, titles carried to variant rows, image rows and gift cards skipped', () => {
    const r = readShopifyProducts(text);
    expect(r.products.map(({ line: _l, ...p }) => p)).toEqual([
      {
        name: 'Chicken Jerky Bites (200 g)',
        sku: 'BTC-JRK-200',
        unitCostCents: 420,
        retailCents: 1499,
        tags: ['chicken', 'single ingredient'],
      },
      {
        name: 'Chicken Jerky Bites (500 g)',
        sku: 'BTC-JRK-500',
        unitCostCents: 910,
        retailCents: 2999,
        tags: ['chicken', 'single ingredient'],
      },
      {
        name: 'Pumpkin Oat Biscuits',
        sku: 'BTC-PMP-300',
        unitCostCents: 260,
        retailCents: 999,
        tags: ['pumpkin', 'oat', 'grain'],
      },
      {
        name: 'Trail No-Pull Harness (S / Moss)',
        sku: 'BTC-HRN-S-MOSS',
        unitCostCents: 1150,
        retailCents: 3900,
        tags: [],
      },
      {
        name: 'Trail No-Pull Harness (M / Moss)',
        sku: 'BTC-HRN-M-MOSS',
        unitCostCents: 1150,
        retailCents: 3900,
        tags: [],
      },
      {
        name: 'Trail No-Pull Harness (L / Moss)',
        sku: 'BTC-HRN-L-MOSS',
        unitCostCents: 0,
        retailCents: 3900,
        tags: [],
      },
    ]);
    expect(r.problems).toEqual([
      { line: 10, message: 'Variant Price "twelve" is not an amount.' },
      { line: 10, message: 'Cost per item must not be negative.' },
    ]);
  });

  it('refuses a file that is not a products export', () => {
    expect(() => readShopifyProducts('Name,Email\nA,a@b.c\n')).toThrow(
      /not a Shopify products export/,
    );
  });
});

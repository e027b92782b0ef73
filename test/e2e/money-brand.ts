/**
 * A small brand worked out by hand, as a backup file (two partners: Ada, an ambassador on 10 %
 * commission of the subtotal, and Finn, a micro-affiliate on 20 %), and loading it through
 * Settings > Backups; its orders (`order`), and converting pounds in the orders import preview
 * (`convertPoundsAt`): shared by the money specs (Dashboard, Compare, Payouts).
 */
import type { Locator, Page } from '@playwright/test';
import { emptyBackupData } from '../../src/domain/backup-plan';
import { dateInZone } from '../../src/domain/dates';
import { generateSampleData } from '../../src/domain/sample-data';
import type { Contract, Order, Partner, Payout } from '../../src/domain/schemas';
import { expect, openApp } from './fixtures';

export const DAY = 86_400_000;
const TZ = 'America/New_York';

/** One order of the brand, placed `days` ago, for Ada (`p-amb`) or Finn (`p-aff`). */
export function order(
  now: number,
  days: number,
  partnerId: 'p-amb' | 'p-aff',
  currency: string,
  subtotalCents: number,
  totalCents: number,
  more: Partial<Order> = {},
): Partial<Order> {
  return { placedAtMs: now - days * DAY, partnerId, currency, subtotalCents, totalCents, ...more };
}

/**
 * In the orders import preview: convert the file's pounds to dollars at `rate` (USD for 1 GBP)
 * and update the preview.
 */
export async function convertPoundsAt(preview: Locator, rate: string) {
  const fx = preview.getByRole('region', { name: 'Currencies' });
  await fx.getByLabel('Convert to USD at a rate').check();
  await fx.getByLabel('USD for 1 GBP').fill(rate);
  await fx.getByRole('button', { name: 'Update the preview' }).click();
}

export function brand(orders: (now: number) => Partial<Order>[], payouts: Partial<Payout>[] = []) {
  const now = Date.now();
  const sample = generateSampleData(dateInZone(now, TZ), now);
  const amb = sample.partners.find((p) => p.kind === 'ambassador')!;
  const aff = sample.partners.find((p) => p.kind === 'affiliate')!;
  const partners: Partner[] = [
    { ...amb, id: 'p-amb', name: 'Ada Ambassador', codes: ['ADA10'], referralSlug: 'ada' },
    { ...aff, id: 'p-aff', name: 'Finn Affiliate', codes: ['FINN20'], referralSlug: 'finn' },
  ];
  const template = sample.contracts[0]!;
  const terms = (id: string, partnerId: string, rate: number): Contract => ({
    ...template,
    id,
    partnerId,
    startDate: dateInZone(now - 1000 * DAY, TZ),
    endDate: null,
    retainerCents: 0,
    commissionRate: rate,
    commissionBase: 'subtotal',
    commissionOnRepeat: true,
    flatFeePerPostCents: 0,
    perksCentsPerMonth: 0,
    deliverablesPerMonth: 0,
  });
  const base = sample.orders[0]!;
  const data = emptyBackupData();
  data.settings = [{ ...sample.settings[0]!, brandName: 'Fixture Treats', timeZone: TZ }];
  data.partners = partners;
  data.contracts = [terms('c-amb', 'p-amb', 10), terms('c-aff', 'p-aff', 20)];
  data.orders = orders(now).map((o, i) => {
    const placedAtMs = o.placedAtMs!;
    return {
      ...base,
      discountCents: 0,
      shippingCents: 0,
      taxCents: 0,
      refundedCents: 0,
      status: 'paid',
      codes: [],
      attribution: { method: 'manual', reason: 'fixture' },
      ...o,
      id: `shopify:#F${i + 1}`,
      orderId: `#F${i + 1}`,
      source: 'shopify',
      placedAt: new Date(placedAtMs).toISOString(),
    } as Order;
  });
  data.payouts = payouts.map(
    (p, i) =>
      ({
        ...sample.payouts[0]!,
        id: `pay-${i}`,
        currency: 'USD',
        periodStart: dateInZone(now - 60 * DAY, TZ),
        periodEnd: dateInZone(now - 31 * DAY, TZ),
        paidDate: dateInZone(now - 20 * DAY, TZ),
        ...p,
      }) as Payout,
  );
  // A backup file as Settings > Backups writes it (docs/backup-format.md).
  const counts = Object.fromEntries(Object.entries(data).map(([t, rows]) => [t, rows.length]));
  return JSON.stringify({
    format: 'pawtners-backup',
    schemaVersion: 2,
    appVersion: '0.1.0',
    exportedAt: new Date(now).toISOString(),
    counts,
    data,
  });
}

export async function importBrand(page: Page, text: string, screen = 'dashboard') {
  await openApp(page, 'settings/backups');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import backup…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'fixture.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const dialog = page.getByRole('dialog', { name: 'Import this backup?' });
  await dialog.getByRole('button', { name: 'Replace my data' }).click();
  await expect(page.getByText(/^Backup restored: /)).toBeVisible();
  await openApp(page, screen);
}

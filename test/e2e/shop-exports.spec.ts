/**
 * Real shops' exports end to end (issue 22, issue 18 import sanity): stacked codes become single
 * codes everywhere, Etsy's item file is recognised, WooCommerce statuses and snake_case columns,
 * totals that say what they count, other currencies kept apart, Windows-1252 files.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations, expect, loadSampleData, openApp, test } from './fixtures';

const SHOPS = path.resolve(__dirname, '../fixtures/shops');
const SHOTS = process.env.SHOTS_DIR;

async function importFile(page: Page, name: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import orders' }).click();
  await (await chooser).setFiles(path.join(SHOPS, name));
}

const stat = (scope: ReturnType<Page['locator']>, label: string) =>
  scope
    .locator('.stat', { has: scope.page().getByText(label, { exact: true }) })
    .locator('.stat-value');

test('stacked Shopify codes are single codes in the preview and the "codes nobody owns" panel', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, 'sales');
  await importFile(page, 'shopify-stacked-codes.csv');
  const preview = page.getByRole('dialog', { name: 'Preview: shopify-stacked-codes.csv' });
  await expect(
    preview.getByText('Shopify orders export: 10 rows read.', { exact: false }),
  ).toBeVisible();
  await expect(stat(preview.locator('*'), 'New')).toHaveText('6');
  const checking = preview.getByRole('region', { name: 'Worth checking' });
  await expect(checking.getByText(/Line 8 \(order #90006\): not imported/)).toBeVisible();
  await expect(
    checking.getByText(
      "Line 9 (order #90007): the file's figures disagree: Subtotal $30.00 + Shipping $5.00 + Taxes $2.00 = $37.00, but the Total is $40.00; the Total is kept",
    ),
  ).toBeVisible();
  await expect(preview.getByText('Codes: EARLYACCESS30, PARTNER10')).toBeVisible();
  await expect(
    preview.getByText(/No code or referral · discount without a code: Seller discount/),
  ).toBeVisible();
  if (SHOTS) await preview.screenshot({ path: `${SHOTS}/preview-stacked.png` });
  await preview.getByRole('button', { name: 'Import 6 orders' }).click();
  await expect(page.getByText('Imported 6 orders: 6 new, 0 updated')).toBeVisible();

  const codes = page.getByRole('region', { name: 'Codes nobody owns yet' });
  await expect(codes.getByRole('row', { name: /PARTNER10/i })).toHaveCount(1);
  await expect(codes.getByRole('row', { name: /\+/ })).toHaveCount(0);
  await expect(codes.getByRole('row', { name: /Seller discount/i })).toHaveCount(0);
  await codes.getByLabel(/Partner for code PARTNER10/i).selectOption({ label: 'Jordan Reyes' });
  await codes.getByRole('button', { name: /Map code PARTNER10/i }).click();
  await expect(
    page.getByText(/Code PARTNER10 now belongs to Jordan Reyes; 3 orders credited/i),
  ).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('Etsy item files, WooCommerce statuses, totals that show their rows', async ({ page }) => {
  await openApp(page, 'sales');
  await importFile(page, 'etsy-sold-order-items.csv');
  const etsy = page.getByRole('dialog', { name: 'Preview: etsy-sold-order-items.csv' });
  await expect(
    etsy.getByText('Etsy sold order items: 6 rows read.', { exact: false }),
  ).toBeVisible();
  await expect(stat(etsy.locator('*'), 'New')).toHaveText('3');
  // 7777: three items, 63.00 + 6.00 shipping + 4.41 tax.
  await expect(etsy.getByText('$73.41', { exact: false })).toBeVisible();
  await etsy.getByRole('button', { name: 'Import 3 orders' }).click();
  await expect(page.getByText('Imported 3 orders: 3 new')).toBeVisible();

  await importFile(page, 'woocommerce-snake-case.csv');
  const mapping = page.getByRole('dialog', { name: 'Match the columns of your file' });
  await expect(mapping.getByLabel('Order number (required)')).toHaveValue('wc_order_id');
  await expect(mapping.getByLabel('Order total (required)')).toHaveValue('order_total');
  await expect(mapping.getByLabel('Shipping', { exact: true })).toHaveValue('shipping_total');
  await expect(mapping.getByLabel('Shipping country')).toHaveValue('shipping_country');
  await mapping.getByRole('button', { name: 'Continue to preview' }).click();
  const woo = page.getByRole('dialog', { name: 'Preview: woocommerce-snake-case.csv' });
  await expect(stat(woo.locator('*'), 'New')).toHaveText('4');
  await expect(woo.getByRole('heading', { name: 'Worth checking (3 lines)' })).toBeVisible();
  await woo.getByRole('button', { name: 'Import 4 orders' }).click();
  // This import's message, not the Etsy one's.
  await expect(page.getByText('Imported 4 orders: 4 new')).toBeVisible();
  await expect(page.getByText('Imported 3 orders: 3 new')).toHaveCount(0);

  const totals = page.getByRole('region', { name: 'Totals for the filtered orders' });
  // Etsy 43.52 + 73.41 + 17.99, Woo 48.15 + 25.40 (9006 fully refunded, 9007 cancelled).
  await expect(stat(totals, 'Revenue')).toHaveText('$208.47');
  await expect(stat(totals, 'Refunded')).toHaveText('$24.26');
  await totals
    .getByRole('button', { name: 'Show in list: the 1 order with a refund, not cancelled' })
    .click();
  await expect(page.getByLabel('Show', { exact: true })).toHaveValue('refunds');
  await expect(page.getByRole('table', { name: 'Orders' }).getByRole('row')).toHaveCount(2);
  await expect(stat(totals, 'Refunded')).toHaveText('$24.26');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/sales-totals.png`, fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
});

test('a Windows-1252 file in another currency: read right, kept apart, totals per currency', async ({
  page,
}) => {
  await openApp(page, 'sales');
  await importFile(page, 'woocommerce-snake-case.csv');
  await page.getByRole('button', { name: 'Continue to preview' }).click();
  await page.getByRole('button', { name: 'Import 4 orders' }).click();
  await importFile(page, 'enc-windows-1252.csv');
  const preview = page.getByRole('dialog', { name: 'Preview: enc-windows-1252.csv' });
  await expect(
    preview.getByText('Shopify orders export (read as Windows-1252): 1 row read.', {
      exact: false,
    }),
  ).toBeVisible();
  const note = preview.getByRole('region', { name: 'Currencies' });
  await expect(note).toContainText('1 order in EUR');
  await expect(preview.getByText(/Used code|Codes: CAFÉ10/)).toBeVisible();
  await preview.getByRole('button', { name: 'Import 1 order' }).click();
  const totals = page.getByRole('region', { name: 'Totals for the filtered orders' });
  await expect(stat(totals, 'Revenue')).toContainText('$73.55');
  await expect(stat(totals, 'Revenue')).toContainText('€28.00');
  await page.getByLabel('Currency').selectOption('EUR');
  await expect(stat(totals, 'Revenue')).toHaveText('€28.00');
  await expect(page.getByRole('table', { name: 'Orders' }).getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('table', { name: 'Orders' })).toContainText('CAFÉ10');
  await page.getByLabel('Currency').selectOption('');

  // The same order again (UTF-8 with BOM this time), converted at the owner's rate.
  await importFile(page, 'enc-utf8-bom.csv');
  const again = page.getByRole('dialog', { name: 'Preview: enc-utf8-bom.csv' });
  const fx = again.getByRole('region', { name: 'Currencies' });
  await fx.getByLabel('Convert to USD at a rate').check();
  await fx.getByRole('button', { name: 'Update the preview' }).click();
  await expect(fx.getByRole('alert')).toHaveText(
    'Enter the rate for EUR as a number more than 0, like 1.27.',
  );
  await fx.getByLabel('USD for 1 EUR').fill('1.08');
  await fx.getByRole('button', { name: 'Update the preview' }).click();
  await expect(
    again.getByText('Orders in EUR converted at 1 EUR = 1.08 USD', { exact: false }),
  ).toBeVisible();
  await expect(stat(again.locator('*'), 'Changed')).toHaveText('1');
  await expect(again.getByText('1 amount change', { exact: true })).toBeVisible();
  await expect(again.getByText(/total €28\.00 → \$30\.24/)).toBeVisible();
  if (SHOTS) await again.screenshot({ path: `${SHOTS}/preview-convert.png` });
  await again.getByRole('button', { name: 'Import 1 order' }).click();
  // 73.55 + 30.24, one currency now.
  await expect(stat(totals, 'Revenue')).toHaveText('$103.79');
  await expect(totals).toContainText(
    'Includes 1 order converted at 1 EUR = 1.08 USD (the rate you entered at import).',
  );
  await expect(page.getByRole('table', { name: 'Orders' })).toContainText(
    '€28.00, converted at 1 EUR = 1.08 USD',
  );
});

import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

const FIXTURES = path.resolve(__dirname, '../fixtures/orders');
const SHOTS = process.env.SHOTS_DIR;

async function importFile(page: Page, name: string) {
  await openApp(page, 'sales');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import orders' }).click();
  await (await chooser).setFiles(path.join(FIXTURES, name));
}

const stat = (scope: ReturnType<Page['locator']>, label: string) =>
  scope
    .locator('.stat', { has: scope.page().getByText(label, { exact: true }) })
    .locator('.stat-value');

async function ordersOf(page: Page, partner: string) {
  await openApp(page, 'sales');
  await page.getByLabel('Partner', { exact: true }).selectOption({ label: partner });
  return stat(page.getByRole('region', { name: 'Totals for the filtered orders' }), 'Orders');
}

test('a handle with _ is taken as a slug; stored orders are re-credited after a preview, and undone', async ({
  page,
}) => {
  await importFile(page, 'shopify-handles.csv');
  const preview = page.getByRole('dialog', { name: 'Preview: shopify-handles.csv' });
  await expect(stat(preview.locator('*'), 'Unattributed')).toHaveText('3');
  await preview.getByRole('button', { name: 'Import 3 orders' }).click();
  await expect(page.getByText(/Imported 3 orders/)).toBeVisible();

  await openApp(page, 'partners/new');
  await page.getByLabel('Name', { exact: true }).fill('Biscuit Bakes');
  await page.getByLabel('Referral slug').fill('@Some_Handle');
  await page.getByRole('button', { name: 'Save partner' }).click();

  const dialog = page.getByRole('dialog', { name: 'Re-credit stored orders?' });
  await expect(dialog).toBeVisible();
  await expect(
    dialog.getByText('2 orders will move to Biscuit Bakes: 2 from unattributed'),
  ).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/recredit-dialog.png` });
  await dialog.getByRole('button', { name: 'Re-credit 2 orders' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Biscuit Bakes' })).toBeVisible();
  await expect(page.getByText('Re-credited 2 orders.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo re-crediting' }).click();
  await expect(page.getByText('Orders are credited as they were before.')).toBeVisible();
  await expect(await ordersOf(page, 'Biscuit Bakes')).toHaveText('0');

  // Saving again with nothing changed offers nothing; changing the slug back offers the moves.
  await openApp(page, 'partners');
  await page.getByRole('link', { name: 'Biscuit Bakes' }).first().click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByRole('button', { name: 'Save partner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Biscuit Bakes' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Re-credit stored orders?' })).toHaveCount(0);

  // A new import credits by the handle directly: some_handle in any case, with or without @.
  await importFile(page, 'shopify-handles.csv');
  const again = page.getByRole('dialog', { name: 'Preview: shopify-handles.csv' });
  await expect(stat(again.locator('*'), 'Unattributed')).toHaveText('1');
  await expect(again.getByText('(line 2): partner no partner → Biscuit Bakes')).toBeVisible();
  await expect(again.getByText('(line 3): partner no partner → Biscuit Bakes')).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/import-by-handle.png` });
  await again.getByRole('button', { name: 'Import 2 orders' }).click();
  await expect(await ordersOf(page, 'Biscuit Bakes')).toHaveText('2');
});

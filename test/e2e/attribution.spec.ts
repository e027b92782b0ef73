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

test('unknown referral values map to a partner in one step; store-wide codes are marked, listed in Settings, un-marked', async ({
  page,
}) => {
  await openApp(page, 'partners/new');
  await page.getByLabel('Name', { exact: true }).fill('Biscuit Bakes');
  await page.getByLabel('Referral slug').fill('biscuit');
  await page.getByRole('button', { name: 'Save partner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Biscuit Bakes' })).toBeVisible();

  await importFile(page, 'shopify-referrals.csv');
  const preview = page.getByRole('dialog', { name: 'Preview: shopify-referrals.csv' });
  await preview.getByRole('button', { name: 'Import 3 orders' }).click();
  await expect(page.getByText(/Imported 3 orders/)).toBeVisible();

  const refs = page.getByRole('region', { name: 'Referral values nobody owns yet' });
  const codes = page.getByRole('region', { name: 'Codes nobody owns yet' });
  await expect(refs.getByRole('row', { name: /spring_ig/ })).toContainText('$40.00');
  await expect(codes.getByRole('row', { name: /NEWSLETTER/ })).toContainText('$27.00');
  if (SHOTS) await refs.screenshot({ path: `${SHOTS}/unknown-referrals.png` });

  await refs
    .getByLabel('Partner for referral value spring_ig')
    .selectOption({ label: 'Biscuit Bakes' });
  await refs.getByRole('button', { name: 'Map referral value spring_ig' }).click();
  await expect(
    page.getByText('Referral value spring_ig now belongs to Biscuit Bakes; 1 order credited.'),
  ).toBeVisible();
  await expect(refs.getByRole('row', { name: /spring_ig/ })).toHaveCount(0);

  await refs.getByRole('button', { name: 'google is not a partner’s' }).click();
  await expect(page.getByRole('region', { name: 'Referral values nobody owns yet' })).toHaveCount(
    0,
  );
  await codes.getByRole('button', { name: 'NEWSLETTER is not a partner’s' }).click();
  await expect(page.getByRole('region', { name: 'Codes nobody owns yet' })).toHaveCount(0);
  await expect(await ordersOf(page, 'Biscuit Bakes')).toHaveText('1');

  await openApp(page, 'settings');
  const list = page.getByRole('list', {
    name: 'Codes and referral values that are not a partner’s',
  });
  await expect(list.getByRole('listitem')).toHaveText([/google/, /NEWSLETTER/]);
  if (SHOTS)
    await page
      .getByRole('region', { name: 'Not a partner’s' })
      .screenshot({ path: `${SHOTS}/not-partner-settings.png` });
  await list.getByRole('button', { name: 'Un-mark google' }).click();
  await expect(list.getByRole('listitem')).toHaveText([/NEWSLETTER/]);

  await openApp(page, 'sales');
  await expect(
    page
      .getByRole('region', { name: 'Referral values nobody owns yet' })
      .getByRole('row', { name: /google/ }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Codes nobody owns yet' })).toHaveCount(0);
});

test('a period without data says so and offers the period that has data', async ({ page }) => {
  await openApp(page, 'partners/new');
  await page.getByLabel('Name', { exact: true }).fill('Biscuit Bakes');
  await page.getByLabel('Referral slug').fill('some_handle');
  await page.getByRole('button', { name: 'Save partner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Biscuit Bakes' })).toBeVisible();
  // Orders of May 2024 only: the default "last 12 months" holds none of them.
  await importFile(page, 'shopify-handles.csv');
  const preview = page.getByRole('dialog', { name: 'Preview: shopify-handles.csv' });
  await preview.getByRole('button', { name: 'Import 3 orders' }).click();
  await expect(page.getByText(/Imported 3 orders/)).toBeVisible();

  await openApp(page, 'compare');
  const notice = page.getByRole('status').filter({ hasText: 'No orders or posts in' });
  await expect(notice).toContainText('Your data runs May 2, 2024 – May 3, 2024.');
  await expect(page.getByTestId('verdict')).toHaveCount(0);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/compare-no-data-offer.png` });
  await notice.getByRole('button', { name: /^Show May 2, 2024/ }).click();
  await expect(page.getByTestId('verdict')).toBeVisible();
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('cell', { name: '$65.50' }).first()).toBeVisible();
});

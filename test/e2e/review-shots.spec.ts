import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, loadSampleData, openApp, test } from './fixtures';

/**
 * A user's-eye look at the finished screens at the smallest supported size, light and dark, full
 * and empty. Run on request: `SHOTS=1 npx playwright test review-shots`; the PNGs land in
 * /tmp/shots/review-*.png for a human to open. Each shot also checks that nothing scrolls sideways.
 */
const ORDERS = path.resolve(__dirname, '../fixtures/orders');
const DIR = '/tmp/shots';

test.skip(!process.env.SHOTS, 'screenshots only on request');
test.use({ viewport: { width: 1280, height: 720 } });
test.setTimeout(180_000);

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForTimeout(300);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(wide, `${name} scrolls sideways by ${wide}px`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${DIR}/review-${name}.png`, fullPage });
}

async function heading(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function withSampleData(page: Page, suffix: string): Promise<void> {
  await loadSampleData(page);

  await openApp(page, 'partners');
  await expect(page.getByRole('table', { name: 'Partners' }).getByRole('row').nth(1)).toBeVisible();
  await shoot(page, `partners-list${suffix}`);
  await page.getByLabel('Search partners').fill('maya');
  await page.getByRole('link', { name: 'Maya Chen' }).click();
  await heading(page, 'Maya Chen');
  await expect(page.getByText('Came back within 90 days')).toBeVisible();
  await expect(page.getByText('…')).toHaveCount(0);
  await shoot(page, `partner-detail${suffix}`);
  await shoot(page, `partner-detail-full${suffix}`, true);
  await openApp(page, 'partners/new');
  await heading(page, 'Add partner');
  await shoot(page, `partner-add${suffix}`, true);

  await openApp(page, 'calendar');
  await heading(page, 'Calendar');
  await page.getByRole('button', { name: 'Month', exact: true }).click();
  await expect(page.locator('.cal-month .cal-chip').first()).toBeVisible();
  await shoot(page, `calendar-month${suffix}`);
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await shoot(page, `calendar-week${suffix}`);
  await page.getByRole('button', { name: 'Agenda', exact: true }).click();
  await shoot(page, `calendar-agenda${suffix}`);
  await page.getByRole('link', { name: 'Deliverables' }).click();
  await shoot(page, `calendar-deliverables${suffix}`);
  await page.getByRole('link', { name: 'Campaigns' }).click();
  await shoot(page, `calendar-campaigns${suffix}`);

  await openApp(page, 'sales');
  await expect(page.getByRole('table', { name: 'Orders' })).toBeVisible();
  await shoot(page, `sales-list${suffix}`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import orders' }).click();
  await (await chooser).setFiles(path.join(ORDERS, 'shopify-e2e.csv'));
  await expect(page.getByRole('dialog', { name: 'Preview: shopify-e2e.csv' })).toBeVisible();
  await shoot(page, `sales-import-preview${suffix}`);
  await page.getByRole('button', { name: 'Cancel' }).click();

  await openApp(page, 'payouts');
  await heading(page, 'Payouts');
  await shoot(page, `payouts${suffix}`);
  await shoot(page, `payouts-full${suffix}`, true);

  await openApp(page, 'settings');
  await heading(page, 'Settings');
  await shoot(page, `settings${suffix}`, true);
}

async function empty(page: Page, suffix: string): Promise<void> {
  for (const [route, title] of [
    ['partners', 'Partners'],
    ['calendar', 'Calendar'],
    ['sales', 'Sales'],
    ['payouts', 'Payouts'],
    ['settings', 'Settings'],
  ] as const) {
    await openApp(page, route);
    await heading(page, title);
    await shoot(page, `empty-${route}${suffix}`);
  }
}

test('light, sample data', async ({ page }) => {
  await withSampleData(page, '');
});

test('light, empty', async ({ page }) => {
  await empty(page, '');
});

test.describe('dark', () => {
  test.use({ colorScheme: 'dark' });
  test('dark, sample data', async ({ page }) => {
    await withSampleData(page, '-dark');
  });
  test('dark, empty', async ({ page }) => {
    await empty(page, '-dark');
  });
});

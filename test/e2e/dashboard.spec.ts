import { indexByPartner, payoutsOwed } from '../../src/domain/compare';
import { dateInZone } from '../../src/domain/dates';
import { formatMoney } from '../../src/domain/money';
import { generateSampleData } from '../../src/domain/sample-data';
import type { Page } from '@playwright/test';
import { expect, loadSampleData, openApp, test } from './fixtures';

test('the dashboard shows KPIs per kind, content due, payouts owed and top partners', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, 'dashboard');
  await expect(page.getByRole('heading', { name: 'How the two kinds did' })).toBeVisible();
  for (const kind of ['Brand Ambassadors', 'Micro-Affiliates']) {
    const card = page.getByRole('region', { name: kind });
    for (const label of ['Revenue', 'Spend', 'ROI'])
      await expect(card.locator('.stat', { hasText: label })).toBeVisible();
  }
  const now = Date.now();
  const today = dateInZone(now, 'America/New_York');
  const data = generateSampleData(today, now);
  const owed = payoutsOwed(data, indexByPartner(data, 'America/New_York'), data.payouts, {
    timeZone: 'America/New_York',
    countDiscountAsCost: false,
    today,
  });
  await expect(
    page.locator('.stat', { hasText: 'Owed to partners today' }).locator('.stat-value'),
  ).toHaveText(formatMoney(owed.totalCents, 'USD', 'en-US'));
  await expect(page.getByRole('region', { name: 'Content due' })).toContainText('Next 14 days');
  const top = page.getByRole('region', { name: 'Top partners' });
  await expect(top.locator('li')).toHaveCount(5);
  await page.getByLabel('Period').selectOption('last-12-months');
  await expect(top.locator('li')).toHaveCount(5);
});

/** The figures the Dashboard shows first: both kinds' KPIs, the order count, the top partners. */
async function firstFigures(page: Page): Promise<string[]> {
  const kpis = page.locator('.kpi-card .stat-value');
  await expect(kpis).toHaveCount(6);
  const orders = page.locator('.stat', { hasText: 'Orders' }).locator('.stat-value');
  const top = page.getByRole('region', { name: 'Top partners' }).getByRole('link');
  return [
    ...(await kpis.allTextContents()),
    await orders.innerText(),
    ...(await top.allTextContents()),
  ];
}

test('a restart shows the same figures', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, 'dashboard');
  const figures = await firstFigures(page);
  expect(figures.length).toBeGreaterThan(7);
  await page.reload();
  expect(await firstFigures(page)).toEqual(figures);
});

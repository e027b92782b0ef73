import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { SEED_ID, SEED_PARTNER, seedPartner } from './partner-seed';

/** A figure in the partner page's Results card, by its label. */
const stat = (page: Page, label: string) =>
  page
    .getByRole('region', { name: 'Results' })
    .locator('.stat', { has: page.getByText(label, { exact: true }) })
    .locator('.stat-value');

const table = (page: Page) => page.getByRole('table', { name: 'Partners' });

test('partner page: an empty default period offers the dates with data, then every figure is right', async ({
  page,
}) => {
  await seedPartner(page);
  await openApp(page, `partners/${SEED_ID}`);
  await expect(page.getByRole('heading', { level: 1, name: SEED_PARTNER })).toBeVisible();
  // The data is from March 2025, more than 12 months ago: say so and offer those dates.
  const offer = page.getByRole('region', { name: 'Results' }).getByRole('status');
  await expect(offer).toContainText(`No orders or posts of ${SEED_PARTNER} in last 12 months`);
  await expect(offer).toContainText('Their orders and posts run Mar 5, 2025 – Mar 25, 2025');
  await offer.getByRole('button', { name: 'Show Mar 5, 2025 – Mar 25, 2025' }).click();
  await expect(offer).toBeHidden();
  await expect(page.getByLabel('Period')).toHaveValue('custom');

  // Revenue $110 + $55 (the cancelled order counts zero); cost = 10 % of $150 subtotal + $50 fee.
  await expect(stat(page, 'Revenue')).toHaveText('$165.00');
  await expect(stat(page, 'Cost')).toHaveText('$65.00');
  await expect(stat(page, 'ROI')).toHaveText('+154 %'); // (165 - 65) / 65 = 1.538
  await expect(stat(page, 'ROAS')).toHaveText('2.54×'); // 165 / 65
  await expect(stat(page, 'CPA')).toHaveText('$32.50'); // 65 / 2 orders
  await expect(stat(page, 'AOV')).toHaveText('$82.50'); // 165 / 2 orders
  await expect(stat(page, 'Posts published')).toHaveText('3');
  await expect(stat(page, 'EMV')).toHaveText('$96.00'); // 8,000 impressions / 1000 x $12
  await expect(page.getByText('8,000 impressions × $12.00 per 1,000 (Settings)')).toBeVisible();
  await expect(stat(page, 'Engagement rate')).toHaveText('12.5 %'); // mean of 10 % and 15 %
  await expect(
    page.getByText('Mean over posts, by reach, or followers where reach is unknown'),
  ).toBeVisible();
  await expect(stat(page, 'Conversion')).toHaveText('2.0 %'); // 2 orders / 100 clicks
  await expect(page.getByText('2 orders ÷ 100 clicks')).toBeVisible();
});

test('list: optional figure columns are remembered; the leaderboard says what it ranks by', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await seedPartner(page);
  await openApp(page, 'partners');
  await page.getByLabel('Sales in').selectOption('all');
  const row = table(page).getByRole('row', { name: new RegExp(SEED_PARTNER) });
  await expect(row.getByRole('cell').nth(6)).toHaveText('$165.00'); // Revenue
  await expect(row.getByRole('cell').nth(7)).toHaveText('+154 %'); // ROI

  await page.getByRole('button', { name: 'Columns', exact: true }).click();
  for (const c of ['Promo codes', 'Followers and tier', 'Status', 'Kind'])
    await page.getByLabel(`${c} column`).uncheck();
  for (const c of [
    'Cost',
    'ROAS (revenue per $1 of cost)',
    'CPA (cost per order)',
    'AOV (average order)',
    'EMV (earned media value)',
    'Engagement rate',
    'Conversion (orders per click)',
  ])
    await page.getByLabel(`${c} column`).check();
  await page.keyboard.press('Escape');
  const headers = table(page).getByRole('columnheader');
  await expect(headers).toHaveText([
    '',
    /^Partner/,
    'Revenue',
    'Cost',
    'ROI',
    'ROAS',
    'CPA',
    'AOV',
    'EMV',
    'Engagement',
    'Conversion',
  ]);
  const cells = [
    '',
    '',
    '$165.00',
    '$65.00',
    '+154 %',
    '2.54×',
    '$32.50',
    '$82.50',
    '$96.00',
    '12.5 %',
    '2.0 %',
  ];
  for (let i = 2; i < cells.length; i++)
    await expect(row.getByRole('cell').nth(i)).toHaveText(cells[i]!);

  // Remembered on this computer: still chosen after a restart.
  await page.reload();
  await expect(table(page).getByRole('columnheader')).toHaveCount(11);

  // Leaderboards: by revenue, ROI, orders or new customers, saying which.
  const board = page.getByRole('region', { name: 'Leaderboard' });
  await page.getByLabel('Sales in').selectOption('all');
  await expect(board.getByRole('heading')).toHaveText('Top 5 by revenue, all time');
  await expect(board.getByRole('listitem')).toHaveText([`1.${SEED_PARTNER} $165.00`]);
  await board.getByLabel('Rank by').selectOption('orders');
  await expect(board.getByRole('heading')).toHaveText('Top 5 by orders, all time');
  await expect(board.getByRole('listitem')).toHaveText([`1.${SEED_PARTNER} 2`]);
  await board.getByLabel('Rank by').selectOption('newCustomers');
  await expect(board.getByRole('heading')).toHaveText('Top 5 by new customers, all time');
  await expect(board.getByRole('listitem')).toHaveText([`1.${SEED_PARTNER} 2`]);
  await board.getByLabel('Rank by').selectOption('roi');
  await expect(board.getByRole('listitem')).toHaveText([`1.${SEED_PARTNER} +154 %`]);
});

test('list at 1024 px with many columns keeps name and money, and says what it left out', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await seedPartner(page);
  await openApp(page, 'partners');
  await page.getByRole('button', { name: 'Columns', exact: true }).click();
  for (const c of [
    'Cost',
    'ROAS (revenue per $1 of cost)',
    'CPA (cost per order)',
    'EMV (earned media value)',
    'Engagement rate',
  ])
    await page.getByLabel(`${c} column`).check();
  await page.keyboard.press('Escape');
  const headers = table(page).getByRole('columnheader');
  await expect(headers.nth(1)).toHaveText(/^Partner/);
  await expect(headers.nth(2)).toHaveText('Revenue');
  await expect(
    page.getByText(/Not shown at this width: Kind, Status, Followers, Codes/),
  ).toBeVisible();
  // Nothing scrolls sideways, and the name is not squeezed.
  const name = table(page).getByRole('link', { name: SEED_PARTNER });
  expect((await name.boundingBox())!.width).toBeGreaterThan(80);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
});

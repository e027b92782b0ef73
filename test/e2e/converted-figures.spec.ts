/**
 * Figures that include orders converted from another currency at import say so, with the rate,
 * on the Dashboard and on Compare; orders kept apart in pounds stay on their own line (issue 22).
 * Worked out by hand: Ada (ambassador, 10 % of subtotal) and Finn (micro-affiliate, 20 %).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { brand, convertPoundsAt, DAY, importBrand, order } from './money-brand';

const HEADER =
  'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price';

/** A Shopify orders export in pounds: one line item per order, placed `days` ago at noon UTC. */
function shopifyInPounds(
  now: number,
  rows: { name: string; days: number; code: string; subtotal: string }[],
) {
  const at = (days: number) =>
    `${new Date(now - days * DAY).toISOString().slice(0, 10)} 12:00:00 +0000`;
  const lines = rows.map(
    (r) =>
      `${r.name},,paid,,,,,GBP,${r.subtotal},0.00,0.00,${r.subtotal},${r.code},0.00,,${at(r.days)},1,Chicken chews,${r.subtotal}`,
  );
  return [HEADER, ...lines].join('\n');
}

const moneyStat = (page: Page, label: string) =>
  page.locator('.money-card .stat', { hasText: label }).locator('.stat-value');

test('orders converted from pounds at a rate: Dashboard and Compare say so, with the rate', async ({
  page,
}) => {
  const now = Date.now();
  const text = brand(() => [
    // Ada, $110 on a $100 subtotal: revenue $110, commission $10.
    order(now, 3, 'p-amb', 'USD', 10000, 11000),
    // Finn in pounds, kept apart (not converted): £44 revenue, £8 commission.
    order(now, 4, 'p-aff', 'GBP', 4000, 4400),
  ]);
  await importBrand(page, text, 'sales');

  // Three orders in pounds, converted at 1 GBP = 1.27 USD:
  // Ada £100.00 -> $127.00 and £50.00 -> $63.50 (commission 10 % = $19.05),
  // Finn £20.00 -> $25.40 (commission 20 % = $5.08).
  const csv = shopifyInPounds(now, [
    { name: '#5001', days: 5, code: 'ADA10', subtotal: '100.00' },
    { name: '#5002', days: 6, code: 'ADA10', subtotal: '50.00' },
    { name: '#5003', days: 7, code: 'FINN20', subtotal: '20.00' },
  ]);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import orders' }).click();
  await (
    await chooser
  ).setFiles({ name: 'orders_export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const preview = page.getByRole('dialog', { name: 'Preview: orders_export.csv' });
  await convertPoundsAt(preview, '1.27');
  await expect(
    preview.getByText('Orders in GBP converted at 1 GBP = 1.27 USD', { exact: false }),
  ).toBeVisible();
  await preview.getByRole('button', { name: 'Import 3 orders' }).click();
  await expect(page.getByText(/^Imported 3 orders/)).toBeVisible();

  const words =
    '3 orders converted at 1 GBP = 1.27 USD (the rate you entered at import): 2 for brand ambassadors, 1 for micro-affiliates.';

  // Dashboard, last 30 days: $110 + $127 + $63.50 + $25.40 = $325.90, pounds on their own line.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(moneyStat(page, 'Revenue from partners')).toHaveText('$325.90£44.00');
  // Spend: $10 + $19.05 + $5.08 = $34.13; £8 on its own line.
  await expect(moneyStat(page, 'Spent on partners')).toHaveText('$34.13£8.00');
  await expect(page.getByRole('note')).toHaveText(
    `Revenue, spend and the figures below include ${words}`,
  );
  await page.screenshot({ path: '/tmp/fx-dashboard.png', fullPage: true });

  // Compare, last 12 months: the same note under the verdict, the pounds kept apart below.
  await page.getByRole('main').getByRole('link', { name: 'Compare' }).click();
  await expect(page.getByRole('note')).toHaveText(
    `This verdict and the figures below include ${words}`,
  );
  const table = page.getByRole('table', { name: 'Ambassadors vs micro-affiliates' });
  await expect(table).toContainText('$300.50'); // Ada: $110 + $127 + $63.50
  await expect(table).toContainText('$25.40'); // Finn
  await expect(page.getByText(/orders in GBP are kept apart, not in these figures/)).toBeVisible();
  const chart = page.locator('.card', {
    has: page.getByRole('heading', { name: 'Revenue and cost over time' }),
  });
  await expect(chart.getByText(/^Solid lines are revenue/)).toContainText(
    `Orders kept apart in GBP (not in these figures): ambassadors £0.00 revenue for £0.00 commission; micro-affiliates £44.00 revenue for £8.00 commission. These lines include ${words}`,
  );
  await page.screenshot({ path: '/tmp/fx-compare.png', fullPage: true });

  await page.getByRole('link', { name: 'Infographic' }).click();
  await expect(page.getByTestId('infographic').getByRole('note')).toHaveText(
    `These figures include ${words}`,
  );
  await page.getByTestId('infographic').screenshot({ path: '/tmp/fx-infographic.png' });
});

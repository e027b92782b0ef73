/**
 * The Dashboard's money cards on a small brand whose figures are worked out by hand: orders in
 * dollars and in pounds kept apart, commission, a payment, a cancelled order, an old order.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

import { brand, importBrand, order } from './money-brand';

const stat = (page: Page, label: string) =>
  page.locator('.money-card .stat', { hasText: label }).locator('.stat-value');

test('money cards lead: revenue, spend and owed in dollars, pounds on their own line', async ({
  page,
}) => {
  const text = brand(
    (now) => [
      // Ada, $110 paid on a $100 subtotal: revenue $110, commission 10 % = $10.
      order(now, 3, 'p-amb', 'USD', 10000, 11000),
      // Finn, $55 on $50: revenue $55, commission 20 % = $10.
      order(now, 4, 'p-aff', 'USD', 5000, 5500),
      // Finn in pounds, kept apart: £44 revenue, £8 commission.
      order(now, 5, 'p-aff', 'GBP', 4000, 4400),
      // Cancelled: nothing.
      order(now, 6, 'p-aff', 'USD', 9000, 9000, { status: 'cancelled' }),
      // 60 days ago: not in the last 30 days, but its $40 commission is owed.
      order(now, 60, 'p-aff', 'USD', 20000, 20000),
    ],
    // Ada was paid $5.
    [{ partnerId: 'p-amb', amountCents: 500 }],
  );
  await importBrand(page, text);
  await expect(page.getByRole('heading', { name: 'Your money, last 30 days' })).toBeVisible();
  await expect(stat(page, 'Revenue from partners')).toHaveText('$165.00£44.00');
  await expect(stat(page, 'Revenue from partners').locator('span span')).toHaveText([
    '$165.00',
    '£44.00',
  ]);
  await expect(stat(page, 'Spent on partners').locator('span span')).toHaveText([
    '$20.00',
    '£8.00',
  ]);
  await expect(
    page.locator('.money-card .stat', { hasText: 'Revenue from partners' }),
  ).toContainText('From 3 sales credited to partners');
  // Ada $10 - $5 paid, Finn $10 + $40; the £8 is not added to dollars.
  await expect(stat(page, 'Owed to partners today')).toHaveText('$55.00');
  await expect(
    page.locator('.money-card .stat', { hasText: 'Owed to partners today' }),
  ).toContainText('commission on orders in GBP is not in it');
  await expect(page.getByText('Counting orders in USD only')).toBeVisible();
  // Nowhere a dollar sign on the pound figures.
  await expect(page.locator('.money-cards')).not.toContainText('$44.00');
  await expect(page.locator('.money-cards')).not.toContainText('$8.00');

  // Last 90 days takes in the older order: $365 revenue, $60 spend.
  await page.getByLabel('Period').selectOption('last-90');
  await expect(stat(page, 'Revenue from partners').locator('span span')).toHaveText([
    '$365.00',
    '£44.00',
  ]);
  await expect(stat(page, 'Spent on partners').locator('span span')).toHaveText([
    '$60.00',
    '£8.00',
  ]);
});

test('a default period without data says so and offers the period that has it', async ({
  page,
}) => {
  // Two orders, 400 and 420 days ago, in dollars only.
  const text = brand((now) => [
    order(now, 400, 'p-amb', 'USD', 10000, 12000),
    order(now, 420, 'p-aff', 'USD', 3000, 3000),
  ]);
  await importBrand(page, text);
  const offer = page
    .getByRole('status')
    .filter({ hasText: 'No orders or posts in the last 30 days' });
  await expect(offer).toBeVisible();
  await expect(stat(page, 'Revenue from partners')).toHaveText('$0.00');
  await offer.getByRole('button', { name: /^Show / }).click();
  await expect(offer).toBeHidden();
  await expect(stat(page, 'Revenue from partners')).toHaveText('$150.00');
  // $10 (10 % of $100) + $6 (20 % of $30).
  await expect(stat(page, 'Spent on partners')).toHaveText('$16.00');
  // Back to a preset.
  await page.getByLabel('Period').selectOption('last-30');
  await expect(offer).toBeVisible();
});

/**
 * The Compare charts draw the brand's currency only: orders kept apart in pounds leave the lines
 * and are listed in pounds beside them (issue 22). Figures worked out by hand.
 */
import { expect, test } from './fixtures';
import { brand, importBrand, order } from './money-brand';

test('revenue and cost chart: dollars in the lines, pounds on their own', async ({ page }) => {
  const text = brand((now) => [
    // Ada, $110 on a $100 subtotal: revenue $110, commission 10 % = $10.
    order(now, 3, 'p-amb', 'USD', 10000, 11000),
    // Ada in pounds, kept apart: £105 revenue, £10 commission.
    order(now, 4, 'p-amb', 'GBP', 10000, 10500),
    // Finn in pounds: £44 revenue, 20 % of £40 = £8 commission.
    order(now, 5, 'p-aff', 'GBP', 4000, 4400),
  ]);
  await importBrand(page, text, 'compare');
  const chart = page.locator('.card', {
    has: page.getByRole('heading', { name: 'Revenue and cost over time' }),
  });
  const summary = chart.getByText(/^Solid lines are revenue/);
  // The last month may be cut short (dotted) or not, depending on today.
  await expect(summary).toContainText(
    ' Ambassadors: $110.00 revenue for $10.00 cost; micro-affiliates: $0.00 for $0.00.' +
      ' Orders kept apart in GBP (not in these figures): ambassadors £105.00 revenue for £10.00' +
      ' commission; micro-affiliates £44.00 revenue for £8.00 commission.',
  );
  await expect(summary).toContainText('Solid lines are revenue, dashed lines cost, in USD.');
  await page.screenshot({ path: '/tmp/house-compare-currency.png', fullPage: true });
});

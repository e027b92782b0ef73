import { acquisitions, customerValue } from '../../src/domain/customers';
import { addDays, dateInZone } from '../../src/domain/dates';
import { formatMoney } from '../../src/domain/money';
import { generateSampleData } from '../../src/domain/sample-data';
import { axeViolations, expect, loadSampleData, openApp, test } from './fixtures';

/** The sample brand's customer value per kind for the last 12 months, computed in Node. */
function expected() {
  const now = Date.now();
  const tz = 'America/New_York';
  const today = dateInZone(now, tz);
  const data = generateSampleData(today, now);
  const kindOf = new Map(data.partners.map((p) => [p.id, p.kind]));
  const acq = acquisitions(data.orders, tz);
  const range = { start: addDays(today, -364), end: today };
  const of = (kind: string) =>
    customerValue(acq.values(), (p) => p !== null && kindOf.get(p) === kind, range, today, 365);
  return { ambassador: of('ambassador'), affiliate: of('affiliate') };
}

test('Customers & growth shows both ROI figures, lifetime value and follower counts', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, 'compare');
  await page.getByRole('link', { name: 'Customers & growth' }).click();
  const table = page.getByRole('table', { name: 'Customer value by partner kind' });
  await expect(table).toBeVisible({ timeout: 30_000 });
  const e = expected();
  const row = (label: string) => table.getByRole('row', { name: new RegExp(`^${label}`) });
  await expect(row('New customers acquired').getByRole('cell')).toHaveText([
    e.ambassador.newCustomers.toLocaleString('en-US'),
    e.affiliate.newCustomers.toLocaleString('en-US'),
  ]);
  await expect(row('Customer lifetime value').getByRole('cell')).toHaveText([
    formatMoney(e.ambassador.lifetimeValueCents, 'USD', 'en-US'),
    formatMoney(e.affiliate.lifetimeValueCents, 'USD', 'en-US'),
  ]);
  // ROI two ways, side by side, each a percentage for both kinds.
  for (const label of ['ROI on first orders', 'ROI with 12-month customer value'])
    await expect(row(label).getByRole('cell')).toHaveText([/-?[\d,.]+%/, /-?[\d,.]+%/]);
  await expect(
    page.getByRole('table', { name: /Cohort retention, Brand ambassadors/ }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Sales by region' })).toContainText('hyperlocal');

  // A follower count entered by hand shows in the chart's table.
  const form = page.getByRole('form', { name: 'Add brand follower count' });
  await form.getByLabel('Month', { exact: true }).fill('2020-01');
  await form.getByLabel('Platform', { exact: true }).selectOption('pinterest');
  await form.getByLabel('Followers', { exact: true }).fill('-5');
  await form.getByRole('button', { name: 'Save count' }).click();
  await expect(form.getByText('Enter a whole number of followers, 0 or more')).toBeVisible();
  await form.getByLabel('Followers', { exact: true }).fill('1,234');
  await form.getByRole('button', { name: 'Save count' }).click();
  await expect(page.getByText('Saved pinterest followers for 2020-01')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

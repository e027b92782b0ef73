import { readFileSync } from 'node:fs';
import { expect, loadSampleData, openApp, test } from './fixtures';

// A British brand: every figure on Payouts and in its files is in pounds, never "$".
test.use({ locale: 'en-GB', timezoneId: 'Europe/London' });

/** The quarter holding last month, as the screen names it ("Q4 2026") and tags it ("2026-Q4"). */
function lastMonthsQuarter(): { title: string; tag: string } {
  const now = new Date();
  const last = new Date(Date.UTC(now.getFullYear(), now.getMonth() - 1, 1));
  const q = Math.floor(last.getUTCMonth() / 3) + 1;
  return { title: `Q${q} ${last.getUTCFullYear()}`, tag: `${last.getUTCFullYear()}-Q${q}` };
}

test('a GBP brand browses Payouts by quarter and dates, exports in GBP, and is offered the period with data', async ({
  page,
}) => {
  await loadSampleData(page);
  await page.getByLabel('Currency').fill('GBP');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await openApp(page, 'payouts');

  const totals = page.getByRole('region', { name: 'Period totals' });
  await expect(totals).toContainText('£');
  const maya = page.getByRole('row', { name: 'Maya Chen', exact: true });
  await expect(maya).toContainText('£');
  await expect(totals).not.toContainText('$');
  // (The history shows each payment in the currency it was paid in: the sample's are dollars.)
  await expect(page.getByRole('region', { name: /^Statements for / })).not.toContainText('$');

  // A quarter: the title, the PayPal reference and the file name say which.
  const quarter = lastMonthsQuarter();
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Quarter' });
  await expect(page.getByRole('region', { name: `Statements for ${quarter.title}` })).toBeVisible();
  await page.getByLabel('Select Maya Chen', { exact: true }).check();
  await expect(page.getByRole('button', { name: 'Export CSV (1 selected)' })).toBeVisible();
  const owed = (await maya.getByRole('cell').nth(8).textContent())!.replace(/[£,]/g, '');
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PayPal file (1 selected)' }).click();
  const file = await dl;
  expect(file.suggestedFilename()).toBe(`paypal-payouts-${quarter.tag}.csv`);
  const line = readFileSync((await file.path())!, 'utf8').trim();
  expect(line.split(',').slice(1, 4)).toEqual([owed, 'GBP', `${quarter.tag} Maya Chen`]);
  await expect(
    page.getByText(
      `PayPal file saved with 1 payment in GBP, for the 1 partner selected, ${quarter.tag}.`,
    ),
  ).toBeVisible();

  // Nothing selected: the CSV holds everyone, and says so.
  await page.getByLabel('Select Maya Chen', { exact: true }).uncheck();
  const all = page.getByRole('button', { name: /^Export CSV \(all \d+\)$/ });
  const n = Number((await all.textContent())!.match(/all (\d+)/)![1]);
  const dl2 = page.waitForEvent('download');
  await all.click();
  const csv = readFileSync((await (await dl2).path())!, 'utf8')
    .split('\r\n')
    .filter(Boolean);
  // One row per statement in pounds; the sample's orders are in dollars, kept apart from a
  // pound brand: their commission comes as rows of its own in USD.
  const rows = csv.slice(1);
  expect(rows.filter((r) => r.startsWith(`${quarter.tag},GBP,`))).toHaveLength(n);
  expect(
    rows
      .filter((r) => !r.startsWith(`${quarter.tag},GBP,`))
      .every((r) => r.startsWith(`${quarter.tag},USD,`)),
  ).toBe(true);
  await expect(page.getByRole('table', { name: 'Commission in other currencies' })).toContainText(
    'USD',
  );

  // Dates that hold nothing: the screen says so and offers the last month with sales.
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Custom dates' });
  await page.getByLabel('From', { exact: true }).fill('2019-01-01');
  await page.getByLabel('To', { exact: true }).fill('2019-03-31');
  const offer = page.getByRole('status').filter({ hasText: 'No orders or posts in' });
  await expect(offer).toContainText('2019');
  const show = offer.getByRole('button', { name: /^Show / });
  await expect(show).toBeVisible();
  const month = (await show.textContent())!.replace(/^Show /, '');
  await show.click();
  await expect(page.getByRole('region', { name: `Statements for ${month}` })).toBeVisible();
  await expect(page.getByLabel('Show', { exact: true })).toHaveValue('month');
  await expect(page.getByRole('status').filter({ hasText: 'No orders or posts in' })).toHaveCount(
    0,
  );
});

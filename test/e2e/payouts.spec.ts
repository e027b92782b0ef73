import { readFileSync } from 'node:fs';
import { axeViolations, expect, loadSampleData, openApp, refuseWrites, test } from './fixtures';

/** Screenshots for review when SHOTS is set (not part of the assertions). */
const shot = async (page: import('@playwright/test').Page, name: string) => {
  if (process.env.SHOTS) await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: false });
};

test('mark a payout paid: owed drops to zero and the payment shows in the history', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, 'payouts');
  await expect(page.getByRole('heading', { level: 1, name: 'Payouts' })).toBeVisible();
  const row = page.getByRole('row', { name: 'Maya Chen', exact: true });
  await expect(row).toBeVisible();
  await shot(page, 'payouts-statements');
  const cells = row.getByRole('cell');
  const earned = await cells.nth(6).textContent();
  // Nothing was paid for last month yet (sample payouts stop two months back): owed = earned.
  await expect(cells.nth(7)).toHaveText('$0.00');
  await expect(cells.nth(8)).toHaveText(earned!);
  await row.getByRole('button', { name: 'Mark as paid: Maya Chen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark Maya Chen as paid' });
  await expect(dialog.getByLabel('Amount paid')).toHaveValue(earned!.replace(/[$,]/g, ''));
  await dialog.getByLabel('Reference').fill('PP-TEST-1');
  await shot(page, 'payouts-mark-paid');
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByText('Marked Maya Chen as paid.')).toBeVisible();
  await expect(cells.nth(7)).toHaveText(earned!);
  await expect(cells.nth(8)).toHaveText('$0.00');
  await expect(row).toContainText('Settled');
  const history = page.getByRole('table', { name: 'Payment history' });
  await expect(history.getByRole('row').nth(1)).toContainText('PP-TEST-1');
  await expect(history.getByRole('row').nth(1)).toContainText('Maya Chen');
  expect(await axeViolations(page)).toEqual([]);
});

test('a payment shows as paid at once, and is taken back when the disk refuses it', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, 'payouts');
  const row = page.getByRole('row', { name: 'Maya Chen', exact: true });
  const cells = row.getByRole('cell');
  const earned = (await cells.nth(6).textContent())!;
  await expect(cells.nth(8)).toHaveText(earned);
  await row.getByRole('button', { name: 'Mark as paid: Maya Chen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark Maya Chen as paid' });
  await dialog.getByLabel('Reference').fill('PP-REFUSED-1');
  // The disk is full: IndexedDB refuses the payment's write (the transaction aborts).
  await refuseWrites(page, 'payouts');
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Not saved');
  await shot(page, 'payouts-refused');
  // Nothing was paid: the row owes what it did, and no payment is in the history.
  await expect(cells.nth(8)).toHaveText(earned);
  await expect(cells.nth(7)).toHaveText('$0.00');
  await expect(row).not.toContainText('Settled');
  await expect(page.getByRole('table', { name: 'Payment history' })).not.toContainText(
    'PP-REFUSED-1',
  );
});

test('a double press on Record payment records one payment', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, 'payouts');
  const row = page.getByRole('row', { name: 'Maya Chen', exact: true });
  await row.getByRole('button', { name: 'Mark as paid: Maya Chen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark Maya Chen as paid' });
  await dialog.getByLabel('Reference').fill('PP-TWICE-1');
  await dialog.getByRole('button', { name: 'Record payment' }).dblclick();
  await expect(page.getByText('Marked Maya Chen as paid.')).toBeVisible();
  await expect(row).toContainText('Settled');
  const history = page.getByRole('table', { name: 'Payment history' });
  await expect(history.getByRole('row').filter({ hasText: 'PP-TWICE-1' })).toHaveCount(1);
});

test('bulk select and export a PayPal Payouts file and a plain CSV', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, 'payouts');
  await page.getByLabel('Select Maya Chen', { exact: true }).check();
  await page.getByLabel('Select Jordan Reyes', { exact: true }).check();
  const owed = async (name: string) =>
    (await page
      .getByRole('row', { name, exact: true })
      .getByRole('cell')
      .nth(8)
      .textContent())!.replace(/[$,]/g, '');
  const expected = [await owed('Maya Chen'), await owed('Jordan Reyes')];

  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PayPal file' }).click();
  const file = await dl;
  expect(file.suggestedFilename()).toMatch(/^paypal-payouts-\d{4}-\d{2}\.csv$/);
  const text = readFileSync((await file.path())!, 'utf8');
  const lines = text.split('\r\n').filter(Boolean);
  expect(lines).toHaveLength(2);
  // No header; recipient, amount, currency, reference, note, wallet.
  for (const l of lines)
    expect(l).toMatch(
      /^[^,@]+(@example\.com)?,\d+\.\d{2},USD,\d{4}-\d{2} (Maya Chen|Jordan Reyes),Thank you! Partner earnings for \d{4}-\d{2},(PAYPAL|VENMO)$/,
    );
  expect(lines.map((l) => l.split(',')[1]).sort()).toEqual([...expected].sort());

  const dl2 = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync((await (await dl2).path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe(
    'Period,Currency,Partner,Kind,Revenue,Commissions,Retainer,Post fees,Bonuses,Payable,Already paid,Overpaid before,Owed,Owed back,Payout method,Payout handle',
  );
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
  // Each export says what it holds.
  await expect(
    page.getByText(
      /^PayPal file saved with 2 payments in USD, for the 2 partners selected, \d{4}-\d{2}\./,
    ),
  ).toBeVisible();
  await expect(
    page.getByText(
      /^Statements CSV saved: the 2 partners selected, of \d+ in \d{4}-\d{2}, in USD\.$/,
    ),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Mark selected as paid' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark 2 partners as paid' });
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByText('Marked 2 partners as paid.')).toBeVisible();
  await expect(page.getByRole('row', { name: 'Jordan Reyes', exact: true })).toContainText(
    'Settled',
  );
});

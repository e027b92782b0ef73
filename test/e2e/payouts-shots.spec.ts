import { expect, loadSampleData, openApp, test } from './fixtures';

/**
 * Screenshots of Payouts with the sample brand, for a human to look at. Run on request:
 * `SHOTS=1 npx playwright test payouts-shots`; the PNGs land in /tmp/shots/payouts-*.png. Maya is
 * paid $50.00 more than she earned last month, so both months show the overpayment.
 */
test.skip(!process.env.SHOTS, 'screenshots only on request');

for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
])
  test(`payouts screenshots at ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await loadSampleData(page);
    await openApp(page, 'payouts');
    const maya = page.getByRole('row', { name: 'Maya Chen', exact: true });
    await maya.getByRole('button', { name: 'Mark as paid: Maya Chen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark Maya Chen as paid' });
    const amount = dialog.getByLabel('Amount paid');
    await amount.fill((Number(await amount.inputValue()) + 50).toFixed(2));
    await dialog.getByRole('button', { name: 'Record payment' }).click();
    await expect(maya).toContainText('Owes you $50.00');
    await page.screenshot({ path: `/tmp/shots/payouts-${size.width}-overpaid.png` });
    await page.getByRole('button', { name: 'Next month' }).click();
    await expect(page.getByRole('columnheader', { name: 'Overpaid before' })).toBeVisible();
    await page.screenshot({ path: `/tmp/shots/payouts-${size.width}-carried.png` });
    await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Quarter' });
    await page.screenshot({ path: `/tmp/shots/payouts-${size.width}-quarter.png` });
    await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Custom dates' });
    await page.getByLabel('From', { exact: true }).fill('2019-01-01');
    await page.getByLabel('To', { exact: true }).fill('2019-03-31');
    await expect(page.getByText(/No orders or posts in/)).toBeVisible();
    await page.screenshot({ path: `/tmp/shots/payouts-${size.width}-offer.png` });
  });

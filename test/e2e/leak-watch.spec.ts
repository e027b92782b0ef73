import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, loadSampleData, openApp, test } from './fixtures';

const HEADER =
  'Name,Email,Financial Status,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Created at,Billing Province,Billing Country';
const FAR = ['CA', 'TX', 'FL', 'WA', 'AZ', 'CO', 'GA', 'MI'];

/** 60 orders with Maya's code over the last 12 days, from new customers all over the country. */
function leakedFile(): string {
  const lines = [HEADER];
  for (let i = 0; i < 60; i++) {
    const d = new Date(Date.now() - (1 + (i % 12)) * 86_400_000);
    const day = d.toISOString().slice(0, 10);
    lines.push(
      `#L${5000 + i},coupon${i}@example.net,paid,USD,30.00,0.00,0.00,30.00,maya10,3.00,${day} 10:00:00 -0500,${FAR[i % FAR.length]},US`,
    );
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'leak-')), 'shopify-leak.csv');
  writeFileSync(file, lines.join('\n'));
  return file;
}

test('a code leaked to a coupon site is flagged on Sales with the reasons, and a dismissal is remembered', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, 'sales');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import orders' }).click();
  await (await chooser).setFiles(leakedFile());
  const preview = page.getByRole('dialog', { name: 'Preview: shopify-leak.csv' });
  await preview.getByRole('button', { name: 'Import 60 orders' }).click();
  await expect(page.getByText(/Imported 60 orders/)).toBeVisible();

  const card = page.getByRole('region', { name: 'Codes that may have leaked' });
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(card.getByRole('link', { name: 'Maya Chen' })).toBeVisible();
  await expect(
    card.getByText(/^\d+ redemptions in the last 14 days, [\d.]+ times the usual/),
  ).toBeVisible();
  await expect(
    card.getByText(/first-time customers|regions where this partner’s buyers rarely are/).first(),
  ).toBeVisible();
  if (process.env.SHOTS === '1') {
    await page.screenshot({ path: '/tmp/shots/leak-watch.png' });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: '/tmp/shots/leak-watch-1024.png' });
  }
  await card
    .getByRole('button', { name: /^Dismiss: / })
    .first()
    .click();
  await expect(card).toBeHidden();
  await openApp(page, 'dashboard');
  await openApp(page, 'sales');
  await expect(page.getByRole('heading', { level: 1, name: 'Sales' })).toBeVisible();
  await page.waitForTimeout(2500);
  await expect(page.getByRole('region', { name: 'Codes that may have leaked' })).toHaveCount(0);
});

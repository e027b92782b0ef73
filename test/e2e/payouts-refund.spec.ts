import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { generateSampleData } from '../../src/domain/sample-data';
import { expect, loadSampleData, openApp, test } from './fixtures';
import { convertPoundsAt } from './money-brand';

/** The sample brand's Maya Chen: her code, on 5 % of the subtotal (checked below). */
function maya() {
  const today = new Date().toISOString().slice(0, 10);
  const data = generateSampleData(today, Date.now());
  const partner = data.partners.find((p) => p.name === 'Maya Chen')!;
  const contract = data.contracts.find((c) => c.partnerId === partner.id && c.endDate === null)!;
  return { code: partner.codes[0]!, rate: contract.commissionRate, base: contract.commissionBase };
}

/** Every test's start: the sample brand loaded, Maya's terms, and a folder for order files. */
async function sampleWithMaya(page: Page, info: TestInfo) {
  const dir = info.outputPath('files');
  mkdirSync(dir, { recursive: true });
  await loadSampleData(page);
  return { m: maya(), dir };
}

/** One Shopify order: subtotal $200.00, total $210.00, placed on the 15th of last month. */
function shopifyFile(
  dir: string,
  name: string,
  code: string,
  refunded: string,
  currency = 'USD',
): string {
  const now = new Date();
  const last = new Date(now.getFullYear(), now.getMonth() - 1, 15);
  const day = `${last.getFullYear()}-${String(last.getMonth() + 1).padStart(2, '0')}-15`;
  const csv = [
    'Name,Email,Financial Status,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Refunded Amount',
    `#77001,ann@example.com,${refunded === '0.00' ? 'paid' : 'refunded'},${currency},200.00,0.00,10.00,210.00,${code},0.00,${day} 12:00:00 +0000,1,Duck Jerky,200.00,${refunded}`,
  ].join('\n');
  const file = path.join(dir, name);
  writeFileSync(file, csv);
  return file;
}

/** Import one order file through Sales; `inPreview` acts in the preview before importing. */
async function importOrders(
  page: Page,
  file: string,
  says: RegExp,
  inPreview?: (preview: Locator) => Promise<void>,
) {
  await openApp(page, 'sales');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import orders' }).click();
  await (await chooser).setFiles(file);
  const preview = page.getByRole('dialog', { name: `Preview: ${path.basename(file)}` });
  await inPreview?.(preview);
  await preview.getByRole('button', { name: 'Import 1 order' }).click();
  await expect(page.getByText(says)).toBeVisible();
}

test('a refund after a payout: the paid month shows what Maya owes back, the next month takes it off', async ({
  page,
}, info) => {
  const { m, dir } = await sampleWithMaya(page, info);
  // 5 % of the $200.00 subtotal: $10.00 commission, paid, then refunded.
  expect([m.rate, m.base]).toEqual([5, 'subtotal']);
  await importOrders(
    page,
    shopifyFile(dir, 'order.csv', m.code, '0.00'),
    /^Imported 1 order: 1 new/,
  );

  await openApp(page, 'payouts');
  const row = page.getByRole('row', { name: 'Maya Chen', exact: true });
  await row.getByRole('button', { name: 'Mark as paid: Maya Chen' }).click();
  await page
    .getByRole('dialog', { name: 'Mark Maya Chen as paid' })
    .getByRole('button', { name: 'Record payment' })
    .click();
  await expect(row).toContainText('Settled');

  // The refund arrives after the payout.
  await importOrders(
    page,
    shopifyFile(dir, 'order-refunded.csv', m.code, '210.00'),
    /^Imported 1 order: 0 new, 1 updated/,
  );
  await openApp(page, 'payouts');
  await expect(row).toContainText('Owes you $10.00');
  await expect(row.getByRole('cell').nth(8)).toHaveText('$0.00');
  await expect(page.getByRole('region', { name: 'Period totals' })).toContainText(
    '$10.00 owed back to you',
  );

  // This month: $10.00 comes off what Maya earns.
  await page.getByRole('button', { name: 'Next month' }).click();
  const next = page.getByRole('row', { name: 'Maya Chen', exact: true });
  await expect(page.getByRole('columnheader', { name: 'Overpaid before' })).toBeVisible();
  const cells = next.getByRole('cell');
  await expect(cells.nth(8)).toHaveText('−$10.00');
  const money = async (i: number) =>
    Math.round(Number((await cells.nth(i).textContent())!.replace(/[$,]/g, '')) * 100);
  // Owed = earned - paid - 10.00.
  expect(await money(9)).toBe((await money(6)) - (await money(7)) - 1000);
  await page.getByLabel('Select Maya Chen', { exact: true }).check();
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV (1 selected)' }).click();
  const csv = (await (await dl).path())!;
  const [head, line] = readFileSync(csv, 'utf8').split('\r\n');
  expect(head!.split(',')[11]).toBe('Overpaid before');
  expect(line!.split(',')[11]).toBe('10.00');
});

test('commission on an order kept apart in euros is shown in euros, not added to the dollars', async ({
  page,
}, info) => {
  const { m, dir } = await sampleWithMaya(page, info);
  await openApp(page, 'payouts');
  const row = page.getByRole('row', { name: 'Maya Chen', exact: true });
  const commission = await row.getByRole('cell').nth(2).textContent();
  // 5 % of the €200.00 subtotal: €10.00, kept apart (the import's default for another currency).
  await importOrders(
    page,
    shopifyFile(dir, 'order-eur.csv', m.code, '0.00', 'EUR'),
    /^Imported 1 order: 1 new/,
  );
  await openApp(page, 'payouts');
  const foreign = page.getByRole('table', { name: 'Commission in other currencies' });
  await expect(foreign.getByRole('row', { name: /Maya Chen/ })).toHaveText(
    /Maya Chen\s*EUR\s*€10\.00/,
  );
  await expect(row.getByRole('cell').nth(2)).toHaveText(commission!);
});

test('commission in pounds is paid in pounds: Mark paid records GBP and the PayPal file rows are in GBP', async ({
  page,
}, info) => {
  const { m, dir } = await sampleWithMaya(page, info);
  // 5 % of the £200.00 subtotal: £10.00, kept apart (the import's default for another currency).
  await importOrders(
    page,
    shopifyFile(dir, 'order-gbp.csv', m.code, '0.00', 'GBP'),
    /^Imported 1 order: 1 new/,
  );
  await openApp(page, 'payouts');
  const usd = page.getByRole('row', { name: 'Maya Chen', exact: true });
  const usdOwed = await usd.getByRole('cell').nth(8).textContent();
  const foreign = page.getByRole('table', { name: 'Commission in other currencies' });
  const gbp = foreign.getByRole('row', { name: 'Maya Chen (GBP)' });
  // Commission, paid, owed.
  await expect(gbp.getByRole('cell').nth(3)).toHaveText('£10.00');
  await expect(gbp.getByRole('cell').nth(4)).toHaveText('£0.00');
  await expect(gbp.getByRole('cell').nth(5)).toHaveText('£10.00');
  await expect(page.getByText(/Still owed: £10\.00 \(GBP\)/)).toBeVisible();

  // The PayPal file of the pound statement: one row, in GBP.
  await page.getByLabel('Select Maya Chen (GBP)').check();
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PayPal file (1 selected)' }).click();
  const file = await dl;
  const rows = readFileSync((await file.path())!, 'utf8')
    .trim()
    .split('\r\n');
  expect(rows).toHaveLength(1);
  expect(rows[0]!.split(',').slice(1, 3)).toEqual(['10.00', 'GBP']);
  await expect(page.getByText(/^PayPal file saved with 1 payment in GBP/)).toBeVisible();

  // Paid in pounds: the pound statement is settled, the dollar one is as it was.
  await gbp.getByRole('button', { name: 'Mark as paid: Maya Chen (GBP)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark Maya Chen as paid in GBP' });
  await expect(dialog).toContainText('Owed: £10.00');
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(gbp).toContainText('Settled');
  await expect(gbp.getByRole('cell').nth(4)).toHaveText('£10.00');
  await expect(usd.getByRole('cell').nth(8)).toHaveText(usdOwed!);
  const history = page.getByRole('table', { name: 'Payment history' });
  await expect(history.getByRole('row', { name: /Maya Chen/ }).first()).toContainText('£10.00');

  // Refunded after the payout: next month the pounds carry £10.00 over, the dollars nothing.
  await importOrders(
    page,
    shopifyFile(dir, 'order-gbp-refunded.csv', m.code, '210.00', 'GBP'),
    /^Imported 1 order: 0 new, 1 updated/,
  );
  await openApp(page, 'payouts');
  await expect(foreign.getByRole('row', { name: 'Maya Chen (GBP)' })).toContainText(
    'Owes you £10.00',
  );
  await page.getByRole('button', { name: 'Next month' }).click();
  await expect(foreign.getByRole('row', { name: 'Maya Chen (GBP)' })).toContainText(
    'Owes you £10.00',
  );
  await expect(
    foreign.getByRole('row', { name: 'Maya Chen (GBP)' }).getByRole('cell').nth(5),
  ).toHaveText('−£10.00');
  // No dollar statement carries anything in: the pounds never offset dollars.
  await expect(
    page
      .getByRole('region', { name: /^Statements for / })
      .getByRole('columnheader', { name: 'Overpaid before' }),
  ).toHaveCount(0);
});

test('a statement that includes orders converted at import says so, with the rate', async ({
  page,
}, info) => {
  const { m, dir } = await sampleWithMaya(page, info);
  // £200.00 subtotal converted at 1 GBP = 1.27 USD: $254.00, of which Maya earns 5 %.
  await importOrders(
    page,
    shopifyFile(dir, 'order-converted.csv', m.code, '0.00', 'GBP'),
    /^Imported 1 order/,
    (preview) => convertPoundsAt(preview, '1.27'),
  );

  await openApp(page, 'payouts');
  const row = page.getByRole('row', { name: 'Maya Chen', exact: true });
  await expect(row).toContainText('Includes 1 order converted at 1 GBP = 1.27 USD');
  await expect(
    page.getByRole('note').filter({ hasText: 'These figures include 1 order converted' }),
  ).toHaveText(
    'These figures include 1 order converted at 1 GBP = 1.27 USD (at the rate you entered at import).',
  );
  // Nothing kept apart: no statement in pounds.
  await expect(page.getByRole('table', { name: 'Commission in other currencies' })).toHaveCount(0);
});

import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, loadSampleData, openApp, test } from './fixtures';

const shots = process.env.SHOTS === '1';

/** window.print replaced: the print view is copied onto the page (to read and to look at). */
async function catchPrint(page: import('@playwright/test').Page) {
  await page.evaluate(() => {
    window.print = () => {
      const view = document.querySelector('.statement-print');
      const printing = document.body.classList.contains('printing-statements');
      if (!view || !printing) return;
      const copy = view.cloneNode(true) as HTMLElement;
      copy.className = 'printed-copy';
      copy.style.cssText = 'background:#fff;color:#000;padding:24px;max-width:780px';
      document.querySelector('.printed-copy')?.remove();
      document.body.prepend(copy);
    };
  });
}

test('partner statements: one as CSV and PDF, everyone owed as one PDF and a ZIP of CSVs', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, 'payouts');
  const row = page.getByRole('row', { name: 'Maya Chen', exact: true });
  const owedOnScreen = (await row.getByRole('cell').nth(8).textContent())!;
  const earnedOnScreen = (await row.getByRole('cell').nth(6).textContent())!;
  const card = page.getByRole('region', { name: 'Partner statements' });
  await card.getByLabel('Partner').selectOption({ label: 'Maya Chen' });
  if (shots) {
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/shots/statements-card.png' });
  }

  const dl = page.waitForEvent('download');
  await card.getByRole('button', { name: 'CSV', exact: true }).click();
  const file = await dl;
  expect(file.suggestedFilename()).toMatch(
    /^statement-maya-chen-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.split('\r\n').slice(0, 4)).toEqual([
    'Statement,Barkside Treat Co.',
    'Partner,Maya Chen',
    expect.stringMatching(/^Period,\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}$/),
    'Currency,USD',
  ]);
  // The statement agrees with the Payouts table.
  expect(csv).toContain(`Earned,,,${earnedOnScreen.replace(/[$,]/g, '')}\r\n`);
  expect(csv).toContain(`Owed,,,${owedOnScreen.replace(/[$,]/g, '')}\r\n`);

  await catchPrint(page);
  await card.getByRole('button', { name: 'Print or save as PDF' }).click();
  const printed = page.locator('.printed-copy');
  await expect(printed.getByRole('article')).toHaveCount(1);
  await expect(printed).toContainText('Statement for Maya Chen');
  await expect(printed).toContainText(`Still to pay you${owedOnScreen}`);
  if (shots) await printed.screenshot({ path: '/tmp/shots/statement-print.png' });

  const owedCount = await page.getByRole('button', { name: /^Mark as paid: / }).count();
  await card.getByRole('button', { name: 'All as one PDF' }).click();
  await expect(printed.getByRole('article')).toHaveCount(owedCount);

  const dz = page.waitForEvent('download');
  await card.getByRole('button', { name: 'ZIP of CSV files' }).click();
  const zip = await dz;
  expect(zip.suggestedFilename()).toMatch(/^statements-owed-.*\.zip$/);
  const files = unzipSync(new Uint8Array(readFileSync((await zip.path())!)));
  expect(Object.keys(files)).toHaveLength(owedCount);
  const maya = Object.entries(files).find(([n]) => n.startsWith('statement-maya-chen-'));
  expect(strFromU8(maya![1])).toBe(csv);
});

test('the statements card at 1024 x 700', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await loadSampleData(page);
  await openApp(page, 'payouts');
  const card = page.getByRole('region', { name: 'Partner statements' });
  await card.scrollIntoViewIfNeeded();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  if (shots) await page.screenshot({ path: '/tmp/shots/statements-card-1024.png' });
});

import { writeFileSync } from 'node:fs';
import { expect, openApp, test } from './fixtures';

/** The list must stay usable with 2,000 partners: bulk onboarding, then a virtualized table. */
test('imports 2,000 partners and keeps the table virtualized', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const lines = ['name,email,kind,status,instagram_handle,instagram_followers,codes'];
  for (let i = 1; i <= 2000; i++) {
    const n = String(i).padStart(4, '0');
    lines.push(
      `Partner ${n},p${n}@example.com,${i % 3 === 0 ? 'ambassador' : 'affiliate'},active,@p${n},${i * 100},CODE${n}`,
    );
  }
  const file = testInfo.outputPath('many.csv');
  writeFileSync(file, lines.join('\n'));

  await openApp(page, 'partners');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import CSV' }).click(),
  ]);
  await chooser.setFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Import partners' });
  await expect(dialog).toContainText('2,000 new, 0 to update, 0 unchanged', { timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Import 2,000 partners' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });

  const all = page.getByRole('group', { name: 'Kind' }).getByRole('button', { name: /All/ });
  await expect(all).toContainText('2000');
  await expect(page.getByRole('table', { name: 'Partners' })).toHaveAttribute(
    'aria-rowcount',
    '2001',
  );
  const rendered = page.locator('[role="row"].pl-body-row');
  expect(await rendered.count()).toBeLessThan(60);

  // Sorting 2,000 rows and jumping to the end stay quick.
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Followers' }).click();
  await expect(rendered.first()).toContainText('Partner 2000');
  expect(Date.now() - t0).toBeLessThan(2_000);
  await page.locator('.pl-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.getByRole('link', { name: 'Partner 0001' })).toBeVisible();
  expect(await rendered.count()).toBeLessThan(60);
});

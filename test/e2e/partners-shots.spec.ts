import { expect, loadSampleData, openApp, test } from './fixtures';

/**
 * Screenshots of the Partners screens with the sample brand, for a human to look at. Run on
 * request: `SHOTS=1 npx playwright test partners-shots`; the PNGs land in /tmp/shots/partners-*.png.
 * What the screens do (search, detail, edit, cancel) is checked in partners.spec.ts.
 */
test.skip(!process.env.SHOTS, 'screenshots only on request');

test('partners screenshots (list, detail, form)', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, 'partners');
  const table = page.getByRole('table', { name: 'Partners' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/partners-list.png' });
  await page.getByLabel('Search partners').fill('maya');
  await table.getByRole('link', { name: 'Maya Chen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maya Chen' })).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/partners-detail.png', fullPage: true });
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit Maya Chen' })).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/partners-form.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maya Chen' })).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/partners-detail-dark.png' });
});

for (const [w, h] of [
  [1280, 800],
  [1024, 700],
] as const) {
  test(`partner list and page at ${w}x${h}`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await loadSampleData(page);
    await openApp(page, 'partners');
    await expect(
      page.getByRole('table', { name: 'Partners' }).getByRole('row').nth(1),
    ).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Leaderboard' }).getByRole('listitem').first(),
    ).toBeVisible();
    await page.screenshot({ path: `/tmp/shots/partners-list-${w}.png` });
    await openApp(page, 'partners/p-001');
    await expect(page.getByRole('heading', { level: 1, name: 'Maya Chen' })).toBeVisible();
    await expect(
      page
        .getByRole('status', { name: 'Milestone this month' })
        .or(page.getByText(/No milestone rule/)),
    ).toBeVisible();
    await page.screenshot({ path: `/tmp/shots/partners-detail-${w}.png`, fullPage: true });
  });
}

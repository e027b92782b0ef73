import { expect, loadSampleData, openApp, test } from './fixtures';

/**
 * Screenshots of the Compare views with sample data, for a human to look at. Run on request:
 * `SHOTS=1 npx playwright test compare-shots`; the PNGs land in /tmp/shots/compare-*.png.
 * What the views do is checked in compare.spec.ts.
 */
test.skip(!process.env.SHOTS, 'screenshots only on request');

test('screenshots of compare, infographic and advisor', async ({ page }) => {
  test.setTimeout(120_000);
  await loadSampleData(page);
  for (const [route, name] of [
    ['compare', 'compare'],
    ['compare/infographic', 'infographic'],
    ['compare/advisor', 'advisor'],
    ['compare/glossary', 'glossary'],
    ['dashboard', 'dashboard'],
  ] as const) {
    await openApp(page, route);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/shots/compare-${name}.png`, fullPage: true });
  }
  await openApp(page, 'compare');
  await page.getByLabel('Columns').selectOption('subtype');
  await page.screenshot({ path: '/tmp/shots/compare-subtypes.png', fullPage: false });
});

import { loadSampleData, openApp, test } from './fixtures';

// Screenshots for looking at the screens (run with SHOTS=1); skipped in the normal suite.
test.skip(!process.env.SHOTS, 'screenshots only on demand');

test('growth and compare screens', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await loadSampleData(page);
  for (const [route, name] of [
    ['compare/growth', 'growth'],
    ['compare', 'compare'],
    ['dashboard', 'dashboard'],
    ['compare/infographic', 'infographic'],
    ['compare/advisor', 'advisor'],
  ]) {
    await openApp(page, route!);
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `/tmp/shots/lead-${name}.png`, fullPage: true });
  }
});

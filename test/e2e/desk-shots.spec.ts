import { expect, loadSampleData, openApp, test } from './fixtures';

/**
 * Screenshots of the Dashboard, Settings and the Reminders list with the sample brand at 1280x800
 * and 1024x700, for a human to look at. Run on request: `SHOTS=1 npx playwright test desk-shots`;
 * the PNGs land in /tmp/shots/desk-*.png. What the screens do is checked in dashboard.spec.ts,
 * dashboard-money.spec.ts and reminders.spec.ts.
 */
test.skip(!process.env.SHOTS, 'screenshots only on request');

for (const [w, h] of [
  [1280, 800],
  [1024, 700],
] as const) {
  test(`dashboard, settings and reminders at ${w}x${h}`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: w, height: h });
    await loadSampleData(page);
    await openApp(page, 'dashboard');
    await expect(page.locator('.money-card .stat-value').first()).not.toHaveText('…');
    await expect(page.getByRole('button', { name: /^Reminders \d+ due$/ })).toBeVisible({
      timeout: 15_000,
    });
    await page.screenshot({ path: `/tmp/shots/desk-dashboard-${w}.png` });
    await page.screenshot({ path: `/tmp/shots/desk-dashboard-${w}-full.png`, fullPage: true });
    await page.getByRole('button', { name: /^Reminders/ }).click();
    await expect(page.getByRole('dialog', { name: 'Reminders' })).toBeVisible();
    await page.screenshot({ path: `/tmp/shots/desk-reminders-${w}.png` });
    await page.keyboard.press('Escape');
    await openApp(page, 'settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await page.screenshot({ path: `/tmp/shots/desk-settings-${w}.png` });
    await page.screenshot({ path: `/tmp/shots/desk-settings-${w}-full.png`, fullPage: true });
  });
}

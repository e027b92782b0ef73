import { expect, openApp, test } from './fixtures';

// Runs only in the `electron` project; skipped (by the fixture) where the binary is absent.
test('the desktop window opens on the dashboard with the preload bridge', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  expect(page.url().startsWith('app://bundle/')).toBe(true);
  const apiKeys = await page.evaluate(() =>
    Object.keys((window as unknown as { api: object }).api).sort(),
  );
  expect(apiKeys).toContain('openFile');
  expect(apiKeys).toContain('notifyReminders');
  expect(
    await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require),
  ).toBe('undefined');
});

test('desktop reminders are off until the owner turns them on in Settings', async ({ page }) => {
  await openApp(page, 'settings');
  const box = page
    .getByRole('region', { name: 'Reminders' })
    .getByRole('checkbox', { name: /desktop notifications/ });
  await expect(box).not.toBeChecked();
  await box.check();
  await page.reload();
  await expect(box).toBeChecked();
});

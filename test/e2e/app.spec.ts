import { axeViolations, expect, loadSampleData, openApp, test } from './fixtures';

/** The left navigation, named exactly as the product requires. */
const SCREENS = [
  { path: 'dashboard', label: 'Dashboard' },
  { path: 'partners', label: 'Partners' },
  { path: 'calendar', label: 'Calendar' },
  { path: 'sales', label: 'Sales' },
  { path: 'payouts', label: 'Payouts' },
  { path: 'compare', label: 'Compare' },
  { path: 'settings', label: 'Settings' },
];

test('the app loads on the dashboard with its empty state', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to Pawtners' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load sample data' })).toBeVisible();
});

test('every navigation link reaches its screen and deep links work', async ({ page }) => {
  await openApp(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const s of SCREENS) {
    await nav.getByRole('link', { name: s.label, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: s.label })).toBeVisible();
    await expect(nav.getByRole('link', { name: s.label, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(page.url()).toContain(`#/${s.path}`);
  }
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('sample data loads and survives a reload', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Load sample data' }).click();
  const ambassadors = page.getByText('Brand ambassadors', { exact: true });
  await expect(ambassadors).toBeVisible({ timeout: 30_000 });
  const orders = page.locator('.stat', { hasText: 'Orders' }).locator('.stat-value');
  await expect(orders).toHaveText('3,000');
  await page.reload();
  await expect(orders).toHaveText('3,000');
});

test('delete all data asks first, then empties the database', async ({ page }) => {
  await loadSampleData(page);
  await page.getByRole('button', { name: 'Delete all data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete all data?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Delete all data' }).click();
  await dialog.getByRole('button', { name: 'Delete everything' }).click();
  await openApp(page, 'dashboard');
  await expect(page.getByRole('heading', { name: 'Welcome to Pawtners' })).toBeVisible();
});

test('settings refuse a bad time zone with a message next to the field', async ({ page }) => {
  await openApp(page, 'settings');
  await page.getByLabel('Time zone').fill('Mars/Olympus');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(/is not an IANA time zone this computer knows/)).toBeVisible();
  await page.getByLabel('Time zone').fill('Europe/Berlin');
  await page.getByLabel('Brand name').fill('Whisker Works');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Brand name')).toHaveValue('Whisker Works');
});

for (const withData of [false, true]) {
  test(`no serious accessibility violations on any screen (${withData ? 'sample data' : 'empty'})`, async ({
    page,
  }) => {
    if (withData) await loadSampleData(page);
    for (const s of SCREENS) {
      await openApp(page, s.path);
      await expect(page.getByRole('heading', { level: 1, name: s.label })).toBeVisible();
      expect(await axeViolations(page), `axe on ${s.label}`).toEqual([]);
    }
  });
}

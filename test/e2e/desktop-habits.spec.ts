import { expect, loadSampleData, openApp, test } from './fixtures';

/** Command palette, theme choice, skip link and focus coming back when a dialog closes. */

test('Ctrl+K finds a partner by name or code, a screen, and runs an action', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, 'dashboard');
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Go to or do' });
  const search = palette.getByRole('combobox', { name: 'Search screens, partners and actions' });
  await expect(search).toBeFocused();
  await search.fill('maya');
  await expect(palette.getByRole('option').first()).toHaveText(/Maya Chen/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Maya Chen' })).toBeVisible();
  await expect(palette).toHaveCount(0);

  // Arrow keys move through the results; Enter opens the chosen one.
  await page.keyboard.press('Control+k');
  await search.fill('pay');
  await expect(palette.getByRole('option', { selected: true })).toHaveText(/Payouts/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Payouts' })).toBeVisible();

  await page.keyboard.press('Control+k');
  await search.fill('zzzz nothing');
  await expect(palette.getByText('Nothing matches')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
});

test('the theme follows the choice from the palette and from Settings', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page, 'settings');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.keyboard.press('Control+k');
  await page
    .getByRole('combobox', { name: 'Search screens, partners and actions' })
    .fill('theme dark');
  await page.keyboard.press('Enter');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const appearance = page.getByRole('group', { name: 'Theme' });
  await expect(appearance.getByRole('radio', { name: 'Dark' })).toBeChecked();
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe('rgb(21, 23, 26)');

  // "Follow the system" tracks the system's setting as it changes.
  await appearance.getByRole('radio', { name: 'Follow the system' }).check();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await appearance.getByRole('radio', { name: 'Light' }).check();
  await expect(html).toHaveAttribute('data-theme', 'light');
  // The choice is stored: it survives a reload.
  await page.reload();
  await expect(
    page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Light' }),
  ).toBeChecked();
  await expect(html).toHaveAttribute('data-theme', 'light');
});

test('a skip link leads past the sidebar, and focus returns when a dialog closes', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, 'payouts');
  await expect(page.getByRole('heading', { level: 1, name: 'Payouts' })).toBeVisible();
  // A fresh page: the first Tab lands on the skip link.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Payouts' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  const open = page.getByRole('button', { name: 'Mark as paid: Maya Chen' });
  await open.click();
  await expect(page.getByRole('dialog', { name: 'Mark Maya Chen as paid' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(open).toBeFocused();

  // The palette too: opened from the sidebar's Search button, Esc puts focus back on it.
  const searchButton = page.getByRole('button', { name: 'Search' });
  await searchButton.click();
  await expect(page.getByRole('combobox')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(searchButton).toBeFocused();
});

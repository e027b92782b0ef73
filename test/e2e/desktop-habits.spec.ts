import { dateInZone } from '../../src/domain/dates';
import { generateSampleData } from '../../src/domain/sample-data';
import { expect, loadSampleData, openApp, test } from './fixtures';

/** Command palette, theme choice, skip link and focus coming back when a dialog closes. */

test('Ctrl+K finds a partner by name or code, a screen, and runs an action', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, 'dashboard');
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Go to or do' });
  const search = palette.getByRole('combobox', {
    name: 'Search screens, partners, orders, content and actions',
  });
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
    .getByRole('combobox', { name: 'Search screens, partners, orders, content and actions' })
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
  await expect(page.getByRole('combobox', { name: /^Search/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(searchButton).toBeFocused();
});

test('Ctrl+K finds an order by its number and a post by its title, and opens their day', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, 'dashboard');
  // The sample brand as the app made it today, to know what #1500 and a post hold.
  const now = Date.now();
  const data = generateSampleData(dateInZone(now, 'America/New_York'), now);
  const order = data.orders.find((o) => o.orderId === '#1500')!;
  const day = dateInZone(order.placedAtMs, 'America/New_York');
  const palette = page.getByRole('dialog', { name: 'Go to or do' });
  const search = palette.getByRole('combobox');

  await page.keyboard.press('Control+k');
  await search.fill('1500');
  const hit = palette.getByRole('option', { name: /^Order #1500 · / });
  await expect(hit).toContainText(
    `$${(order.totalCents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
  );
  await expect(hit).toContainText('Orders');
  await hit.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sales' })).toBeVisible();
  await expect(page.getByLabel('From')).toHaveValue(day);
  await expect(page.getByLabel('To', { exact: true })).toHaveValue(day);
  await expect(page.getByRole('table', { name: 'Orders' })).toContainText('#1500');

  // A post by the start of its title (any case): the calendar opens on its week.
  // A title few posts start with, typed in lower case: those posts are all found.
  const lower = (t: string) => t.toLowerCase();
  const post = data.contentItems.find(
    (c) =>
      c.title.length > 6 &&
      data.contentItems.filter((x) => lower(x.title).startsWith(lower(c.title))).length <= 5,
  )!;
  await page.keyboard.press('Control+k');
  await search.fill(lower(post.title));
  const postHit = palette.getByRole('option', { name: `${post.title} · ` }).first();
  await expect(postHit).toContainText('Content');
  await postHit.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(post.title) }).first()).toBeVisible();
});

import { expect, loadSampleData, openApp, test } from './fixtures';

// Two tabs of one browser context share one database, as two Electron windows on one profile do.

test('a save from a stale form is refused, and the other window follows the change', async ({
  page,
  context,
}) => {
  await loadSampleData(page);
  const other = await context.newPage();
  await openApp(other, 'partners/p-001/edit');
  await expect(other.getByRole('heading', { level: 1, name: 'Edit Maya Chen' })).toBeVisible();

  // The first window renames the partner while the second has the form open.
  await openApp(page, 'partners/p-001/edit');
  await page.getByLabel('Name', { exact: true }).fill('Maya Chen-Ortiz');
  await page.getByRole('button', { name: 'Save partner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maya Chen-Ortiz' })).toBeVisible();

  // The second window's list follows without a reload.
  const list = await context.newPage();
  await openApp(list, 'partners');
  await list.getByLabel('Search partners').fill('maya');
  // The partners table (the screen's top-5 list names partners too).
  const rows = list.getByRole('table', { name: 'Partners' });
  await expect(rows.getByRole('link', { name: 'Maya Chen-Ortiz' })).toBeVisible();
  await openApp(page, 'partners/p-001/edit');
  await page.getByLabel('Name', { exact: true }).fill('Maya C. Ortiz');
  await page.getByRole('button', { name: 'Save partner' }).click();
  await expect(rows.getByRole('link', { name: 'Maya C. Ortiz' })).toBeVisible();

  // The stale form's save would overwrite the newer name: refused, in words.
  await other.getByLabel('Notes').fill('Prefers grain-free samples');
  await other.getByRole('button', { name: 'Save partner' }).click();
  await expect(other.getByText('Not saved: this partner was changed elsewhere')).toBeVisible();
  await expect(rows.getByRole('link', { name: 'Maya C. Ortiz' })).toBeVisible();

  // Overwrite is the owner's explicit choice.
  await other.getByRole('button', { name: 'Overwrite' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Maya Chen' })).toBeVisible();
  await expect(rows.getByRole('link', { name: 'Maya Chen', exact: true })).toBeVisible();
  await other.close();
  await list.close();
});

test('a save shown at once from the partner page comes back to the form when the partner changed elsewhere', async ({
  page,
  context,
}) => {
  await loadSampleData(page);
  const other = await context.newPage();
  // The second window comes to the form from the partner's page (so its save shows at once).
  await openApp(other, 'partners/p-001');
  await expect(other.getByRole('heading', { level: 1, name: 'Maya Chen' })).toBeVisible();
  await other.getByRole('link', { name: 'Edit' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Edit Maya Chen' })).toBeVisible();

  // Meanwhile the first window renames her.
  await openApp(page, 'partners/p-001/edit');
  await page.getByLabel('Name', { exact: true }).fill('Maya Chen-Ortiz');
  await page.getByRole('button', { name: 'Save partner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maya Chen-Ortiz' })).toBeVisible();

  // The second window's save is refused: back on its form, its typing kept, told why.
  await other.getByLabel('Notes').fill('Prefers grain-free samples');
  await other.getByRole('button', { name: 'Save partner' }).click();
  await expect(other.getByText('Not saved: this partner was changed elsewhere')).toBeVisible();
  await expect(other.getByLabel('Notes')).toHaveValue('Prefers grain-free samples');
  await expect(other.getByLabel('Name', { exact: true })).toHaveValue('Maya Chen');

  // Overwrite is the owner's explicit choice, and it is stored.
  await other.getByRole('button', { name: 'Overwrite' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Maya Chen' })).toBeVisible();
  await openApp(page, 'partners/p-001');
  await expect(page.getByRole('heading', { level: 1, name: 'Maya Chen' })).toBeVisible();
  await expect(page.getByText('Prefers grain-free samples')).toBeVisible();
  await other.close();
});

test('a partner deleted in one window is gone from the other window at once', async ({
  page,
  context,
}) => {
  await loadSampleData(page);
  const other = await context.newPage();
  await openApp(other, 'partners/p-002');
  await expect(other.getByRole('heading', { level: 1 })).toBeVisible();
  const name = (await other.getByRole('heading', { level: 1 }).textContent())!.trim();
  expect(name).not.toBe('');

  await openApp(page, 'partners/p-002');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();

  // The other window's partner page follows: the partner is gone there too.
  await expect(other.getByText(/no longer exists|not found|was deleted/i).first()).toBeVisible();
  await other.close();
});

test('settings: a form left open elsewhere keeps its typing and cannot overwrite newer settings', async ({
  page,
  context,
}) => {
  await openApp(page, 'settings');
  const other = await context.newPage();
  await openApp(other, 'settings');
  await other.getByLabel('Brand name').fill('Whisker Works');

  await page.getByLabel('Brand name').fill('Barkside Treat Co.');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();

  // The other window's typing is still there, and its save is refused in words.
  await expect(other.getByLabel('Brand name')).toHaveValue('Whisker Works');
  await other.getByRole('button', { name: 'Save settings' }).click();
  await expect(other.getByText('Not saved: the settings were changed elsewhere')).toBeVisible();
  await other.getByRole('button', { name: 'Reload' }).click();
  await expect(other.getByLabel('Brand name')).toHaveValue('Barkside Treat Co.');
  await other.close();
});

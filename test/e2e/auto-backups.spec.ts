import type { Page } from '@playwright/test';
import { expect, loadSampleData, openApp, test } from './fixtures';

/** How many orders the app's database holds, read straight from IndexedDB. */
async function countOrders(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('pawtners');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const n = await new Promise<number>((resolve, reject) => {
      const req = db.transaction('orders').objectStore('orders').count();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return n;
  });
}

const autoRows = (page: Page) =>
  page.getByRole('table', { name: 'Automatic backups' }).locator('tbody tr');

test('in the browser an automatic backup is made once data is loaded, and restoring it brings the data back', async ({
  page,
}) => {
  await openApp(page, 'settings');
  await expect(page.getByRole('heading', { name: 'Automatic backups' })).toBeVisible();
  await expect(
    page.getByText('None yet: the first one is made once you add partners.'),
  ).toBeVisible();
  // Nothing to back up in an empty database: the store would refuse it anyway.
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText('Nothing to back up yet')).toBeVisible();

  await loadSampleData(page);
  expect(await countOrders(page)).toBe(3000);
  // The daily check notices the new data and writes one by itself.
  await expect(autoRows(page)).toHaveCount(1, { timeout: 30_000 });
  const restore = page.getByRole('button', { name: /^Restore the backup of / });
  await expect(restore).toBeVisible();
  // Kept in its own database, so it survives a reload.
  expect(
    await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)),
  ).toContain('pawtners-autobackups');
  await page.reload();
  await expect(autoRows(page)).toHaveCount(1);

  await page.getByRole('button', { name: 'Delete all data' }).click();
  await page
    .getByRole('dialog', { name: 'Delete all data?' })
    .getByRole('button', { name: 'Delete everything' })
    .click();
  await expect.poll(() => countOrders(page)).toBe(0);
  // Deleting everything leaves the automatic backups alone.
  await expect(autoRows(page)).toHaveCount(1);

  await page.getByRole('button', { name: /^Restore the backup of / }).click();
  const dialog = page.getByRole('dialog', { name: 'Import this backup?' });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByText(/^Automatic backup of /)).toBeVisible();
  await expect(dialog.getByRole('row', { name: /^Orders/ }).getByRole('cell')).toHaveText([
    '3,000',
    '0',
    '3,000 new',
  ]);
  await dialog.getByRole('button', { name: 'Replace my data' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText(/^Backup restored: /)).toBeVisible();
  expect(await countOrders(page)).toBe(3000);
});

/** The names in the browser's automatic-backup store. */
async function storedBackups(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('pawtners-autobackups');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
      const req = db.transaction('backups').objectStore('backups').getAllKeys();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return keys.map(String);
  });
}

test('"Back up now" replaces today\'s automatic backup with a fresh one', async ({ page }) => {
  await loadSampleData(page);
  await expect(autoRows(page)).toHaveCount(1, { timeout: 30_000 });
  const before = await storedBackups(page);
  expect(before).toHaveLength(1);
  // Backups are named to the second: make sure the next one is a different second.
  await page.waitForTimeout(1100);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText('Automatic backup made')).toBeVisible();
  // Retention keeps the newest of each day: still one, the new one.
  await expect(autoRows(page)).toHaveCount(1);
  const after = await storedBackups(page);
  expect(after).toHaveLength(1);
  expect(after[0]! > before[0]!).toBe(true);
});

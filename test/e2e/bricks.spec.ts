import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, loadSampleData, openApp, test } from './fixtures';

const SCREENS = ['Dashboard', 'Partners', 'Calendar', 'Sales', 'Payouts', 'Compare', 'Settings'];

/**
 * Change the stored settings row behind the app's back, as an older version (which let an invalid
 * locale through a restore) or a bug could have left it, then reload.
 */
async function storeSettingsAsIs(page: Page, patch: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (p) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('pawtners');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('settings', 'readwrite');
      const store = tx.objectStore('settings');
      const req = store.get('settings');
      req.onsuccess = () => store.put({ ...req.result, ...p });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, patch);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

async function exportThroughUi(page: Page): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export backup' }).click();
  const d = await download;
  return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
}

async function importThroughUi(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.getByRole('button', { name: 'Import backup…' });
  const picked = page.waitForEvent('filechooser');
  await chooser.click();
  await (await picked).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function replaceWith(page: Page, name: string, text: string): Promise<void> {
  await importThroughUi(page, name, text);
  const dialog = page.getByRole('dialog', { name: 'Import this backup?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Replace my data' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Backup restored: /)).toBeVisible();
}

/** Every screen renders its page (no blank window, no error panel). */
async function everyScreenRenders(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const label of SCREENS) {
    await nav.getByRole('link', { name: label }).click();
    await expect(page.getByRole('heading', { level: 1 }).first(), label).toBeVisible();
    await expect(page.getByText(/could not be shown/), label).toHaveCount(0);
  }
}

test('a backup with an invalid locale is refused, and one already stored cannot blank the app', async ({
  page,
}) => {
  await loadSampleData(page);
  const good = await exportThroughUi(page);

  // The file as the issue found it: refused before anything is written, saying why.
  const bad = JSON.parse(good.text);
  bad.data.settings[0].locale = 'xx-INVALID-@@';
  await importThroughUi(page, 'bad-locale.json', JSON.stringify(bad));
  const refused = page.getByRole('dialog', { name: 'This file cannot be imported' });
  await expect(
    refused.getByRole('list', { name: 'Problems found' }).getByRole('listitem'),
  ).toHaveText([/^settings\[0\]\.locale: locale "xx-INVALID-@@" is not a language tag/]);
  await refused.getByRole('button', { name: 'Close' }).click();

  // The state an older version left after restoring it: every screen still renders, in the
  // default locale, also after a reload.
  await storeSettingsAsIs(page, { locale: 'xx-INVALID-@@', timeZone: 'Mars/Base' });
  await everyScreenRenders(page);
  await page.reload();
  await everyScreenRenders(page);

  // Settings says what is wrong, and Backups works: export, import, undo.
  await openApp(page, 'settings');
  await expect(page.getByText('Some stored settings are not valid')).toBeVisible();
  await expect(page.getByText(/locale "xx-INVALID-@@" is not a language tag/)).toBeVisible();
  const exported = await exportThroughUi(page);
  const settings = JSON.parse(exported.text).data.settings[0];
  expect([settings.locale, settings.timeZone]).toEqual(['en-US', 'America/New_York']);
  expect(settings.brandName).toBe(bad.data.settings[0].brandName);
  await replaceWith(page, exported.name, exported.text);
  await expect(page.getByText('Some stored settings are not valid')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo import' }).first().click();
  await expect(page.getByText(/^Import undone/)).toBeVisible();
  await everyScreenRenders(page);
});

test('a screen that fails shows what failed and the way to Settings > Backups', async ({
  page,
  consoleErrors,
}) => {
  await loadSampleData(page);
  // A value no version writes (the list of custom tags as a number) breaks the Partners screen.
  await storeSettingsAsIs(page, { customTags: 5 });
  await openApp(page, 'partners');
  const panel = page
    .getByRole('alert')
    .filter({ hasText: 'The Partners screen could not be shown' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(/It stopped with: .*iterable/);
  // The rest of the window is still there.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Dashboard' })
    .click();
  await expect(page.getByText(/could not be shown/)).toHaveCount(0);

  await openApp(page, 'partners');
  await panel.getByRole('link', { name: 'Go to Settings > Backups' }).click();
  await expect(page).toHaveURL(/#\/settings\/backups$/);
  await expect(page.getByRole('button', { name: 'Export backup' })).toBeInViewport();

  // The way out: export (the file is repaired, so it restores), import it, and Partners works.
  const file = await exportThroughUi(page);
  expect(JSON.parse(file.text).data.settings[0].customTags).toEqual([]);
  await replaceWith(page, file.name, file.text);
  await openApp(page, 'partners');
  await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();
  await expect(page.getByText(/could not be shown/)).toHaveCount(0);

  // React reports each error a boundary caught to the console; those are the expected ones.
  const expected = consoleErrors.filter((e) =>
    /iterable|could not be shown|error boundary/i.test(e),
  );
  expect(expected.length).toBeGreaterThan(0);
  consoleErrors.splice(
    0,
    consoleErrors.length,
    ...consoleErrors.filter((e) => !expected.includes(e)),
  );
});

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { TABLE_NAMES, type TableName } from '../../src/domain/schemas';
import { axeViolations, expect, loadSampleData, openApp, test } from './fixtures';

const TABLES = TABLE_NAMES;

type Dump = Record<TableName, { id: string }[]>;

/** Every record of every data table, read straight from IndexedDB and sorted by id. */
async function dumpDb(page: Page): Promise<Dump> {
  return page.evaluate(async (tables: readonly string[]) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('pawtners');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const out = {} as Record<string, { id: string }[]>;
    for (const t of tables) {
      out[t] = await new Promise<{ id: string }[]>((resolve, reject) => {
        const req = db.transaction(t).objectStore(t).getAll();
        req.onsuccess = () => resolve(req.result as { id: string }[]);
        req.onerror = () => reject(req.error);
      });
    }
    db.close();
    return out;
  }, TABLES) as Promise<Dump>;
}

/** Export through the Backups card; returns the downloaded file's text. */
async function exportThroughUi(page: Page): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export backup' }).click();
  const d = await download;
  return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
}

async function importThroughUi(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import backup…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('export through the UI, delete everything, import: every record is back; undo works', async ({
  page,
}) => {
  await loadSampleData(page);
  const before = await dumpDb(page);
  expect(before.orders).toHaveLength(3000);

  await expect(page.getByText('You have not exported a backup yet')).toBeVisible();
  const file = await exportThroughUi(page);
  expect(file.name).toMatch(/^pawtners-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const envelope = JSON.parse(file.text);
  expect(envelope.format).toBe('pawtners-backup');
  expect(envelope.counts.orders).toBe(3000);
  await expect(page.getByText(/^Backup saved \(/)).toBeVisible();
  await expect(page.getByText('You have not exported a backup yet')).toBeHidden();
  await expect(page.getByText(/^Last exported /)).toBeVisible();

  await page.getByRole('button', { name: 'Delete all data' }).click();
  await page
    .getByRole('dialog', { name: 'Delete all data?' })
    .getByRole('button', { name: 'Delete everything' })
    .click();
  await expect.poll(async () => (await dumpDb(page)).orders.length).toBe(0);

  await importThroughUi(page, file.name, file.text);
  const dialog = page.getByRole('dialog', { name: 'Import this backup?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(file.name)).toBeVisible();
  await expect(dialog.getByText(/exported .* with Pawtners 0\.1\.0/)).toBeVisible();
  const orders = dialog.getByRole('row', { name: /^Orders/ });
  await expect(orders.getByRole('cell')).toHaveText(['3,000', '0', '3,000 new']);
  await expect(dialog.getByRole('radio', { name: /Replace/ })).toBeChecked();
  expect(await axeViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Replace my data' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Backup restored: /)).toBeVisible();

  const after = await dumpDb(page);
  for (const t of TABLES) {
    const byId = (rows: { id: string }[]) =>
      [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // lastExportAt was written after the export, so the settings row is the exported one.
    expect(byId(after[t]), t).toEqual(byId(envelope.data[t]));
  }
  expect(after.orders).toHaveLength(3000);

  // The safety copy holds the empty database from before the import: undo brings that back.
  await page.getByRole('button', { name: 'Undo import' }).first().click();
  await expect(page.getByText('Import undone: your data is back as it was')).toBeVisible();
  await expect.poll(async () => (await dumpDb(page)).orders.length).toBe(0);
});

test('a refused import lists the problems with paths and changes nothing', async ({ page }) => {
  await loadSampleData(page);
  const file = await exportThroughUi(page);
  const before = await dumpDb(page);
  const o = JSON.parse(file.text);
  o.data.contracts[0].commissionRate = 140;
  o.data.orders[5].partnerId = 'p-missing';

  await importThroughUi(page, 'edited.json', JSON.stringify(o));
  const refused = page.getByRole('dialog', { name: 'This file cannot be imported' });
  await expect(refused).toBeVisible();
  await expect(refused.getByText('Nothing was changed.')).toBeVisible();
  const problems = refused.getByRole('list', { name: 'Problems found' }).getByRole('listitem');
  await expect(problems).toHaveText(['contracts[0].commissionRate: must be 0..100']);
  await refused.getByRole('button', { name: 'Close' }).click();

  o.data.contracts[0].commissionRate = 10;
  await importThroughUi(page, 'edited.json', JSON.stringify(o));
  await expect(problems).toHaveText([
    'orders[5].partnerId: points to a partner that is not in the file ("p-missing")',
  ]);
  await refused.getByRole('button', { name: 'Close' }).click();

  await importThroughUi(page, 'cut.json', file.text.slice(0, file.text.length / 2));
  await expect(problems.first()).toContainText('The file is not valid JSON, or it was cut short');
  await refused.getByRole('button', { name: 'Close' }).click();

  o.schemaVersion = 9;
  o.appVersion = '4.0.0';
  await importThroughUi(page, 'future.json', JSON.stringify(o));
  await expect(problems.first()).toContainText('Update to Pawtners 4.0.0 or later');
  await refused.getByRole('button', { name: 'Close' }).click();

  expect(await dumpDb(page)).toEqual(before);
  await expect(page.getByRole('button', { name: 'Undo import' })).toHaveCount(0);
});

test('merge keeps what is here, adds what is new, and says so before writing', async ({ page }) => {
  await loadSampleData(page);
  const file = await exportThroughUi(page);
  const o = JSON.parse(file.text);
  // A backup with one partner edited later than here, and one brand-new bonus rule.
  o.data.partners[0].notes = 'Edited on the other laptop';
  o.data.partners[0].updatedAt += 60_000;
  o.data.bonusRules.push({ ...o.data.bonusRules[0], id: 'rule-from-laptop', name: 'Laptop rule' });
  o.counts.bonusRules += 1;

  await importThroughUi(page, 'laptop.json', JSON.stringify(o));
  const dialog = page.getByRole('dialog', { name: 'Import this backup?' });
  await dialog.getByRole('radio', { name: /Merge/ }).check();
  await expect(
    dialog
      .getByRole('row', { name: /^Partners/ })
      .getByRole('cell')
      .last(),
  ).toHaveText('1 updated');
  await expect(
    dialog
      .getByRole('row', { name: /^Bonus rules/ })
      .getByRole('cell')
      .last(),
  ).toHaveText('1 new');
  await expect(
    dialog
      .getByRole('row', { name: /^Orders/ })
      .getByRole('cell')
      .last(),
  ).toHaveText('No change');
  await expect(dialog.getByText('2 records will change.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Merge into my data' }).click();
  await expect(page.getByText('Backup merged: 2 records changed')).toBeVisible();

  const after = await dumpDb(page);
  expect(after.orders).toHaveLength(3000);
  expect(after.bonusRules.map((r) => r.id)).toContain('rule-from-laptop');
  const edited = after.partners.find((p) => p.id === o.data.partners[0].id) as unknown as {
    notes: string;
  };
  expect(edited.notes).toBe('Edited on the other laptop');
});

test('merging a backup from a computer with another customer salt keeps ours and says so', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, 'settings');
  const o = JSON.parse((await exportThroughUi(page)).text);
  const ours = o.data.settings[0].customerSalt;
  o.data.settings[0].customerSalt = 'salt-of-the-other-laptop';
  o.data.settings[0].updatedAt += 60_000;

  await importThroughUi(page, 'laptop.json', JSON.stringify(o));
  const dialog = page.getByRole('dialog', { name: 'Import this backup?' });
  await dialog.getByRole('radio', { name: /Merge/ }).check();
  const note = dialog.getByRole('note').filter({ hasText: 'counted on another computer' });
  await expect(note).toBeVisible();
  if (process.env.SHOTS) await dialog.screenshot({ path: '/tmp/shots/backup-merge-salt.png' });
  await dialog.getByRole('button', { name: 'Merge into my data' }).click();
  await expect(page.getByText(/^Backup merged/)).toBeVisible();
  const after = await dumpDb(page);
  expect((after.settings[0] as unknown as { customerSalt: string }).customerSalt).toBe(ours);
});

test('the Backups card has no accessibility violations', async ({ page }) => {
  await openApp(page, 'settings');
  await expect(page.getByRole('heading', { name: 'Backups', exact: true })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, loadSampleData, openApp, refuseWrites, test } from './fixtures';

const table = (page: Page) => page.getByRole('table', { name: 'Partners' });
/** Data rows of the (virtualized) table: the header row is excluded. */
const bodyRows = (page: Page) => table(page).locator('[role="row"].pl-body-row');
const kindButton = (page: Page, name: RegExp) =>
  page.getByRole('group', { name: 'Kind' }).getByRole('button', { name });

/** A figure in the partner page's Results card, by its label. */
const resultStat = (page: Page, label: string) =>
  page
    .getByRole('region', { name: 'Results' })
    .locator('.stat', { has: page.getByText(label, { exact: true }) })
    .locator('.stat-value');

async function addPartner(
  page: Page,
  p: { name: string; email: string; kind: string; handle: string; followers: string; code: string },
  terms: { label: string; value: string } | null = null,
) {
  await openApp(page, 'partners');
  await page.getByRole('link', { name: 'Add partner' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add partner' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(p.name);
  await page.getByLabel('Email', { exact: true }).fill(p.email);
  await page.getByLabel('Kind').selectOption({ label: p.kind });
  await page.getByLabel('Status').selectOption('active');
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByLabel('Handle').fill(p.handle);
  await page.getByLabel('Followers').fill(p.followers);
  await page.getByRole('button', { name: 'Add contract' }).click();
  await page.getByLabel('Start date').fill('2025-01-01');
  // The form invents no money: contract fields start empty, typical terms are placeholders.
  await expect(page.getByLabel('Retainer / salary')).toHaveValue('');
  await expect(page.getByLabel('Commission %')).toHaveValue('');
  await expect(page.getByLabel('Retainer / salary')).toHaveAttribute('placeholder', /^e\.g\. /);
  if (process.env.SHOTS_DIR)
    await page
      .locator('fieldset', { hasText: 'Contract 1' })
      .screenshot({ path: `${process.env.SHOTS_DIR}/contract-empty-${p.code}.png` });
  if (terms) await page.getByLabel(terms.label).fill(terms.value);
  await page.getByLabel('Promo codes').fill(p.code);
  await page.getByRole('button', { name: 'Save partner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: p.name })).toBeVisible();
}

test('creates a partner of each kind, lists them with counts, and edits one', async ({ page }) => {
  await openApp(page, 'partners');
  await expect(page.getByRole('heading', { name: 'No partners yet' })).toBeVisible();

  await addPartner(
    page,
    {
      name: 'Rosa Vega',
      email: 'rosa@example.com',
      kind: 'Brand ambassador',
      handle: '@rosa.and.rex',
      followers: '48,200',
      code: 'ROSA10',
    },
    { label: 'Retainer / salary', value: '300.00' },
  );
  // The monthly retainer the owner typed.
  await expect(page.getByRole('cell', { name: '$300.00 / month' })).toBeVisible();
  // A retainer but no customers yet: no made-up lifetime ROI.
  await expect(resultStat(page, 'ROI with 12-month customer value')).toHaveText('Not enough data');
  await expect(resultStat(page, 'New customers')).toHaveText('0');
  await expect(page.getByText('Micro tier from the largest account')).toBeVisible();

  await addPartner(
    page,
    {
      name: 'Tom Okafor',
      email: 'tom@example.com',
      kind: 'Micro-affiliate',
      handle: '@tomcats',
      followers: '6100',
      code: 'TOM15',
    },
    { label: 'Commission %', value: '15' },
  );
  await expect(page.getByRole('cell', { name: '15 % of subtotal' })).toBeVisible();

  await page.getByRole('link', { name: 'All partners' }).click();
  await expect(bodyRows(page)).toHaveCount(2);
  await expect(kindButton(page, /Brand ambassadors/)).toContainText('1');
  await expect(kindButton(page, /Micro-affiliates/)).toContainText('1');
  await expect(bodyRows(page).nth(0)).toContainText('Rosa Vega');
  await expect(bodyRows(page).nth(0)).toContainText('48.2K');
  await expect(bodyRows(page).nth(1)).toContainText('TOM15');

  // Edit: rename and pause; the status change is recorded.
  await table(page).getByRole('link', { name: 'Tom Okafor' }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Tom Okafor-Reed');
  await page.getByLabel('Status').selectOption('paused');
  await page.getByRole('button', { name: 'Save partner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tom Okafor-Reed' })).toBeVisible();
  const history = page.locator('.pd-history li');
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText('Active');
  await expect(history.nth(1)).toContainText('Paused');

  // Cancel leaves the form and saves nothing typed there.
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit Tom Okafor-Reed' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('Not saved');
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tom Okafor-Reed' })).toBeVisible();
  await page.getByRole('link', { name: 'All partners' }).click();
  await expect(table(page).getByRole('link', { name: 'Not saved' })).toHaveCount(0);
});

test('bad input gets a message next to each field and nothing is saved', async ({ page }) => {
  await openApp(page, 'partners/new');
  await page.getByLabel('Name', { exact: true }).fill('Broken Bob');
  await page.getByLabel('Email', { exact: true }).fill('bob@');
  await page.getByRole('button', { name: 'Add contract' }).click();
  await page.getByLabel('Start date').fill('2025-05-01');
  await page.getByLabel('End date').fill('2025-04-01');
  await page.getByLabel('Commission %').fill('150');
  await page.getByLabel('Retainer / salary').fill('-20');
  await page.getByRole('button', { name: 'Save partner' }).click();
  await expect(page.getByText('Nothing was saved: 4 fields to fix')).toBeVisible();
  await expect(page.getByLabel('Email', { exact: true })).toHaveAccessibleDescription(
    'Enter a valid email like name@example.com',
  );
  await expect(page.getByLabel('End date')).toHaveAccessibleDescription(
    'The end date is before the start date',
  );
  await expect(page.getByLabel('Commission %')).toHaveAccessibleDescription(
    'Commission must be between 0 and 100 %',
  );
  await expect(page.getByLabel('Retainer / salary')).toHaveAccessibleDescription(
    'Must not be negative',
  );
  await openApp(page, 'partners');
  await expect(page.getByRole('heading', { name: 'No partners yet' })).toBeVisible();
});

test('refuses a promo code another partner already has, in any case', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, 'partners/new');
  await page.getByLabel('Name', { exact: true }).fill('Copy Cat');
  await page.getByLabel('Promo codes').fill('NEWPAL, maya10');
  await page.getByRole('button', { name: 'Save partner' }).click();
  await expect(page.getByLabel('Promo codes')).toHaveAccessibleDescription(
    'maya10 is already used by Maya Chen',
  );
  await page.getByLabel('Promo codes').fill('NEWPAL');
  await page.getByRole('button', { name: 'Save partner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Copy Cat' })).toBeVisible();
});

test('an edit shows at once; when the disk refuses it, the form comes back as it was left', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, 'partners');
  await page.getByRole('searchbox', { name: 'Search partners' }).fill('Jordan');
  await table(page).getByRole('link', { name: 'Jordan Reyes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jordan Reyes' })).toBeVisible();
  // Another partner's code is refused before anything is written, on an existing partner too.
  await page.getByRole('link', { name: 'Edit' }).click();
  const codes = await page.getByLabel('Promo codes').inputValue();
  await page.getByLabel('Promo codes').fill(`${codes}, maya10`);
  await page.getByRole('button', { name: 'Save partner' }).click();
  await expect(page.getByLabel('Promo codes')).toHaveAccessibleDescription(
    'maya10 is already used by Maya Chen',
  );
  await page.getByLabel('Promo codes').fill(codes);
  // The disk is full: IndexedDB refuses the partner's write.
  await refuseWrites(page, 'partners');
  await page.getByLabel('Name', { exact: true }).fill('Jordan Reyes-Park');
  await page.getByLabel('Notes').fill('Typed before the disk filled up');
  await page.getByRole('button', { name: 'Save partner' }).click();
  // Back on the form with what was typed, and told why.
  await expect(page.getByRole('heading', { level: 1, name: 'Edit Jordan Reyes' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Jordan Reyes-Park');
  await expect(page.getByLabel('Notes')).toHaveValue('Typed before the disk filled up');
  await expect(page.getByText(/^Not saved: /)).toBeVisible();
  if (process.env.SHOTS) await page.screenshot({ path: '/tmp/shots/partner-save-refused.png' });
  // The disk has room again: the same draft saves.
  await page.evaluate(() => window.location.reload());
  await expect(page.getByRole('heading', { level: 1, name: 'Edit Jordan Reyes' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('Jordan Reyes-Park');
  await page.getByRole('button', { name: 'Save partner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jordan Reyes-Park' })).toBeVisible();
  await page.getByRole('link', { name: 'All partners' }).click();
  await page.getByRole('searchbox', { name: 'Search partners' }).fill('Jordan');
  await expect(table(page).getByRole('link', { name: 'Jordan Reyes-Park' })).toBeVisible();
});

test('filters, searches and sorts the sample partners', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, 'partners');
  await expect(kindButton(page, /All partners/)).toContainText('41');
  await expect(kindButton(page, /Brand ambassadors/)).toContainText('17');
  await expect(kindButton(page, /Micro-affiliates/)).toContainText('24');

  // Status "ended": Olivia Hart and Ethan Clarke in the sample brand.
  await page.getByLabel('Status', { exact: true }).selectOption('ended');
  await expect(bodyRows(page)).toHaveCount(2);
  await expect(bodyRows(page).nth(0)).toContainText('Ethan Clarke');
  await expect(bodyRows(page).nth(1)).toContainText('Olivia Hart');
  await page.getByRole('button', { name: 'Clear filters' }).first().click();

  // Search finds a partner by promo code, any case.
  await page.keyboard.press('Control+f');
  await expect(page.getByLabel('Search partners')).toBeFocused();
  await page.keyboard.type('jordan');
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page).first()).toContainText('Jordan Reyes');
  await page.getByLabel('Search partners').fill('');

  // Sort by followers, biggest first: Jordan Reyes (420K), then Grace Kim (310K).
  await page.getByRole('button', { name: 'Followers' }).click();
  await expect(page.getByRole('columnheader', { name: 'Followers' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(bodyRows(page).nth(0)).toContainText('Jordan Reyes');
  await expect(bodyRows(page).nth(1)).toContainText('Grace Kim');

  // Kind + tier: micro-affiliates in the nano tier only.
  await kindButton(page, /Micro-affiliates/).click();
  await page.getByLabel('Tier', { exact: true }).selectOption('nano');
  const n = await bodyRows(page).count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    await expect(bodyRows(page).nth(i)).toContainText('Micro-affiliate');
    await expect(bodyRows(page).nth(i)).toContainText('nano');
  }
});

test('bulk status change and tag on selected partners', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, 'partners');
  await page.getByLabel('Status', { exact: true }).selectOption('ended');
  await page.getByLabel('Select all shown partners').check();
  const bulk = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bulk).toContainText('2 selected');
  await bulk.getByLabel('Tag to add').fill('win-back');
  await bulk.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByText('Tag “win-back” added to 2 partners')).toBeVisible();
  await bulk.getByLabel('New status').selectOption('contacted');
  await bulk.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByText('2 partners moved to Contacted')).toBeVisible();
  // They no longer match "ended".
  await expect(page.getByRole('heading', { name: 'No partners match' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await page.getByLabel('Tag', { exact: true }).selectOption('win-back');
  await expect(bodyRows(page)).toHaveCount(2);
  await expect(bodyRows(page).nth(0)).toContainText('Contacted');
});

test('delete offers undo, and undo brings the partner back with their orders', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, 'partners/p-001');
  await expect(page.getByRole('heading', { level: 1, name: 'Maya Chen' })).toBeVisible();
  const orders = page.locator('.card', { hasText: 'orders credited' }).locator('strong').first();
  const before = await orders.textContent();
  expect(Number(before?.replace(/,/g, ''))).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();
  await expect(kindButton(page, /All partners/)).toContainText('40');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Maya Chen is back')).toBeVisible();
  await expect(kindButton(page, /All partners/)).toContainText('41');
  await page.getByLabel('Search partners').fill('maya');
  await table(page).getByRole('link', { name: 'Maya Chen' }).click();
  await expect(orders).toHaveText(before!);
});

test('partner page: ROI on first orders and on 12-month customer value; tags link to the glossary', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, 'partners/p-001');
  await expect(page.getByRole('heading', { level: 1, name: 'Maya Chen' })).toBeVisible();
  const percent = /^[+-]?[\d,]+ %$/;
  await expect(resultStat(page, 'ROI')).toHaveText(percent);
  await expect(resultStat(page, 'ROI with 12-month customer value')).toHaveText(percent);
  await expect(resultStat(page, 'New customers')).toHaveText(/^[1-9][\d,]*$/);
  await expect(resultStat(page, 'Came back within 90 days')).toHaveText(
    /^(\d+ %|Not enough data)$/,
  );
  // Tags that name a partner sub-type link to the glossary, in the list and on the page; others stay plain.
  await expect(page.getByRole('link', { name: 'gift box' })).toHaveCount(0);
  await expect(page.getByText('gift box', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'All partners' }).click();
  await page.getByLabel('Search partners').fill('carlos');
  const tag = table(page).getByRole('link', { name: 'hyperlocal influencer' });
  await expect(tag).toHaveAttribute('href', /^#\/compare\/glossary#/);
  await table(page).getByRole('link', { name: 'Carlos Mendes' }).click();
  await expect(page.getByRole('link', { name: 'hyperlocal influencer' })).toHaveAttribute(
    'href',
    /^#\/compare\/glossary#/,
  );
});

test('archive hides a partner from the list until shown again', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, 'partners/p-001');
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByText('Maya Chen archived')).toBeVisible();
  await page.getByRole('link', { name: 'All partners' }).click();
  await expect(kindButton(page, /All partners/)).toContainText('40');
  await page.getByLabel('Show archived').check();
  await expect(kindButton(page, /All partners/)).toContainText('41');
});

test('CSV round trip: export, import shows a preview, then writes only when confirmed', async ({
  page,
}, testInfo) => {
  await loadSampleData(page);
  await openApp(page, 'partners');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const file = testInfo.outputPath('partners.csv');
  await download.saveAs(file);
  const text = readFileSync(file, 'utf8');
  expect(text.split('\r\n').filter(Boolean)).toHaveLength(42);
  expect(text).toContain('"\'@mayachen"'); // handles start with @: neutralised for spreadsheets

  // Delete one partner, then import the exported file: one new, the rest unchanged.
  await openApp(page, 'partners/p-002');
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(kindButton(page, /All partners/)).toContainText('40');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import CSV' }).click(),
  ]);
  await chooser.setFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Import partners' });
  await expect(dialog).toContainText('1 new, 0 to update, 40 unchanged');
  await expect(kindButton(page, /All partners/)).toContainText('40');
  await dialog.getByRole('button', { name: 'Import 1 partner' }).click();
  await expect(dialog).toBeHidden();
  await expect(kindButton(page, /All partners/)).toContainText('41');

  // A file with errors lists them by line and cannot be imported.
  const [chooser2] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import CSV' }).click(),
  ]);
  await chooser2.setFiles(path.join(__dirname, '../fixtures/partners-errors.csv'));
  await expect(dialog.getByRole('alert')).toContainText('6 problems to fix');
  await expect(dialog.getByRole('row', { name: /3 email Enter a valid email/ })).toBeVisible();
  await expect(dialog.getByRole('button', { name: /Import \d+ partner/ })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(kindButton(page, /All partners/)).toContainText('41');
});

test('Ctrl+N opens the new partner form', async ({ page }) => {
  await openApp(page, 'partners');
  // The shortcut belongs to the Partners screen, which loads after the navigation shows.
  await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();
  await page.keyboard.press('Control+n');
  await expect(page.getByRole('heading', { level: 1, name: 'Add partner' })).toBeVisible();
});

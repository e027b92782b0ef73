import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

const HEADER =
  'Creator Name,Email,Promo Code,IG handle,TikTok,Referral slug,Favourite treat,Dog name';
const FILE = [
  HEADER,
  'Biscuit Bakes,hello@biscuitbakes.example,"BISCUIT10, BAKES15",@biscuit_bakes,@biscuit.bakes,biscuit_bakes,Liver cake,Pretzel',
  'Tom Okafor,tom@example.com,TOM5,@tomokafor,,,Sweet potato,Mango',
].join('\r\n');

async function importFile(page: Page, name: string, text: string) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import CSV' }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

const choice = (page: Page, column: string) => page.getByLabel(`Imports “${column}” as`);

test('partner import from another tool: columns guessed, unmapped ones named, codes, slug and accounts kept, mapping remembered', async ({
  page,
}) => {
  await openApp(page, 'partners');
  await importFile(page, 'creators.csv', FILE);
  const columns = page.getByRole('dialog', { name: 'Which column is which?' });
  await expect(columns).toContainText('Pawtners guessed what each column holds');
  await expect(choice(page, 'Creator Name')).toHaveValue('name');
  await expect(choice(page, 'Promo Code')).toHaveValue('codes');
  await expect(choice(page, 'IG handle')).toHaveValue('instagram_handle');
  await expect(choice(page, 'TikTok')).toHaveValue('tiktok_handle');
  await expect(choice(page, 'Referral slug')).toHaveValue('referral_slug');
  await expect(choice(page, 'Favourite treat')).toHaveValue('');
  await expect(columns.getByRole('row', { name: /Promo Code/ })).toContainText(
    'BISCUIT10, BAKES15',
  );

  // Without a name column nothing goes on, and the reason is said.
  await choice(page, 'Creator Name').selectOption('');
  await columns.getByRole('button', { name: 'Preview import' }).click();
  await expect(columns.getByRole('alert')).toHaveText(
    'Choose the column that holds each partner’s name.',
  );
  await choice(page, 'Creator Name').selectOption('name');
  await choice(page, 'Favourite treat').selectOption('notes');
  await columns.getByLabel('Kind of everyone in the file').selectOption('ambassador');
  await columns.getByRole('button', { name: 'Preview import' }).click();

  const preview = page.getByRole('dialog', { name: 'Import partners' });
  await expect(preview).toContainText('2 new, 0 to update, 0 unchanged');
  await expect(preview.getByRole('note')).toHaveText('Not imported from your file: “Dog name”.');
  // Back to the columns as left, and on again.
  await preview.getByRole('button', { name: 'Change columns' }).click();
  await expect(choice(page, 'Favourite treat')).toHaveValue('notes');
  await columns.getByRole('button', { name: 'Preview import' }).click();
  await expect(preview).toContainText('2 new, 0 to update, 0 unchanged');
  await expect(preview.getByRole('row', { name: /Biscuit Bakes/ })).toContainText(
    'BISCUIT10, BAKES15',
  );
  await preview.getByRole('button', { name: 'Import 2 partners' }).click();
  await expect(preview).toBeHidden();

  // The same header again: the columns come back as chosen.
  await importFile(
    page,
    'creators-june.csv',
    `${HEADER}\r\nNew Pup,new@example.com,NEWPUP,@newpup,,,Kibble,Rex`,
  );
  await expect(columns).toContainText('set as you chose last time');
  await expect(choice(page, 'Favourite treat')).toHaveValue('notes');
  await expect(choice(page, 'Dog name')).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(columns).toBeHidden();

  await page.getByLabel('Search partners').fill('biscuit');
  await page.getByRole('link', { name: 'Biscuit Bakes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Biscuit Bakes' })).toBeVisible();
  await expect(page.getByText('Brand ambassador').first()).toBeVisible();
  const codes = page.locator('.pd-code');
  await expect(codes).toHaveText(['BISCUIT10', 'BAKES15']);
  await expect(page.getByText('biscuit_bakes', { exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '@biscuit_bakes' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '@biscuit.bakes' })).toBeVisible();
  await expect(page.getByText('Liver cake')).toBeVisible();
});

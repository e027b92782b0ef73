import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axeViolations, expect, loadSampleData, openApp, test } from './fixtures';

/** Screenshots at both window sizes, for review (not assertions). */
async function shots(page: Page, name: string) {
  if (!process.env.SHOTS) return;
  mkdirSync('/tmp/shots', { recursive: true });
  for (const [w, h] of [
    [1280, 800],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `/tmp/shots/seeding-${name}-${w}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('seeding: totals, follow-ups, a shipment refused field by field, then saved', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, 'seeding');
  await expect(page.getByRole('heading', { level: 1, name: 'Seeding' })).toBeVisible();
  // Sent in the sample brand (to-send excluded, a size swap at its shipping only), by hand:
  // 28.85 + 6.50 + 21.95 + 22.35 + 10.65 + 11.15 = 101.45 at cost; retail 211.87.
  await expect(page.getByText('Sent so far: $101.45 at cost ($211.87 at retail).')).toBeVisible();
  const follow = page.getByRole('list', { name: 'Partners to follow up' });
  await expect(follow.getByRole('listitem')).toHaveCount(2);
  await expect(follow.getByRole('listitem').first()).toContainText('Hannah Brooks');
  await expect(follow.getByRole('listitem').first()).toContainText('40 days ago');
  await expect(follow.getByRole('listitem').nth(1)).toContainText('Priya Nair');
  await shots(page, 'screen');

  const days = page.getByLabel('List partners who have not posted after');
  await days.fill('35');
  await days.press('Enter');
  await expect(follow.getByRole('listitem')).toHaveCount(1);
  await days.fill('21');
  await days.press('Enter');
  await expect(follow.getByRole('listitem')).toHaveCount(2);
  // Marking the shipment posted about takes the partner off the list.
  await follow.getByRole('button', { name: 'They posted: Priya Nair' }).click();
  await expect(follow.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('combobox', { name: /shipment to Priya Nair/ })).toHaveValue(
    'posted',
  );

  await page.getByRole('button', { name: 'Send product' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send product' });
  await dialog.getByLabel('Partner').selectOption({ label: 'Jordan Reyes' });
  await dialog
    .getByLabel('Product 1')
    .selectOption({ label: 'Chicken Jerky Bites 200 g (BTC-JRK-200)' });
  await expect(dialog.getByRole('alert')).toContainText(
    'Pepper (dog) is allergic to chicken: Chicken Jerky Bites 200 g contains it.',
  );
  await dialog.getByLabel('Quantity 1').fill('-2');
  await dialog.getByLabel('Shipping cost').fill('-3');
  await dialog.getByLabel('Ship date').fill('2026-03-10');
  await dialog.getByLabel('Best before').fill('2026-03-01');
  await shots(page, 'dialog-errors');
  await dialog.getByRole('button', { name: 'Save shipment' }).click();
  await expect(
    dialog.getByText('Quantity of Chicken Jerky Bites 200 g must be at least 1.'),
  ).toBeVisible();
  await expect(dialog.getByText('Shipping cost must not be negative.')).toBeVisible();
  await expect(
    dialog.getByText('Best-before date (2026-03-01) is before the ship date (2026-03-10).'),
  ).toBeVisible();
  await expect(dialog.getByLabel('Shipping cost')).toHaveAttribute('aria-invalid', 'true');
  // An ended partnership takes no new product.
  await dialog.getByLabel('Partner').selectOption({ label: 'Olivia Hart (ended)' });
  await dialog.getByLabel('Product 1').selectOption({ label: 'Salmon Skin Rolls (BTC-SAL-150)' });
  await dialog.getByLabel('Quantity 1').fill('2');
  await dialog.getByLabel('Shipping cost').fill('7.95');
  await dialog.getByLabel('Best before').fill('2026-09-30');
  await dialog.getByRole('button', { name: 'Save shipment' }).click();
  await expect(dialog.getByText(/Olivia Hart's partnership has ended/)).toBeVisible();
  const rows = page.getByRole('table').first().getByRole('row');
  const before = await rows.count();
  // Nothing was saved by the refusals.
  await dialog.getByLabel('Partner').selectOption({ label: 'Jordan Reyes' });
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Save shipment' }).click();
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(before + 1);
  const added = page.getByRole('row', { name: /2026-03-10 Jordan Reyes/ });
  // 2 x 5.10 + 7.95 = 18.15 at cost; 2 x 16.99 = 33.98 retail.
  await expect(added).toContainText('2 × Salmon Skin Rolls');
  await expect(added.getByRole('cell').nth(3)).toHaveText('$18.15');
  await expect(added.getByRole('cell').nth(4)).toHaveText('$33.98');
  expect(await axeViolations(page)).toEqual([]);
});

test('pets on the partner page, the species filter and gifted product on the profile', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, 'partners/p-002');
  const pets = page.getByRole('region', { name: 'Pets' });
  await expect(pets).toContainText('Pepper');
  await expect(pets).toContainText('Allergic to chicken');
  const gifts = page.getByRole('region', { name: 'Gifted product' });
  // 2 x 5.10 + 3.80 + 7.95 shipping = 21.95; retail 2 x 16.99 + 12.99 = 46.97.
  await expect(gifts).toContainText('Sent in all: $21.95 at cost with shipping ($46.97 at retail)');
  await pets.getByRole('button', { name: 'Add a pet' }).click();
  const form = pets.getByRole('form', { name: 'New pet' });
  await form.getByLabel("Pet's name").fill('Juniper');
  await form.getByLabel('Species').selectOption('cat');
  await form.getByLabel('Age (years)').fill('-1');
  await form.getByRole('button', { name: 'Save pet' }).click();
  await expect(form.getByText('Age must not be negative.')).toBeVisible();
  await form.getByLabel('Age (years)').fill('2');
  await form.getByLabel('Allergies').fill('Fish');
  await form.getByRole('button', { name: 'Save pet' }).click();
  await expect(pets).toContainText('Juniper');
  await expect(pets).toContainText('Allergic to fish');
  await shots(page, 'partner');

  await openApp(page, 'partners');
  await page.getByLabel('Pets').selectOption({ label: 'Cats' });
  const list = page.getByRole('table');
  await expect(list.getByRole('link', { name: 'Sam Okafor' })).toBeVisible();
  await expect(list.getByRole('link', { name: 'Jordan Reyes' })).toBeVisible();
  await expect(list.getByRole('link', { name: 'Maya Chen' })).toHaveCount(0);
  await page.getByLabel('Pets').selectOption({ label: 'Rabbits' });
  await expect(list.getByRole('link', { name: 'Hannah Brooks' })).toBeVisible();
  await expect(list.getByRole('link', { name: 'Sam Okafor' })).toHaveCount(0);
});

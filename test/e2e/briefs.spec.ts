import { expect, loadSampleData, openApp, test } from './fixtures';
import { brandToday } from './calendar-helpers';

const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const shots = process.env.SHOTS === '1';

test('a campaign brief, a post that follows it, its review checklist and usage rights on the Dashboard', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, 'calendar/campaigns');
  await page.getByRole('link', { name: 'Holiday Gift Boxes' }).click();
  await page.getByRole('button', { name: 'Add a brief' }).click();
  const dlg = page.getByRole('dialog', { name: 'Brief: Holiday Gift Boxes' });
  await dlg
    .getByRole('textbox', { name: 'Key messages' })
    .fill('Calming chews made with chamomile');
  await dlg.getByRole('textbox', { name: 'Claims to avoid' }).fill('Cures anxiety');
  await dlg.getByLabel('Your own review points').fill('Code HOLIDAY15 spelled right');
  if (shots) await page.screenshot({ path: '/tmp/shots/brief-campaign-dialog.png' });
  await dlg.getByRole('button', { name: 'Save brief' }).click();
  await expect(dlg).toBeHidden();
  const card = page.getByRole('region', { name: 'Brief' });
  await expect(card.getByText('Calming chews made with chamomile')).toBeVisible();
  await expect(card.getByText(/No health or other claims/)).toBeVisible();

  // A post of the campaign follows its brief; the owner ticks the review checklist.
  await page.getByRole('button', { name: 'Add item' }).click();
  const item = page.getByRole('dialog', { name: 'Add content item' });
  await item.getByLabel('Partner', { exact: true }).selectOption({ index: 1 });
  const today = brandToday();
  await item.getByLabel('Planned date').fill(today);
  await item.getByLabel('Title').fill('Chews by the fire');
  await expect(
    item.getByText('Follows the brief of the campaign “Holiday Gift Boxes”.'),
  ).toBeVisible();
  await expect(item.getByText('Review checklist (0 of 5 checked)')).toBeVisible();
  await item.getByLabel('Caption shows #ad at the start').check();
  await item.getByLabel('Code HOLIDAY15 spelled right').check();
  await expect(item.getByText('Review checklist (2 of 5 checked)')).toBeVisible();

  // Bad input: rights that end before the post date are refused, naming the field.
  await item.getByLabel('Brand may repost it (organic)').check();
  await item.getByLabel('Usage rights end').fill(addDays(today, -1));
  await item.getByRole('button', { name: 'Add item' }).click();
  await expect(
    item.getByText(
      `Usage rights end date (${addDays(today, -1)}) is before the post date (${today})`,
    ),
  ).toBeVisible();
  await expect(item).toBeVisible();
  if (shots) await page.screenshot({ path: '/tmp/shots/brief-item-dialog.png', fullPage: true });

  await item.getByLabel('Usage rights end').fill(addDays(today, 12));
  await item.getByRole('button', { name: 'Add item' }).click();
  await expect(item).toBeHidden();

  await openApp(page, 'dashboard');
  const rights = page.getByRole('region', { name: 'Usage rights ending in the next 30 days' });
  await expect(rights.getByText('Chews by the fire')).toBeVisible();
  await expect(rights.getByText('reposts end in 12 days')).toBeVisible();
  if (shots) {
    await rights.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/shots/rights-dashboard.png' });
  }
});

test('at 1024 x 700 the item dialog with its brief fits without scrolling sideways', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await loadSampleData(page);
  await openApp(page, 'calendar/campaigns');
  await page.getByRole('link', { name: 'Holiday Gift Boxes' }).click();
  await page.getByRole('button', { name: 'Add item' }).click();
  const item = page.getByRole('dialog', { name: 'Add content item' });
  await item.getByRole('button', { name: 'Add a brief' }).click();
  await item.getByRole('textbox', { name: 'Key messages' }).fill('Made with chamomile');
  const overflow = await item.evaluate((d) => d.scrollWidth - d.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  if (shots) {
    await item.getByRole('textbox', { name: 'Key messages' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/shots/brief-item-1024.png' });
  }
});

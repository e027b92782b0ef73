import { axeViolations, expect, loadSampleData, openApp, test } from './fixtures';

test('no serious accessibility violations on the partners list, detail and form', async ({
  page,
}) => {
  await loadSampleData(page);
  for (const [route, heading] of [
    ['partners', 'Partners'],
    ['partners/p-001', 'Maya Chen'],
    ['partners/p-001/edit', 'Edit Maya Chen'],
    ['partners/new', 'Add partner'],
  ] as const) {
    await openApp(page, route);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    expect(await axeViolations(page), `axe on ${route}`).toEqual([]);
  }
  // The bulk bar and the import preview are controls too.
  await openApp(page, 'partners');
  await page.getByLabel('Select all shown partners').check();
  await expect(page.getByRole('region', { name: 'Bulk actions' })).toBeVisible();
  expect(await axeViolations(page), 'axe with bulk bar').toEqual([]);
});

import { readFileSync } from 'node:fs';
import { dayCell, dayOfThisMonth, longDay } from './calendar-helpers';
import { expect, loadSampleData, openApp, test } from './fixtures';

test('add on a day, move by drag and by keyboard, publish with results, export .ics and CSV', async ({
  page,
}) => {
  // A long flow with a reload and two downloads on a shared machine.
  test.setTimeout(150_000);
  await loadSampleData(page);
  await openApp(page, 'calendar');
  const d10 = dayOfThisMonth(10);

  // Quick add on the 10th.
  await dayCell(page, d10)
    .getByRole('button', { name: `Add on ${longDay(d10)}` })
    .click();
  const quick = page.getByRole('dialog', { name: `Add on ${longDay(d10)}` });
  await quick.getByRole('button', { name: 'Add item' }).click();
  await expect(quick.getByLabel('Partner')).toHaveAccessibleDescription('Choose a partner');
  await quick.getByLabel('Partner').selectOption({ label: 'Maya Chen (ambassador)' });
  await quick.getByLabel('Title').fill('Pupsicle teaser');
  await quick.getByRole('button', { name: 'Add item' }).click();
  await expect(quick).toBeHidden();
  const chip = page.getByRole('button', { name: /Pupsicle teaser/ });
  await expect(dayCell(page, d10).getByRole('button', { name: /Pupsicle teaser/ })).toBeVisible();
  const itemId = await chip.getAttribute('data-item-id');
  expect(itemId).toBeTruthy();

  // Drag to the 12th.
  const d12 = dayOfThisMonth(12);
  await chip.dragTo(dayCell(page, d12));
  await expect(dayCell(page, d12).getByRole('button', { name: /Pupsicle teaser/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Moved' })).toHaveText(
    `Moved Maya Chen's Pupsicle teaser to ${longDay(d12)}.`,
  );

  // Keyboard: a day later, then a week later; focus stays on the item.
  await chip.focus();
  await page.keyboard.press('Alt+ArrowRight');
  const d13 = dayOfThisMonth(13);
  await expect(dayCell(page, d13).getByRole('button', { name: /Pupsicle teaser/ })).toBeVisible();
  await expect(chip).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  const d20 = dayOfThisMonth(20);
  await expect(dayCell(page, d20).getByRole('button', { name: /Pupsicle teaser/ })).toBeVisible();
  await expect(chip).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Moved' })).toHaveText(
    `Moved Maya Chen's Pupsicle teaser to ${longDay(d20)}.`,
  );

  // Publish with results; a negative number is refused next to its field.
  await chip.click();
  const edit = page.getByRole('dialog', { name: 'Edit content item' });
  await expect(edit.getByLabel('Planned date')).toHaveValue(d20);
  await expect(edit.getByLabel('Reach')).toHaveCount(0);
  await edit.getByLabel('Status').selectOption('published');
  await edit.getByLabel('Reach').fill('-5');
  await edit.getByLabel('Likes').fill('80');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByText('Reach must not be negative')).toBeVisible();
  await expect(edit.getByLabel('Reach')).toHaveAttribute('aria-invalid', 'true');
  await edit.getByLabel('Reach').fill('2000');
  await edit.getByLabel('Comments').fill('10');
  await edit.getByLabel('Shares').fill('6');
  await edit.getByLabel('Saves').fill('4');
  await edit.getByLabel('Clicks').fill('50');
  await edit.getByLabel('Published URL').fill('https://instagram.example/maya/pupsicle');
  await expect(edit.getByText('Engagement rate 5.0%')).toBeVisible();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(chip).toHaveAccessibleName(/Pupsicle teaser, Published/);

  // It is all stored: after a reload the item is on the 20th, published, with its results.
  await page.reload();
  await expect(dayCell(page, d20).getByRole('button', { name: /Pupsicle teaser/ })).toBeVisible();
  await chip.click();
  await expect(edit.getByLabel('Reach')).toHaveValue('2000');
  await edit.getByRole('button', { name: 'Cancel' }).click();

  // Export only Maya's items as iCalendar.
  await page.getByLabel('Partner').selectOption({ label: 'Maya Chen' });
  const [ics] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export .ics' }).click(),
  ]);
  expect(ics.suggestedFilename()).toMatch(/content-calendar-\d{4}-\d{2}-\d{2}\.ics$/);
  const text = readFileSync((await ics.path())!, 'utf8');
  expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of text.split('\r\n'))
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  const unfolded = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const start = unfolded.indexOf(`UID:${itemId}@pawtners`);
  expect(start).toBeGreaterThan(0);
  const event = unfolded.slice(start, unfolded.indexOf('END:VEVENT', start));
  expect(event).toContain(`DTSTART;VALUE=DATE:${d20.replace(/-/g, '')}`);
  expect(event).toContain('SUMMARY:Maya Chen: Pupsicle teaser (instagram post)');
  expect(event).toContain('URL:https://instagram.example/maya/pupsicle');
  expect(event).toContain('STATUS:CONFIRMED');
  // Only Maya's items were exported.
  const summaries = unfolded.filter((l) => l.startsWith('SUMMARY:'));
  expect(summaries.length).toBeGreaterThan(1);
  expect(summaries.every((l) => l.startsWith('SUMMARY:Maya Chen: '))).toBe(true);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const csvText = readFileSync((await csv.path())!, 'utf8');
  expect(csvText.split('\r\n')[0]).toMatch(/^Date,Time,Partner,Kind,Campaign,/);
  expect(csvText).toContain(
    `${d20},,Maya Chen,ambassador,,instagram,post,Published,Pupsicle teaser,co-created,`,
  );
  expect(csvText).toContain(',2000,');
});

test('the add dialog refuses bad input with messages and saves nothing', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, 'calendar');
  await page.getByRole('button', { name: 'Add item' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add content item' });
  await dialog.getByLabel('Title').fill('Should not exist');
  await dialog.getByLabel('Cost (flat fee)').fill('-3');
  await dialog.getByRole('button', { name: 'Add item' }).click();
  await expect(dialog.getByLabel('Partner')).toHaveAccessibleDescription('Choose a partner');
  await expect(dialog.getByText('Cost must not be negative')).toBeVisible();
  await dialog.getByLabel('Partner').selectOption({ label: 'Maya Chen (ambassador)' });
  await dialog.getByLabel('Cost (flat fee)').fill('abc');
  await dialog.getByLabel('Planned date').fill('');
  await dialog.getByRole('button', { name: 'Add item' }).click();
  await expect(dialog.getByText('Enter an amount like 25.00')).toBeVisible();
  await expect(dialog.getByText('Choose a planned date')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Agenda', exact: true }).click();
  await expect(page.getByText('Should not exist')).toHaveCount(0);
});

test('a campaign: a bad budget is refused, then it is created with its partners and edited', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, 'calendar/campaigns');
  await page.getByRole('button', { name: 'New campaign' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New campaign' });
  await dialog.getByLabel('Name').fill('Snuffle Mat Week');
  await dialog.getByLabel('Goal').selectOption('sales');
  await dialog.getByLabel('Budget').fill('twelve');
  await dialog.getByLabel('Maya Chen').check();
  await dialog.getByRole('button', { name: 'Save campaign' }).click();
  await expect(dialog.getByText('Enter an amount like 1500.00')).toBeVisible();
  await dialog.getByLabel('Budget').fill('1250.50');
  await dialog.getByRole('button', { name: 'Save campaign' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Snuffle Mat Week' })).toBeVisible();
  await expect(page.getByText(/^Sales campaign/)).toBeVisible();
  // Budget and Remaining (nothing spent yet).
  await expect(page.getByText('$1,250.50')).toHaveCount(2);
  const partners = page.locator('.cal-plain-list');
  await expect(partners.getByRole('link', { name: 'Maya Chen' })).toBeVisible();

  await page.getByRole('button', { name: 'Edit campaign' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit campaign' });
  await expect(edit.getByLabel('Budget')).toHaveValue('1250.50');
  await edit.getByLabel('Name').fill('Snuffle Mat Fortnight');
  await edit.getByRole('button', { name: 'Save campaign' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Snuffle Mat Fortnight' }),
  ).toBeVisible();
});

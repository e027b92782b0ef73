import { dayCell, dayOfThisMonth, longDay } from './calendar-helpers';
import { expect, loadSampleData, openApp, test } from './fixtures';

test('a calendar move: Ctrl+Z puts it back, Shift+Ctrl+Z moves it again; text fields keep their own undo', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await loadSampleData(page);
  await openApp(page, 'calendar');
  const d10 = dayOfThisMonth(10);
  const d11 = dayOfThisMonth(11);
  await dayCell(page, d10)
    .getByRole('button', { name: `Add on ${longDay(d10)}` })
    .click();
  const quick = page.getByRole('dialog', { name: `Add on ${longDay(d10)}` });
  await quick.getByLabel('Partner').selectOption({ label: 'Maya Chen (ambassador)' });
  await quick.getByLabel('Title').fill('Undo me');
  await quick.getByRole('button', { name: 'Add item' }).click();
  await expect(quick).toBeHidden();
  const chipOn = (d: string) => dayCell(page, d).getByRole('button', { name: /Undo me/ });
  await expect(chipOn(d10)).toBeVisible();

  // Move it a day later by keyboard.
  await chipOn(d10).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(chipOn(d11)).toBeVisible();
  // Said once the move is stored (and in the history).
  await expect(page.getByText(`Moved Maya Chen's Undo me to ${longDay(d11)}.`)).toBeAttached();

  // Ctrl+Z: back on the 10th, and it stays there after the database is read again.
  await page.keyboard.press('Control+z');
  await expect(chipOn(d10)).toBeVisible();
  await expect(chipOn(d11)).toHaveCount(0);
  await expect(page.getByText(`Maya Chen's Undo me is back on ${longDay(d10)}.`)).toBeVisible();

  // Shift+Ctrl+Z: on the 11th again.
  await page.keyboard.press('Shift+Control+z');
  await expect(chipOn(d11)).toBeVisible();
  await expect(chipOn(d10)).toHaveCount(0);
  await expect(
    page.getByText(`Redone: moving Maya Chen's Undo me to ${longDay(d11)}`),
  ).toBeVisible();

  // Inside a text field Ctrl+Z is the field's own: the move stays.
  await page.reload();
  await expect(chipOn(d11)).toBeVisible();
  await page.keyboard.press('Control+k');
  const search = page.getByRole('combobox', { name: /Search/ });
  await search.fill('maya');
  await search.press('Control+z');
  await page.keyboard.press('Escape');
  await expect(chipOn(d11)).toBeVisible();
  // The history lives for the session: after the reload there is nothing to undo.
  await page.locator('body').press('Control+z');
  await expect(page.getByText('Nothing to undo.')).toBeVisible();
  await expect(chipOn(d11)).toBeVisible();
});

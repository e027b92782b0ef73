import { indexByPartner, payoutsOwed } from '../../src/domain/compare';
import { addDays, dateInZone } from '../../src/domain/dates';
import { formatMoney } from '../../src/domain/money';
import { generateSampleData } from '../../src/domain/sample-data';
import { longDay } from './calendar-helpers';
import { expect, loadSampleData, openApp, test } from './fixtures';

test('reminders: content due tomorrow and payouts due, listed from the sidebar by keyboard', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await loadSampleData(page);
  const now = Date.now();
  const today = dateInZone(now, 'America/New_York');
  const tomorrow = addDays(today, 1);
  // A post due tomorrow, added on the calendar (week view reaches tomorrow at a month's end).
  await openApp(page, `calendar/day/${tomorrow}`);
  await page.locator('.cal-month, .cal-week').first().waitFor();
  const addButton = page.getByRole('button', { name: `Add on ${longDay(tomorrow)}` }).first();
  await addButton.click();
  const quick = page.getByRole('dialog', { name: `Add on ${longDay(tomorrow)}` });
  await quick.getByLabel('Partner').selectOption({ label: 'Maya Chen (ambassador)' });
  await quick.getByLabel('Title').fill('Frozen pupsicle unboxing');
  await quick.getByRole('button', { name: 'Add item' }).click();
  await expect(quick).toBeHidden();

  // The most owed partner, worked out from the sample brand as the app made it.
  const data = generateSampleData(today, now);
  const owed = payoutsOwed(data, indexByPartner(data, 'America/New_York'), data.payouts, {
    timeZone: 'America/New_York',
    countDiscountAsCost: false,
    today,
  });
  const top = owed.byPartner[0]!;
  const topName = data.partners.find((p) => p.id === top.partnerId)!.name;

  await openApp(page, 'dashboard');
  const button = page.getByRole('button', { name: /^Reminders \d+ due$/ });
  await expect(button).toBeVisible({ timeout: 15_000 });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Reminders' });
  await expect(dialog).toBeVisible();
  const due = dialog.getByRole('region', { name: 'Content due today or tomorrow' });
  await expect(
    due.getByRole('link', { name: 'Maya Chen: “Frozen pupsicle unboxing” is due tomorrow' }),
  ).toBeVisible();
  const pay = dialog.getByRole('region', { name: 'Payouts due' });
  await expect(pay.getByRole('link').first()).toHaveText(
    `Pay ${topName} ${formatMoney(top.owedCents, 'USD', 'en-US')}`,
  );
  await expect(pay.getByRole('link')).toHaveCount(owed.byPartner.length);
  // Esc closes and gives focus back; the link opens the day on the calendar.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await due.getByRole('link', { name: /Frozen pupsicle unboxing/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
  await expect(
    page.getByRole('button', { name: /Frozen pupsicle unboxing/ }).first(),
  ).toBeVisible();
});

test('Settings: desktop notifications are the desktop app’s, off unless turned on', async ({
  page,
}) => {
  await openApp(page, 'settings');
  const card = page.getByRole('region', { name: 'Reminders' });
  await expect(card).toContainText('listed under Reminders in the sidebar');
  // In a browser there is nothing to turn on; the desktop app shows an unticked box.
  await expect(card.getByRole('checkbox')).toHaveCount(0);
  await expect(card).toContainText('Desktop notifications come with the desktop app');
});

import { axeViolations, expect, loadSampleData, openApp, test } from './fixtures';

/** Screenshots of every calendar view with the sample brand, for a human look. */
test('calendar views with sample data render, stay accessible and fit 1280 px', async ({
  page,
}) => {
  // Five axe runs and full-page screenshots on a busy machine.
  test.setTimeout(150_000);
  await loadSampleData(page);
  await openApp(page, 'calendar');
  await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
  const month = page.locator('.cal-month');
  await expect(month.locator('.cal-chip').first()).toBeVisible();
  const noHorizontalScroll = () =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(await noHorizontalScroll()).toBe(true);
  expect(await axeViolations(page), 'axe on month').toEqual([]);
  await page.screenshot({ path: '/tmp/shots/calendar-month.png', fullPage: true });

  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await expect(page.locator('.cal-week')).toBeVisible();
  expect(await noHorizontalScroll()).toBe(true);
  expect(await axeViolations(page), 'axe on week').toEqual([]);
  await page.screenshot({ path: '/tmp/shots/calendar-week.png', fullPage: true });

  await page.getByRole('button', { name: 'Agenda', exact: true }).click();
  await expect(page.locator('.cal-agenda')).toBeVisible();
  expect(await axeViolations(page), 'axe on agenda').toEqual([]);
  await page.screenshot({ path: '/tmp/shots/calendar-agenda.png' });

  await page.getByRole('link', { name: 'Deliverables' }).click();
  await expect(page.getByRole('heading', { name: 'Deliverables' })).toBeVisible();
  expect(await noHorizontalScroll()).toBe(true);
  expect(await axeViolations(page), 'axe on deliverables').toEqual([]);
  await page.screenshot({ path: '/tmp/shots/calendar-deliverables.png', fullPage: true });

  await page.getByRole('link', { name: 'Campaigns' }).click();
  await page.screenshot({ path: '/tmp/shots/calendar-campaigns.png', fullPage: true });
  await page.getByRole('link', { name: 'Summer Pupsicle Launch' }).click();
  await expect(page.getByRole('heading', { name: 'Summer Pupsicle Launch' })).toBeVisible();
  expect(await axeViolations(page), 'axe on campaign').toEqual([]);
  await page.screenshot({ path: '/tmp/shots/calendar-campaign.png', fullPage: true });

  // The chosen view survives leaving the screen and coming back.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Calendar' })
    .click();
  await expect(page.getByRole('button', { name: 'Agenda', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

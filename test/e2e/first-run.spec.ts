import { expect, openApp, test } from './fixtures';

test.use({ timezoneId: 'Europe/Berlin', locale: 'de-DE' });

test('first run asks to confirm brand name, time zone and currency, proposed from the computer', async ({
  page,
}) => {
  await openApp(page, 'dashboard');
  const setup = page.getByRole('region', { name: 'First, your brand' });
  await expect(setup.getByLabel('Time zone')).toHaveValue('Europe/Berlin');
  await expect(setup.getByLabel('Currency')).toHaveValue('EUR');
  await expect(setup.getByLabel('Time zone')).toHaveAttribute('list', 'intl-time-zones');
  if (process.env.SHOTS_DIR)
    await page.screenshot({ path: `${process.env.SHOTS_DIR}/first-run.png` });

  await setup.getByRole('button', { name: 'Confirm' }).click();
  await expect(setup.getByLabel('Brand name')).toHaveAccessibleDescription(
    'Enter your brand’s name',
  );
  await setup.getByLabel('Currency').fill('XYZ1');
  await setup.getByLabel('Brand name').fill('Barkside Treats');
  await setup.getByRole('button', { name: 'Confirm' }).click();
  await expect(setup.getByLabel('Currency')).toHaveAttribute('aria-invalid', 'true');

  await setup.getByLabel('Currency').fill('gbp');
  await setup.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('Saved: you can change these in Settings.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'First, your brand' })).toHaveCount(0);
  await expect(page.getByText('Barkside Treats at a glance')).toBeVisible();

  await openApp(page, 'settings');
  await expect(page.getByLabel('Currency')).toHaveValue('GBP');
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Berlin');
  await expect(page.getByLabel('Locale')).toHaveValue('de-DE');
  await expect(page.getByLabel('Currency')).toHaveAttribute('list', 'intl-currencies');
  await expect(page.getByLabel('Locale')).toHaveAttribute('list', 'intl-locales');
});

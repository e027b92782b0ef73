import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { SEED_ID, SEED_PARTNER, seedPartner } from './partner-seed';
import { seedOrder } from '../fixtures/partner-march';

const today = new Date().toISOString().slice(0, 10); // the seeded brand's time zone is UTC

const bonuses = (page: Page) => page.getByRole('region', { name: 'One-off bonuses' });
const rules = (page: Page) => page.getByRole('region', { name: 'Milestone rules' });
const results = (page: Page, label: string) =>
  page
    .getByRole('region', { name: 'Results' })
    .locator('.stat', { has: page.getByText(label, { exact: true }) })
    .locator('.stat-value');

test('bonuses and milestone rules: progress this month, add, change, refuse bad input, remove', async ({
  page,
}) => {
  await seedPartner(page, {
    // $1,240 of attributed revenue this month (10 % commission on it: $124).
    orders: [{ ...seedOrder(9, today, 124_000, 124_000), customerKey: null }],
    bonusRules: [
      {
        id: 'rule-2000',
        createdAt: 1,
        updatedAt: 1,
        name: 'Big month',
        kind: 'affiliate',
        minMonthlyRevenueCents: 200_000,
        bonusCents: 10_000,
        active: true,
      },
    ],
  });
  await openApp(page, `partners/${SEED_ID}`);
  await expect(page.getByRole('heading', { level: 1, name: SEED_PARTNER })).toBeVisible();
  const progress = page.getByRole('status', { name: 'Milestone this month' });
  await expect(progress).toContainText(
    'This month: $1,240.00 of $2,000.00 attributed revenue: $760.00 to a $100.00 bonus.',
  );
  await expect(rules(page)).toContainText(
    'Monthly attributed revenue at least $2,000.00: bonus $100.00 · every micro-affiliate',
  );
  await expect(results(page, 'Cost')).toHaveText('$124.00');

  // A negative amount is refused with a message naming the field; nothing is saved.
  await bonuses(page).getByRole('button', { name: 'Add bonus' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a one-off bonus' });
  await dialog.getByLabel('Amount').fill('-50');
  await dialog.getByLabel('Note').fill('Launch video');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('The bonus amount cannot be negative')).toBeVisible();
  await expect(dialog.getByLabel('Amount')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(bonuses(page)).toContainText('None yet.');

  await bonuses(page).getByRole('button', { name: 'Add bonus' }).click();
  await dialog.getByLabel('Amount').fill('20');
  await dialog.getByLabel('Note').fill('Launch video');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(bonuses(page).getByRole('listitem')).toHaveText([
    new RegExp(`^\\$20\\.00 on ${today} · Launch video`),
  ]);
  await bonuses(page)
    .getByRole('button', { name: `Change bonus of $20.00 on ${today}` })
    .click();
  const change = page.getByRole('dialog', { name: 'Change bonus' });
  await expect(change.getByLabel('Amount')).toHaveValue('20.00');
  await change.getByLabel('Amount').fill('25');
  await change.getByRole('button', { name: 'Save' }).click();
  await expect(bonuses(page).getByRole('listitem')).toHaveText([
    new RegExp(`^\\$25\\.00 on ${today}`),
  ]);
  // The bonus is a cost of the period that holds its date: $124 commission + $25.
  await expect(results(page, 'Cost')).toHaveText('$149.00');

  // A rule without a threshold is refused naming the field; then a $1,000 rule is reached.
  await rules(page).getByRole('button', { name: 'Add milestone rule' }).click();
  const ruleDialog = page.getByRole('dialog', { name: 'Add a milestone rule' });
  await ruleDialog.getByLabel('Bonus').fill('50');
  await ruleDialog.getByRole('button', { name: 'Save' }).click();
  await expect(
    ruleDialog.getByText('Enter the monthly revenue threshold, like 100.00'),
  ).toBeVisible();
  await ruleDialog.getByLabel('Monthly attributed revenue at least').fill('1,000');
  await ruleDialog.getByRole('button', { name: 'Save' }).click();
  await expect(ruleDialog).toBeHidden();
  await expect(rules(page).getByRole('listitem')).toHaveCount(2);
  await expect(progress).toContainText(
    '$760.00 to a $100.00 bonus. $50.00 in bonuses reached already.',
  );

  // Change the first rule's bonus, then remove the new one.
  await rules(page).getByRole('button', { name: 'Change rule Big month' }).click();
  const changeRule = page.getByRole('dialog', { name: 'Change milestone rule' });
  await expect(changeRule.getByLabel('Monthly attributed revenue at least')).toHaveValue('2000.00');
  await changeRule.getByLabel('Bonus').fill('150');
  await changeRule.getByRole('button', { name: 'Save' }).click();
  await expect(progress).toContainText('$760.00 to a $150.00 bonus.');
  await rules(page)
    .getByRole('button', { name: 'Remove rule $50.00 at $1,000.00 a month' })
    .click();
  await expect(rules(page).getByRole('listitem')).toHaveCount(1);
  await expect(progress).not.toContainText('reached already');
});

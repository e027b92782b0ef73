import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, loadSampleData, openApp } from './fixtures';
import type { Bonus, BonusRule, Order, Partner } from '../../src/domain/schemas';
import { SEED_CONTENT, SEED_CONTRACT, SEED_ID, SEED_ORDERS } from '../fixtures/partner-march';

export { SEED_ID };

/** The partner of ../fixtures/partner-march.ts, restored through Settings > Import backup. */
export const SEED_PARTNER = 'Biscuit Bakes';

export interface SeedExtra {
  bonuses?: Bonus[];
  bonusRules?: BonusRule[];
  orders?: Order[];
}

/** Replace the app's data with the seeded partner (CPM $12.00, time zone UTC). */
export async function seedPartner(page: Page, extra: SeedExtra = {}): Promise<void> {
  await loadSampleData(page);
  await openApp(page, 'settings');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export backup' }).click();
  const file = JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as {
    counts: Record<string, number>;
    data: Record<string, unknown[]>;
  };
  const template = (file.data.partners as Partner[]).find((p) => p.id === SEED_ID)!;
  const partner: Partner = {
    ...template,
    name: SEED_PARTNER,
    kind: 'affiliate',
    archived: false,
    status: 'active',
    codes: ['BISCUIT10'],
    referralSlug: 'biscuit_bakes',
    accounts: [
      {
        ...template.accounts[0]!,
        platform: 'instagram',
        handle: '@biscuitbakes',
        followers: 10_000,
      },
      { ...template.accounts[0]!, platform: 'tiktok', handle: '@biscuit.bakes', followers: 4_000 },
    ],
  };
  const settings = (file.data.settings as Record<string, unknown>[]).map((s) => ({
    ...s,
    cpmCents: 1_200,
    timeZone: 'UTC',
    currency: 'USD',
    locale: 'en-US',
  }));
  const data: Record<string, unknown[]> = {
    ...Object.fromEntries(Object.keys(file.data).map((k) => [k, []])),
    settings,
    partners: [partner],
    contracts: [SEED_CONTRACT],
    orders: [...SEED_ORDERS, ...(extra.orders ?? [])],
    contentItems: SEED_CONTENT,
    bonuses: extra.bonuses ?? [],
    bonusRules: extra.bonusRules ?? [],
  };
  const counts = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.length]));
  await replaceWithBackup(page, JSON.stringify({ ...file, counts, data }));
}

/** On Settings: import the backup `text` with "Replace my data" and wait for it to be restored. */
export async function replaceWithBackup(page: Page, text: string): Promise<void> {
  const picked = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import backup…' }).click();
  await (
    await picked
  ).setFiles({
    name: 'seed.pawtners-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  const dialog = page.getByRole('dialog', { name: 'Import this backup?' });
  await dialog.getByRole('button', { name: 'Replace my data' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Backup restored: /)).toBeVisible();
}

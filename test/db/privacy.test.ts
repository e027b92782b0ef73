import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyImport } from '../../src/db/backup';
import { exportBackupText } from '../../src/features/settings/backup-file';
import { parseBackup } from '../../src/io/backup';
import { PawtnersDb } from '../../src/db/db';
import { saveSettings } from '../../src/db/repo';
import { importFixture, NOW, seedPartners } from './orders-helpers';

let db: PawtnersDb;
let n = 0;
beforeEach(async () => {
  db = new PawtnersDb(`test-privacy-${n++}`);
  await db.open();
  await seedPartners(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** The customers' emails written in the fixture files (the Email column). */
function customerEmails(): string[] {
  const found = new Set<string>();
  for (const f of ['shopify-orders.csv', 'shopify-orders-later.csv']) {
    const text = readFileSync(path.join(__dirname, '../fixtures/orders', f), 'utf8');
    for (const m of text.matchAll(/[\w.+-]+@[\w-]+\.[\w.]+/g)) found.add(m[0].toLowerCase());
  }
  return [...found];
}

describe('customer privacy in backups', () => {
  it('an exported backup holds no customer email by default', async () => {
    await importFixture(db, 'shopify-orders.csv');
    await importFixture(db, 'shopify-orders-later.csv');
    const emails = customerEmails();
    expect(emails.length).toBeGreaterThan(3);
    const backup = (await exportBackupText(db, { appVersion: '0.1.0', now: NOW })).toLowerCase();
    for (const e of emails) expect(backup.includes(e), e).toBe(false);
    // Customers are still told apart: orders carry their salted keys.
    expect(await db.orders.filter((o) => o.customerKey !== null).count()).toBeGreaterThan(0);
  });

  it('holds them only when the owner opted in to keeping emails', async () => {
    await saveSettings(db, { keepRawEmails: true });
    await importFixture(db, 'shopify-orders.csv');
    const backup = (await exportBackupText(db, { appVersion: '0.1.0', now: NOW })).toLowerCase();
    expect(customerEmails().some((e) => backup.includes(e))).toBe(true);
  });

  it('refuses to change the customer salt while orders exist', async () => {
    await importFixture(db, 'shopify-orders.csv');
    await expect(saveSettings(db, { customerSalt: 'another' })).rejects.toThrow(/cannot change/);
    await db.orders.clear();
    await saveSettings(db, { customerSalt: 'another' });
    expect((await db.settings.get('settings'))!.customerSalt).toBe('another');
  });

  it('a Merge keeps the salt stored here, however new the backup is', async () => {
    await importFixture(db, 'shopify-orders.csv');
    const ours = (await db.settings.get('settings'))!.customerSalt;
    expect(ours).not.toBe('');
    const parsed = parseBackup(await exportBackupText(db, { appVersion: '0.1.0', now: NOW }));
    if (!parsed.ok) throw new Error('the export must parse');
    const s = parsed.backup.data.settings[0]!;
    parsed.backup.data.settings = [
      { ...s, customerSalt: 'theirs', brandName: 'Newer name', updatedAt: s.updatedAt + 1 },
    ];
    const { plan } = await applyImport(db, parsed.backup.data, 'merge', {
      now: NOW,
      reason: 'test',
    });
    expect(plan.otherCustomerSalt).toBe(true);
    const after = (await db.settings.get('settings'))!;
    expect(after.brandName).toBe('Newer name');
    expect(after.customerSalt).toBe(ours);
  });
});

import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteBonus, deleteBonusRule, saveBonus, saveBonusRule } from '../../src/db/bonuses';
import { PawtnersDb } from '../../src/db/db';
import { allBonusRules, bonusesOfPartner, savePartner } from '../../src/db/partners';
import { emptyPartnerDraft } from '../../src/domain/partners';

let db: PawtnersDb;
let n = 0;

beforeEach(async () => {
  db = new PawtnersDb(`test-bonuses-${n++}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function partner(): Promise<string> {
  const p = await savePartner(
    db,
    { ...emptyPartnerDraft('affiliate'), name: 'Biscuit Bakes' },
    { id: null, today: '2025-03-01' },
  );
  return p.id;
}

describe('bonuses', () => {
  it('adds, edits and deletes a one-off bonus; the deletion is recorded', async () => {
    const id = await partner();
    const b = await saveBonus(
      db,
      null,
      { partnerId: id, amountCents: 2_000, date: '2025-03-12', reason: 'launch' },
      10,
    );
    await saveBonus(
      db,
      b.id,
      { partnerId: id, amountCents: 2_500, date: '2025-03-13', reason: 'launch' },
      20,
    );
    expect(await bonusesOfPartner(db, id)).toEqual([
      {
        id: b.id,
        createdAt: 10,
        updatedAt: 20,
        partnerId: id,
        amountCents: 2_500,
        date: '2025-03-13',
        reason: 'launch',
      },
    ]);
    await deleteBonus(db, b.id);
    expect(await bonusesOfPartner(db, id)).toEqual([]);
    expect(await db.deletions.get(`bonuses/${b.id}`)).toBeTruthy();
  });

  it('refuses a bonus of a partner that is gone, or a broken record, and writes nothing', async () => {
    await expect(
      saveBonus(db, null, {
        partnerId: 'nobody',
        amountCents: 100,
        date: '2025-03-12',
        reason: '',
      }),
    ).rejects.toThrow('This partner no longer exists.');
    const id = await partner();
    await expect(
      saveBonus(db, null, { partnerId: id, amountCents: -100, date: '2025-03-12', reason: '' }),
    ).rejects.toThrow();
    expect(await db.bonuses.count()).toBe(0);
  });
});

describe('milestone rules', () => {
  it('adds, edits and deletes a rule', async () => {
    const r = await saveBonusRule(db, null, {
      name: 'Spring push',
      kind: 'affiliate',
      minMonthlyRevenueCents: 200_000,
      bonusCents: 10_000,
      active: true,
    });
    await saveBonusRule(db, r.id, { ...r, bonusCents: 12_500 }, 99);
    expect((await allBonusRules(db))[0]!.updatedAt).toBe(99);
    expect((await allBonusRules(db)).map((x) => x.bonusCents)).toEqual([12_500]);
    await deleteBonusRule(db, r.id);
    expect(await allBonusRules(db)).toEqual([]);
    expect(await db.deletions.get(`bonusRules/${r.id}`)).toBeTruthy();
  });
});

import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allBrandFollowers, saveBrandFollowers } from '../../src/db/brand';
import { PawtnersDb } from '../../src/db/db';
import { replaceAllData } from '../../src/db/repo';
import { paidByPartner } from '../../src/db/stats';
import { generateSampleData } from '../../src/domain/sample-data';
import type { Platform } from '../../src/domain/schemas';

const NOW = Date.UTC(2026, 2, 15, 15);

let db: PawtnersDb;
let name = '';
let n = 0;

beforeEach(() => {
  name = `test-brand-${n++}`;
  db = new PawtnersDb(name);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const sorted = async () =>
  (await allBrandFollowers(db)).sort((a, b) =>
    `${a.platform}${a.month}`.localeCompare(`${b.platform}${b.month}`),
  );

describe('brand follower counts', () => {
  it('stores one count per platform and month; a new count replaces the old one', async () => {
    await saveBrandFollowers(
      db,
      [
        { month: '2025-03', platform: 'instagram', followers: 12_400 },
        { month: '2025-03', platform: 'tiktok', followers: 900 },
      ],
      NOW,
    );
    const [insta] = await sorted();
    await saveBrandFollowers(
      db,
      [
        { month: '2025-03', platform: 'instagram', followers: 13_000 },
        // Twice in one file: the last one wins.
        { month: '2025-04', platform: 'instagram', followers: 1 },
        { month: '2025-04', platform: 'instagram', followers: 2 },
      ],
      NOW + 1000,
    );
    const rows = await sorted();
    expect(rows.map((r) => [r.platform, r.month, r.followers])).toEqual([
      ['instagram', '2025-03', 13_000],
      ['instagram', '2025-04', 2],
      ['tiktok', '2025-03', 900],
    ]);
    expect(rows[0]).toMatchObject({ id: insta!.id, createdAt: NOW, updatedAt: NOW + 1000 });
  });

  it.each([
    [{ month: '2025-13', platform: 'instagram' as Platform, followers: 5 }, /month/],
    [{ month: '2025-01', platform: 'instagram' as Platform, followers: -3 }, /followers/],
    [{ month: '2025-01', platform: 'instagram' as Platform, followers: 1.5 }, /followers/],
    [{ month: '2025-01', platform: 'myspace' as Platform, followers: 5 }, /platform/],
  ])('refuses %o and writes nothing of the batch', async (bad, message) => {
    await expect(
      saveBrandFollowers(db, [{ month: '2025-02', platform: 'tiktok', followers: 10 }, bad], NOW),
    ).rejects.toThrow(message);
    expect(await allBrandFollowers(db)).toEqual([]);
  });
});

describe('paid by partner', () => {
  it('adds up every payment per partner', async () => {
    const data = generateSampleData('2026-03-15', NOW);
    await replaceAllData(db, data);
    const want = new Map<string, number>();
    for (const p of data.payouts)
      want.set(p.partnerId, (want.get(p.partnerId) ?? 0) + p.amountCents);
    expect(want.size).toBeGreaterThan(0);
    expect(await paidByPartner(db)).toEqual(want);
    expect(await paidByPartner(db, 'USD')).toEqual(want);
  });

  it('counts only the payments in the currency asked for', async () => {
    const data = generateSampleData('2026-03-15', NOW);
    await replaceAllData(db, data);
    const first = data.payouts[0]!;
    await db.payouts.put({ ...first, id: 'po-gbp', currency: 'GBP', amountCents: 4_321 });
    const usd = await paidByPartner(db, 'USD');
    const all = await paidByPartner(db);
    expect(await paidByPartner(db, 'GBP')).toEqual(new Map([[first.partnerId, 4_321]]));
    expect(all.get(first.partnerId)).toBe(usd.get(first.partnerId)! + 4_321);
  });
});

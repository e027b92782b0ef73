import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PawtnersDb } from '../../src/db/db';
import { writeOrders } from '../../src/db/orders';
import { readSettings } from '../../src/db/repo';
import {
  mapReferralToPartner,
  readUnknownReferrals,
  setNotPartner,
} from '../../src/db/unknown-values';
import { expectRollupsRight } from './backup-helpers';
import { order, seedPartners } from './orders-helpers';

let db: PawtnersDb;
let n = 0;
const T = Date.UTC(2024, 2, 1);

beforeEach(async () => {
  db = new PawtnersDb(`test-unknown-values-${n++}`);
  await db.open();
  await seedPartners(db);
  await writeOrders(db, [
    order(1, T, null, { note: 'utm_source: spring_ig', attribution: null }),
    order(2, T + 1, null, { tags: ['ref=@Spring_IG'], attribution: null, totalCents: 2500 }),
    order(3, T + 2, null, { note: 'utm_source: google', attribution: null }),
    order(4, T + 3, 'p-max', { note: 'utm_source: spring_ig' }),
    order(5, T + 4, null, { attribution: null }),
  ]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const unknown = async () =>
  readUnknownReferrals(
    db,
    await db.partners.toArray(),
    (await readSettings(db)).notPartnerKeys ?? [],
  );

describe('referral values nobody owns yet', () => {
  it('lists them with orders and revenue', async () => {
    expect(await unknown()).toEqual([
      // A tie between spellings: the first seen (newest order first).
      { code: 'Spring_IG', orders: 2, revenue: [{ currency: 'USD', cents: 3500 }] },
      { code: 'google', orders: 1, revenue: [{ currency: 'USD', cents: 1000 }] },
    ]);
  });

  it('a stopped run reads nothing more (the screen left, or a newer run began)', async () => {
    const partners = await db.partners.toArray();
    let asked = 0;
    const found = await readUnknownReferrals(db, partners, [], () => ++asked > 0);
    expect(found).toEqual([]);
    expect(asked).toBe(1);
  });

  it('mapping one to a partner with a slug keeps the slug, adds the value and credits its orders', async () => {
    expect(await mapReferralToPartner(db, '@Spring_IG', 'p-lucy', 5)).toBe(2);
    const lucy = (await db.partners.get('p-lucy'))!;
    expect(lucy.referralSlug).toBe('lucy-loaf');
    expect(lucy.referralAliases).toEqual(['Spring_IG']);
    expect((await db.orders.get('test:0002'))!.partnerId).toBe('p-lucy');
    expect((await db.orders.get('test:0002'))!.attribution).toEqual({
      method: 'referral',
      reason: 'ref=Spring_IG in tags',
    });
    // Credited orders of others stay.
    expect((await db.orders.get('test:0004'))!.partnerId).toBe('p-max');
    expect((await unknown()).map((u) => u.code)).toEqual(['google']);
    await expectRollupsRight(db);
  });

  it('a partner without a slug gets the value as its slug', async () => {
    await db.partners.update('p-pip', { referralSlug: '' });
    await mapReferralToPartner(db, 'spring_ig', 'p-pip');
    expect((await db.partners.get('p-pip'))!.referralSlug).toBe('spring_ig');
  });

  it('refuses a value another partner owns, or an empty one, changing nothing', async () => {
    const before = await db.orders.toArray();
    await expect(mapReferralToPartner(db, 'Lucy-Loaf', 'p-max')).rejects.toThrow(
      'Referral value Lucy-Loaf already belongs to Lucy Loaf.',
    );
    await expect(mapReferralToPartner(db, ' @ ', 'p-max')).rejects.toThrow('is empty');
    await expect(mapReferralToPartner(db, 'x', 'p-gone')).rejects.toThrow('no longer exists');
    expect(await db.orders.toArray()).toEqual(before);
    expect((await db.partners.get('p-max'))!.referralAliases).toBeUndefined();
  });

  it('marking a value as not a partner’s hides it, is remembered once in any case, and can be undone', async () => {
    await setNotPartner(db, 'google', true);
    await setNotPartner(db, '@GOOGLE', true);
    await setNotPartner(db, 'NEWSLETTER', true);
    expect((await readSettings(db)).notPartnerKeys).toEqual(['GOOGLE', 'NEWSLETTER']);
    expect((await unknown()).map((u) => u.code)).toEqual(['Spring_IG']);
    await setNotPartner(db, 'Google', false);
    expect((await readSettings(db)).notPartnerKeys).toEqual(['NEWSLETTER']);
    expect((await unknown()).map((u) => u.code)).toEqual(['Spring_IG', 'google']);
    await expect(setNotPartner(db, '', true)).rejects.toThrow('is empty');
  });
});

import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PawtnersDb } from '../../src/db/db';
import { contentOfPartner } from '../../src/db/content';
import { getOrder, ordersOfPartner } from '../../src/db/orders';
import {
  allBonuses,
  allBonusRules,
  bulkAddTag,
  bulkSetStatus,
  commitPartnerImport,
  customerOrdersOfPartner,
  deletePartner,
  PartnerValidationError,
  restorePartner,
  savePartner,
  setArchived,
} from '../../src/db/partners';
import { payoutsOfPartner } from '../../src/db/payouts';
import { StaleWriteError } from '../../src/db/stale';
import { loadSampleData } from '../../src/db/repo';
import {
  emptyContractDraft,
  emptyPartnerDraft,
  partnerToDraft,
  type PartnerDraft,
} from '../../src/domain/partners';
import { partnersToCsv, planPartnerImport } from '../../src/io/partners-csv';

let db: PawtnersDb;
let n = 0;
const today = '2025-06-15';

beforeEach(async () => {
  db = new PawtnersDb(`test-partners-${n++}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const draft = (over: Partial<PartnerDraft> = {}): PartnerDraft => ({
  ...emptyPartnerDraft('ambassador'),
  name: 'Rosa Vega',
  email: 'rosa@example.com',
  codes: 'ROSA10',
  accounts: [{ platform: 'instagram', handle: '@rosa', followers: '48200', engagementRate: '3.4' }],
  contracts: [{ ...emptyContractDraft('2025-01-01'), endDate: '2025-06-30', retainer: '300.00' }],
  ...over,
});

async function refused(p: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PartnerValidationError) return e.errors;
    throw e;
  }
  throw new Error('expected the save to be refused');
}

describe('partners repository', () => {
  it('stores a partner and its contract history together', async () => {
    const p = await savePartner(db, draft(), { id: null, today, now: 1000 });
    expect(await db.partners.get(p.id)).toMatchObject({ name: 'Rosa Vega', codes: ['ROSA10'] });
    const ks = await db.contracts.where('partnerId').equals(p.id).toArray();
    expect(ks).toMatchObject([
      { startDate: '2025-01-01', endDate: '2025-06-30', retainerCents: 30_000 },
    ]);
  });

  it('refuses a code another partner holds (any case) and writes nothing', async () => {
    await savePartner(db, draft(), { id: null, today });
    const errors = await refused(
      savePartner(db, draft({ name: 'Tom', email: 'tom@example.com', codes: 'rosa10' }), {
        id: null,
        today,
      }),
    );
    expect(errors.codes).toBe('rosa10 is already used by Rosa Vega');
    expect(await db.partners.count()).toBe(1);
    expect(await db.contracts.count()).toBe(1);
  });

  it('refuses a referral slug another partner holds, and lets a partner keep its own', async () => {
    const rosa = await savePartner(db, draft({ referralSlug: 'rosa-vega' }), { id: null, today });
    const errors = await refused(
      savePartner(
        db,
        draft({ name: 'Tom', email: 'tom@example.com', codes: 'TOM5', referralSlug: 'rosa-vega' }),
        { id: null, today },
      ),
    );
    expect(errors.referralSlug).toMatch(/rosa-vega is already another partner/);
    const again = partnerToDraft(rosa, await db.contracts.toArray());
    again.notes = 'Keeps her slug and code';
    await savePartner(db, again, { id: rosa.id, today });
    expect((await db.partners.get(rosa.id))!.notes).toBe('Keeps her slug and code');
  });

  it('refuses overlapping contracts on edit and leaves the stored history as it was', async () => {
    const p = await savePartner(db, draft(), { id: null, today });
    const before = await db.contracts.toArray();
    const d = partnerToDraft(p, before);
    d.name = 'Rosa V.';
    d.contracts.push(emptyContractDraft('2025-06-01'));
    const errors = await refused(savePartner(db, d, { id: p.id, today }));
    expect(errors['contracts.1.startDate']).toContain('Overlaps');
    expect((await db.partners.get(p.id))?.name).toBe('Rosa Vega');
    expect(await db.contracts.toArray()).toEqual(before);
  });

  it('an edit keeps contract ids, adds new terms and drops removed ones', async () => {
    const p = await savePartner(db, draft(), { id: null, today });
    const [first] = await db.contracts.toArray();
    const d = partnerToDraft(p, [first!]);
    d.contracts.push({ ...emptyContractDraft('2025-07-01'), retainer: '450' });
    await savePartner(db, d, { id: p.id, today });
    const ks = await db.contracts.orderBy('startDate').toArray();
    expect(ks.map((k) => [k.id === first!.id, k.retainerCents])).toEqual([
      [true, 30_000],
      [false, 45_000],
    ]);
    const again = partnerToDraft(p, ks);
    again.contracts = again.contracts.slice(1);
    await savePartner(db, again, { id: p.id, today });
    expect((await db.contracts.toArray()).map((k) => k.startDate)).toEqual(['2025-07-01']);
  });

  it('deletes a partner with their records and undo puts everything back', async () => {
    await loadSampleData(db, Date.UTC(2025, 5, 15, 15));
    const id = 'p-001';
    const count = async () => ({
      partners: await db.partners.count(),
      contracts: await db.contracts.where('partnerId').equals(id).count(),
      content: (await contentOfPartner(db, id)).length,
      payouts: (await payoutsOfPartner(db, id)).length,
      orders: (await ordersOfPartner(db, id)).length,
    });
    const before = await count();
    expect(before.orders).toBeGreaterThan(0);
    expect(before.content).toBeGreaterThan(0);
    const ordersBefore = await ordersOfPartner(db, id);
    const snap = await deletePartner(db, id);
    expect(await count()).toEqual({
      partners: before.partners - 1,
      contracts: 0,
      content: 0,
      payouts: 0,
      orders: 0,
    });
    // The shop's orders stay, no longer credited to anyone.
    expect((await getOrder(db, ordersBefore[0]!.id))?.partnerId).toBeNull();
    expect((await db.campaigns.toArray()).some((c) => c.partnerIds.includes(id))).toBe(false);
    await restorePartner(db, snap);
    expect(await count()).toEqual(before);
    expect(await ordersOfPartner(db, id)).toEqual(ordersBefore);
  });

  it('undo is refused when the code was taken meanwhile', async () => {
    const p = await savePartner(db, draft(), { id: null, today });
    const snap = await deletePartner(db, p.id);
    await savePartner(db, draft({ name: 'Copycat', email: 'c@example.com', codes: 'Rosa10' }), {
      id: null,
      today,
    });
    await expect(restorePartner(db, snap)).rejects.toThrow('now belongs to Copycat');
    expect(await db.partners.count()).toBe(1);
  });

  it('archives and bulk-updates status and tags', async () => {
    const a = await savePartner(db, draft(), { id: null, today });
    const b = await savePartner(
      db,
      draft({ name: 'Tom', email: 't@example.com', codes: 'TOM', contracts: [] }),
      { id: null, today: '2025-01-01' },
    );
    await setArchived(db, a.id, true);
    expect((await db.partners.get(a.id))?.archived).toBe(true);
    expect(await bulkSetStatus(db, [a.id, b.id], 'active', '2025-06-20')).toBe(2);
    expect((await db.partners.get(b.id))?.statusHistory).toEqual([
      { status: 'prospect', date: '2025-01-01' },
      { status: 'active', date: '2025-06-20' },
    ]);
    expect(await bulkSetStatus(db, [a.id, b.id], 'active', '2025-06-21')).toBe(0);
    expect(await bulkAddTag(db, [a.id, b.id], 'gift box')).toBe(2);
    expect(await bulkAddTag(db, [a.id], 'Gift Box')).toBe(0);
    expect((await db.partners.get(a.id))?.tags).toEqual(['gift box']);
  });

  it('imports a confirmed plan in one go and a re-import creates no duplicates', async () => {
    await loadSampleData(db, Date.UTC(2025, 5, 15, 15));
    const partners = await db.partners.toArray();
    const contracts = await db.contracts.toArray();
    const csv = partnersToCsv(partners, contracts, today);
    const extra = 'name,email,kind,codes\nNew Pal,new@example.com,affiliate,NEWPAL\n';
    let seq = 0;
    const ctx = async () => ({
      partners: await db.partners.toArray(),
      contracts: await db.contracts.toArray(),
      today,
      now: 5,
      newId: () => `imp-${++seq}`,
    });
    const plan1 = planPartnerImport(extra, await ctx());
    await commitPartnerImport(db, plan1.rows);
    expect(await db.partners.count()).toBe(partners.length + 1);
    const plan2 = planPartnerImport(extra, await ctx());
    expect(plan2.rows.map((r) => r.action)).toEqual(['unchanged']);
    await commitPartnerImport(db, plan2.rows);
    const plan3 = planPartnerImport(csv, await ctx());
    expect(plan3.ok).toBe(true);
    await commitPartnerImport(db, plan3.rows);
    expect(await db.partners.count()).toBe(partners.length + 1);
    expect(await db.contracts.count()).toBe(contracts.length);
  });

  it('refuses a save from a form opened on an older version, and overwrites when asked', async () => {
    const p = await savePartner(db, draft(), { id: null, today, now: 1000 });
    const form = partnerToDraft(p, await db.contracts.toArray());
    // Another window renames the partner after this form was opened.
    await savePartner(
      db,
      { ...form, name: 'Rosa (other window)' },
      {
        id: p.id,
        today,
        expectedUpdatedAt: 1000,
        now: 2000,
      },
    );
    const mine = { ...form, name: 'Rosa (this window)' };
    await expect(
      savePartner(db, mine, { id: p.id, today, expectedUpdatedAt: 1000, now: 3000 }),
    ).rejects.toBeInstanceOf(StaleWriteError);
    expect(await db.partners.get(p.id)).toMatchObject({
      name: 'Rosa (other window)',
      updatedAt: 2000,
    });
    // Overwrite: the same save without the version check.
    await savePartner(db, mine, { id: p.id, today, now: 3000 });
    expect((await db.partners.get(p.id))?.name).toBe('Rosa (this window)');
  });

  it("reads a partner's customers' orders through the customer index, as a scan would find them", async () => {
    await loadSampleData(db, Date.UTC(2025, 5, 15, 15));
    const all = await db.orders.toArray();
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    let withCustomers = 0;
    for (const { id } of (await db.partners.toArray()).slice(0, 6)) {
      const keys = new Set(
        all.flatMap((o) => (o.partnerId === id && o.customerKey ? [o.customerKey] : [])),
      );
      const expected = all.filter((o) => o.customerKey !== null && keys.has(o.customerKey));
      const got = await customerOrdersOfPartner(db, id);
      expect(got.sort(byId)).toEqual(expected.sort(byId));
      if (keys.size > 0) withCustomers += 1;
    }
    expect(withCustomers).toBeGreaterThan(0);
    expect(await customerOrdersOfPartner(db, 'p-nobody')).toEqual([]);
    expect(await allBonuses(db)).toEqual(await db.bonuses.toArray());
    expect(await allBonusRules(db)).toEqual(await db.bonusRules.toArray());
  });

  it('an import whose code was taken after the preview writes nothing', async () => {
    let seq = 0;
    const plan = planPartnerImport('name,kind,codes\nA,affiliate,SAME\nB,affiliate,OTHER\n', {
      partners: [],
      contracts: [],
      today,
      now: 5,
      newId: () => `imp-${++seq}`,
    });
    expect(plan.ok).toBe(true);
    await savePartner(db, draft({ codes: 'same' }), { id: null, today });
    await expect(commitPartnerImport(db, plan.rows)).rejects.toThrow('SAME');
    expect(await db.partners.count()).toBe(1);
  });
});

describe('referral slugs as creators write them', () => {
  it('stores some_handle, refuses another partner taking it in another case or with @', async () => {
    const a = await savePartner(db, draft({ referralSlug: '@Some_Handle' }), { id: null, today });
    expect(a.referralSlug).toBe('Some_Handle');
    for (const s of ['some_handle', '@SOME_HANDLE'])
      expect(
        (
          await refused(
            savePartner(db, draft({ name: 'Other', codes: '', referralSlug: s }), {
              id: null,
              today,
            }),
          )
        ).referralSlug,
      ).toContain('already');
    // The partner itself may keep (or re-case) its own slug.
    const again = await savePartner(
      db,
      { ...partnerToDraft(a, []), referralSlug: 'some_HANDLE' },
      {
        id: a.id,
        today,
      },
    );
    expect(again.referralSlug).toBe('some_HANDLE');
  });

  it('a code taken with a leading @ is refused', async () => {
    await savePartner(db, draft({ codes: 'ROSA10' }), { id: null, today });
    const errors = await refused(
      savePartner(db, draft({ name: 'Other', codes: '@rosa10' }), { id: null, today }),
    );
    expect(errors.codes).toBeDefined();
  });
});

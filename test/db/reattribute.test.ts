import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PawtnersDb } from '../../src/db/db';
import { reassignOrder, writeOrders } from '../../src/db/orders';
import { savePartner } from '../../src/db/partners';
import {
  applyReattribution,
  planReattribution,
  ReattributionConflictError,
  undoReattribution,
} from '../../src/db/reattribute';
import { partnerToDraft } from '../../src/domain/partners';
import { expectRollupsRight } from './backup-helpers';
import { order, seedPartners } from './orders-helpers';

let db: PawtnersDb;
let n = 0;
const T = Date.UTC(2024, 2, 1);
const NOW = Date.UTC(2024, 5, 1);

beforeEach(async () => {
  db = new PawtnersDb(`test-reattribute-${n++}`);
  await db.open();
  await seedPartners(db);
  const code = (c: string) => ({ method: 'code' as const, reason: `Used code ${c}` });
  await writeOrders(db, [
    // Credited to nobody: a referral value nobody had, and a code nobody had.
    order(1, T, null, { note: 'utm_source: biscuit_bakes', attribution: null }),
    order(2, T + 1, null, { tags: ['ref=@Biscuit_Bakes'], attribution: null, totalCents: 2500 }),
    order(3, T + 2, null, { codes: ['BISCUIT5'], attribution: null }),
    // Lucy's by code; the code will go to Biscuit.
    order(4, T + 3, 'p-lucy', { codes: ['LUCY15'], attribution: code('LUCY15') }),
    // Lucy's by hand with a reason, though its code is now Biscuit's: it never moves.
    order(5, T + 4, 'p-lucy', {
      codes: ['LUCY15'],
      attribution: { method: 'manual', reason: 'Wholesale via Lucy' },
    }),
    // Max's by code: untouched.
    order(6, T + 5, 'p-max', { codes: ['MAX10'], attribution: code('MAX10') }),
    // Pip's by referral, whose slug will change: it falls back to nobody.
    order(7, T + 6, 'p-pip', {
      note: 'utm_source: pip-plays',
      attribution: { method: 'referral', reason: 'utm_source=pip-plays in note attributes' },
    }),
  ]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function renamePip() {
  const pip = (await db.partners.get('p-pip'))!;
  const contracts = await db.contracts.where('partnerId').equals('p-pip').toArray();
  await savePartner(
    db,
    { ...partnerToDraft(pip, contracts), referralSlug: 'pip.plays' },
    { id: 'p-pip', today: '2024-06-01' },
  );
}

async function addBiscuit() {
  await db.partners.put({
    ...(await db.partners.get('p-max'))!,
    id: 'p-biscuit',
    name: 'Biscuit Bakes',
    codes: ['biscuit5', 'LUCY15'],
    referralSlug: 'Biscuit_Bakes',
  });
  // LUCY15 moves from Lucy to Biscuit.
  await db.partners.update('p-lucy', { codes: [] });
}

describe('re-crediting stored orders after codes, slugs or handles change', () => {
  it('nothing to move when nothing changed', async () => {
    const plan = await planReattribution(db);
    expect(plan.moves).toEqual([]);
    expect(plan.lines).toEqual([]);
  });

  it('previews the moves in words, writes only on confirm, and undo puts everything back', async () => {
    await addBiscuit();
    await renamePip();
    const before = await db.orders.toArray();
    const plan = await planReattribution(db);
    expect(plan.lines).toEqual([
      '4 orders will move to Biscuit Bakes: 3 from unattributed, 1 from Lucy Loaf',
      '1 order of Pip Plays will be unattributed (no code or referral of theirs matches any more)',
    ]);
    expect(plan.moves.map((m) => [m.orderId, m.fromId, m.toId]).sort()).toEqual([
      ['test:0001', null, 'p-biscuit'],
      ['test:0002', null, 'p-biscuit'],
      ['test:0003', null, 'p-biscuit'],
      ['test:0004', 'p-lucy', 'p-biscuit'],
      ['test:0007', 'p-pip', null],
    ]);
    // The preview wrote nothing.
    expect(await db.orders.toArray()).toEqual(before);

    const { moved, undoId } = await applyReattribution(db, plan, NOW);
    expect(moved).toBe(5);
    const o = async (k: number) => (await db.orders.get(`test:000${k}`))!;
    expect((await o(2)).partnerId).toBe('p-biscuit');
    expect((await o(2)).attribution).toEqual({
      method: 'referral',
      reason: 'ref=Biscuit_Bakes in tags',
    });
    expect((await o(4)).attribution).toEqual({ method: 'code', reason: 'Used code LUCY15' });
    expect((await o(5)).partnerId).toBe('p-lucy');
    expect((await o(7)).partnerId).toBeNull();
    expect((await o(4)).updatedAt).toBe(NOW);
    await expectRollupsRight(db);
    // Nothing left to move after.
    expect((await planReattribution(db)).moves).toEqual([]);

    await undoReattribution(db, undoId);
    expect(await db.orders.toArray()).toEqual(before);
    await expectRollupsRight(db);
    await expect(undoReattribution(db, undoId)).rejects.toThrow('can no longer be undone');
  });

  it('refuses, writing nothing, when an order changed since the preview', async () => {
    await addBiscuit();
    const plan = await planReattribution(db);
    await reassignOrder(db, 'test:0001', 'p-max', 'Phone order');
    const after = await db.orders.toArray();
    await expect(applyReattribution(db, plan, NOW)).rejects.toThrow(ReattributionConflictError);
    await expect(applyReattribution(db, plan, NOW)).rejects.toThrow(
      '1 order changed since the preview',
    );
    expect(await db.orders.toArray()).toEqual(after);
    expect(await db.undoLog.count()).toBe(0);
  });

  it('refuses when a partner orders would move to was deleted meanwhile', async () => {
    await addBiscuit();
    const plan = await planReattribution(db);
    await db.partners.delete('p-biscuit');
    await expect(applyReattribution(db, plan, NOW)).rejects.toThrow(
      'was deleted since the preview',
    );
  });
});

/**
 * Deletions are recorded for every delete of a synced row, whoever makes it, and dropped when the
 * row is written again; Replace restores and Undo put back the records exactly; a Merge carries
 * the deletions of a backup made on another laptop, the newer of deletion and edit winning.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { undoImport } from '../../src/db/backup';
import { deleteCampaign, deleteContentItem, saveContentItems } from '../../src/db/content';
import { PawtnersDb } from '../../src/db/db';
import { setDeletionClockForTests } from '../../src/db/deletions';
import { writeOrders } from '../../src/db/orders';
import { deletePartner, restorePartner } from '../../src/db/partners';
import { deletePayout } from '../../src/db/payouts';
import { deleteAllData, replaceAllData } from '../../src/db/repo';
import { generateSampleData } from '../../src/domain/sample-data';
import type { Deletion, SyncedTableName } from '../../src/domain/schemas';
import { exportBackupText, importBackupText } from '../../src/features/settings/backup-file';
import { parseBackup } from '../../src/io/backup';
import { dump, expectRollupsRight } from './backup-helpers';

vi.setConfig({ testTimeout: 60_000 });

const NOW = Date.UTC(2026, 2, 15, 12);
const HOUR = 3_600_000;
const sample = generateSampleData('2026-03-15', NOW);
const OPTS = { now: NOW, reason: 'test' };

const dbs: PawtnersDb[] = [];
let n = 0;
/** A fresh database (several per test: "here" and other laptops). */
async function newDb(): Promise<PawtnersDb> {
  const db = new PawtnersDb(`test-deletions-${n++}`);
  dbs.push(db);
  await db.open();
  return db;
}
let db: PawtnersDb;
beforeEach(async () => {
  db = await newDb();
  await replaceAllData(db, sample);
  setDeletionClockForTests(() => NOW + HOUR);
});
afterEach(async () => {
  setDeletionClockForTests(null);
  for (const d of dbs.splice(0)) {
    d.close();
    await Dexie.delete(d.name);
  }
});

const record = (table: SyncedTableName, rowId: string, updatedAt: number): Deletion => ({
  id: `${table}/${rowId}`,
  table,
  rowId,
  updatedAt,
});
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const recordsOf = (d: PawtnersDb) => d.deletions.orderBy(':id').toArray();

/** A partner with contracts, posts, payouts, bonuses and credited orders. */
function busyPartner(): string {
  const has = (rows: readonly { partnerId: string | null }[], id: string) =>
    rows.some((r) => r.partnerId === id);
  return sample.partners.find(
    (p) =>
      has(sample.contracts, p.id) &&
      has(sample.contentItems, p.id) &&
      has(sample.payouts, p.id) &&
      has(sample.bonuses, p.id) &&
      has(sample.orders, p.id),
  )!.id;
}

async function exportText(from: PawtnersDb, now: number): Promise<string> {
  return exportBackupText(from, { appVersion: '0.1.0', now });
}

describe('deletions are recorded', () => {
  it('for every row a repository deletes, with its table, id and time', async () => {
    const pid = busyPartner();
    const removed = await deletePartner(db, pid, NOW + HOUR);
    const expected = [
      record('partners', pid, NOW + HOUR),
      ...removed.contracts.map((c) => record('contracts', c.id, NOW + HOUR)),
      ...removed.contentItems.map((c) => record('contentItems', c.id, NOW + HOUR)),
      ...removed.payouts.map((p) => record('payouts', p.id, NOW + HOUR)),
      ...removed.bonuses.map((b) => record('bonuses', b.id, NOW + HOUR)),
      ...(removed.pets ?? []).map((b) => record('pets', b.id, NOW + HOUR)),
      ...(removed.shipments ?? []).map((b) => record('shipments', b.id, NOW + HOUR)),
    ];
    expect(await recordsOf(db)).toEqual(expected.sort(byId));
    // Its orders stay (un-credited): no records for them.
    expect(removed.orders.length).toBeGreaterThan(0);
    await expectRollupsRight(db);

    setDeletionClockForTests(() => NOW + 2 * HOUR);
    const post = sample.contentItems.find((c) => c.partnerId !== pid)!;
    const payout = sample.payouts.find((p) => p.partnerId !== pid)!;
    const order = sample.orders.find((o) => o.partnerId !== pid && o.partnerId !== null)!;
    const campaign = sample.campaigns[0]!;
    await deleteContentItem(db, post.id);
    await deletePayout(db, payout.id);
    await writeOrders(db, [], [order.id]);
    await deleteCampaign(db, campaign.id, NOW + 2 * HOUR);
    for (const r of [
      record('contentItems', post.id, NOW + 2 * HOUR),
      record('payouts', payout.id, NOW + 2 * HOUR),
      record('orders', order.id, NOW + 2 * HOUR),
      record('campaigns', campaign.id, NOW + 2 * HOUR),
    ])
      expect(await db.deletions.get(r.id)).toEqual(r);
    expect(await db.deletions.count()).toBe(expected.length + 4);
    await expectRollupsRight(db);
  });

  it('for deletes made straight on the tables: delete, bulkDelete, a range, clear', async () => {
    const [o1, o2, o3] = sample.orders;
    await db.orders.delete(o1!.id);
    expect(await db.deletions.get(`orders/${o1!.id}`)).toEqual(
      record('orders', o1!.id, NOW + HOUR),
    );
    await db.orders.bulkDelete([o2!.id, o3!.id]);
    await expectRollupsRight(db);

    const early = sample.contentItems.filter((c) => c.plannedDate < '2025-06-01');
    expect(early.length).toBeGreaterThan(0);
    await db.contentItems.where('plannedDate').below('2025-06-01').delete();
    await expectRollupsRight(db);
    await db.payouts.clear();
    await db.transaction('rw', db.contracts, () =>
      db.contracts.where('partnerId').equals(sample.contracts[0]!.partnerId).delete(),
    );
    await expectRollupsRight(db);

    const ids = new Set((await recordsOf(db)).map((d) => d.id));
    for (const id of [
      ...[o1, o2, o3].map((o) => `orders/${o!.id}`),
      ...early.map((c) => `contentItems/${c.id}`),
      ...sample.payouts.map((p) => `payouts/${p.id}`),
      ...sample.contracts
        .filter((c) => c.partnerId === sample.contracts[0]!.partnerId)
        .map((c) => `contracts/${c.id}`),
    ])
      expect(ids.has(id), id).toBe(true);
    expect(ids.size).toBe(3 + early.length + sample.payouts.length + 1);
  });

  it('for every row "Delete all data" removes (settings excepted)', async () => {
    await deleteAllData(db);
    const expected = (
      ['partners', 'contracts', 'campaigns', 'contentItems', 'orders', 'payouts'] as const
    ).reduce((s, t) => s + sample[t].length, 0);
    const more = (
      ['bonuses', 'bonusRules', 'brandFollowers', 'products', 'shipments', 'pets'] as const
    ).reduce((s, t) => s + sample[t].length, 0);
    expect(await db.deletions.count()).toBe(expected + more);
    expect(await db.deletions.get('settings/settings')).toBeUndefined();
    await expectRollupsRight(db);
  });

  it('and dropped when the row is written again (put, bulkPut, a partner restored)', async () => {
    const [o1, o2] = sample.orders;
    await db.orders.bulkDelete([o1!.id, o2!.id]);
    expect(await db.deletions.count()).toBe(2);
    await db.orders.put(o1!);
    expect(await db.deletions.get(`orders/${o1!.id}`)).toBeUndefined();
    await db.orders.bulkPut([o2!]);
    expect(await db.deletions.count()).toBe(0);

    const pid = busyPartner();
    const removed = await deletePartner(db, pid, NOW + HOUR);
    expect(await db.deletions.count()).toBeGreaterThan(4);
    await restorePartner(db, removed);
    expect(await db.deletions.count()).toBe(0);
    await expectRollupsRight(db);
  });

  it('sample data (a fresh start) leaves none', async () => {
    await db.orders.delete(sample.orders[0]!.id);
    await replaceAllData(db, sample);
    expect(await db.deletions.count()).toBe(0);
  });
});

describe('restores and undo put the records back exactly, adding none', () => {
  it('a Replace restore holds the backup’s records only, and its undo the ones before', async () => {
    await db.orders.delete(sample.orders[0]!.id);
    const backup = await exportText(db, NOW + HOUR);
    setDeletionClockForTests(() => NOW + 2 * HOUR);
    await deletePayout(db, sample.payouts[0]!.id);
    await db.orders.bulkPut([{ ...sample.orders[0]!, updatedAt: NOW + 2 * HOUR }]);
    await db.partners.add({ ...sample.partners[0]!, id: 'p-new', codes: [], referralSlug: '' });
    const before = await dump(db);
    expect(before.deletions).toEqual([record('payouts', sample.payouts[0]!.id, NOW + 2 * HOUR)]);

    const { undoId } = await importBackupText(db, backup, 'replace', OPTS);
    // The restore removed p-new and the re-added order, and brought back the payout: no record
    // for any of that, only what the backup holds.
    expect(await recordsOf(db)).toEqual([record('orders', sample.orders[0]!.id, NOW + HOUR)]);
    await expectRollupsRight(db);

    await undoImport(db, undoId);
    expect(await dump(db)).toEqual(before);
    await expectRollupsRight(db);
  });

  it('the undo of a Merge removes the rows it added without recording them', async () => {
    const file = JSON.parse(await exportText(db, NOW)) as {
      data: { bonusRules: unknown[]; orders: unknown[] };
      counts: { bonusRules: number; orders: number };
    };
    const extra = { ...sample.bonusRules[0]!, id: 'rule-from-there', updatedAt: NOW + HOUR };
    const order = { ...sample.orders[0]!, id: 'shopify:#there', orderId: '#there' };
    file.data.bonusRules.push(extra);
    file.data.orders.push(order);
    file.counts.bonusRules += 1;
    file.counts.orders += 1;
    const before = await dump(db);
    const { undoId } = await importBackupText(db, JSON.stringify(file), 'merge', OPTS);
    expect(await db.bonusRules.get('rule-from-there')).toEqual(extra);
    expect(await db.orders.get('shopify:#there')).toEqual(order);
    await undoImport(db, undoId);
    expect(await db.deletions.count()).toBe(0);
    expect(await dump(db)).toEqual(before);
    await expectRollupsRight(db);
  });
});

describe('a Merge of a backup from another laptop', () => {
  /**
   * Here and there start from the same backup. There: an order, a post and a payout deleted and
   * a partner deleted with everything of theirs, two hours in. Here: the payout edited three
   * hours in, another order deleted one hour in.
   */
  async function twoLaptops() {
    const start = await exportText(db, NOW);
    const there = await newDb();
    await importBackupText(there, start, 'replace', OPTS);
    const pid = busyPartner();
    const x = sample.orders.find((o) => o.partnerId !== pid)!;
    const post = sample.contentItems.find((c) => c.partnerId !== pid)!;
    const payout = sample.payouts.find((p) => p.partnerId !== pid)!;
    const z = sample.orders.findLast((o) => o.partnerId !== pid)!;
    setDeletionClockForTests(() => NOW + 2 * HOUR);
    await there.orders.delete(x.id);
    await deleteContentItem(there, post.id);
    await deletePayout(there, payout.id);
    const removed = await deletePartner(there, pid, NOW + 2 * HOUR);
    setDeletionClockForTests(() => NOW + HOUR);
    await db.orders.delete(z.id);
    await db.payouts.put({ ...payout, note: 'edited here', updatedAt: NOW + 3 * HOUR });
    return { start, there, pid, x, post, payout, z, removed };
  }

  it('deletes here what was deleted there after its last edit here, and keeps what was edited here since', async () => {
    const { there, pid, x, post, payout, z, removed } = await twoLaptops();
    const fromThere = await exportText(there, NOW + 4 * HOUR);
    setDeletionClockForTests(() => NOW + 5 * HOUR);
    const { plan } = await importBackupText(db, fromThere, 'merge', {
      ...OPTS,
      now: NOW + 5 * HOUR,
    });
    const change = (t: string) => plan.changes.find((c) => c.table === t)!;
    expect(change('orders').remove).toBe(1);
    expect(change('partners').remove).toBe(1);

    expect(await db.orders.get(x.id)).toBeUndefined();
    expect(await db.contentItems.get(post.id)).toBeUndefined();
    expect(await db.partners.get(pid)).toBeUndefined();
    for (const c of removed.contracts) expect(await db.contracts.get(c.id)).toBeUndefined();
    for (const c of removed.contentItems) expect(await db.contentItems.get(c.id)).toBeUndefined();
    for (const b of removed.bonuses) expect(await db.bonuses.get(b.id)).toBeUndefined();
    // The partner's orders stay, credited to nobody, as there.
    for (const o of removed.orders)
      expect(await db.orders.get(o.id)).toMatchObject({
        partnerId: null,
        updatedAt: NOW + 2 * HOUR,
      });
    // Edited here after it was deleted there: kept as edited.
    expect(await db.payouts.get(payout.id)).toMatchObject({ note: 'edited here' });
    // Deleted here, and older in the backup: stays deleted.
    expect(await db.orders.get(z.id)).toBeUndefined();
    // The records carried over keep the other laptop's time.
    expect(await db.deletions.get(`orders/${x.id}`)).toEqual(
      record('orders', x.id, NOW + 2 * HOUR),
    );
    expect(await db.deletions.get(`partners/${pid}`)).toEqual(
      record('partners', pid, NOW + 2 * HOUR),
    );
    expect(await db.deletions.get(`orders/${z.id}`)).toEqual(record('orders', z.id, NOW + HOUR));
    await expectRollupsRight(db);
  });

  it('keeps no record of a deletion that lost to a newer edit, so a third laptop keeps the row', async () => {
    const { start, there, payout } = await twoLaptops();
    await importBackupText(db, await exportText(there, NOW + 4 * HOUR), 'merge', {
      ...OPTS,
      now: NOW + 5 * HOUR,
    });
    // No deletion record here names a row that is here.
    for (const d of await recordsOf(db))
      expect(await db.table(d.table).get(d.rowId), d.id).toBeUndefined();
    // A third laptop still at the start merges this laptop's backup: the edited payout arrives.
    const third = await newDb();
    await importBackupText(third, start, 'replace', OPTS);
    await importBackupText(third, await exportText(db, NOW + 6 * HOUR), 'merge', {
      ...OPTS,
      now: NOW + 6 * HOUR,
    });
    expect(await third.payouts.get(payout.id)).toMatchObject({ note: 'edited here' });
    await expectRollupsRight(third);
  });

  it('does not bring back rows deleted here when the backup is older', async () => {
    const { start, z } = await twoLaptops();
    const pid = busyPartner();
    const removed = await deletePartner(db, pid, NOW + 3 * HOUR);
    const before = await dump(db);
    const { plan } = await importBackupText(db, start, 'merge', { ...OPTS, now: NOW + 4 * HOUR });
    expect(plan.totalChanges).toBe(0);
    expect(await db.orders.get(z.id)).toBeUndefined();
    expect(await db.partners.get(pid)).toBeUndefined();
    for (const c of removed.contentItems) expect(await db.contentItems.get(c.id)).toBeUndefined();
    expect(await dump(db)).toEqual(before);
    await expectRollupsRight(db);
  });

  it('never leaves a row pointing at a partner the Merge deleted (the export stays restorable)', async () => {
    const { there, pid } = await twoLaptops();
    // There, two hours in, a campaign deleted too (its posts stay, without a campaign).
    const campaign = sample.campaigns.find((k) => !k.partnerIds.includes(pid))!;
    await deleteCampaign(there, campaign.id, NOW + 2 * HOUR);
    // Here, an hour in: a new post for the partner in that campaign, known only here.
    const post = {
      ...sample.contentItems.find((c) => c.partnerId === pid)!,
      id: 'post-here',
      campaignId: campaign.id,
      updatedAt: NOW + HOUR,
    };
    await saveContentItems(db, [post]);
    const { plan } = await importBackupText(db, await exportText(there, NOW + 4 * HOUR), 'merge', {
      ...OPTS,
      now: NOW + 5 * HOUR,
    });
    // The partner and the campaign stay for the post; their other rows follow the deletions.
    expect(await db.contentItems.get('post-here')).toEqual(post);
    expect(await db.partners.get(pid)).toBeDefined();
    expect(await db.campaigns.get(campaign.id)).toBeDefined();
    expect(await db.contracts.where('partnerId').equals(pid).count()).toBe(0);
    expect(await db.deletions.get(`partners/${pid}`)).toBeUndefined();
    expect(await db.deletions.get(`campaigns/${campaign.id}`)).toBeUndefined();
    expect(plan.changes.find((c) => c.table === 'partners')).toMatchObject({
      remove: 0,
      keptLocal: 1,
    });
    const mine = parseBackup(await exportText(db, NOW + 6 * HOUR));
    expect(mine.ok ? [] : mine.problems).toEqual([]);
    await expectRollupsRight(db);
  });

  it('never adds a row pointing at a partner deleted here (the export stays restorable)', async () => {
    const start = await exportText(db, NOW);
    const there = await newDb();
    await importBackupText(there, start, 'replace', OPTS);
    const pid = busyPartner();
    const post = { ...sample.contentItems.find((c) => c.partnerId === pid)!, id: 'post-there' };
    await saveContentItems(there, [{ ...post, updatedAt: NOW + HOUR }]);
    setDeletionClockForTests(() => NOW + 2 * HOUR);
    await deletePartner(db, pid, NOW + 2 * HOUR);
    const { plan } = await importBackupText(db, await exportText(there, NOW + 3 * HOUR), 'merge', {
      ...OPTS,
      now: NOW + 4 * HOUR,
    });
    // The post made there arrives, and its partner comes back from the backup for it.
    expect(await db.contentItems.get('post-there')).toMatchObject({ partnerId: pid });
    expect(await db.partners.get(pid)).toEqual(sample.partners.find((p) => p.id === pid));
    expect(await db.deletions.get(`partners/${pid}`)).toBeUndefined();
    expect(plan.changes.find((c) => c.table === 'partners')).toMatchObject({ add: 1 });
    const mine = parseBackup(await exportText(db, NOW + 6 * HOUR));
    expect(mine.ok ? [] : mine.problems).toEqual([]);
    await expectRollupsRight(db);
  });
});

describe('deleting an id that is not stored', () => {
  it('records nothing (its deletion must not remove a real row on another laptop)', async () => {
    const db2 = new PawtnersDb(`test-deletions-missing-${Date.now()}`);
    await db2.orders.delete('shopify:#never-here');
    await db2.orders.bulkDelete(['shopify:#never-1', 'shopify:#never-2']);
    expect(await db2.deletions.count()).toBe(0);
    db2.close();
    await Dexie.delete(db2.name);
  });
});

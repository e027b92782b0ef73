import Dexie, { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PawtnersDb } from '../../src/db/db';
import { forEachOrder } from '../../src/db/orders';
import { tablesChangeProbe } from '../../src/db/repo';
import { paidByPartner } from '../../src/db/stats';
import type { TraceEntry } from '../../src/db/trace';
import {
  AFTER_WRITE_MS,
  holdBackgroundReads,
  writesDone,
  writesOpen,
} from '../../src/db/write-gate';
import type { Order, Payout } from '../../src/domain/schemas';
import { NOW } from './orders-helpers';

let db: PawtnersDb;
let name = '';
let n = 0;
let log: TraceEntry[];

beforeEach(() => {
  name = `test-write-gate-${n++}`;
  log = [];
  (globalThis as { __pawtnersDbTrace?: TraceEntry[] }).__pawtnersDbTrace = log;
  db = new PawtnersDb(name);
});
afterEach(async () => {
  delete (globalThis as { __pawtnersDbTrace?: TraceEntry[] }).__pawtnersDbTrace;
  db.close();
  await Dexie.delete(name);
});

function payout(i: number): Payout {
  return {
    id: `pay-${String(i).padStart(4, '0')}`,
    partnerId: i % 2 ? 'p-a' : 'p-b',
    amountCents: 100 + i,
    paidDate: '2024-05-01',
    periodStart: '2024-04-01',
    periodEnd: '2024-04-30',
  } as unknown as Payout;
}

/** A read-write transaction held open until `release()` is called (begun once awaited). */
async function heldWrite() {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const done = db.transaction('rw', db.settings, async () => {
    await db.settings.get('settings');
    // Keep the transaction busy with small reads until released.
    let open = true;
    void gate.then(() => (open = false));
    while (open) await db.settings.get('settings');
  });
  // Dexie begins an explicit transaction a moment after the call.
  await new Promise((r) => setTimeout(r, 0));
  return { release, done };
}

describe('background reads give way to writes (write gate)', () => {
  it('counts a read-write transaction from its start until it completes', async () => {
    await db.open();
    expect(writesOpen()).toBe(0);
    const w = await heldWrite();
    expect(writesOpen()).toBe(1);
    let settled = false;
    void writesDone().then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    w.release();
    await w.done;
    expect(writesOpen()).toBe(0);
    // Background reads wait a moment longer, so the reads the write set off go first.
    await new Promise((r) => setTimeout(r, AFTER_WRITE_MS / 2));
    expect(settled).toBe(false);
    await new Promise((r) => setTimeout(r, AFTER_WRITE_MS / 2 + 20));
    expect(settled).toBe(true);
  });

  it('holds background reads while an import works in a worker, until released', async () => {
    const release = holdBackgroundReads();
    let settled = false;
    void writesDone().then(() => (settled = true));
    await new Promise((r) => setTimeout(r, AFTER_WRITE_MS + 50));
    expect(settled).toBe(false);
    release();
    release(); // a second call changes nothing
    expect(writesOpen()).toBe(0);
    await new Promise((r) => setTimeout(r, AFTER_WRITE_MS + 20));
    expect(settled).toBe(true);
  });

  it('counts an aborted transaction out too', async () => {
    await expect(
      db.transaction('rw', db.settings, async () => {
        await db.settings.get('settings');
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    // The abort event may come a few tasks later on a busy machine; it must come.
    for (let i = 0; i < 100 && writesOpen() > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(writesOpen()).toBe(0);
  });

  it('a paced read of what was paid starts no read while an edit is open', async () => {
    await db.payouts.bulkPut(Array.from({ length: 10 }, (_, i) => payout(i)));
    log.length = 0;
    const w = await heldWrite();
    const read = paidByPartner(db, undefined, writesDone);
    await new Promise((r) => setTimeout(r, 30));
    expect(log.filter((e) => e.table === 'payoutSums')).toEqual([]);
    w.release();
    await w.done;
    const paid = await read;
    expect(paid.get('p-a')).toBe(101 + 103 + 105 + 107 + 109);
    expect(paid.get('p-b')).toBe(100 + 102 + 104 + 106 + 108);
    // Unpaced (the Dashboard's live query), it reads at once.
    const w2 = await heldWrite();
    log.length = 0;
    const unpaced = paidByPartner(db);
    await new Promise((r) => setTimeout(r, 30));
    expect(log.filter((e) => e.table === 'payoutSums').length).toBeGreaterThan(0);
    w2.release();
    await w2.done;
    await unpaced;
  });

  it('a paced walk of the orders awaits the pace before every chunk', async () => {
    const orders = Array.from(
      { length: 6 },
      (_, i) =>
        ({
          id: `shopify:${1000 + i}`,
          orderId: `#${1000 + i}`,
          source: 'shopify',
          placedAtMs: NOW + i * 1000,
          partnerId: null,
        }) as unknown as Order,
    );
    await db.orders.bulkPut(orders);
    const seen: string[] = [];
    const paced: number[] = [];
    let hold: (() => void) | null = null;
    const walk = forEachOrder(
      db,
      {},
      (rows) => seen.push(...rows.map((o) => o.id)),
      2,
      undefined,
      () => {
        paced.push(seen.length);
        // The second chunk waits, as it would behind an edit.
        return paced.length === 2 ? new Promise<void>((r) => (hold = r)) : Promise.resolve();
      },
    );
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toEqual(['shopify:1005', 'shopify:1004']);
    hold!();
    await walk;
    expect(seen).toHaveLength(6);
    expect(paced).toEqual([0, 2, 4, 6]);
  });

  it('tablesChangeProbe makes a live query run again after a write anywhere in a table', async () => {
    await db.payouts.bulkPut([payout(1), payout(5)]);
    let runs = 0;
    const sub = liveQuery(async () => {
      await tablesChangeProbe(db, ['payouts', 'partnerStats']);
      runs += 1;
    }).subscribe(() => undefined);
    await new Promise((r) => setTimeout(r, 50));
    expect(runs).toBe(1);
    await db.payouts.put({ ...payout(9), amountCents: 1 });
    await new Promise((r) => setTimeout(r, 50));
    expect(runs).toBe(2);
    await db.payouts.delete('pay-0005');
    await new Promise((r) => setTimeout(r, 50));
    expect(runs).toBe(3);
    sub.unsubscribe();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PawtnersDb, DATA_TABLES } from '../../src/db/db';
import {
  countAll,
  deleteAllData,
  loadSampleData,
  readSettings,
  saveSettings,
} from '../../src/db/repo';
import { TABLE_SCHEMAS } from '../../src/domain/schemas';

let db: PawtnersDb;
let n = 0;

beforeEach(async () => {
  db = new PawtnersDb(`test-schema-${n++}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('database schema', () => {
  it('opens with every table', () => {
    expect(db.verno).toBe(11);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [...DATA_TABLES, 'deletions', 'partnerStats', 'payoutSums', 'undoLog', 'undoRows'].sort(),
    );
  });

  it('indexes orders, content and payouts for the queries the screens make', () => {
    const indexes = (t: string) =>
      db
        .table(t)
        .schema.indexes.map((i) => (i.multi ? `*${i.name}` : i.name))
        .sort();
    expect(indexes('orders')).toEqual(
      [
        '*codes',
        '[currency+placedAtMs]',
        '[fx.from+placedAtMs]',
        '[partnerId+placedAtMs]',
        'customerKey',
        'placedAtMs',
      ].sort(),
    );
    expect(indexes('contentItems')).toEqual(
      ['[partnerId+plannedDate]', 'campaignId', 'plannedDate', 'title', 'usageRights.until'].sort(),
    );
    expect(indexes('payouts')).toEqual(['[partnerId+paidDate]', 'paidDate', 'periodEnd'].sort());
    // Synced tables keep app-made string ids (no auto-increment), as Dexie Cloud wants.
    for (const t of [...DATA_TABLES, 'deletions'])
      expect(db.table(t).schema.primKey.auto, t).toBe(false);
  });

  it('loads the sample brand: valid records, both kinds, every sub-type, ~3,000 orders', async () => {
    await loadSampleData(db, Date.UTC(2026, 10, 24, 15));
    const counts = await countAll(db);
    expect(counts.partners).toBeGreaterThanOrEqual(40);
    expect(counts.orders).toBe(3000);
    expect(counts.contracts).toBeGreaterThan(counts.partners - 5);
    for (const t of DATA_TABLES) {
      const rows = await db.table(t).toArray();
      for (const r of rows) {
        const res = TABLE_SCHEMAS[t].safeParse(r);
        if (!res.success)
          throw new Error(
            `${t} ${r.id}: ${res.error.issues[0]?.path.join('.')} ${res.error.issues[0]?.message}`,
          );
      }
    }
    const partners = await db.partners.toArray();
    expect(new Set(partners.map((p) => p.kind))).toEqual(new Set(['ambassador', 'affiliate']));
    for (const tag of [
      'nano-ambassador',
      'hyperlocal influencer',
      'community ambassador',
      'peer-to-peer affiliate',
      'brand-advocate micro-tier',
    ]) {
      expect(
        partners.some((p) => p.tags.includes(tag)),
        tag,
      ).toBe(true);
    }
    const refunds = await db.orders
      .filter((o) => o.status === 'refunded' || o.status === 'partially refunded')
      .count();
    expect(refunds).toBeGreaterThan(30);
    const months = new Set(
      (await db.contentItems.orderBy('plannedDate').keys()).map((d) => String(d).slice(0, 7)),
    );
    expect(months.size).toBeGreaterThanOrEqual(12);
    // Every order credited to a partner points at a partner that exists.
    const ids = new Set(partners.map((p) => p.id));
    const orphans = (await db.orders.toArray()).filter((o) => o.partnerId && !ids.has(o.partnerId));
    expect(orphans).toEqual([]);
  });

  it('is deterministic for the same day', async () => {
    await loadSampleData(db, Date.UTC(2026, 10, 24, 15));
    const a = await db.orders.toArray();
    await loadSampleData(db, Date.UTC(2026, 10, 24, 15));
    const b = await db.orders.toArray();
    expect(b).toEqual(a);
  });

  it('deletes all data but keeps settings defaults readable', async () => {
    await loadSampleData(db, Date.UTC(2026, 10, 24, 15));
    await deleteAllData(db);
    const counts = await countAll(db);
    expect(Object.values(counts).every((c) => c === 0)).toBe(true);
    expect((await readSettings(db)).currency).toBe('USD');
  });

  it('saves settings', async () => {
    await saveSettings(db, { brandName: 'Whisker Works', currency: 'EUR' });
    const s = await readSettings(db);
    expect(s.brandName).toBe('Whisker Works');
    expect(s.currency).toBe('EUR');
  });
});

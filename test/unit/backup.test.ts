import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSampleData } from '../../src/domain/sample-data';
import { TABLE_NAMES, TABLE_SCHEMAS, type TableName } from '../../src/domain/schemas';
import {
  BACKUP_SCHEMA_VERSION,
  MAX_PROBLEMS,
  buildBackupText,
  emptyBackupData,
  formatProblem,
  migrateBackupData,
  parseBackup,
  planImport,
  versionProblem,
  type BackupData,
  type LocalIndex,
  type ParseResult,
} from '../../src/io/backup';
import { backupDataArb } from '../fixtures/backups/arbitraries';

const NOW = Date.UTC(2026, 2, 15, 12);
const sample = generateSampleData('2026-03-15', NOW);

function problemsOf(r: ParseResult): string[] {
  if (r.ok) throw new Error('expected the backup to be refused');
  return r.problems.map(formatProblem);
}

function dataOf(r: ParseResult): BackupData {
  if (!r.ok) throw new Error(`refused: ${r.problems.map(formatProblem).join('; ')}`);
  return r.backup.data;
}

/** The sample backup as a plain object to tamper with. */
type Row = Record<string, unknown>;
function sampleObject(): Row & { data: { [T in TableName]: Row[] } } {
  return JSON.parse(buildBackupText(sample, '0.1.0', NOW));
}

const reparse = (o: unknown) => parseBackup(JSON.stringify(o));

describe('backup round trip', () => {
  it('the sample brand survives export then parse unchanged, with the envelope filled in', () => {
    const text = buildBackupText(sample, '0.1.0', NOW);
    const r = parseBackup(text);
    expect(dataOf(r)).toEqual(sample);
    if (!r.ok) return;
    expect(r.backup.meta).toEqual({
      format: 'pawtners-backup',
      schemaVersion: BACKUP_SCHEMA_VERSION,
      appVersion: '0.1.0',
      exportedAt: '2026-03-15T12:00:00.000Z',
      counts: Object.fromEntries(TABLE_NAMES.map((t) => [t, sample[t].length])),
    });
    expect(r.backup.meta.counts.orders).toBe(3000);
    const raw = JSON.parse(text);
    expect(Object.keys(raw)).toEqual([
      'format',
      'schemaVersion',
      'appVersion',
      'exportedAt',
      'counts',
      'data',
    ]);
    expect(Object.keys(raw.data)).toEqual(TABLE_NAMES);
  });

  it('an empty database round-trips too', () => {
    expect(dataOf(parseBackup(buildBackupText(emptyBackupData(), '0.1.0', NOW)))).toEqual(
      emptyBackupData(),
    );
  });

  it('property: any generated database comes back identical', () => {
    fc.assert(
      fc.property(backupDataArb, (data) => {
        expect(dataOf(parseBackup(buildBackupText(data, '0.1.0', NOW)))).toEqual(data);
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('accepts a UTF-8 byte order mark', () => {
    const text = '\ufeff' + buildBackupText(emptyBackupData(), '0.1.0', NOW);
    expect(parseBackup(text).ok).toBe(true);
  });
});

describe('backup validation reports the first problems with their paths', () => {
  it('refuses an out-of-range commission with its path and the schema message', () => {
    const o = sampleObject();
    (o.data.contracts[3] as Record<string, unknown>).commissionRate = 140;
    expect(problemsOf(reparse(o))).toEqual(['contracts[3].commissionRate: must be 0..100']);
  });

  it('names wrong types, unknown keys and missing fields', () => {
    const o = sampleObject();
    (o.data.partners[12] as Record<string, unknown>).followers = 5;
    (o.data.orders[7] as Record<string, unknown>).totalCents = '12.50';
    delete (o.data.payouts[0] as Record<string, unknown>).amountCents;
    const problems = problemsOf(reparse(o));
    expect(problems).toContain('partners[12]: unknown key "followers"');
    expect(problems).toContain('orders[7].totalCents: must be number');
    expect(problems).toContain('payouts[0].amountCents: is missing');
  });

  it('refuses dangling references: an order of a missing partner, content of a missing campaign', () => {
    const o = sampleObject();
    const order = o.data.orders.findIndex((x) => (x as { partnerId: unknown }).partnerId !== null);
    (o.data.orders[order] as Record<string, unknown>).partnerId = 'p-gone';
    (o.data.contentItems[0] as Record<string, unknown>).campaignId = 'c-gone';
    const problems = problemsOf(reparse(o));
    expect(problems).toContain(
      `orders[${order}].partnerId: points to a partner that is not in the file ("p-gone")`,
    );
    expect(problems).toContain(
      'contentItems[0].campaignId: points to a campaign that is not in the file ("c-gone")',
    );
  });

  it('refuses a partner removed from the file while its contracts stay', () => {
    const o = sampleObject();
    const [gone] = o.data.partners.splice(0, 1) as [{ id: string }];
    (o.counts as Record<string, number>).partners = o.data.partners.length;
    const problems = problemsOf(reparse(o));
    expect(problems.some((p) => p.includes(`("${gone.id}")`))).toBe(true);
  });

  it('refuses duplicate ids', () => {
    const o = sampleObject();
    o.data.bonusRules.push(o.data.bonusRules[0]!);
    (o.counts as Record<string, number>).bonusRules = o.data.bonusRules.length;
    const problems = problemsOf(reparse(o));
    expect(problems).toEqual([
      `bonusRules[${o.data.bonusRules.length - 1}].id: repeats the id of bonusRules[0]`,
    ]);
  });

  it('refuses counts that do not match the rows (a cut or edited file)', () => {
    const o = sampleObject();
    o.data.orders.pop();
    expect(problemsOf(reparse(o))).toEqual([
      'counts.orders: says 3000 but the file holds 2999 rows (the file may be cut short or edited)',
    ]);
  });

  it('stops at a bounded number of problems', () => {
    const o = sampleObject();
    for (const order of o.data.orders) (order as Record<string, unknown>).currency = 'usd';
    const problems = problemsOf(reparse(o));
    expect(problems).toHaveLength(MAX_PROBLEMS);
    expect(problems[0]).toBe('orders[0].currency: must be a 3-letter currency code');
  });
});

describe('hostile files', () => {
  it.each([
    [
      'top level',
      (o: Record<string, unknown>) => `{"__proto__": {"x": 1}, ${JSON.stringify(o).slice(1)}`,
      '__proto__',
    ],
    [
      'inside a record',
      (o: Record<string, unknown>) =>
        JSON.stringify(o).replace('"name":', '"__proto__":{"polluted":true},"name":'),
      'partners[0].__proto__',
    ],
    [
      'in import mappings of the old record form (keyed by source name)',
      (o: Record<string, unknown>) =>
        JSON.stringify(o).replace('"importMappings":[]', '"importMappings":{"constructor":{}}'),
      'settings[0].importMappings.constructor',
    ],
    [
      'written with a unicode escape',
      (o: Record<string, unknown>) =>
        JSON.stringify(o).replace('"name":', '"\\u005f_proto__":1,"name":'),
      'partners[0].__proto__',
    ],
  ])('refuses prototype keys (%s) without polluting anything', (_label, make, where) => {
    const text = make(sampleObject());
    expect(text).toMatch(/__proto__|constructor|u005f/);
    const problems = problemsOf(parseBackup(text));
    expect(problems).toEqual([`${where}: forbidden key (prototype pollution)`]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses a 10 MB string in a field', () => {
    const o = sampleObject();
    (o.data.partners[2] as Record<string, unknown>).notes = 'x'.repeat(10 * 1024 * 1024);
    expect(problemsOf(reparse(o))).toEqual([
      'partners[2].notes: is too long (at most 20000 characters)',
    ]);
  });

  it('refuses a 10 MB key name with a clipped message', () => {
    const o = sampleObject();
    (o.data.partners[0] as Record<string, unknown>)['k'.repeat(10 * 1024 * 1024)] = 1;
    const [first] = problemsOf(reparse(o));
    expect(first!.length).toBeLessThan(200);
    expect(first).toMatch(/^partners\[0\]: unknown key "k+…"$/);
  });

  it('refuses deep nesting without overflowing the stack', () => {
    const depth = 100_000;
    const text = `{"format":"pawtners-backup","data":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const [first] = problemsOf(parseBackup(text));
    expect(first).toMatch(/^data(\[0\])+: nested more than 32 levels deep$/);
  });

  it('refuses a backup from a newer app, naming the version needed', () => {
    const o = sampleObject();
    o.schemaVersion = BACKUP_SCHEMA_VERSION + 1;
    o.appVersion = '3.2.0';
    const [msg] = problemsOf(parseBackup(JSON.stringify(o), '0.1.0'));
    expect(msg).toBe(
      `schemaVersion: This backup was made by a newer Pawtners (3.2.0, backup version ${BACKUP_SCHEMA_VERSION + 1}). Update to Pawtners 3.2.0 or later to open it; this is Pawtners 0.1.0.`,
    );
  });

  it('refuses a pre-release schema version', () => {
    const o = sampleObject();
    o.schemaVersion = 0;
    expect(problemsOf(reparse(o))).toEqual([
      'schemaVersion: Backup version 0 is not a released Pawtners format.',
    ]);
  });

  it('refuses a truncated file, saying it may be cut short', () => {
    const text = buildBackupText(sample, '0.1.0', NOW);
    for (const cut of [1, 100, Math.floor(text.length / 2), text.length - 3]) {
      const [msg] = problemsOf(parseBackup(text.slice(0, cut)));
      expect(msg).toMatch(/^The file is not valid JSON, or it was cut short/);
    }
  });

  it.each([
    ['', /not valid JSON/],
    ['null', /must be an object, found null/],
    ['[1,2]', /must be an object, found a list/],
    ['"pawtners-backup"', /must be an object, found string/],
    ['{"format":"something-else"}', /^format: This is not a Pawtners backup/],
    ['{}', /^format: This is not a Pawtners backup/],
  ])('refuses %j', (text, msg) => {
    expect(problemsOf(parseBackup(text))[0]).toMatch(msg);
  });

  it('refuses unknown envelope keys, a missing table and an unknown table', () => {
    const a = sampleObject();
    a.extra = 1;
    expect(problemsOf(reparse(a))).toEqual(['extra: unknown key']);
    const b = sampleObject();
    delete (b.data as Partial<typeof b.data>).bonuses;
    expect(problemsOf(reparse(b))).toEqual(['bonuses: is missing']);
    const c = sampleObject();
    (c.data as Row).invoices = [];
    expect(problemsOf(reparse(c))).toEqual(['unknown key "invoices"']);
  });

  it('refuses absurd row counts and bad envelope fields', () => {
    const o = sampleObject();
    (o.counts as Record<string, number>).orders = 1e12;
    o.exportedAt = 'yesterday';
    const problems = problemsOf(reparse(o));
    expect(problems).toContain('exportedAt: must be an ISO date-time');
    expect(problems).toContain('counts.orders: must be at most 2000000');
  });
});

describe('fuzz: random and mutated files never crash and never pass invalid data', () => {
  /** When a mutated file is accepted, every row must still satisfy its table's schema. */
  function assertSound(r: ParseResult) {
    if (!r.ok) {
      expect(r.problems.length).toBeGreaterThan(0);
      expect(r.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS);
      return;
    }
    for (const t of TABLE_NAMES)
      for (const row of r.backup.data[t])
        expect(TABLE_SCHEMAS[t].safeParse(row).success).toBe(true);
  }

  it('random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => assertSound(parseBackup(JSON.stringify(v)))),
      { numRuns: 200 },
    );
  }, 60_000);

  it('random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) =>
        assertSound(parseBackup(s)),
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  const small: BackupData = {
    ...sample,
    orders: sample.orders.slice(0, 20),
    contentItems: sample.contentItems.slice(0, 10),
  };
  const smallText = buildBackupText(small, '0.1.0', NOW);

  it('byte-level mutations of a real backup (cuts, flips, insertions)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: smallText.length - 1 }),
        fc.nat({ max: 40 }),
        fc.string({ maxLength: 8 }),
        (at, len, insert) => {
          assertSound(parseBackup(smallText.slice(0, at) + insert + smallText.slice(at + len)));
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it('structural mutations: a random field set to a random JSON value or removed', () => {
    const base = JSON.parse(smallText) as Record<string, unknown>;
    fc.assert(
      fc.property(
        fc.constantFrom(...TABLE_NAMES.filter((t) => small[t].length > 0)),
        fc.nat(),
        fc.nat(),
        fc.option(fc.jsonValue({ maxDepth: 3 })),
        (table, rowSeed, keySeed, value) => {
          const o = structuredClone(base) as { data: Record<string, Record<string, unknown>[]> };
          const rows = o.data[table]!;
          const row = rows[rowSeed % rows.length]!;
          const keys = Object.keys(row);
          const key = keys[keySeed % keys.length]!;
          if (value === null) delete row[key];
          else row[key] = value;
          assertSound(parseBackup(JSON.stringify(o)));
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});

describe('old versions', () => {
  const fixtureDir = path.join(__dirname, '../fixtures/backups');

  it('the committed v3 backup (products, gift shipments, pets) keeps importing', () => {
    const text = readFileSync(path.join(fixtureDir, 'backup-v3.json'), 'utf8');
    const r = parseBackup(text);
    const data = dataOf(r);
    if (!r.ok) return;
    expect(r.backup.fromVersion).toBe(3);
    expect(data.products.map((p) => p.sku)).toEqual(['BTC-JRK-200']);
    expect(data.shipments[0]!.items[0]!.quantity).toBe(2);
    expect(data.pets[0]!.allergies).toEqual(['chicken']);
  });

  it('the committed v2 backup (deletions recorded) keeps importing', () => {
    const text = readFileSync(path.join(fixtureDir, 'backup-v2.json'), 'utf8');
    const r = parseBackup(text);
    const data = dataOf(r);
    if (!r.ok) return;
    expect(r.backup.fromVersion).toBe(2);
    expect(data.orders).toHaveLength(3);
    expect([data.products, data.shipments, data.pets]).toEqual([[], [], []]);
    expect(data.deletions).toHaveLength(1);
    const [d] = data.deletions;
    expect(d!.id).toBe(`orders/${d!.rowId}`);
    expect(data.orders.some((o) => o.id === d!.rowId)).toBe(false);
  });

  it('the committed v1 backup (written by 0.1.0) keeps importing', () => {
    const text = readFileSync(path.join(fixtureDir, 'backup-v1.json'), 'utf8');
    const r = parseBackup(text);
    const data = dataOf(r);
    if (!r.ok) return;
    expect(r.backup.fromVersion).toBe(1);
    expect(r.backup.meta.appVersion).toBe('0.1.0');
    expect(r.backup.meta.counts).toEqual({
      settings: 1,
      partners: 3,
      contracts: 3,
      campaigns: 1,
      contentItems: 3,
      orders: 4,
      payouts: 1,
      bonuses: 1,
      bonusRules: 1,
      brandFollowers: 2,
      products: 0,
      shipments: 0,
      pets: 0,
      deletions: 0,
    });
    expect(data.deletions).toEqual([]);
    expect(data.settings[0]!.brandName).toBe('Barkside Treat Co.');
    expect(data.partners.map((p) => p.name)).toEqual(['Maya Chen', 'Jonas Weber', 'Priya Patel']);
    expect(data.orders.reduce((s, o) => s + o.totalCents, 0)).toBe(4 * 4250);
    expect(data.contracts.find((c) => c.partnerId === data.partners[1]!.id)!.commissionRate).toBe(
      12.5,
    );
  });

  it('the migration chain runs each step in order up to the current version', () => {
    const chain = [
      {
        from: 0,
        migrate: (d: Record<string, unknown>) => ({ ...d, steps: ['0->1'] }),
      },
      {
        from: 1,
        migrate: (d: Record<string, unknown>) => ({
          ...d,
          steps: [...((d.steps as string[] | undefined) ?? []), '1->2'],
        }),
      },
    ];
    expect(migrateBackupData({ partners: [] }, 0, chain, 2)).toEqual({
      ok: true,
      data: { partners: [], steps: ['0->1', '1->2'] },
    });
    expect(migrateBackupData({ partners: [] }, 1, chain, 2)).toEqual({
      ok: true,
      data: { partners: [], steps: ['1->2'] },
    });
    expect(migrateBackupData({}, 0, [chain[1]!], 2)).toEqual({
      ok: false,
      problem: { path: 'schemaVersion', message: 'no migration from version 0 to 1' },
    });
    expect(migrateBackupData({ x: 1 }, BACKUP_SCHEMA_VERSION)).toEqual({
      ok: true,
      data: { x: 1 },
    });
  });
});

describe('import planning', () => {
  const index = (data: BackupData): LocalIndex =>
    Object.fromEntries(
      TABLE_NAMES.map((t) => [t, new Map(data[t].map((r) => [r.id, r.updatedAt]))]),
    ) as LocalIndex;
  const p1 = sample.partners[0]!;
  const p2 = sample.partners[1]!;
  const p3 = sample.partners[2]!;
  const localData: BackupData = {
    ...emptyBackupData(),
    partners: [
      { ...p1, updatedAt: 100, codes: ['MAYA10'] },
      { ...p2, updatedAt: 500, codes: ['JONAS'] },
    ],
  };
  const incoming: BackupData = {
    ...emptyBackupData(),
    partners: [
      { ...p1, updatedAt: 200, codes: ['MAYA10'] },
      { ...p2, updatedAt: 300 },
      { ...p3, updatedAt: 50, codes: ['jonas', 'PRIYA'] },
    ],
  };

  it('replace: adds, updates and removes to match the backup exactly', () => {
    const plan = planImport('replace', index(localData), localData.partners, {
      ...incoming,
      partners: [incoming.partners[0]!, incoming.partners[2]!],
    });
    const partners = plan.changes.find((c) => c.table === 'partners')!;
    expect(partners).toMatchObject({ current: 2, incoming: 2, add: 1, update: 1, remove: 1 });
    expect(plan.totalChanges).toBe(3);
    expect(plan.collisions).toEqual([]);
    expect(plan.writes.partners.map((p) => p.codes)).toEqual([['MAYA10'], ['jonas', 'PRIYA']]);
  });

  it('merge: the newer updatedAt wins, nothing is removed, colliding codes are reported', () => {
    const plan = planImport('merge', index(localData), localData.partners, incoming);
    const partners = plan.changes.find((c) => c.table === 'partners')!;
    expect(partners).toMatchObject({ add: 1, update: 1, keptLocal: 1, remove: 0 });
    expect(plan.writes.partners.map((p) => p.id)).toEqual([p1.id, p3.id]);
    expect(plan.collisions).toEqual([
      {
        code: 'jonas',
        keptBy: { id: p2.id, name: p2.name },
        droppedFrom: { id: p3.id, name: p3.name },
      },
    ]);
    expect(plan.writes.partners[1]!.codes).toEqual(['PRIYA']);
  });

  it('merge keeps the customer salt stored here and says when the backup used another', () => {
    const settings = sample.settings[0]!;
    const order = { ...sample.orders.find((o) => o.customerKey !== null)!, updatedAt: 9e12 };
    const theirs: BackupData = {
      ...emptyBackupData(),
      settings: [{ ...settings, customerSalt: 'theirs', updatedAt: 9e12 }],
      orders: [order],
    };
    const here = { ...sample, settings: [{ ...settings, customerSalt: 'ours' }] };
    const plan = planImport('merge', index(here), here.partners, theirs, 'ours');
    expect(plan.writes.settings.map((s) => s.customerSalt)).toEqual(['ours']);
    expect(plan.otherCustomerSalt).toBe(true);
    // Same salt, or nothing stored here yet: nothing to say, and Replace restores the backup's.
    const same = { ...theirs, settings: [{ ...settings, customerSalt: 'ours', updatedAt: 9e12 }] };
    expect(planImport('merge', index(here), here.partners, same, 'ours').otherCustomerSalt).toBe(
      false,
    );
    const fresh = planImport('merge', index(emptyBackupData()), [], theirs, '');
    expect(fresh.writes.settings[0]!.customerSalt).toBe('theirs');
    expect(fresh.otherCustomerSalt).toBe(false);
    const replace = planImport('replace', index(here), here.partners, theirs, 'ours');
    expect(replace.writes.settings[0]!.customerSalt).toBe('theirs');
    expect(replace.otherCustomerSalt).toBe(false);
  });

  it('merge of the same backup twice changes nothing the second time', () => {
    const once = planImport('merge', index(emptyBackupData()), [], sample);
    expect(once.totalChanges).toBe(TABLE_NAMES.reduce((s, t) => s + sample[t].length, 0));
    const twice = planImport('merge', index(sample), sample.partners, sample);
    expect(twice.totalChanges).toBe(0);
    expect(twice.collisions).toEqual([]);
    expect(TABLE_NAMES.every((t) => twice.writes[t].length === 0)).toBe(true);
  });
});

/** The sample brand with its orders copied `k` times (a big shop's backup is mostly orders). */
function withOrders(k: number): BackupData {
  const orders = Array.from({ length: k }, (_, j) =>
    sample.orders.map((o) => ({ ...o, id: `${o.id}~${j}`, orderId: `${o.orderId}-${j}` })),
  ).flat();
  return { ...sample, orders };
}

describe('big backups', () => {
  it('says what it checks, table by table, with rows done', () => {
    const seen: { label: string; done: number; total: number }[] = [];
    const r = parseBackup(buildBackupText(withOrders(8), '0.1.0', NOW), '0.1.0', (p) =>
      seen.push(p),
    );
    expect(r.ok).toBe(true);
    const labels = [...new Set(seen.map((p) => p.label))];
    expect(labels).toEqual([
      'Reading the backup',
      'Checking its structure',
      ...TABLE_NAMES.map((t, i) =>
        expect.stringMatching(`^Checking table ${i + 1} of ${TABLE_NAMES.length}: `),
      ),
      'Checking ids and references',
    ]);
    const orders = `Checking table 6 of ${TABLE_NAMES.length}: Orders`;
    expect(seen.filter((p) => p.label === orders)).toEqual([
      { label: orders, done: 0, total: 24_000 },
      { label: orders, done: 20_000, total: 24_000 },
    ]);
  });

  it('parses in time that grows linearly with the file', () => {
    const small = buildBackupText(withOrders(2), '0.1.0', NOW);
    const large = buildBackupText(withOrders(8), '0.1.0', NOW);
    const time = (text: string) => {
      const t0 = performance.now();
      const r = parseBackup(text);
      const ms = performance.now() - t0;
      expect(r.ok).toBe(true);
      return ms;
    };
    time(small); // warm-up
    let a = Infinity;
    let b = Infinity;
    for (let k = 0; k < 3; k++) {
      a = Math.min(a, time(small));
      b = Math.min(b, time(large));
    }
    // 4x the rows: about 4x the time when every step is linear, 16x for a square one.
    expect(b / a).toBeLessThan(10);
  }, 60_000);
});

describe('versionProblem', () => {
  it('reads every released backup version up to its own', () => {
    for (let v = 1; v <= BACKUP_SCHEMA_VERSION; v++) expect(versionProblem(v, '0.1.0')).toBeNull();
  });

  it('names the newer Pawtners that made a backup it cannot read, and itself', () => {
    expect(versionProblem(BACKUP_SCHEMA_VERSION + 1, '9.0.0', '0.1.0')?.message).toBe(
      `This backup was made by a newer Pawtners (9.0.0, backup version ${BACKUP_SCHEMA_VERSION + 1}). Update to Pawtners 9.0.0 or later to open it; this is Pawtners 0.1.0.`,
    );
    expect(versionProblem(0, '0.1.0')).toEqual({
      path: 'schemaVersion',
      message: 'Backup version 0 is not a released Pawtners format.',
    });
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findImportMapping,
  normalizeImportMappings,
  withImportMapping,
  type ImportMapping,
} from '../../src/domain/import-mappings';
import {
  TABLE_NAMES,
  defaultSettings,
  settingsSchema,
  type Settings,
} from '../../src/domain/schemas';
import {
  BackupTextBuilder,
  backupMeta,
  formatProblem,
  parseBackup,
  type BackupCounts,
} from '../../src/io/backup';
import { guessMapping, mappingFromChoices } from '../../src/io/orders-mapped';
import { partsToString } from '../../src/io/rows-text';
import { userName } from '../fixtures/backups/arbitraries';

const HOSTILE = ['constructor', 'prototype', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'];

/** The app's own writer, table by table (as the database export drives it), then the text. */
function writeBackup(settings: unknown): string {
  const counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as BackupCounts;
  counts.settings = 1;
  const b = new BackupTextBuilder(backupMeta(counts, '0.1.0', Date.UTC(2026, 2, 15)));
  for (const t of TABLE_NAMES) {
    b.startTable(t);
    if (t === 'settings') b.addRows([settings]);
    b.endTable();
  }
  return partsToString(b.finish());
}

function restored(text: string): Settings {
  const r = parseBackup(text);
  if (!r.ok) throw new Error(`refused: ${r.problems.map(formatProblem).join('; ')}`);
  return r.backup.data.settings[0]!;
}

describe('import mappings are a list: no source or column name becomes an object key', () => {
  it('a source named constructor (or any prototype word) is remembered, and the backup restores', () => {
    for (const name of HOSTILE) {
      const settings: Settings = {
        ...defaultSettings(1),
        importMappings: withImportMapping([], name, { orderId: name, date: 'Date', total: '' }),
      };
      expect(settingsSchema.safeParse(settings).success).toBe(true);
      const text = writeBackup(settings);
      expect(restored(text)).toEqual(settings);
      expect(findImportMapping(restored(text).importMappings, name)).toEqual([
        { field: 'orderId', column: name },
        { field: 'date', column: 'Date' },
        { field: 'total', column: '' },
      ]);
    }
  });

  it('withImportMapping replaces a source in place and adds a new one at the end', () => {
    let list: ImportMapping[] = [];
    list = withImportMapping(list, 'woo', { orderId: 'Order #' });
    list = withImportMapping(list, 'constructor', [{ field: 'orderId', column: 'No.' }]);
    list = withImportMapping(list, 'woo', { orderId: 'Number' });
    expect(list).toEqual([
      { source: 'woo', mapping: [{ field: 'orderId', column: 'Number' }] },
      { source: 'constructor', mapping: [{ field: 'orderId', column: 'No.' }] },
    ]);
    // The list it was given is left alone.
    expect(withImportMapping(list, 'wix', {})).toHaveLength(3);
    expect(list).toHaveLength(2);
  });

  it('the old record form (keyed by source) is read and turned into the list', () => {
    const legacy = { woo: { orderId: 'Order #', date: 'Date' }, squarespace: { total: 'Total' } };
    const want = [
      {
        source: 'woo',
        mapping: [
          { field: 'orderId', column: 'Order #' },
          { field: 'date', column: 'Date' },
        ],
      },
      { source: 'squarespace', mapping: [{ field: 'total', column: 'Total' }] },
    ];
    expect(normalizeImportMappings(legacy)).toEqual(want);
    const parsed = settingsSchema.safeParse({ ...defaultSettings(0), importMappings: legacy });
    expect(parsed.success && parsed.data.importMappings).toEqual(want);
    expect(withImportMapping(legacy, 'woo', { orderId: 'No.' })).toEqual([
      { source: 'woo', mapping: [{ field: 'orderId', column: 'No.' }] },
      want[1],
    ]);
  });

  it('a backup of an older version, with mappings keyed by source, still imports (converted)', () => {
    const file = path.join(__dirname, '../fixtures/backups/backup-v1.json');
    const text = readFileSync(file, 'utf8').replace(
      '"importMappings":{}',
      '"importMappings":{"woocommerce":{"orderId":"Order Number","date":"Order Date","total":"Order Total"}}',
    );
    expect(text).toContain('"woocommerce"');
    expect(restored(text).importMappings).toEqual([
      {
        source: 'woocommerce',
        mapping: [
          { field: 'orderId', column: 'Order Number' },
          { field: 'date', column: 'Order Date' },
          { field: 'total', column: 'Order Total' },
        ],
      },
    ]);
  });

  it('normalizeImportMappings never throws and always returns what the schema accepts', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4 }), (v) => {
        const list = normalizeImportMappings(v);
        expect(settingsSchema.shape.importMappings.safeParse(list).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('the dialog reads a remembered mapping into its fields, ignoring names that are not fields', () => {
    const header = ['Order Number', 'Order Date', 'Order Total', 'constructor'];
    const m = mappingFromChoices([
      { field: 'orderId', column: 'constructor' },
      { field: '__proto__', column: 'Order Date' },
      { field: 'constructor', column: 'x' },
    ]);
    expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
    expect(Object.keys(m).sort()).toEqual(Object.keys(guessMapping(header)).sort());
    expect(m.orderId).toBe('constructor');
    expect(m.date).toBe('');
  });
});

describe('property: any sequence of settings edits, then export, then import, round-trips', () => {
  type Edit =
    | { kind: 'map'; source: string; columns: [string, string][] }
    | { kind: 'brand'; name: string }
    | { kind: 'locale'; locale: string; timeZone: string; currency: string }
    | { kind: 'tags'; tags: string[] };
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({
      kind: fc.constant('map' as const),
      source: userName,
      // Field keys and column headers, the prototype words among them.
      columns: fc.array(
        fc.tuple(fc.oneof(userName, fc.constantFrom('orderId', 'date')), userName),
        {
          maxLength: 5,
        },
      ),
    }),
    fc.record({ kind: fc.constant('brand' as const), name: userName }),
    fc.record({
      kind: fc.constant('locale' as const),
      locale: fc.constantFrom('en-US', 'de-DE', 'fr-CA', 'ja-JP'),
      timeZone: fc.constantFrom('America/New_York', 'Europe/Berlin', 'UTC'),
      currency: fc.constantFrom('USD', 'EUR', 'JPY'),
    }),
    fc.record({
      kind: fc.constant('tags' as const),
      tags: fc.array(
        userName.filter((t) => t.length > 0),
        { maxLength: 3 },
      ),
    }),
  );

  /** What the screens do to settings, in pure form (the import dialog remembers a mapping). */
  function apply(s: Settings, e: Edit, now: number): Settings {
    switch (e.kind) {
      case 'map':
        return {
          ...s,
          importMappings: withImportMapping(
            s.importMappings,
            e.source,
            e.columns.map(([field, column]) => ({ field, column })),
          ),
          updatedAt: now,
        };
      case 'brand':
        return { ...s, brandName: e.name, updatedAt: now };
      case 'locale':
        return {
          ...s,
          locale: e.locale,
          timeZone: e.timeZone,
          currency: e.currency,
          updatedAt: now,
        };
      case 'tags':
        return { ...s, customTags: e.tags, updatedAt: now };
    }
  }

  it('the backup the app writes is accepted and gives back the same settings', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
        let s = defaultSettings(1_700_000_000_000);
        edits.forEach((e, i) => (s = apply(s, e, 1_700_000_000_000 + i)));
        expect(settingsSchema.safeParse(s).success).toBe(true);
        const text = writeBackup(s);
        const r = parseBackup(text);
        expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
        expect(restored(text)).toEqual(s);
        // And once more: a restored backup exported again is the same file.
        expect(writeBackup(restored(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoneyCached, formatValue } from '../../src/domain/compare';
import { dateInZone, zoneOffsetMs } from '../../src/domain/dates';
import {
  DEFAULT_CURRENCY,
  DEFAULT_LOCALE,
  DEFAULT_TIME_ZONE,
  isValidCurrency,
  isValidLocale,
  isValidTimeZone,
  safeCurrency,
  safeLocale,
  safeTimeZone,
} from '../../src/domain/intl';
import { formatMoney } from '../../src/domain/money';
import {
  defaultSettings,
  hasEveryField,
  repairSettings,
  settingsSchema,
  TABLE_NAMES,
  type Settings,
} from '../../src/domain/schemas';
import {
  BackupTextBuilder,
  backupMeta,
  formatProblem,
  parseBackup,
  type BackupCounts,
} from '../../src/io/backup';
import { partsToString } from '../../src/io/rows-text';

const VALID_LOCALES = [
  'en-US',
  'en',
  'de-DE',
  'fr-CA',
  'ja-JP',
  'EN-us',
  'en-US-u-nu-arab',
  'zh-Hant-TW',
];
const INVALID_LOCALES = [
  'xx-INVALID-@@',
  '',
  ' ',
  'en_US',
  ' en-US',
  'en-US ',
  'i-klingon',
  'x-private',
  'root',
  'xx',
  'qaa',
  'und',
  'en-US,de-DE',
  '1234',
  'e'.repeat(36),
];
const VALID_ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Asia/Kolkata',
  'UTC',
  'Etc/GMT+5',
  'US/Eastern',
];
const INVALID_ZONES = [
  '',
  'Mars/Olympus_Mons',
  'America/Nowhere',
  '+05:00',
  'GMT+25',
  '../../etc/passwd',
  ' UTC',
  'x'.repeat(65),
];
const VALID_CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'INR'];
const INVALID_CURRENCIES = ['', 'usd', 'US', 'USDX', 'EURO', '$', '123', 'U$D', 'QQQ', ' USD'];

/** Everything a stored value might be: good, bad, empty, odd types, random text. */
const anyValue = fc.oneof(
  fc.constantFrom<unknown>(
    ...VALID_LOCALES,
    ...INVALID_LOCALES,
    ...VALID_ZONES,
    ...INVALID_ZONES,
    ...VALID_CURRENCIES,
    ...INVALID_CURRENCIES,
    null,
    undefined,
    0,
    NaN,
    {},
    [],
    ['en-US'],
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.stringMatching(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$/),
  fc.stringMatching(/^[A-Za-z]{1,12}\/[A-Za-z_]{1,14}$/),
  fc.stringMatching(/^[A-Za-z]{3}$/),
);

const withSettings = (patch: Record<string, unknown>) => ({ ...defaultSettings(0), ...patch });
const settingsProblems = (patch: Record<string, unknown>) => {
  const r = settingsSchema.safeParse(withSettings(patch));
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the locale, time zone and currency rules', () => {
  it.each(VALID_LOCALES)('accepts the locale %j', (l) => {
    expect(isValidLocale(l)).toBe(true);
    expect(settingsProblems({ locale: l })).toEqual([]);
  });

  it.each(INVALID_LOCALES)('refuses the locale %j, naming the field and the value', (l) => {
    expect(isValidLocale(l)).toBe(false);
    const [problem] = settingsProblems({ locale: l });
    expect(problem).toMatch(/^locale: locale ".*" is not a language tag this computer knows/);
    expect(problem).toContain(JSON.stringify(l.length > 40 ? `${l.slice(0, 40)}…` : l));
  });

  it.each(VALID_ZONES)('accepts the time zone %j', (z) => {
    expect(isValidTimeZone(z)).toBe(true);
    expect(settingsProblems({ timeZone: z })).toEqual([]);
  });

  it.each(INVALID_ZONES)('refuses the time zone %j', (z) => {
    expect(isValidTimeZone(z)).toBe(false);
    expect(settingsProblems({ timeZone: z })[0]).toMatch(
      /^timeZone: time zone ".*" is not an IANA time zone/,
    );
  });

  it.each(VALID_CURRENCIES)('accepts the currency %j', (c) => {
    expect(isValidCurrency(c)).toBe(true);
    expect(settingsProblems({ currency: c })).toEqual([]);
  });

  it.each(INVALID_CURRENCIES)('refuses the currency %j', (c) => {
    expect(isValidCurrency(c)).toBe(false);
    expect(settingsProblems({ currency: c })[0]).toMatch(
      /^currency: currency ".*" is not an ISO 4217 currency code/,
    );
  });

  it('the defaults pass their own rules', () => {
    expect([isValidLocale(DEFAULT_LOCALE), isValidTimeZone(DEFAULT_TIME_ZONE)]).toEqual([
      true,
      true,
    ]);
    expect(isValidCurrency(DEFAULT_CURRENCY)).toBe(true);
    expect(settingsSchema.safeParse(defaultSettings(0)).success).toBe(true);
  });

  it('whatever the value, an accepted one works in Intl and a refused one falls back to the default', () => {
    fc.assert(
      fc.property(anyValue, (v) => {
        // The schema and the helpers apply one rule.
        expect(settingsSchema.shape.locale.safeParse(v).success).toBe(isValidLocale(v));
        expect(settingsSchema.shape.timeZone.safeParse(v).success).toBe(isValidTimeZone(v));
        expect(settingsSchema.shape.currency.safeParse(v).success).toBe(isValidCurrency(v));
        const locale = safeLocale(v);
        const zone = safeTimeZone(v);
        const currency = safeCurrency(v);
        expect(locale).toBe(isValidLocale(v) ? v : DEFAULT_LOCALE);
        expect(zone).toBe(isValidTimeZone(v) ? v : DEFAULT_TIME_ZONE);
        expect(currency).toBe(isValidCurrency(v) ? v : DEFAULT_CURRENCY);
        // Whatever passes never makes Intl throw.
        (1234.5).toLocaleString(locale);
        new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: zone }).format(0);
        new Intl.NumberFormat(locale, { style: 'currency', currency }).format(1);
      }),
      { numRuns: 1000 },
    );
  });

  it('the formatters never throw, whatever the stored locale, zone or currency', () => {
    fc.assert(
      fc.property(anyValue, anyValue, anyValue, (locale, zone, currency) => {
        const l = locale as string;
        const z = zone as string;
        const c = currency as string;
        expect(typeof formatMoney(123456, c, l)).toBe('string');
        expect(typeof formatMoneyCached(123456, c, l)).toBe('string');
        expect(typeof formatValue(0.5, 'percent', { currency: c, locale: l })).toBe('string');
        expect(dateInZone(Date.UTC(2025, 2, 1), z)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Number.isFinite(zoneOffsetMs(Date.UTC(2025, 2, 1), z))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('an invalid stored value formats as the default does', () => {
    expect(formatMoney(123456, 'USD', 'xx-INVALID-@@')).toBe(formatMoney(123456, 'USD', 'en-US'));
    expect(formatMoney(123456, 'usd!', 'en-US')).toBe('$1,234.56');
    const t = Date.UTC(2025, 2, 1, 3);
    expect(dateInZone(t, 'Mars/Base')).toBe(dateInZone(t, DEFAULT_TIME_ZONE));
  });
});

/** A backup of just the settings row, written by the app's own (io-level) writer. */
function settingsBackup(row: unknown): string {
  const counts = Object.fromEntries(
    TABLE_NAMES.map((t) => [t, t === 'settings' ? 1 : 0]),
  ) as BackupCounts;
  const b = new BackupTextBuilder(backupMeta(counts, '0.1.0', Date.UTC(2026, 2, 15)));
  for (const t of TABLE_NAMES) {
    b.startTable(t);
    if (t === 'settings') b.addRows([row]);
    b.endTable();
  }
  return partsToString(b.finish());
}

describe('backups and bad settings', () => {
  it('a backup whose settings hold an invalid locale is refused, saying which and why', () => {
    const text = settingsBackup(defaultSettings(0)).replace('"en-US"', '"xx-INVALID-@@"');
    expect(text).toContain('xx-INVALID-@@');
    const r = parseBackup(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(formatProblem)).toEqual([
      'settings[0].locale: locale "xx-INVALID-@@" is not a language tag this computer knows (use one like en-US or de-DE)',
    ]);
  });

  it('settings stored with bad values are written repaired, so the backup restores', () => {
    const stored = {
      ...defaultSettings(5),
      brandName: 'Barkside',
      locale: 'xx-INVALID-@@',
      timeZone: 'Mars/Base',
      currency: 'usd',
      importMappings: { constructor: { orderId: 'Order #' } },
      customTags: 5,
      leftover: true,
    };
    const r = parseBackup(settingsBackup(stored));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.backup.data.settings).toEqual([
      {
        ...defaultSettings(5),
        brandName: 'Barkside',
        importMappings: [
          { source: 'constructor', mapping: [{ field: 'orderId', column: 'Order #' }] },
        ],
      },
    ]);
  });

  it('repairSettings: any row comes out valid; a valid row comes out as it is', () => {
    const field = fc.constantFrom(...Object.keys(settingsSchema.shape));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(field, fc.oneof(anyValue, fc.jsonValue({ maxDepth: 2 }))), {
          maxLength: 4,
        }),
        (edits) => {
          const row: Record<string, unknown> = { ...defaultSettings(1) };
          for (const [k, v] of edits) row[k] = v;
          const repaired = repairSettings(row);
          expect(settingsSchema.safeParse(repaired).success).toBe(true);
          expect(Array.isArray(repaired.importMappings)).toBe(true);
          if (
            settingsSchema.safeParse(row).success &&
            Array.isArray(row.importMappings) &&
            hasEveryField(row)
          )
            expect(repaired).toBe(row);
          // Fields that were fine are kept.
          for (const k of Object.keys(settingsSchema.shape) as (keyof Settings)[])
            if (
              k !== 'importMappings' &&
              k !== 'id' &&
              row[k] !== undefined &&
              settingsSchema.shape[k].safeParse(row[k]).success
            )
              expect(repaired[k]).toEqual(row[k]);
        },
      ),
      { numRuns: 500 },
    );
    for (const junk of [null, undefined, 5, 'settings', []])
      expect(repairSettings(junk)).toEqual(defaultSettings(0));
    // A row written before theme and logo existed reads with their defaults.
    const old: Record<string, unknown> = { ...defaultSettings(1), brandName: 'Old' };
    delete old.theme;
    delete old.logoDataUrl;
    expect(repairSettings(old)).toEqual({ ...defaultSettings(1), brandName: 'Old' });
  });
});

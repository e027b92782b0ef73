import { describe, expect, it } from 'vitest';
import {
  computerDefaults,
  currencyOptions,
  isValidLocale,
  localeOptions,
  timeZoneOptions,
} from '../../src/domain/intl';

describe('the computer’s settings proposed on first run', () => {
  it('takes the computer’s zone and locale, and the currency of the locale’s region', () => {
    expect(computerDefaults({ timeZone: 'Europe/Berlin', locale: 'de-DE' })).toEqual({
      timeZone: 'Europe/Berlin',
      locale: 'de-DE',
      currency: 'EUR',
    });
    expect(computerDefaults({ timeZone: 'Europe/London', locale: 'en-GB' }).currency).toBe('GBP');
    expect(computerDefaults({ timeZone: 'America/Toronto', locale: 'fr-CA' }).currency).toBe('CAD');
    expect(computerDefaults({ timeZone: 'Asia/Tokyo', locale: 'ja' }).currency).toBe('JPY');
    expect(computerDefaults({ locale: 'nl' }).currency).toBe('EUR');
    expect(computerDefaults({ locale: 'en-US' }).currency).toBe('USD');
  });

  it('falls back to the defaults for what Intl refuses or a region it has no currency for', () => {
    expect(computerDefaults({ timeZone: 'Mars/Olympus', locale: 'not a locale' })).toEqual({
      timeZone: 'America/New_York',
      locale: 'en-US',
      currency: 'USD',
    });
    expect(computerDefaults({}).timeZone).toBe('America/New_York');
    expect(computerDefaults({ locale: 'en-001' }).currency).toBe('USD');
  });

  it('lists time zones (UTC first, each once) and currencies to choose from', () => {
    const zones = timeZoneOptions();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Europe/Berlin');
    expect(new Set(zones).size).toBe(zones.length);
    expect(currencyOptions()).toEqual(expect.arrayContaining(['USD', 'EUR', 'GBP', 'JPY']));
    const locales = localeOptions();
    expect(locales).toEqual(expect.arrayContaining(['en-US', 'de-DE', 'fr-CA', 'ja-JP']));
    expect(locales.every((l) => isValidLocale(l))).toBe(true);
  });
});

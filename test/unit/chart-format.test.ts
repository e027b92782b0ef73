import { describe, expect, it } from 'vitest';
import { isPartialMonth } from '../../src/domain/dates';
import { formatMoneyShort } from '../../src/domain/money';

describe('formatMoneyShort (chart axes)', () => {
  it('shortens thousands and millions in the brand’s currency', () => {
    expect(formatMoneyShort(1_000_000, 'USD', 'en-US')).toBe('$10K');
    expect(formatMoneyShort(150_000_000, 'USD', 'en-US')).toBe('$1.5M');
    expect(formatMoneyShort(95_000, 'USD', 'en-US')).toBe('$950');
    expect(formatMoneyShort(0, 'USD', 'en-US')).toBe('$0');
    expect(formatMoneyShort(-250_000, 'USD', 'en-US')).toBe('-$2.5K');
    // German keeps thousands whole and shortens millions ("Mio."); Intl puts a no-break space.
    expect(formatMoneyShort(1_200_000, 'EUR', 'de-DE')).toBe('12.000\u00a0€');
    expect(formatMoneyShort(150_000_000, 'EUR', 'de-DE')).toBe('1,5\u00a0Mio.\u00a0€');
  });
});

describe('isPartialMonth', () => {
  it('is true only for the month the period ends in, before its last day', () => {
    expect(isPartialMonth('2026-12', '2026-12-04')).toBe(true);
    expect(isPartialMonth('2026-12', '2026-12-30')).toBe(true);
    expect(isPartialMonth('2026-12', '2026-12-31')).toBe(false);
    expect(isPartialMonth('2026-11', '2026-12-04')).toBe(false);
    // February: 28 days in 2026, 29 in 2028.
    expect(isPartialMonth('2026-02', '2026-02-28')).toBe(false);
    expect(isPartialMonth('2028-02', '2028-02-28')).toBe(true);
    expect(isPartialMonth('2028-02', '2028-02-29')).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  centsToDecimal,
  formatMoney,
  parseMoney,
  percentOf,
  prorate,
} from '../../src/domain/money';
import {
  addMonths,
  dateInZone,
  dayNumber,
  daysBetween,
  monthsInRange,
  overlapDays,
} from '../../src/domain/dates';
import { isoDate } from '../../src/domain/schemas';

describe('day numbers and order months', () => {
  const bySplit = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
  };
  it('reads YYYY-MM-DD digit by digit exactly as splitting it does, rollovers included', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const date = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          expect(dayNumber(date)).toBe(bySplit(date));
        },
      ),
    );
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-03-01')).toBe(dayNumber('2026-02-29')); // Date.UTC rolls over
    // Other forms go the old way.
    for (const odd of ['2026-1-5', '+02026-01-05', '2026-01-05T00:00', 'x'])
      expect(dayNumber(odd)).toEqual(bySplit(odd));
  });
});

describe('money', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['1,234.56', 123456],
    ['$19.99', 1999],
    ['-3.10', -310],
    ['(3.10)', -310],
    ['USD 7.00', 700],
    ['0.10', 10],
  ])('parses %s', (s, c) => expect(parseMoney(s)).toBe(c));
  it.each(['', 'abc', '1.2.3', '12.345', '1e5'])('refuses %s', (s) =>
    expect(parseMoney(s)).toBeNull(),
  );
  it('parses comma decimals', () => expect(parseMoney('1.234,50', ',')).toBe(123450));
  it('formats', () => {
    expect(centsToDecimal(123456)).toBe('1234.56');
    expect(centsToDecimal(-5)).toBe('-0.05');
    expect(centsToDecimal(10050, ',')).toBe('100,50');
    expect(formatMoney(123456, 'USD', 'en-US')).toBe('$1,234.56');
  });
  it('rounds percentages and prorations to whole cents', () => {
    expect(percentOf(1999, 15)).toBe(300); // 299.85
    expect(percentOf(1001, 12.5)).toBe(125); // 125.125
    expect(prorate(100000, 15, 30)).toBe(50000);
    expect(prorate(100, 1, 3)).toBe(33);
  });
});

describe('dates', () => {
  it('buckets an instant into the brand time zone', () => {
    // 2025-03-01 03:30 UTC is still Feb 28 in New York.
    const t = Date.UTC(2025, 2, 1, 3, 30);
    expect(dateInZone(t, 'America/New_York')).toBe('2025-02-28');
    expect(dateInZone(t, 'Europe/Berlin')).toBe('2025-03-01');
  });
  it('agrees with Intl for any instant, around clock changes too, in odd time zones', () => {
    const zones = [
      'America/New_York',
      'Europe/Berlin',
      'Australia/Lord_Howe', // a half-hour clock change
      'Asia/Kathmandu', // +05:45
      'America/St_Johns', // -03:30 with daylight saving
      'Pacific/Apia', // skipped a whole day in 2011
      'UTC',
    ];
    const intl = (ms: number, tz: string) =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: tz,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(ms);
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, tz) => {
          expect(dateInZone(ms, tz)).toBe(intl(ms, tz));
        },
      ),
      { numRuns: 3000 },
    );
    // Every quarter hour across the 2026 spring and autumn changes in New York and Lord Howe.
    for (const [tz, from] of [
      ['America/New_York', Date.UTC(2026, 2, 7)],
      ['America/New_York', Date.UTC(2026, 9, 31)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 3)],
    ] as const)
      for (let ms = from; ms < from + 3 * 86_400_000; ms += 900_000)
        expect(dateInZone(ms, tz)).toBe(intl(ms, tz));
  });
  it('does calendar arithmetic', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(
      overlapDays(
        { start: '2025-01-01', end: '2025-01-31' },
        { start: '2025-01-20', end: '2025-02-10' },
      ),
    ).toBe(12);
    expect(
      overlapDays(
        { start: '2025-01-01', end: '2025-01-31' },
        { start: '2025-02-01', end: '2025-02-10' },
      ),
    ).toBe(0);
    expect(monthsInRange({ start: '2024-11-15', end: '2025-02-01' })).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
  });
  it('accepts only real calendar dates', () => {
    expect(isoDate.safeParse('2024-02-29').success).toBe(true);
    expect(isoDate.safeParse('2025-02-29').success).toBe(false);
    expect(isoDate.safeParse('2025-13-01').success).toBe(false);
    expect(isoDate.safeParse('03/05/24').success).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMoney } from '../../src/domain/money';
import {
  AMBIGUOUS,
  decimalEvidence,
  fileDecimals,
  markOf,
  readAmount,
  type DecimalMark,
} from '../../src/io/amounts';

/** How spreadsheets in these locales write amounts (Intl is the independent formatter). */
const CONVENTIONS: { locale: string; mark: DecimalMark }[] = [
  { locale: 'en-US', mark: '.' }, // 1,234.56
  { locale: 'de-CH', mark: '.' }, // 1'234.56
  { locale: 'de-DE', mark: ',' }, // 1.234,56
  { locale: 'fr-FR', mark: ',' }, // 1 234,56 (narrow no-break space)
  { locale: 'sv-SE', mark: ',' }, // −1 234,56 (U+2212 minus)
];

const convention = fc.constantFrom(...CONVENTIONS);
const cents = fc.oneof(
  fc.integer({ min: -100_000_000_00, max: 100_000_000_00 }),
  fc.integer({ min: 0, max: 10_000_00 }),
  fc.constantFrom(0, 5, 100, 123_400, 100_000, 5457, 123_456),
);
/** Decimals as a spreadsheet may show them: none for whole units, one, two, or padded to three. */
const decimals = fc.constantFrom(0, 1, 2, 3);
const grouping = fc.boolean();

/** `c` cents as the convention writes it, or null when that many decimals would round it. */
function format(
  c: number,
  conv: { locale: string },
  digits: number,
  useGrouping: boolean,
): string | null {
  if (digits === 0 && c % 100 !== 0) return null;
  if (digits === 1 && c % 10 !== 0) return null;
  return new Intl.NumberFormat(conv.locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping,
  }).format(c / 100);
}

describe('amounts in either decimal convention', () => {
  it('any amount in any convention reads back to the same cents once the mark is known', () => {
    fc.assert(
      fc.property(cents, convention, decimals, grouping, (c, conv, d, g) => {
        const text = format(c, conv, d, g);
        if (text === null) return;
        expect(readAmount(text, conv.mark)).toBe(c);
        expect(parseMoney(text, conv.mark)).toBe(c);
      }),
      { numRuns: 5000 },
    );
  });

  it('without a known mark an amount is read right or refused as ambiguous, never misread', () => {
    fc.assert(
      fc.property(cents, convention, decimals, grouping, (c, conv, d, g) => {
        const text = format(c, conv, d, g);
        if (text === null) return;
        expect([c, AMBIGUOUS]).toContain(readAmount(text, null));
        // A cell that shows a mark shows its own convention's.
        expect([conv.mark, null]).toContain(decimalEvidence(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('a file in one convention never reads as the other, and its two-way cells follow it', () => {
    const file = fc.tuple(
      convention,
      fc.array(fc.tuple(cents, decimals, grouping), { minLength: 1, maxLength: 30 }),
    );
    fc.assert(
      fc.property(file, ([conv, amounts]) => {
        const cells = amounts.flatMap(([c, d, g]) => {
          const t = format(c, conv, d, g);
          return t === null ? [] : [{ c, t }];
        });
        const decided = fileDecimals(cells.map((x) => x.t));
        expect([conv.mark, 'unknown']).toContain(decided);
        for (const { c, t } of cells) {
          const got = readAmount(t, markOf(decided));
          if (decided === 'unknown') expect([c, AMBIGUOUS]).toContain(got);
          else expect(got).toBe(c);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a cell that reads one way reads the same whatever mark the file has', () => {
    const text = fc.oneof(
      fc.stringMatching(/^[-($€]{0,2}[0-9]{1,4}([.,' ][0-9]{1,4}){0,3}[)€]?$/),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(text, (s) => {
        const free = readAmount(s, null);
        if (free === AMBIGUOUS) {
          // Two-way: the two marks give two different amounts, or one of them is no amount.
          expect(readAmount(s, '.')).not.toBe(readAmount(s, ','));
          return;
        }
        expect(readAmount(s, '.')).toBe(free);
        expect(readAmount(s, ',')).toBe(free);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['54,57', null, 5457],
    ['54,5', null, 5450],
    ['1.234,56', null, 123456],
    ['1,234.56', null, 123456],
    ['1 234,56', null, 123456],
    ["1'234.56", null, 123456],
    ['-3,10', null, -310],
    ['(3,10)', null, -310],
    ['EUR 7,00', null, 700],
    ['12,50 €', null, 1250],
    ['1.234.567', null, 123456700],
    ['1,234,567', null, 123456700],
    ['0,500', null, 50],
    ['1,234', '.', 123400],
    ['1,234', ',', null], // 1.234 is not a whole number of cents
    ['1.234', ',', 123400],
    ['1.000', '.', 100],
    ['1.000', ',', 100000],
  ] as const)('reads %j (file mark %s) as %s', (text, mark, want) =>
    expect(readAmount(text, mark)).toBe(want),
  );

  it.each(['1,234', '1.234', '$1,000', '-2.500', '(999,999)'])('refuses %j without a mark', (t) =>
    expect(readAmount(t, null)).toBe(AMBIGUOUS),
  );

  it.each(['54,5,7', '1,23,456', '12.34.5', ',50', '1..2', '1,2 34', 'abc'])(
    'is not an amount: %j',
    (t) => expect(readAmount(t, null)).toBeNull(),
  );

  it('the file decides from the cells that tell', () => {
    expect(fileDecimals(['', '1.234', '54,57'])).toBe(',');
    expect(fileDecimals(['1.234', '12.50'])).toBe('.');
    expect(fileDecimals(['1.234', '7', ''])).toBe('unknown');
    expect(fileDecimals(['1,50', '1.50'])).toBe('mixed');
  });

  it('form amounts refuse a comma that groups nothing instead of dropping it', () => {
    // The bug: "54,57" was read as 5457.00.
    expect(parseMoney('54,57')).toBeNull();
    expect(parseMoney('54,57', ',')).toBe(5457);
    expect(parseMoney('1,234.50')).toBe(123450);
    expect(parseMoney('1 234,50', ',')).toBe(123450);
  });
});

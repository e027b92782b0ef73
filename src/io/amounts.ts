/**
 * Amounts as spreadsheets write them, in either convention: "1,234.56" (decimal point) or
 * "1.234,56" (decimal comma: European Excel), also grouped with spaces or apostrophes
 * ("1 234,56", "1'234.56"). Most cells can be read one way only: "54,57" is 54.57 (thousands come
 * in groups of three), "1,234.56" is 1234.56. Only a single separator followed by exactly three
 * digits ("1,234", "1.234") reads both ways; such a cell takes the decimal mark the rest of the
 * file shows, and when the file does not show one, it is refused rather than guessed.
 */
import { parseMoney } from '../domain/money';

export type DecimalMark = '.' | ',';

/** What a file's other amounts say about its decimal mark. */
export type FileDecimals = DecimalMark | 'unknown' | 'mixed';

/** A cell that reads as two different amounts; the caller names the line. */
export const AMBIGUOUS = 'ambiguous';
export type AmountRead = number | null | typeof AMBIGUOUS;

/** "1,234" or "1.234" (after signs and currency): thousands or three decimals, by convention. */
const TWO_WAY = /^[1-9]\d{0,2}[.,]\d{3}$/;

/** Whether a cell has the two-way shape once signs, brackets and currency are set aside. */
function isTwoWay(raw: string): boolean {
  return TWO_WAY.test(raw.replace(/[^\d.,]/g, ''));
}

/**
 * Plain amounts ("12.50", "7": up to 12 digits, up to 2 decimals after a point) read digit by
 * digit: most cells of a big export, and they read the same in every file. Undefined = not plain.
 */
function plainAmount(raw: string): number | undefined {
  const n = raw.length;
  let whole = 0;
  let i = 0;
  for (; i < n && i < 13; i++) {
    const c = raw.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
  }
  if (i < 1 || i > 12) return undefined;
  if (i === n) return whole * 100;
  if (raw.charCodeAt(i) === 46 && (n === i + 2 || n === i + 3)) {
    const a = raw.charCodeAt(i + 1) - 48;
    const b = n === i + 3 ? raw.charCodeAt(i + 2) - 48 : 0;
    if (a >= 0 && a <= 9 && b >= 0 && b <= 9) return whole * 100 + a * 10 + b;
  }
  return undefined;
}

/**
 * Read a cell in cents. A cell that reads one way only is read that way whatever `mark` says; a
 * two-way cell ("1,234") takes `mark`, and without one it is {@link AMBIGUOUS}. Null = not an
 * amount.
 */
export function readAmount(raw: string, mark: DecimalMark | null): AmountRead {
  const plain = plainAmount(raw);
  if (plain !== undefined) return plain;
  const point = parseMoney(raw, '.');
  const comma = parseMoney(raw, ',');
  if (point === null && comma === null) return null;
  if (isTwoWay(raw)) return mark === null ? AMBIGUOUS : mark === '.' ? point : comma;
  // Outside the two-way shape the conventions agree wherever both can read the cell.
  return point ?? comma;
}

/** The decimal mark a cell shows (it reads one way only, and has a point or comma), or null. */
export function decimalEvidence(raw: string): DecimalMark | null {
  const plain = plainAmount(raw);
  if (plain !== undefined) return raw.includes('.') ? '.' : null;
  if (!/[.,]/.test(raw) || isTwoWay(raw)) return null;
  const point = parseMoney(raw, '.') !== null;
  const comma = parseMoney(raw, ',') !== null;
  return point === comma ? null : point ? '.' : ',';
}

/**
 * A file's decimal mark from its amount cells: the one every telling cell shows, 'unknown' when
 * none tells, 'mixed' when some show a point and others a comma.
 */
export function fileDecimals(cells: Iterable<string>): FileDecimals {
  let point = false;
  let comma = false;
  for (const c of cells) {
    if (c === '') continue;
    const e = decimalEvidence(c);
    if (e === '.') point = true;
    else if (e === ',') comma = true;
    if (point && comma) return 'mixed';
  }
  return point ? '.' : comma ? ',' : 'unknown';
}

/** The mark to read two-way cells with, or null when the file does not tell. */
export function markOf(decimals: FileDecimals): DecimalMark | null {
  return decimals === '.' || decimals === ',' ? decimals : null;
}

/** Why a two-way cell was refused, in the owner's words (the caller adds the line). */
export function ambiguousMessage(label: string, raw: string, decimals: FileDecimals): string {
  const digits = raw.replace(/[^\d.,]/g, '');
  const sep = digits.includes(',') ? ',' : '.';
  const [a = '', b = ''] = digits.split(sep);
  const why =
    decimals === 'mixed'
      ? 'this file has amounts with a decimal point and others with a decimal comma'
      : `no other amount in the file shows whether "${sep}" separates thousands or decimals`;
  return `${label} "${raw.trim()}" could be ${a}${b} or ${a}.${b}: ${why}`;
}

/** An exchange rate as the owner typed it: digits with up to 6 decimals, more than zero. */
const RATE = /^(\d{1,9})(?:[.,](\d{1,6}))?$/;

/**
 * The owner's rate ("1.27" or "1,27": units of the brand's currency per unit of the file's) in
 * millionths, or null when it is not a positive number with at most 6 decimals.
 */
export function readRate(text: string): number | null {
  const m = RATE.exec(text.trim());
  if (!m) return null;
  const micro = Number(m[1]) * 1_000_000 + Number((m[2] ?? '').padEnd(6, '0'));
  return micro > 0 ? micro : null;
}

/** Cents times a rate in millionths, rounded half away from zero, exactly (BigInt). */
export function convertCents(cents: number, rateMicro: number): number {
  const p = BigInt(cents) * BigInt(rateMicro);
  const q = p / 1_000_000n;
  const r = p % 1_000_000n;
  const abs = r < 0n ? -r : r;
  return Number(abs * 2n >= 1_000_000n ? q + (p < 0n ? -1n : 1n) : q);
}

/** Money helpers. Amounts are integer minor units (cents); never floats in storage or sums. */
import { safeCurrency, safeLocale } from './intl';

// Grouped: a first group of 1-3 digits (not starting with 0), then groups of 3 with ONE separator
// (the other mark, a space, a no-break space or an apostrophe); then the decimals.
const AMOUNT_BODY: Record<'.' | ',', RegExp> = {
  '.': /^(?:([1-9]\d{0,2}(?:([, \u00a0\u202f'’])\d{3})(?:\2\d{3})*)|(\d+))(?:\.(\d+))?$/,
  ',': /^(?:([1-9]\d{0,2}(?:([. \u00a0\u202f'’])\d{3})(?:\2\d{3})*)|(\d+))(?:,(\d+))?$/,
};
const GROUP_SEPARATORS = /[, \u00a0\u202f'’.]/g;

/**
 * Parse a user- or file-written amount ("1,234.50", "$12", "12.5", "(3.00)", "1 234,50" with
 * `','`) into cents. Thousands separators must group by three: "54,57" with the decimal point is
 * refused, never read as 5457.
 */
export function parseMoney(input: string, decimalSeparator: '.' | ',' = '.'): number | null {
  let s = input.trim();
  if (s === '') return null;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(/^[A-Z]{3}\s*/i, '').replace(/\s*[A-Z]{3}$/i, '');
  s = s.replace(/^[$€£¥]\s*/, '').replace(/\s*[$€£¥]$/, '');
  // A hyphen, or the minus sign some locales format with (sv-SE, fi-FI: U+2212).
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    negative = !negative;
    s = s.slice(1);
  }
  s = s.replace(/^[$€£¥]\s*/, '');
  const m = AMOUNT_BODY[decimalSeparator].exec(s);
  if (!m) return null;
  const whole = m[1] !== undefined ? m[1].replace(GROUP_SEPARATORS, '') : m[3]!;
  const frac = m[4] ?? '';
  // More than two decimals only when the rest are zeros ("12.500"): cents are the unit.
  if (frac.length > 2 && !/^0+$/.test(frac.slice(2))) return null;
  const value = Number(whole) * 100 + Number((frac + '00').slice(0, 2));
  if (!Number.isSafeInteger(value)) return null;
  return negative && value !== 0 ? -value : value;
}

/**
 * Format cents for display with Intl in the brand's currency and locale; a stored currency or
 * locale Intl does not accept shows in the default one rather than throwing.
 */
export function formatMoney(amountCents: number, currency: string, locale: string): string {
  return moneyFormat(safeLocale(locale), safeCurrency(currency)).format(amountCents / 100);
}

/**
 * One formatter per locale and currency: making an Intl.NumberFormat costs far more than using
 * one, and a table of 2,000 statements formats 14,000 amounts.
 */
const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let f = moneyFormats.get(key);
  if (!f) {
    if (moneyFormats.size >= 50) moneyFormats.clear();
    f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, f);
  }
  return f;
}

/** Cents as a plain decimal string ("1234.50"), for CSV and payout files. */
export function centsToDecimal(amountCents: number, decimalSeparator: '.' | ',' = '.'): string {
  const sign = amountCents < 0 ? '-' : '';
  const abs = Math.abs(amountCents);
  const s = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return decimalSeparator === ',' ? s.replace('.', ',') : s;
}

/** Multiply cents by a rate (percent) and round half away from zero to whole cents. */
export function percentOf(amountCents: number, ratePercent: number): number {
  const raw = (amountCents * ratePercent) / 100;
  return Math.sign(raw) * Math.round(Math.abs(raw) + 1e-9);
}

/** Split `total` cents in proportion to `part / whole`, rounded to whole cents. */
export function prorate(totalCents: number, part: number, whole: number): number {
  if (whole <= 0) return 0;
  const raw = (totalCents * part) / whole;
  return Math.sign(raw) * Math.round(Math.abs(raw) + 1e-9);
}

const shortFormats = new Map<string, Intl.NumberFormat>();
/**
 * Money in short form for chart axes: "$10K", "$1.5M", "$950" (whole units below a thousand),
 * in the brand's currency and locale.
 */
export function formatMoneyShort(amountCents: number, currency: string, locale: string): string {
  const key = `${safeLocale(locale)}|${safeCurrency(currency)}`;
  let f = shortFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(safeLocale(locale), {
      style: 'currency',
      currency: safeCurrency(currency),
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    });
    shortFormats.set(key, f);
  }
  return f.format(amountCents / 100);
}

/**
 * How an amount converted at import reads wherever it appears: "converted at 1 GBP = 1.27 USD"
 * (the owner's rate, stored with each converted order as `fx`).
 */
export function conversionWords(fx: { from: string; rate: string }, to: string): string {
  return `converted at 1 ${fx.from} = ${fx.rate} ${to}`;
}

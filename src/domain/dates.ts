/** Calendar-date helpers. Calendar dates are `YYYY-MM-DD` strings; instants are epoch ms. */
import { safeTimeZone } from './intl';

const dayFormatters = new Map<string, Intl.DateTimeFormat>();
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
/** Per time zone: UTC day number -> the zone's offset (ms) all that day, or NaN if it changes. */
const dayOffsets = new Map<string, Map<number, number>>();
const DAY_MS = 86_400_000;

/** The cache's formatter for a time zone, made on first use (making one per call is slow). */
function zoneFormatter(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let f = cache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: safeTimeZone(timeZone) });
    cache.set(timeZone, f);
  }
  return f;
}

const DAY_PARTS: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
const WALL_CLOCK_PARTS: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
};

function intlDate(epochMs: number, timeZone: string): string {
  return zoneFormatter(dayFormatters, timeZone, 'en-CA', DAY_PARTS).format(epochMs);
}

/** The zone's offset from UTC at an instant, in ms (local wall time minus UTC; east is positive). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const f = zoneFormatter(offsetFormatters, timeZone, 'en-US', WALL_CLOCK_PARTS);
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(epochMs))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The calendar date of an instant in an IANA time zone (e.g. the brand's). Summing 300,000
 * orders asks this 300,000 times, so the zone's offset is looked up once per UTC day (Intl is
 * slow) and reused for every instant of a day whose offset does not change; on the days a
 * clock change happens, Intl answers each instant.
 */
export function dateInZone(epochMs: number, timeZone: string): string {
  // A stored instant outside what Date can show (NaN, 1e300) reads as the nearest end of the range.
  if (!(epochMs >= 0 && epochMs <= MAX_EPOCH_MS))
    epochMs = epochMs > MAX_EPOCH_MS ? MAX_EPOCH_MS : 0;
  const day = Math.floor(epochMs / DAY_MS);
  let offsets = dayOffsets.get(timeZone);
  if (!offsets) {
    offsets = new Map();
    dayOffsets.set(timeZone, offsets);
  }
  let off = offsets.get(day);
  if (off === undefined) {
    if (offsets.size > 20_000) offsets.clear();
    const a = zoneOffsetMs(day * DAY_MS, timeZone);
    const b = zoneOffsetMs(day * DAY_MS + DAY_MS - 1, timeZone);
    off = a === b && Number.isFinite(a) ? a : NaN;
    offsets.set(day, off);
  }
  if (Number.isNaN(off)) return intlDate(epochMs, timeZone);
  const local = Math.floor((epochMs + off) / DAY_MS);
  let text = dayTexts.get(local);
  if (text === undefined) {
    if (dayTexts.size > 50_000) dayTexts.clear();
    text = fromDayNumber(local);
    dayTexts.set(local, text);
  }
  return text;
}
const dayTexts = new Map<number, string>();

/** The last instant stored data may hold: 9999-12-31T23:59:59.999Z (Date reaches further, ISO text does not). */
export const MAX_EPOCH_MS = 253_402_300_799_999;

/** An instant as stored: whole epoch milliseconds from 1970 to the end of 9999. */
export function isInstantMs(v: unknown): v is number {
  return Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_EPOCH_MS;
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 instant with seconds and a zone (`2025-03-01T10:00:00-05:00`,
 * `2025-03-01T15:00:00.000Z`) that really exists: a real calendar day, a time of day up to
 * 23:59:59, an offset of at most 18 hours, and an instant from 1970 to the end of 9999.
 */
export function isIsoInstant(v: unknown): v is string {
  if (typeof v !== 'string' || v.length > 40) return false;
  const m = ISO_INSTANT.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59)
    return false;
  let offset = 0;
  if (m[7]) {
    const oh = Number(m[8]);
    const om = Number(m[9]);
    if (om > 59 || oh * 60 + om > 18 * 60) return false;
    offset = (m[7] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000;
  return y >= 100 && ms >= 0 && ms <= MAX_EPOCH_MS;
}

/** Days since 1970-01-01 of a calendar date (UTC arithmetic, no time zone involved). */
export function dayNumber(date: string): number {
  // `YYYY-MM-DD` read digit by digit (rollups ask for every order's day); anything else split.
  const y = digits(date, 0, 4);
  const m = digits(date, 5, 7);
  const d = digits(date, 8, 10);
  if (date.length === 10 && date[4] === '-' && date[7] === '-' && y >= 0 && m >= 0 && d >= 0)
    return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
  const [yy, mm, dd] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(yy, mm - 1, dd) / 86_400_000);
}

/** The decimal number in text[from, to), or -1 when any of it is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The calendar date `n` days after 1970-01-01. */
export function fromDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `a` to `b` (b - a). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = daysInMonth(ny, nm);
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function startOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function endOfMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${date.slice(0, 7)}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

/** Inclusive date range. */
export interface DateRange {
  start: string;
  end: string;
}

/** Days two inclusive ranges share (0 when they do not overlap). */
export function overlapDays(a: DateRange, b: DateRange): number {
  const start = Math.max(dayNumber(a.start), dayNumber(b.start));
  const end = Math.min(dayNumber(a.end), dayNumber(b.end));
  return end >= start ? end - start + 1 : 0;
}

/** Months `YYYY-MM` from the month of `start` to the month of `end`, inclusive. */
export function monthsInRange(range: DateRange): string[] {
  const out: string[] = [];
  let cur = startOfMonth(range.start);
  const last = monthOf(range.end);
  while (monthOf(cur) <= last) {
    out.push(monthOf(cur));
    cur = addMonths(cur, 1);
  }
  return out;
}

/**
 * Whether the month `month` ("2026-12") is cut short by a period ending on `end` ("2026-12-04"):
 * the period ends inside that month, before its last day. Charts mark such a month as partial
 * rather than draw it as a collapse.
 */
export function isPartialMonth(month: string, end: string): boolean {
  if (end.slice(0, 7) !== month) return false;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Number(end.slice(8, 10)) < lastDay;
}

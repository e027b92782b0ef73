/**
 * What every order importer shares: the small importer interface (detect / parse), a row-problem
 * type with file line numbers, and one mapped-columns reader that turns CSV rows into orders.
 * Shopify, Etsy and any owner-mapped CSV are this reader with different columns and date styles.
 * Pure: the clock (`now`) and the brand time zone come in through the context.
 */
import {
  AMBIGUOUS,
  ambiguousMessage,
  convertCents,
  fileDecimals,
  markOf,
  readAmount,
  readRate,
  type DecimalMark,
  type FileDecimals,
} from './amounts';
import type { ParsedCsv } from './csv';
import { splitCodes } from '../domain/codes';
import { MAX_EPOCH_MS, zoneOffsetMs } from '../domain/dates';
import { formatMoney } from '../domain/money';
import type { Order, OrderStatus } from '../domain/schemas';
import { ORDER_LIMITS } from '../domain/constants';

/** An order as read from a file, before attribution and before it gets a record id. */
export interface ParsedOrder {
  source: string;
  orderId: string;
  placedAt: string;
  placedAtMs: number;
  currency: string;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  refundedCents: number;
  status: OrderStatus;
  codes: string[];
  /**
   * Discounts the file names that are not codes a customer typed (an automatic discount's title,
   * TikTok Shop's "Seller discount"): kept apart, never matched to a partner. Absent when none.
   */
  discountLabels?: string[];
  tags: string[];
  note: string;
  /** Raw email as the file had it (trimmed), or null; hashed or dropped before storing. */
  email: string | null;
  region: Order['region'];
  /** Line in the file of the order's first row. */
  line: number;
  /** Set when the owner converted the order from the file's currency (see convertOrders). */
  fx?: Order['fx'];
}

/** Something wrong with a row: its line in the file (1 = header) and what is wrong. */
export interface RowProblem {
  line: number;
  orderId?: string;
  message: string;
}

export interface ImportContext {
  /** The brand's IANA zone: dates without a time or offset are read in it. */
  timeZone: string;
  /** Used when the file has no currency column. */
  defaultCurrency: string;
  /** The clock, to refuse orders dated in the future. */
  now: number;
  /**
   * The owner's answer when asked for the file's decimal mark; without it, amounts that read two
   * ways ("1,234") take the mark the file's other amounts show, or are refused.
   */
  decimalMark?: DecimalMark;
  /** The owner's locale, for money in messages (en-US when not given). */
  locale?: string;
}

export interface ImportResult {
  source: string;
  orders: ParsedOrder[];
  /** Rows that could not be read; their orders are left out. */
  problems: RowProblem[];
  /** Problems with the whole file (not CSV, missing columns): nothing can be imported. */
  fatal: string[];
  /**
   * What the owner should know but that does not stop a row: orders left out because they are not
   * paid yet, figures of the file that disagree with each other (the rule kept is named).
   */
  warnings: RowProblem[];
  /** Data rows read (line items for Shopify). */
  rowCount: number;
}

/** The small interface each known export format implements. */
export interface OrderImporter {
  source: string;
  label: string;
  /**
   * The file holds less than an order already stored from this source (Etsy's items file beside
   * its orders file): stored orders are kept as they are and only new ones are added.
   */
  keepsStored?: boolean;
  /** Whether a header looks like this format's export. */
  detect(header: readonly string[]): boolean;
  parse(csv: ParsedCsv, ctx: ImportContext): ImportResult;
}

/** Fields an owner maps to columns of an unknown CSV (WooCommerce and the rest). */
export const MAPPABLE_FIELDS = [
  { key: 'orderId', label: 'Order number', required: true },
  { key: 'date', label: 'Order date', required: true },
  { key: 'total', label: 'Order total', required: true },
  { key: 'codes', label: 'Coupon / discount codes', required: false },
  { key: 'currency', label: 'Currency', required: false },
  { key: 'subtotal', label: 'Subtotal (after discounts)', required: false },
  { key: 'discount', label: 'Discount amount', required: false },
  { key: 'shipping', label: 'Shipping', required: false },
  { key: 'tax', label: 'Tax', required: false },
  { key: 'refunded', label: 'Refunded amount', required: false },
  { key: 'status', label: 'Status', required: false },
  { key: 'email', label: 'Customer email', required: false },
  { key: 'tags', label: 'Tags', required: false },
  { key: 'note', label: 'Notes', required: false },
  { key: 'country', label: 'Shipping country', required: false },
  { key: 'province', label: 'Shipping state / province', required: false },
  { key: 'city', label: 'Shipping city', required: false },
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number]['key'];

/** Column names per field; a field may read several columns (the first non-empty wins). */
export type ColumnMap = Partial<
  Record<MappableField | 'cancelledAt' | 'adjustedTotal' | 'shippingDiscount', string[]>
>;

export type DateStyle = 'shopify' | 'us-short' | 'auto';

export interface MappedOptions {
  source: string;
  columns: ColumnMap;
  dateStyle: DateStyle;
  /** The subtotal column is before discounts (Etsy's Order Value): subtract the discount. */
  subtotalBeforeDiscount?: boolean;
  /**
   * One row per item (Etsy's "Sold Order Items"): the subtotal column is each item's amount and is
   * summed over the order's rows; discount, shipping and tax are order-level (first non-empty
   * row); the order's total is items - discount + shipping + tax.
   */
  itemRows?: boolean;
  /**
   * The file's own check to run (import sanity): 'shopify' = Subtotal + Shipping + Taxes = Total,
   * 'etsy' = Order Value - Discount + Shipping + Sales Tax = Order Total. Only when the file has
   * every one of those columns; a disagreement is a warning, and the file's Total is kept.
   */
  sumCheck?: 'shopify' | 'etsy';
}

const CURRENCIES: ReadonlySet<string> = (() => {
  try {
    return new Set(Intl.supportedValuesOf('currency'));
  } catch {
    return new Set<string>();
  }
})();

/** A 3-letter currency code Intl knows (any when the runtime cannot list them). */
export function isKnownCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && (CURRENCIES.size === 0 || CURRENCIES.has(code));
}

/** Offset of a zone from UTC at an instant, in minutes (e.g. -300 for New York in winter). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  return Math.round(zoneOffsetMs(ms, timeZone) / 60_000);
}

function pad(n: number, w = 2): string {
  return w === 2 && n >= 0 && n < 100 ? PAD2[n]! : String(n).padStart(w, '0');
}
const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  /** Minutes east of UTC as the file wrote it; null = local time in the brand zone. */
  offset: number | null;
}

/**
 * Whether y-mo-d is a real calendar date, by arithmetic (a Date per order was measurable in big
 * imports). Years under 100 are refused, as the Date check it replaces refused them (Date.UTC
 * reads them as 19xx).
 */
function realDate(y: number, mo: number, d: number): boolean {
  if (y < 100 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (mo === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[mo]!);
}
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function readParts(text: string, style: DateStyle): Parts | null {
  const s = text.trim();
  const iso = style !== 'us-short' ? ISO_LIKE.exec(s) : null;
  if (iso) {
    let offset: number | null = null;
    if (iso[7]) {
      if (iso[7].toUpperCase() === 'Z') offset = 0;
      else {
        const digits = iso[7].replace(':', '');
        const sign = digits.startsWith('-') ? -1 : 1;
        offset = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
      }
    }
    // Shopify always writes an offset; without one we could only guess the instant.
    if (style === 'shopify' && offset === null) return null;
    const hasTime = iso[4] !== undefined;
    return {
      y: +iso[1]!,
      mo: +iso[2]!,
      d: +iso[3]!,
      h: hasTime ? +iso[4]! : 12,
      mi: hasTime ? +iso[5]! : 0,
      s: iso[6] ? +iso[6] : 0,
      offset,
    };
  }
  const us = style !== 'shopify' ? US_DATE.exec(s) : null;
  if (us) {
    const yy = us[3]!.length === 2 ? 2000 + Number(us[3]) : Number(us[3]);
    const hasTime = us[4] !== undefined;
    return {
      y: yy,
      mo: +us[1]!,
      d: +us[2]!,
      // A day without a time is read as noon so a zone difference cannot move it to another day.
      h: hasTime ? +us[4]! : 12,
      mi: hasTime ? +us[5]! : 0,
      s: us[6] ? +us[6] : 0,
      offset: null,
    };
  }
  return null;
}

/**
 * Read a file's date into an ISO string with offset and epoch ms. Dates without an offset are
 * local times in `timeZone`; dates without a time are noon there.
 */
export function parseOrderDate(
  text: string,
  style: DateStyle,
  timeZone: string,
): { iso: string; ms: number } | null {
  const p = readParts(text, style);
  if (!p || !realDate(p.y, p.mo, p.d) || p.h > 23 || p.mi > 59 || p.s > 59) return null;
  const wall = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s);
  let offset = p.offset;
  // No zone is more than 18 hours from UTC; a bigger offset is a typo, not an instant.
  if (offset !== null && Math.abs(offset) > 18 * 60) return null;
  if (offset === null) {
    // Two passes settle the zone's offset around daylight-saving changes.
    offset = zoneOffsetMinutes(wall, timeZone);
    offset = zoneOffsetMinutes(wall - offset * 60_000, timeZone);
  }
  const ms = wall - offset * 60_000;
  // A stored order is an instant from 1970 to the end of 9999 (orderSchema).
  if (!(ms >= 0 && ms <= MAX_EPOCH_MS)) return null;
  const iso = `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}${offsetText(offset)}`;
  return { iso, ms };
}

/** The discount-cell rule lives in src/domain/codes.ts (attribution reads stored orders by it). */
export { splitCodes };

/** Split a tags or codes list ("SPRING10, lucy15") into items as written. */
export function splitList(cell: string): string[] {
  if (cell === '') return []; // most orders: no codes, no tags
  return cell
    .split(/[,;\n]/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/**
 * Status words that mean the customer has not paid (WooCommerce's pending, on-hold and failed;
 * Shopify's pending and expired): such an order earns nothing and is not imported.
 */
const UNPAID = /^(pending|pending payment|on-hold|on hold|failed|unpaid|expired|awaiting payment)$/;

/** Whether a shop's status word says the order is not paid (see UNPAID). */
export function isUnpaidStatus(word: string): boolean {
  return UNPAID.test(word.trim().toLowerCase().replace(/^wc-/, ''));
}

/** A shop's status words to ours; refunds decide between paid and (partially) refunded. */
export function statusOf(
  word: string,
  cancelled: boolean,
  totalCents: number,
  refundedCents: number,
): OrderStatus {
  const w = word.trim().toLowerCase().replace(/^wc-/, '');
  if (cancelled || /cancel|void/.test(w)) return 'cancelled';
  if (refundedCents > 0 && refundedCents >= totalCents) return 'refunded';
  if (refundedCents > 0) return 'partially refunded';
  if (w === 'refunded') return 'refunded';
  if (w.includes('partially')) return 'partially refunded';
  return 'paid';
}

/** Columns of `columns` that the header lacks, for the required fields. */
export function missingColumns(
  header: readonly string[],
  columns: ColumnMap,
  required: readonly (keyof ColumnMap)[],
): string[] {
  const have = new Set(header);
  return required
    .filter((f) => !(columns[f] ?? []).some((c) => have.has(c)))
    .map((f) => (columns[f] ?? [String(f)])[0]!);
}

/**
 * Read orders through a column map. Rows with the same order number are one order (line-item
 * exports): order-level fields come from the first row that has them. Every problem names its line.
 */
export function parseMappedOrders(
  csv: ParsedCsv,
  opts: MappedOptions,
  ctx: ImportContext,
): ImportResult {
  const result: ImportResult = {
    source: opts.source,
    orders: [],
    problems: csv.errors.map((e) => ({ line: e.line, message: `Line ${e.line} ${e.message}` })),
    fatal: [],
    warnings: [],
    rowCount: csv.records.length,
  };
  const fatal = headerProblem(csv.header, opts.columns);
  if (fatal !== null) {
    result.fatal.push(fatal);
    return result;
  }
  const cells = fieldCells(csv.header, opts.columns);
  const groups = groupByOrder(csv, cells.orderId, result.problems);
  // Read from every amount of the file, and only when a cell needs it (most files never do).
  let decimals: FileDecimals | null = ctx.decimalMark ?? null;
  const file: FileReading = {
    opts,
    ctx,
    cells,
    latest: ctx.now + 24 * 3_600_000,
    decimalsOf: () =>
      (decimals ??= fileDecimals(
        cellsAt(
          csv.records,
          MONEY_FIELDS.flatMap((f) => cells[f]),
        ),
      )),
  };
  for (const [orderId, g] of groups) readOrder(orderId, g, file, result);
  return result;
}

/** What is wrong with the whole file (not a table, a required column missing), or null. */
function headerProblem(header: readonly string[], columns: ColumnMap): string | null {
  if (header.length < 2)
    return 'This file does not look like a CSV table (fewer than two columns).';
  const missing = missingColumns(header, columns, ['orderId', 'date', 'total']);
  if (missing.length === 0) return null;
  return `Missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`;
}

type FieldCells = Record<keyof ColumnMap, number[]>;

/**
 * Each field's columns as cell positions, resolved once (a repeated header name means its last
 * column, as in the row objects).
 */
function fieldCells(header: readonly string[], columns: ColumnMap): FieldCells {
  const at = new Map<string, number>();
  header.forEach((h, j) => at.set(h, j));
  const cells = {} as FieldCells;
  for (const f of FIELDS)
    cells[f] = (columns[f] ?? []).flatMap((c) => (at.has(c) ? [at.get(c)!] : []));
  return cells;
}

/** The rows of one order (line-item exports have several) and the file line of its first. */
interface RowGroup {
  rows: string[][];
  line: number;
}

/** Rows grouped by order number, in the file's order of first appearance; empty numbers noted. */
function groupByOrder(
  csv: ParsedCsv,
  idCells: readonly number[],
  problems: RowProblem[],
): Map<string, RowGroup> {
  const groups = new Map<string, RowGroup>();
  const { records, lineNumbers } = csv;
  for (let i = 0; i < records.length; i++) {
    const row = records[i]!;
    const line = lineNumbers[i]!;
    const id = pick(row, idCells);
    if (id === '') {
      problems.push({ line, message: `Line ${line}: the order number is empty` });
      continue;
    }
    const g = groups.get(id);
    if (g) g.rows.push(row);
    else groups.set(id, { rows: [row], line });
  }
  return groups;
}

/** What reading one order needs from the file as a whole. */
interface FileReading {
  opts: MappedOptions;
  ctx: ImportContext;
  cells: FieldCells;
  /** Dates after this instant are refused (a day of slack for time zones). */
  latest: number;
  /** The file's decimal mark, worked out from all its amounts on first need. */
  decimalsOf: () => FileDecimals;
}

/** One order's cells, read with its problems collected in `errs`. */
interface GroupCells {
  errs: string[];
  /** The field's first non-empty cell over the order's rows, or ''. */
  get: (f: keyof ColumnMap) => string;
  /** A cell in cents, or null once the reason it cannot be read is noted. */
  amountOf: (raw: string, label: string) => number | null;
  /** A field in cents: 0 when empty, noted when unreadable or negative. */
  money: (f: keyof ColumnMap, label: string) => number;
  /** The field summed over the order's rows (item files). */
  summed: (f: keyof ColumnMap, label: string) => number;
}

function groupCells(g: RowGroup, file: FileReading): GroupCells {
  const { cells, ctx } = file;
  const errs: string[] = [];
  const get = (f: keyof ColumnMap) => {
    const cs = cells[f];
    if (cs.length === 0) return '';
    for (const r of g.rows) {
      const v = pick(r, cs);
      if (v !== '') return v;
    }
    return '';
  };
  const amountOf = (raw: string, label: string): number | null => {
    let v = readAmount(raw, ctx.decimalMark ?? null);
    if (v === AMBIGUOUS) {
      const d = file.decimalsOf();
      v = readAmount(raw, markOf(d));
      if (v === AMBIGUOUS) {
        errs.push(ambiguousMessage(label, raw, d));
        return null;
      }
    }
    if (v === null) errs.push(`${label} "${raw}" is not an amount`);
    return v;
  };
  const moneyOf = (raw: string, label: string): number => {
    if (raw === '') return 0;
    const v = amountOf(raw, label);
    if (v !== null && v < 0) errs.push(`${label} "${raw}" is negative`);
    return v ?? 0;
  };
  return {
    errs,
    get,
    amountOf,
    money: (f, label) => moneyOf(get(f), label),
    summed: (f, label) => g.rows.reduce((sum, r) => sum + moneyOf(pick(r, cells[f]), label), 0),
  };
}

type OrderAmounts = Pick<
  ParsedOrder,
  'subtotalCents' | 'discountCents' | 'shippingCents' | 'taxCents' | 'totalCents' | 'refundedCents'
>;

/**
 * The order's amounts: an item file's total is items - discount + shipping + tax; a refund comes
 * from the refunded column, else the adjusted total, else a "refunded" status (the whole order).
 */
function readAmounts(
  c: GroupCells,
  opts: MappedOptions,
  statusWord: string,
  currency: string,
  locale: string | undefined,
): OrderAmounts {
  const discountCents = c.money('discount', 'Discount');
  const shippingCents = c.money('shipping', 'Shipping');
  const taxCents = c.money('tax', 'Tax');
  const itemsCents = opts.itemRows ? c.summed('total', 'Item total') : 0;
  const totalCents = opts.itemRows
    ? Math.max(0, itemsCents - discountCents) + shippingCents + taxCents
    : c.money('total', 'Total');
  let refundedCents = c.money('refunded', 'Refunded amount');
  const adjusted = c.get('adjustedTotal');
  if (adjusted !== '' && refundedCents === 0) {
    const a = c.amountOf(adjusted, 'Adjusted total');
    if (a !== null) refundedCents = Math.max(0, totalCents - a);
  }
  // "refunded" with no refund amount in the file: the whole order was refunded.
  if (refundedCents === 0 && /^(wc-)?refunded$/i.test(statusWord.trim()))
    refundedCents = totalCents;
  let subtotalCents = opts.itemRows
    ? itemsCents
    : c.get('subtotal') === ''
      ? Math.max(0, totalCents - shippingCents - taxCents)
      : c.money('subtotal', 'Subtotal');
  if (opts.subtotalBeforeDiscount || opts.itemRows)
    subtotalCents = Math.max(0, subtotalCents - discountCents);
  if (refundedCents > totalCents)
    c.errs.push(
      `refunded amount is more than the total (${moneyText(refundedCents, currency, locale)} > ${moneyText(totalCents, currency, locale)})`,
    );
  return { subtotalCents, discountCents, shippingCents, taxCents, totalCents, refundedCents };
}

/** One order group read into `result`: the order, or its problem, and what the owner should know. */
function readOrder(orderId: string, g: RowGroup, file: FileReading, result: ImportResult): void {
  const { opts, ctx } = file;
  const c = groupCells(g, file);
  const { errs, get } = c;
  const dateRaw = get('date');
  const date = dateRaw === '' ? null : parseOrderDate(dateRaw, opts.dateStyle, ctx.timeZone);
  if (dateRaw === '') errs.push('the date is empty');
  else if (!date) errs.push(`date "${dateRaw}" is not a date this importer can read`);
  else if (date.ms > file.latest) errs.push(`date "${dateRaw}" is in the future`);
  const currencyRaw = get('currency').toUpperCase();
  const currency = currencyRaw === '' ? ctx.defaultCurrency : currencyRaw;
  if (!isKnownCurrency(currency)) errs.push(`currency "${currencyRaw}" is unknown`);
  if (get('total') === '') errs.push('the total is empty');
  const statusWord = get('status');
  const amounts = readAmounts(c, opts, statusWord, currency, ctx.locale);
  const { codes, labels } = splitCodes(get('codes'));
  const tags = splitList(get('tags')).slice(0, 100);
  const email = get('email').trim();
  const region = { country: get('country'), province: get('province'), city: get('city') };
  errs.push(...overLimits(orderId, [...codes, ...labels], tags, email, region));
  const at = `Line ${g.line} (order ${orderId}):`;
  if (errs.length > 0) {
    result.problems.push({ line: g.line, orderId, message: `${at} ${errs.join('; ')}` });
    return;
  }
  if (isUnpaidStatus(statusWord)) {
    result.warnings.push({
      line: g.line,
      orderId,
      message: `${at} not imported, its status "${statusWord}" means it is not paid yet (import the file again once it is)`,
    });
    return;
  }
  for (const w of orderWarnings(g, c, file, amounts, currency))
    result.warnings.push({ line: g.line, orderId, message: `${at} ${w}` });
  result.orders.push({
    source: opts.source,
    orderId,
    placedAt: date!.iso,
    placedAtMs: date!.ms,
    currency,
    ...amounts,
    status: statusOf(
      statusWord,
      get('cancelledAt') !== '',
      amounts.totalCents,
      amounts.refundedCents,
    ),
    codes,
    ...(labels.length > 0 ? { discountLabels: labels } : {}),
    tags,
    note: noteOf(g.rows, file.cells.note),
    email: email === '' ? null : email,
    region,
    line: g.line,
  });
}

/** What a readable order's rows say that the owner should know: totals that differ, sums off. */
function orderWarnings(
  g: RowGroup,
  c: GroupCells,
  file: FileReading,
  amounts: OrderAmounts,
  currency: string,
): string[] {
  const { opts, cells } = file;
  const out: string[] = [];
  if (!opts.itemRows && g.rows.length > 1) {
    // Several rows of one order with different totals: the file is probably one row per item,
    // and only the first row's total is kept. Said, never silent.
    const totals = new Set(g.rows.map((r) => pick(r, cells.total)).filter((v) => v !== ''));
    if (totals.size > 1)
      out.push(
        `its ${g.rows.length} rows have different totals (${[...totals].slice(0, 3).join(', ')}${totals.size > 3 ? ', …' : ''}); the first row's total is kept. If the file has one row per item, map the order total column, not the item's`,
      );
  }
  if (opts.sumCheck) {
    const w = sumCheckOf(opts.sumCheck, c.get, {
      subtotal: c.get('subtotal') === '' ? null : c.money('subtotal', 'Subtotal'),
      discount: amounts.discountCents,
      shipping: amounts.shippingCents,
      tax: amounts.taxCents,
      shippingDiscount: c.money('shippingDiscount', 'Shipping discount'),
      total: amounts.totalCents,
      currency,
      locale: file.ctx.locale,
    });
    if (w) out.push(w);
  }
  return out;
}

/** Cents as money in the file's currency, for messages ("$12.50"), in the owner's locale. */
export function moneyText(cents: number, currency: string, locale = 'en-US'): string {
  return formatMoney(cents, currency, locale);
}

/**
 * The file's own sum check (import sanity), or null when it holds or the file lacks a column it
 * needs. The rule kept: the file's Total is what the customer paid and is what Pawtners stores.
 */
function sumCheckOf(
  kind: 'shopify' | 'etsy',
  get: (f: keyof ColumnMap) => string,
  f: {
    subtotal: number | null;
    discount: number;
    shipping: number;
    tax: number;
    shippingDiscount: number;
    total: number;
    currency: string;
    locale: string | undefined;
  },
): string | null {
  if (f.subtotal === null || get('shipping') === '' || get('tax') === '') return null;
  const m = (c: number) => moneyText(c, f.currency, f.locale);
  const expected =
    kind === 'shopify'
      ? f.subtotal + f.shipping + f.tax
      : f.subtotal - f.discount - f.shippingDiscount + f.shipping + f.tax;
  if (expected === f.total) return null;
  const sum =
    kind === 'shopify'
      ? `Subtotal ${m(f.subtotal)} + Shipping ${m(f.shipping)} + Taxes ${m(f.tax)}`
      : `Order Value ${m(f.subtotal)} − Discount ${m(f.discount)}${f.shippingDiscount ? ` − Shipping Discount ${m(f.shippingDiscount)}` : ''} + Shipping ${m(f.shipping)} + Sales Tax ${m(f.tax)}`;
  return `the file's figures disagree: ${sum} = ${m(expected)}, but the Total is ${m(f.total)}; the Total is kept`;
}

const FIELDS = [
  ...MAPPABLE_FIELDS.map((f) => f.key),
  'cancelledAt',
  'adjustedTotal',
  'shippingDiscount',
] as const satisfies readonly (keyof ColumnMap)[];

/** The fields read as amounts: their cells tell the file's decimal mark. */
const MONEY_FIELDS = [
  'total',
  'subtotal',
  'discount',
  'shipping',
  'tax',
  'refunded',
  'adjustedTotal',
] as const satisfies readonly (keyof ColumnMap)[];

/** The cells at these positions of every row, in file order. */
function* cellsAt(records: readonly string[][], at: readonly number[]): Generator<string> {
  for (const r of records) for (const j of at) yield r[j]?.trim() ?? '';
}

/** The first of these cells with text, trimmed, or ''. */
function pick(row: readonly string[], cells: readonly number[]): string {
  for (const j of cells) {
    const v = row[j];
    if (v !== undefined && v !== '') {
      const t = v.trim();
      if (t !== '') return t;
    }
  }
  return '';
}

/**
 * What a stored order cannot hold (src/domain/schemas.ts orderSchema), said with the row's words,
 * so the preview names it instead of the write failing after the owner confirmed.
 */
function overLimits(
  orderId: string,
  codes: readonly string[],
  tags: readonly string[],
  email: string,
  region: { country: string; province: string; city: string },
): string[] {
  const errs: string[] = [];
  if (orderId.length > ORDER_LIMITS.orderId)
    errs.push(`the order number is longer than ${ORDER_LIMITS.orderId} characters`);
  if (codes.length > ORDER_LIMITS.codes)
    errs.push(`it has ${codes.length} discount codes (at most ${ORDER_LIMITS.codes})`);
  const longCode = codes.find((c) => c.length > ORDER_LIMITS.code);
  if (longCode !== undefined)
    errs.push(
      `discount code "${longCode.slice(0, 20)}…" is longer than ${ORDER_LIMITS.code} characters`,
    );
  if (tags.some((t) => t.length > ORDER_LIMITS.tag))
    errs.push(`a tag is longer than ${ORDER_LIMITS.tag} characters`);
  if (email.length > ORDER_LIMITS.email)
    errs.push(`the email is longer than ${ORDER_LIMITS.email} characters`);
  for (const [k, v] of Object.entries(region))
    if (v.length > ORDER_LIMITS.region)
      errs.push(`the shipping ${k} is longer than ${ORDER_LIMITS.region} characters`);
  return errs;
}

/** Every note column with text, joined: Shopify keeps checkout-app data in "Note Attributes". */
function noteOf(rows: readonly string[][], cells: readonly number[]): string {
  const parts: string[] = [];
  for (const j of cells) {
    for (const r of rows) {
      const v = r[j]?.trim() ?? '';
      if (v !== '') {
        parts.push(v);
        break;
      }
    }
  }
  return parts.join('\n').slice(0, 20_000);
}

/** The owner's choice for one currency of a file: convert it to the brand's at this rate. */
export interface Conversion {
  /** The file's currency (3 letters). */
  from: string;
  /** Units of the brand's currency per unit of `from`, as the owner typed it ("1.27"). */
  rate: string;
}

/**
 * Orders in a currency the owner chose to convert, in the brand's currency at the owner's rate:
 * every amount converted (rounded to the cent), the rate and the file's own total kept in `fx` so
 * the converted figures can say where they came from. Other orders are returned as they are.
 */
export function convertOrders(
  orders: readonly ParsedOrder[],
  conversions: readonly Conversion[],
  to: string,
): ParsedOrder[] {
  const rates = new Map<string, { micro: number; rate: string }>();
  for (const c of conversions) {
    const micro = readRate(c.rate);
    if (micro !== null && c.from !== to)
      rates.set(c.from, { micro, rate: c.rate.trim().replace(',', '.') });
  }
  if (rates.size === 0) return [...orders];
  return orders.map((o) => {
    const r = rates.get(o.currency);
    if (!r) return o;
    const c = (cents: number) => convertCents(cents, r.micro);
    return {
      ...o,
      currency: to,
      subtotalCents: c(o.subtotalCents),
      discountCents: c(o.discountCents),
      shippingCents: c(o.shippingCents),
      taxCents: c(o.taxCents),
      totalCents: c(o.totalCents),
      // Never more than the converted total, whatever the rounding.
      refundedCents: Math.min(c(o.refundedCents), c(o.totalCents)),
      fx: { from: o.currency, rate: r.rate, totalCents: o.totalCents },
    };
  });
}

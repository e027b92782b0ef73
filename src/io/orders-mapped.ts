/**
 * Any other order CSV (WooCommerce and the rest): the owner maps columns to fields once per
 * source and the mapping is remembered in settings.importMappings (a list, see
 * src/domain/import-mappings.ts).
 */
import type { ColumnChoice } from '../domain/import-mappings';
import type { ParsedCsv } from './csv';
import {
  MAPPABLE_FIELDS,
  parseMappedOrders,
  type ColumnMap,
  type ImportContext,
  type ImportResult,
  type MappableField,
} from './orders-common';
import { etsyImporter, etsyItemsImporter } from './orders-etsy';
import { shopifyImporter } from './orders-shopify';

/**
 * A mapping as the dialog edits it: field key to the column name the owner picked ('' = not in
 * the file). Its keys are only ever MAPPABLE_FIELDS keys, never text from a file or the owner.
 */
export type StoredMapping = Record<string, string>;

/**
 * A remembered mapping (field -> column pairs) as the dialog edits it: every mappable field, ''
 * where none was chosen. Pairs naming anything but a mappable field are left out, so no stored
 * text becomes a key.
 */
export function mappingFromChoices(choices: readonly ColumnChoice[]): StoredMapping {
  const out: StoredMapping = {};
  for (const f of MAPPABLE_FIELDS)
    out[f.key] = choices.find((c) => c.field === f.key)?.column ?? '';
  return out;
}

const HINTS: Record<MappableField, RegExp> = {
  orderId: /^((wc|woo)[ _])?(order[ _]?(id|number|no\.?|#)|id|name|number)$/i,
  date: /(order[ _]?date|date[ _]?created|created|date|paid)/i,
  total: /^(order[ _]?)?total( amount)?$/i,
  codes: /(coupon|discount[ _]?code|promo)/i,
  currency: /currency/i,
  subtotal: /subtotal/i,
  discount: /(cart[ _]?)?discount[ _]?(amount|total)?$/i,
  shipping: /^(order[ _]?)?shipping([ _]total|[ _]amount)?$/i,
  tax: /tax/i,
  refunded: /refund/i,
  status: /status/i,
  email: /e-?mail/i,
  tags: /tags?/i,
  note: /note/i,
  country: /country/i,
  province: /(state|province|county)/i,
  city: /city/i,
};

/** Region fields: when a file has both, the shipping address is the one guessed (billing_country). */
const REGION: ReadonlySet<MappableField> = new Set(['country', 'province', 'city']);

/**
 * A first guess of the mapping from header names, so most files need only a glance. Knows the
 * WooCommerce exporters' snake_case names (wc_order_id, order_total, shipping_total ...).
 */
export function guessMapping(header: readonly string[]): StoredMapping {
  const out: StoredMapping = {};
  const used = new Set<string>();
  for (const f of MAPPABLE_FIELDS) {
    const fits = header.filter((h) => !used.has(h) && HINTS[f.key].test(h.trim()));
    const col = (REGION.has(f.key) ? fits.find((h) => /ship/i.test(h)) : undefined) ?? fits[0];
    out[f.key] = col ?? '';
    if (col) used.add(col);
  }
  return out;
}

/** Problems with a mapping before parsing: required fields unmapped or columns not in the file. */
export function mappingProblems(mapping: StoredMapping, header: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of MAPPABLE_FIELDS) {
    const col = mapping[f.key] ?? '';
    if (f.required && col === '') out.push(`Choose the column for "${f.label}".`);
    else if (col !== '' && !header.includes(col))
      out.push(`"${f.label}" points to column "${col}", which this file does not have.`);
  }
  return out;
}

export function toColumnMap(mapping: StoredMapping): ColumnMap {
  const out: ColumnMap = {};
  for (const f of MAPPABLE_FIELDS) {
    const col = mapping[f.key];
    if (col) out[f.key] = [col];
  }
  return out;
}

/** Parse an unknown CSV through the owner's mapping. */
export function parseWithMapping(
  csv: ParsedCsv,
  source: string,
  mapping: StoredMapping,
  ctx: ImportContext,
): ImportResult {
  const problems = mappingProblems(mapping, csv.header);
  if (problems.length > 0)
    return {
      source,
      orders: [],
      problems: [],
      fatal: problems,
      warnings: [],
      rowCount: csv.records.length,
    };
  return parseMappedOrders(csv, { source, columns: toColumnMap(mapping), dateStyle: 'auto' }, ctx);
}

/**
 * Why a file is not an orders CSV at all (JSON, HTML, a spreadsheet or PDF saved with a .csv
 * name, a single column), or null when it looks like a table.
 */
export function notCsvReason(text: string, header: readonly string[]): string | null {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (text.includes('\u0000') || start.startsWith('PK') || start.startsWith('%PDF'))
    return 'This is not a text CSV file (it looks like a spreadsheet, PDF or other binary file). Export your orders as CSV and try again.';
  if (/^[[{<]/.test(start))
    return 'This file does not look like a CSV table (it looks like JSON or HTML). Export your orders as CSV and try again.';
  if (header.length < 2)
    return 'This file does not look like a CSV table (fewer than two columns). Export your orders as CSV and try again.';
  return null;
}

export const KNOWN_IMPORTERS = [shopifyImporter, etsyImporter, etsyItemsImporter] as const;

/** The known export format a header belongs to, or null (then the owner maps columns). */
export function detectImporter(header: readonly string[]) {
  return KNOWN_IMPORTERS.find((i) => i.detect(header)) ?? null;
}

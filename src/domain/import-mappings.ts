/**
 * The column mappings the owner chose for order files of other shops (WooCommerce and the rest),
 * remembered per source in `settings.importMappings`. Source names are typed by the owner, so they
 * are data, never object keys: a source named `constructor` once became a key that every later
 * backup refused as prototype pollution. Settings used to hold a record keyed by source
 * (`{ woo: { orderId: "Order #" } }`); it is now a list, and the old form is still read.
 */

/** Which column of the file holds one field; column '' = not in the file. */
export interface ColumnChoice {
  field: string;
  column: string;
}

/** The mapping remembered for one source. */
export interface ImportMapping {
  source: string;
  mapping: ColumnChoice[];
}

/** What settings.importMappings holds (see settingsSchema). */
export const IMPORT_MAPPING_LIMITS = {
  sources: 1000,
  source: 60,
  choices: 200,
  field: 60,
  column: 200,
} as const;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The stored (pre-list) record form turned into the list, without checking anything else: the
 * settings schema runs this first and then validates the list, so a bad value is still reported.
 * Anything that is not the old form is returned as it is.
 */
export function legacyImportMappingsToList(value: unknown): unknown {
  if (!isRecord(value)) return value;
  return Object.entries(value).map(([source, mapping]) => ({
    source,
    mapping: isRecord(mapping)
      ? Object.entries(mapping).map(([field, column]) => ({ field, column }))
      : mapping,
  }));
}

function choicesOf(value: unknown): ColumnChoice[] {
  const L = IMPORT_MAPPING_LIMITS;
  const pairs: unknown[] = Array.isArray(value)
    ? value
    : isRecord(value)
      ? Object.entries(value).map(([field, column]) => ({ field, column }))
      : [];
  const out: ColumnChoice[] = [];
  for (const p of pairs) {
    if (!isRecord(p)) continue;
    const { field, column } = p;
    if (typeof field !== 'string' || typeof column !== 'string') continue;
    if (field.length > L.field || column.length > L.column) continue;
    out.push({ field, column });
    if (out.length >= L.choices) break;
  }
  return out;
}

/**
 * Any stored or imported value of settings.importMappings as a valid list: the old record form is
 * converted, entries that could not be valid are dropped. Never throws. Pure.
 */
export function normalizeImportMappings(value: unknown): ImportMapping[] {
  const L = IMPORT_MAPPING_LIMITS;
  const list = legacyImportMappingsToList(value);
  if (!Array.isArray(list)) return [];
  const out: ImportMapping[] = [];
  for (const entry of list) {
    if (!isRecord(entry)) continue;
    const { source, mapping } = entry;
    if (typeof source !== 'string' || source.length > L.source) continue;
    if (!Array.isArray(mapping) && !isRecord(mapping)) continue;
    out.push({ source, mapping: choicesOf(mapping) });
    if (out.length >= L.sources) break;
  }
  return out;
}

/** The mapping remembered for a source (the first entry with that exact name), if any. */
export function findImportMapping(list: unknown, source: string): ColumnChoice[] | undefined {
  return normalizeImportMappings(list).find((m) => m.source === source)?.mapping;
}

/**
 * A new list with `source` mapped as given: its entry replaced in place (duplicates of it
 * dropped), or added at the end. `mapping` may be field -> column pairs or a record of them
 * (`{ orderId: "Order #" }`, as the import dialog holds it); `list` may be in the old form.
 */
export function withImportMapping(
  list: unknown,
  source: string,
  mapping: readonly ColumnChoice[] | Readonly<Record<string, string>>,
): ImportMapping[] {
  const entry: ImportMapping = { source, mapping: choicesOf(mapping) };
  const out: ImportMapping[] = [];
  let placed = false;
  for (const m of normalizeImportMappings(list)) {
    if (m.source !== source) out.push(m);
    else if (!placed) {
      out.push(entry);
      placed = true;
    }
  }
  if (!placed) out.push(entry);
  // At the limit the oldest other source makes room.
  if (out.length > IMPORT_MAPPING_LIMITS.sources) out.splice(out[0] === entry ? 1 : 0, 1);
  return out;
}

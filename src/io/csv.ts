/**
 * CSV helpers shared by every export and import. Exports neutralise spreadsheet formulas
 * (OWASP CSV injection); imports keep every value a string (ids like `00123` stay as written).
 */
import Papa from 'papaparse';

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[\s\n\r]*[=+\-@\t\r]/;

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with = + - @ tab or CR,
 * also after leading spaces or newlines) gets a leading `'`. Numbers stay numbers. Cells with
 * separators, quotes or line breaks are quoted with quotes doubled.
 */
export function csvCell(value: CsvValue, separator = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value;
  let mustQuote = false;
  if (FORMULA_START.test(s)) {
    s = `'${s}`;
    mustQuote = true;
  }
  if (
    mustQuote ||
    s.includes(separator) ||
    s.includes('"') ||
    s.includes('\n') ||
    s.includes('\r')
  ) {
    return `"${s.replace(/"/g, '""')}"`;
  }
  return s;
}

/** Rows to CSV text with CRLF line ends (what spreadsheets expect). `header` null = no header row. */
export function toCsv(header: string[] | null, rows: CsvValue[][], separator = ','): string {
  const lines: string[] = [];
  if (header) lines.push(header.map((h) => csvCell(h, separator)).join(separator));
  for (const r of rows) lines.push(r.map((c) => csvCell(c, separator)).join(separator));
  return lines.join('\r\n') + '\r\n';
}

/** The encodings {@link decodeText} tells apart. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * How a file's bytes are encoded: a byte-order mark says UTF-8 or UTF-16 (LE/BE); without one,
 * bytes that are valid UTF-8 are UTF-8 and anything else is Windows-1252 (Excel's "CSV" on
 * Western Windows). UTF-16 without a mark is recognised by its zero bytes in every other place.
 */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  return markedEncoding(bytes) ?? (utf8OrNull(bytes) === null ? 'windows-1252' : 'utf-8');
}

/** The encoding a byte-order mark or UTF-16's zero bytes show, or null. */
function markedEncoding(bytes: Uint8Array): TextEncodingName | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  // Latin text in UTF-16: one byte of most pairs is zero, the other never.
  if (oddZeros > n / 4 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > n / 4 && oddZeros === 0) return 'utf-16be';
  return null;
}

function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A file's bytes as text in the encoding {@link detectEncoding} finds, without its BOM. */
export function decodeText(bytes: Uint8Array): string {
  return decodeFile(bytes).text;
}

/** Names of the encodings as the import preview says them. */
export const ENCODING_LABEL: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1252': 'Windows-1252',
};

/** {@link decodeText} and the encoding it read the bytes in (each decoded once). */
export function decodeFile(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const marked = markedEncoding(bytes);
  const utf8 = marked ? null : utf8OrNull(bytes);
  const encoding: TextEncodingName = marked ?? (utf8 === null ? 'windows-1252' : 'utf-8');
  const text = utf8 ?? new TextDecoder(encoding).decode(bytes);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding };
}

export interface ParsedCsv {
  /** The delimiter the file uses (see {@link detectDelimiter}). */
  delimiter: CsvDelimiter;
  header: string[];
  /** Data rows as objects keyed by header; every value a string. Built on first use. */
  rows: Record<string, string>[];
  /** Data rows as parsed, cells in file order (may be shorter or longer than the header). */
  records: string[][];
  /** 1-based line number in the file of each row's first line (header is line 1). */
  lineNumbers: number[];
  /** Blocking parse problems with where they are. */
  errors: { line: number; message: string }[];
}

export type CsvDelimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];
/** Enough of a file to see its header and the rows after it. */
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_ROWS = 20;

/**
 * The delimiter of a CSV text: comma, semicolon (European Excel, where the comma is the decimal
 * mark), tab or pipe. The one that splits the header into two or more columns and the next rows into
 * as many wins (ties: more columns, then that order); a file none splits is comma-separated.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const cut = text.length > SAMPLE_CHARS;
  const sample = cut ? text.slice(0, SAMPLE_CHARS) : text;
  let best: CsvDelimiter = ',';
  let bestFit = -1;
  let bestColumns = 0;
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, {
      delimiter,
      preview: SAMPLE_ROWS + 1,
      skipEmptyLines: 'greedy',
    }).data;
    // The last row of a cut sample may be cut too.
    if (cut && rows.length > 2) rows.pop();
    const header = rows[0];
    if (!header || header.length < 2) continue;
    let fitting = 0;
    for (let i = 1; i < rows.length; i++) if (rows[i]!.length === header.length) fitting++;
    const fit = rows.length > 1 ? fitting / (rows.length - 1) : 1;
    if (fit > bestFit || (fit === bestFit && header.length > bestColumns)) {
      best = delimiter;
      bestFit = fit;
      bestColumns = header.length;
    }
  }
  return best;
}

/** Excel's first line naming the delimiter (`sep=;`), which is not the header. */
const SEP_LINE = /^sep=([,;\t|])[ \t]*(\r\n|\n|\r)/i;

/**
 * Parse CSV text: strips a UTF-8 BOM, accepts CRLF or LF, quoted fields with commas and newlines,
 * and comma, semicolon, tab or pipe delimiters (detected, or named by a `sep=` first line).
 * No dynamic typing: values stay strings. Header names are trimmed.
 */
export function parseCsv(text: string): ParsedCsv {
  let clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 1;
  const sep = SEP_LINE.exec(clean);
  let delimiter: CsvDelimiter;
  if (sep) {
    delimiter = sep[1] as CsvDelimiter;
    clean = clean.slice(sep[0].length);
    line = 2;
  } else delimiter = detectDelimiter(clean);
  // Blank lines are kept by the parser and skipped here, so they still count for line numbers.
  const res = Papa.parse<string[]>(clean, {
    delimiter,
    skipEmptyLines: false,
    dynamicTyping: false,
  });
  const all = res.data;
  let first = 0;
  while (first < all.length && isBlank(all[first]!)) line += countLines(all[first++]);
  const header = (all[first] ?? []).map((h) => h.trim());
  const records: string[][] = [];
  const lineNumbers: number[] = [];
  const lineOfRow = new Array<number>(all.length);
  const errors: ParsedCsv['errors'] = [];
  // Line numbers: count newlines consumed by each record (quoted fields may span lines).
  line += countLines(all[first]);
  for (let i = first + 1; i < all.length; i++) {
    const rec = all[i]!;
    lineOfRow[i] = line;
    const at = line;
    line += countLines(rec);
    if (isBlank(rec)) continue;
    if (rec.length > header.length && rec.slice(header.length).some((v) => v.trim() !== '')) {
      errors.push({
        line: at,
        message: `has ${rec.length} fields but the header has ${header.length}`,
      });
    }
    records.push(rec);
    lineNumbers.push(at);
  }
  const parseErrors = res.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({
      line: lineOfRow[e.row ?? 0] ?? (e.row ?? 0) + (sep ? 2 : 1),
      message: e.message,
    }));
  errors.unshift(...parseErrors);
  // Row objects cost a 100,000-row import about a second; the order importers read `records`.
  let rows: Record<string, string>[] | null = null;
  return {
    delimiter,
    header,
    records,
    lineNumbers,
    errors,
    get rows() {
      rows ??= records.map((rec) => {
        const obj: Record<string, string> = {};
        header.forEach((h, j) => {
          obj[h] = rec[j] ?? '';
        });
        return obj;
      });
      return rows;
    },
  };
}

/** A line with nothing but spaces and separators (what the parser's 'greedy' skipping skipped). */
function isBlank(rec: readonly string[]): boolean {
  // Most rows start with a value: one comparison.
  if (rec[0] !== '' && rec[0]!.trim() !== '') return false;
  for (const v of rec) if (v.trim() !== '') return false;
  return true;
}

function countLines(rec: string[] | undefined): number {
  if (!rec) return 1;
  let n = 1;
  for (const v of rec) {
    if (!v.includes('\n')) continue;
    for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) === 10) n++;
  }
  return n;
}

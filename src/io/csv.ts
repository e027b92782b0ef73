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

export interface ParsedCsv {
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

/**
 * Parse CSV text: strips a UTF-8 BOM, accepts CRLF or LF, quoted fields with commas and newlines.
 * No dynamic typing: values stay strings. Header names are trimmed.
 */
export function parseCsv(text: string): ParsedCsv {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Blank lines are kept by the parser and skipped here, so they still count for line numbers.
  const res = Papa.parse<string[]>(clean, { skipEmptyLines: false, dynamicTyping: false });
  const all = res.data;
  let first = 0;
  let line = 1;
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
    .map((e) => ({ line: lineOfRow[e.row ?? 0] ?? (e.row ?? 0) + 1, message: e.message }));
  errors.unshift(...parseErrors);
  // Row objects cost a 100,000-row import about a second; the order importers read `records`.
  let rows: Record<string, string>[] | null = null;
  return {
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

/**
 * Rows as backup text: one JSON record per line, as a backup file holds a table's rows. The big
 * tables' pages are stored in this form too, so an export copies their text as it is.
 */
export const ROW_SEPARATOR = ',\n      ';

export function rowsText(rows: readonly unknown[]): string {
  return rows.map((r) => JSON.stringify(r)).join(ROW_SEPARATOR);
}

export function parseRowsText<T>(text: string): T[] {
  return JSON.parse(`[${text}]`) as T[];
}

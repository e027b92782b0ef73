/** Rows as backup text: one JSON record per line, as a backup file holds a table's rows. */
export const ROW_SEPARATOR = ',\n      ';

/** A piece of a backup file: text, the same text already as UTF-8, or a Blob of that UTF-8. */
export type TextPart = string | Uint8Array<ArrayBuffer> | Blob;

export function rowsText(rows: readonly unknown[]): string {
  return rows.map((r) => JSON.stringify(r)).join(ROW_SEPARATOR);
}

export function parseRowsText<T>(text: string): T[] {
  return JSON.parse(`[${text}]`) as T[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 of a string. encodeInto is several times faster than encode() in Chromium. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  const ascii = new Uint8Array(text.length);
  // All read into as many bytes means every character was ASCII (one byte each).
  if (encoder.encodeInto(text, ascii).read === text.length) return ascii;
  return encoder.encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function partLength(part: TextPart): number {
  return typeof part === 'string'
    ? part.length
    : part instanceof Blob
      ? part.size
      : part.byteLength;
}

/** The text of parts held in memory, as one string (a Blob's text can only be read async). */
export function partsToString(parts: readonly TextPart[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      if (p instanceof Blob) throw new Error('a Blob part needs partsText');
      return fromUtf8(p);
    })
    .join('');
}

/** The text of any parts, as one string (small backups, tests, the desktop app's auto-backups). */
export async function partsText(parts: readonly TextPart[]): Promise<string> {
  const texts = await Promise.all(parts.map((p) => (p instanceof Blob ? p.text() : p)));
  return partsToString(texts);
}

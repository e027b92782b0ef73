/**
 * A short fingerprint of a record's content, to tell whether two versions of a row differ without
 * keeping both: a 53-bit hash of its JSON. Rows are written and exported with their keys in one
 * order, so plain JSON.stringify serves (several times faster than sorting keys for 374,000 rows);
 * a file whose keys were reordered by hand only reads as "differs", never as "the same".
 */

/** cyrb53: a fast string hash with few collisions for this use (not for security). */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function rowSignature(row: unknown): number {
  return hash53(JSON.stringify(row) ?? 'null');
}

/**
 * Discount codes as customers typed them: the one rule for splitting a shop's discount cell into
 * single codes, used by the importers when they read a file and by attribution when it reads a
 * stored order (orders stored before the split still hold `EARLYACCESS30 + PARTNER10` as one
 * code; reading them through orderCodes credits them right after a re-credit, without a
 * re-import). See docs/formats.md, Shopify "Discount Code".
 */

/** " + " between stacked codes (spaces around the plus), commas, semicolons, line breaks. */
const CODE_SEPARATORS = /\s+\+\s+|[,;\n]/;
/** Whether a stored value may hold more than one code, or a discount's title (a space). */
const MAYBE_SEVERAL = /[\s,;]/;

/**
 * A discount cell split into the codes a customer typed and the labels of discounts that are not
 * codes. Shopify joins stacked codes with " + " (`EARLYACCESS30 + PARTNER10`); other files use
 * ",", ";" or line breaks. A part with a space in it (`Seller discount`, `Buy 2 get 1 free`) is a
 * discount's title, not a code: shops do not allow spaces in codes. A plus with no spaces around
 * it (`B2G1+FREE`) is part of one code. Each code once, compared case-insensitively, first
 * spelling kept.
 */
export function splitCodes(cell: string): { codes: string[]; labels: string[] } {
  const codes: string[] = [];
  const labels: string[] = [];
  if (cell === '') return { codes, labels };
  for (const raw of cell.split(CODE_SEPARATORS)) {
    const part = raw.trim();
    if (part === '') continue;
    (/\s/.test(part) ? labels : codes).push(part);
  }
  return { codes: dedupe(codes), labels: dedupe(labels) };
}

/**
 * The single codes of a stored order: each stored value split by splitCodes, labels left out.
 * Orders stored since the split come back as they are (the same array, nothing allocated).
 */
export function orderCodes(stored: readonly string[]): readonly string[] {
  if (!stored.some((c) => MAYBE_SEVERAL.test(c.trim()))) return stored;
  return dedupe(stored.flatMap((c) => splitCodes(c).codes));
}

function dedupe(codes: string[]): string[] {
  if (codes.length < 2) return codes;
  const seen = new Set<string>();
  return codes.filter((c) => {
    const k = c.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

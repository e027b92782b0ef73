/**
 * The Shopify products export (Admin > Products > Export > "Plain CSV file"): one row per variant,
 * the product's Title only on its first row (later variant rows and image rows share its Handle),
 * `Option1 Value`.. naming the variant ("Default Title" for a product without variants),
 * `Variant SKU`, `Variant Price` and `Cost per item`. Rows with no SKU and no price (extra image
 * rows) and gift cards are skipped. Each variant becomes one product; `Tags` become its ingredient tags.
 */
import { parseCsv } from './csv';
import { ambiguousMessage, AMBIGUOUS, fileDecimals, markOf, readAmount } from './amounts';
import { normalizeTags } from '../domain/seeding';

export interface ImportedProduct {
  name: string;
  sku: string;
  unitCostCents: number;
  retailCents: number;
  tags: string[];
  /** Line of the file it came from. */
  line: number;
}

export interface ProductFileResult {
  products: ImportedProduct[];
  /** Lines refused, each with why (the rest can still be imported). */
  problems: { line: number; message: string }[];
}

const REQUIRED = ['Handle', 'Variant Price'] as const;

/** Read a Shopify products CSV. Throws (in plain words) when it is not one. */
export function readShopifyProducts(text: string): ProductFileResult {
  const csv = parseCsv(text);
  const missing = REQUIRED.filter((h) => !csv.header.includes(h));
  if (missing.length)
    throw new Error(
      `This is not a Shopify products export: it has no ${missing.join(' or ')} column. In Shopify, use Products > Export > Plain CSV file.`,
    );
  const rows = csv.rows;
  const decimals = fileDecimals(
    rows.flatMap((r) => [r['Variant Price'] ?? '', r['Cost per item'] ?? '']),
  );
  const mark = markOf(decimals);
  const titles = new Map<string, { title: string; tags: string[] }>();
  const products: ImportedProduct[] = [];
  const problems: ProductFileResult['problems'] = [];
  rows.forEach((r, i) => {
    const line = csv.lineNumbers[i]!;
    const handle = (r.Handle ?? '').trim();
    const title = (r.Title ?? '').trim();
    if (handle && title) titles.set(handle, { title, tags: normalizeTags(r.Tags ?? '') });
    const sku = (r['Variant SKU'] ?? '').trim();
    const priceRaw = (r['Variant Price'] ?? '').trim();
    if ((!sku && !priceRaw) || (r['Gift Card'] ?? '').trim().toUpperCase() === 'TRUE') return;
    const base = titles.get(handle);
    if (!base) {
      problems.push({ line, message: `No product title for ${handle || 'this row'}.` });
      return;
    }
    const amount = (raw: string, label: string): number | null => {
      if (raw === '') return 0;
      const v = readAmount(raw, mark);
      if (v === AMBIGUOUS) problems.push({ line, message: ambiguousMessage(label, raw, decimals) });
      else if (v === null) problems.push({ line, message: `${label} "${raw}" is not an amount.` });
      else if (v < 0) problems.push({ line, message: `${label} must not be negative.` });
      else return v;
      return null;
    };
    const retail = amount(priceRaw, 'Variant Price');
    const cost = amount((r['Cost per item'] ?? '').trim(), 'Cost per item');
    if (retail === null || cost === null) return;
    const options = ['Option1 Value', 'Option2 Value', 'Option3 Value']
      .map((k) => (r[k] ?? '').trim())
      .filter((v) => v && v !== 'Default Title');
    products.push({
      name: options.length ? `${base.title} (${options.join(' / ')})` : base.title,
      sku,
      unitCostCents: cost,
      retailCents: retail,
      tags: base.tags,
      line,
    });
  });
  return { products, problems };
}

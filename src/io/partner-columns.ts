/**
 * Which column of someone else's partner spreadsheet is which of ours: guessed from the header
 * ("Promo Code" = codes, "IG handle" = instagram_handle, "TikTok" = tiktok_handle), changed by the
 * owner in the import's column step, and remembered for the next file with the same header
 * (settings.importMappings, under a source named after the header). Pure.
 */
import { PLATFORMS, type Platform } from '../domain/constants';
import type { ColumnChoice } from '../domain/import-mappings';
import { PLATFORM_LABEL } from '../domain/partners';
import { rowSignature } from '../domain/row-signature';
import { PARTNER_CSV_HEADER } from './partners-csv';

/** A header cell as compared: lower case, letters and digits only ("IG handle" → "ighandle"). */
function squash(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const PLATFORM_WORDS: Record<Platform, string[]> = {
  instagram: ['instagram', 'ig', 'insta'],
  tiktok: ['tiktok', 'tt'],
  youtube: ['youtube', 'yt'],
  facebook: ['facebook', 'fb'],
  pinterest: ['pinterest'],
  blog: ['blog', 'website', 'site'],
  newsletter: ['newsletter', 'substack'],
};

/** Other names people give our columns (squashed), beside the column's own name. */
const SYNONYMS: Record<string, string[]> = {
  name: [
    'fullname',
    'creator',
    'creatorname',
    'partner',
    'partnername',
    'influencer',
    'ambassador',
  ],
  email: ['emailaddress', 'mail', 'contactemail'],
  kind: ['type', 'partnertype', 'program'],
  tags: ['tag', 'labels'],
  niche: ['category', 'vertical'],
  city: ['town'],
  region: ['state', 'province'],
  codes: [
    'code',
    'promocode',
    'promocodes',
    'discountcode',
    'discountcodes',
    'coupon',
    'couponcode',
    'couponcodes',
  ],
  referral_slug: ['slug', 'referral', 'referralcode', 'ref', 'refslug', 'affiliateslug'],
  notes: ['note', 'comments'],
  payout_method: ['paymentmethod'],
  payout_handle: ['paypal', 'paypalemail', 'venmo', 'paymentemail'],
  commission_rate: ['commission', 'commissionpercent', 'rate'],
  retainer: ['fee', 'monthlyfee', 'salary'],
};

/** Our columns by every squashed name they go by. */
const KNOWN: Map<string, string> = (() => {
  const m = new Map<string, string>();
  const add = (name: string, column: string) => {
    if (!m.has(name)) m.set(name, column);
  };
  for (const c of PARTNER_CSV_HEADER) add(squash(c), c);
  for (const [c, names] of Object.entries(SYNONYMS)) for (const n of names) add(n, c);
  for (const p of PLATFORMS) {
    for (const w of [...PLATFORM_WORDS[p], squash(PLATFORM_LABEL[p])]) {
      // "TikTok", "IG handle", "Instagram @", "TikTok username": the handle.
      for (const s of ['', 'handle', 'username', 'user', 'account', 'name'])
        add(`${w}${s}`, `${p}_handle`);
      for (const s of ['followers', 'followercount', 'fans', 'subscribers', 'subs'])
        add(`${w}${s}`, `${p}_followers`);
      for (const s of ['engagement', 'engagementrate', 'er']) add(`${w}${s}`, `${p}_engagement`);
    }
  }
  return m;
})();

/** Our column a file's column most likely is, or '' when none. */
export function guessPartnerColumn(fileColumn: string): string {
  return KNOWN.get(squash(fileColumn)) ?? '';
}

/**
 * A mapping for a header: each of our columns (field) from at most one file column (column),
 * the first file column that goes by its name. File columns not in it are not imported.
 */
export function guessPartnerMapping(header: readonly string[]): ColumnChoice[] {
  const out: ColumnChoice[] = [];
  const taken = new Set<string>();
  for (const column of header) {
    const field = guessPartnerColumn(column);
    if (field && !taken.has(field)) {
      taken.add(field);
      out.push({ field, column });
    }
  }
  return out;
}

/** A remembered mapping, kept to the columns this header has. */
export function mappingForHeader(
  header: readonly string[],
  remembered: readonly ColumnChoice[] | undefined,
): ColumnChoice[] {
  if (!remembered) return guessPartnerMapping(header);
  const cols = new Set(header);
  const known = new Set<string>(PARTNER_CSV_HEADER);
  return remembered.filter((c) => cols.has(c.column) && known.has(c.field));
}

/** True when every column of the header is one of ours by its own name (our export's file). */
export function isOwnHeader(header: readonly string[]): boolean {
  const own = new Set<string>(PARTNER_CSV_HEADER);
  return header.length > 0 && header.every((h) => own.has(h));
}

/** The name a header's mapping is remembered under (fits IMPORT_MAPPING_LIMITS.source). */
export function partnerHeaderSource(header: readonly string[]): string {
  return `partners:${rowSignature(header.map((h) => h.trim())).toString(36)}`;
}

/** The file's columns no mapping entry takes: they are not imported. */
export function unmappedColumns(
  header: readonly string[],
  mapping: readonly ColumnChoice[],
): string[] {
  const used = new Set(mapping.map((c) => c.column));
  return header.filter((h) => h !== '' && !used.has(h));
}

/** Why a mapping cannot be used yet, or null. */
export function mappingProblem(mapping: readonly ColumnChoice[]): string | null {
  if (!mapping.some((c) => c.field === 'name'))
    return 'Choose the column that holds each partner’s name.';
  const seen = new Set<string>();
  for (const c of mapping) {
    if (seen.has(c.field)) return `Two columns are set to “${c.field}”: choose one.`;
    seen.add(c.field);
  }
  return null;
}

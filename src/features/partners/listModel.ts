import { maxFollowers, partnerTier, type Tier } from '../../domain/partners';
import { PARTNER_STATUSES, type Partner, type Settings } from '../../domain/schemas';
import type { FigureKey, PartnerFilters, SortKey } from './store';
import type { PartnerMetrics } from './usePartners';

/** One line of the partner list, built once per data load (not per keystroke or scroll). */
export interface Row {
  partner: Partner;
  tier: Tier | null;
  followers: number;
  metrics: PartnerMetrics | undefined;
  /** Lower-cased name, email, referral slug, handles and codes, for search. */
  haystack: string;
  /** Species of the partner's pets. */
  species: readonly string[];
}

// Between fields, so a query never matches across two of them (a search box holds no NUL).
const FIELD_GAP = '\u0000';

/** What the search looks in, lower-cased once per data load. */
export function searchText(
  p: Pick<Partner, 'name' | 'email' | 'accounts' | 'codes' | 'referralSlug'>,
): string {
  return [p.name, p.email, p.referralSlug, ...p.accounts.map((a) => a.handle), ...p.codes]
    .join(FIELD_GAP)
    .toLowerCase();
}

/** The query as searched: trimmed, lower case, without a leading @ (same as matchesPartnerSearch). */
export function searchNeedle(query: string): string {
  return query.trim().toLowerCase().replace(/^@/, '');
}

export function buildRows(
  partners: readonly Partner[],
  tierBounds: Settings['tierBounds'],
  metrics: ReadonlyMap<string, PartnerMetrics> | undefined,
  species: ReadonlyMap<string, readonly string[]> = new Map(),
): Row[] {
  return partners.map((p) => ({
    partner: p,
    tier: partnerTier(p, tierBounds),
    followers: maxFollowers(p),
    metrics: metrics?.get(p.id),
    haystack: searchText(p),
    species: species.get(p.id) ?? [],
  }));
}

// One collator for every sort: String.localeCompare builds one per call.
export const byName = new Intl.Collator().compare;

/** A row's figure for a column, or null when the partner has none (no cost for ROI, ...). */
export function figureValue(row: Pick<Row, 'metrics'>, key: FigureKey): number | null {
  const f = row.metrics?.figures;
  if (!f) return null;
  switch (key) {
    case 'revenue':
      return f.revenueCents;
    case 'cost':
      return f.costCents;
    case 'orders':
      return f.orders;
    case 'roi':
      return f.roi;
    case 'roas':
      return f.roas;
    case 'cpa':
      return f.cpaCents;
    case 'aov':
      return f.aovCents;
    case 'emv':
      return f.emvCents;
    case 'engagement':
      return f.engagementRate;
    case 'conversion':
      return f.conversion;
  }
}

function compareBy(key: SortKey): (a: Row, b: Row) => number {
  switch (key) {
    case 'name':
      return (a, b) => byName(a.partner.name, b.partner.name);
    case 'status':
      return (a, b) =>
        PARTNER_STATUSES.indexOf(a.partner.status) - PARTNER_STATUSES.indexOf(b.partner.status);
    case 'followers':
      return (a, b) => a.followers - b.followers;
    default:
      return (a, b) => (figureValue(a, key) ?? 0) - (figureValue(b, key) ?? 0);
  }
}

/** A sorted copy; ties go by name. Partners without the figure (no cost for ROI) go last. */
export function sortRows(rows: readonly Row[], sort: { key: SortKey; dir: 'asc' | 'desc' }): Row[] {
  const cmp = compareBy(sort.key);
  const dir = sort.dir === 'asc' ? 1 : -1;
  const key = sort.key;
  const figure = key !== 'name' && key !== 'status' && key !== 'followers';
  const has = (r: Row) => !figure || figureValue(r, key) !== null;
  return [...rows].sort(
    (a, b) =>
      Number(has(b)) - Number(has(a)) || dir * cmp(a, b) || byName(a.partner.name, b.partner.name),
  );
}

/** The rows that pass the filters, in the order given (filtering keeps the sort). */
export function filterRows(
  rows: readonly Row[],
  f: Omit<PartnerFilters, 'search' | 'species'> & Partial<Pick<PartnerFilters, 'species'>>,
  search: string,
): Row[] {
  const needle = searchNeedle(search);
  return rows.filter(
    ({ partner: p, tier, haystack, species }) =>
      (f.showArchived || !p.archived) &&
      (!f.kind || p.kind === f.kind) &&
      (!f.status || p.status === f.status) &&
      (!f.tag || p.tags.includes(f.tag)) &&
      (!f.niche || p.niche === f.niche) &&
      (!f.tier || tier === f.tier) &&
      (!f.species || species.includes(f.species)) &&
      (!needle || haystack.includes(needle)),
  );
}

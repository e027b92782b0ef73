/**
 * Partner rules: follower tiers, promo-code uniqueness, tracking links, and turning what the owner
 * typed (a form or a CSV row, all strings) into a valid partner with its contract history.
 * Pure: the clock (`today`, `now`) and the id maker are passed in.
 */
import { findContractOverlap } from './contracts';
import { matchKey, normalizeCode } from './ids';
import { parseMoney } from './money';
import {
  contractSchema,
  partnerSchema,
  PARTNER_KINDS,
  PARTNER_STATUSES,
  PLATFORMS,
  RETAINER_PERIODS,
  type Contract,
  type Partner,
  type PartnerKind,
  type PartnerStatus,
  type Platform,
  type Settings,
  type SocialAccount,
} from './schemas';

export const TIERS = ['nano', 'micro', 'mid', 'macro', 'mega'] as const;
export type Tier = (typeof TIERS)[number];
export type TierBounds = Settings['tierBounds'];

export const PLATFORM_LABEL: Record<Platform, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  facebook: 'Facebook',
  pinterest: 'Pinterest',
  blog: 'Blog',
  newsletter: 'Newsletter',
};

/** The tier of a follower count: below `micro` is nano; each bound is the tier's first count. */
export function tierOf(followers: number, bounds: TierBounds): Tier {
  if (followers >= bounds.mega) return 'mega';
  if (followers >= bounds.macro) return 'macro';
  if (followers >= bounds.mid) return 'mid';
  if (followers >= bounds.micro) return 'micro';
  return 'nano';
}

/** The account with the most followers (the first one on a tie), or null without accounts. */
export function largestAccount(accounts: readonly SocialAccount[]): SocialAccount | null {
  let best: SocialAccount | null = null;
  for (const a of accounts) if (!best || a.followers > best.followers) best = a;
  return best;
}

/** A partner's tier comes from their largest account, not the sum: audiences overlap. */
export function partnerTier(p: Pick<Partner, 'accounts'>, bounds: TierBounds): Tier | null {
  const a = largestAccount(p.accounts);
  return a ? tierOf(a.followers, bounds) : null;
}

export function maxFollowers(p: Pick<Partner, 'accounts'>): number {
  return largestAccount(p.accounts)?.followers ?? 0;
}

/** Codes as typed in one text field: separated by commas, semicolons or spaces. */
export function splitList(text: string, separators = /[,;\s]+/): string[] {
  return text
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface CodeConflict {
  code: string;
  /** Name of the partner who already has it, or null when repeated in the same list. */
  ownerName: string | null;
}

/**
 * Codes of `codes` already used by another partner (case-insensitive) or repeated in the list
 * itself. `others` must not include the partner being saved.
 */
export function findCodeConflicts(
  codes: readonly string[],
  others: readonly Pick<Partner, 'name' | 'codes'>[],
): CodeConflict[] {
  const owner = new Map<string, string>();
  for (const o of others) for (const c of o.codes) owner.set(normalizeCode(c), o.name);
  return conflictsWith(codes, (n) => owner.get(n) ?? null);
}

/** Codes repeated in the list or held by someone (`ownerOf` takes a normalized code). */
function conflictsWith(
  codes: readonly string[],
  ownerOf: (normalized: string) => string | null,
): CodeConflict[] {
  const seen = new Set<string>();
  const out: CodeConflict[] = [];
  for (const c of codes) {
    const n = normalizeCode(c);
    const owner = seen.has(n) ? null : ownerOf(n);
    if (seen.has(n)) out.push({ code: c, ownerName: null });
    else if (owner !== null) out.push({ code: c, ownerName: owner });
    seen.add(n);
  }
  return out;
}

type KeyHolder = Pick<Partner, 'id' | 'name' | 'codes' | 'referralSlug'>;

/**
 * Who holds each promo code and referral slug, kept current as partners are added or replaced:
 * checking one partner costs its own codes, not a pass over every other partner, so a bulk
 * import checks 20,000 rows in time that grows with the rows, not their square.
 */
export class PartnerKeys {
  private readonly byId = new Map<string, KeyHolder>();
  /** Normalized code -> holders (id -> name), in the order they were added. */
  private readonly codes = new Map<string, Map<string, string>>();
  private readonly slugs = new Map<string, Set<string>>();

  constructor(partners: Iterable<KeyHolder> = []) {
    for (const p of partners) this.put(p);
  }

  /** Add a partner, or replace the one with its id. */
  put(p: KeyHolder): void {
    this.remove(p.id);
    this.byId.set(p.id, p);
    for (const c of p.codes) {
      const n = normalizeCode(c);
      let holders = this.codes.get(n);
      if (!holders) this.codes.set(n, (holders = new Map()));
      holders.set(p.id, p.name);
    }
    if (p.referralSlug) {
      const k = matchKey(p.referralSlug);
      let ids = this.slugs.get(k);
      if (!ids) this.slugs.set(k, (ids = new Set()));
      ids.add(p.id);
    }
  }

  remove(id: string): void {
    const old = this.byId.get(id);
    if (!old) return;
    this.byId.delete(id);
    for (const c of old.codes) this.codes.get(normalizeCode(c))?.delete(id);
    this.slugs.get(matchKey(old.referralSlug))?.delete(id);
  }

  /** Name of the partner other than `exceptId` holding a normalized code (the last added), or null. */
  codeOwner(normalized: string, exceptId?: string): string | null {
    let name: string | null = null;
    for (const [id, n] of this.codes.get(normalized) ?? []) if (id !== exceptId) name = n;
    return name;
  }

  /** Whether a partner other than `exceptId` has this referral slug (any case, `@` ignored). */
  slugTaken(slug: string, exceptId?: string): boolean {
    for (const id of this.slugs.get(matchKey(slug)) ?? []) if (id !== exceptId) return true;
    return false;
  }
}

/** A URL-safe slug: lowercase ascii letters, digits and single dashes. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/**
 * A referral slug as creators write handles (Instagram and TikTok use `_` and `.`): letters,
 * digits, `_`, `.` and `-`, with at least one letter or digit, not ending in a dot (a leading `@`
 * is dropped before the check; see referralSlugOf).
 */
export const SLUG_PATTERN = /^(?=.*[A-Za-z0-9])[A-Za-z0-9_.-]*[A-Za-z0-9_-]$/;

/** The slug as stored: trimmed, without a leading `@`, the owner's spelling otherwise kept. */
export function referralSlugOf(text: string): string {
  return text.trim().replace(/^@/, '');
}

export interface UtmParams {
  source: string;
  medium: string;
  campaign: string;
  content?: string;
}

/** True for an absolute http(s) URL. */
export function isWebUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * The brand URL with utm_* parameters set (existing ones replaced, others kept). Returns null when
 * the brand URL is not an http(s) URL.
 */
export function buildTrackingLink(brandUrl: string, p: UtmParams): string | null {
  if (!isWebUrl(brandUrl.trim())) return null;
  const u = new URL(brandUrl.trim());
  const set = (k: string, v: string | undefined) => {
    const t = (v ?? '').trim();
    if (t) u.searchParams.set(k, t);
    else u.searchParams.delete(k);
  };
  set('utm_source', p.source.replace(/^@/, ''));
  set('utm_medium', p.medium);
  set('utm_campaign', p.campaign);
  set('utm_content', p.content);
  return u.toString();
}

/** The default UTM values of a partner: source = main handle, medium = kind. */
export function defaultUtm(p: Pick<Partner, 'accounts' | 'kind' | 'referralSlug'>): UtmParams {
  const handle = largestAccount(p.accounts)?.handle ?? p.referralSlug;
  return { source: handle.replace(/^@/, ''), medium: p.kind, campaign: '' };
}

// ---------------------------------------------------------------------------------------------
// Drafts: what a form or a CSV row holds before validation (numbers still text).

export interface AccountDraft {
  platform: Platform;
  handle: string;
  followers: string;
  engagementRate: string;
}

export interface ContractDraft {
  /** Id of the stored contract being edited; empty for a new one. */
  id: string;
  startDate: string;
  endDate: string;
  retainer: string;
  retainerPeriod: Contract['retainerPeriod'];
  commissionRate: string;
  commissionBase: Contract['commissionBase'];
  commissionOnRepeat: boolean;
  flatFeePerPost: string;
  perksPerMonth: string;
  deliverablesPerMonth: string;
  notes: string;
}

export interface PartnerDraft {
  name: string;
  email: string;
  kind: PartnerKind;
  tags: string[];
  status: PartnerStatus;
  niche: string;
  city: string;
  region: string;
  country: string;
  exclusive: boolean;
  payoutMethod: Partner['payout']['method'];
  payoutHandle: string;
  notes: string;
  accounts: AccountDraft[];
  /** Promo codes separated by commas or spaces. */
  codes: string;
  referralSlug: string;
  contracts: ContractDraft[];
}

/**
 * A new contract: the dates, and no money at all. Only what the owner types enters cost,
 * deliverables and ROI; contractSuggestions gives the placeholders.
 */
export function emptyContractDraft(startDate: string): ContractDraft {
  return {
    id: '',
    startDate,
    endDate: '',
    retainer: '',
    retainerPeriod: 'monthly',
    commissionRate: '',
    commissionBase: 'subtotal',
    commissionOnRepeat: false,
    flatFeePerPost: '',
    perksPerMonth: '',
    deliverablesPerMonth: '',
    notes: '',
  };
}

/** Typical terms shown as placeholders (never stored): ambassadors on a retainer, affiliates on commission. */
export function contractSuggestions(
  kind: PartnerKind,
): Pick<
  ContractDraft,
  'retainer' | 'commissionRate' | 'flatFeePerPost' | 'perksPerMonth' | 'deliverablesPerMonth'
> {
  return kind === 'ambassador'
    ? {
        retainer: 'e.g. 300.00',
        commissionRate: 'e.g. 0',
        flatFeePerPost: 'e.g. 0.00',
        perksPerMonth: 'e.g. 50.00',
        deliverablesPerMonth: 'e.g. 4',
      }
    : {
        retainer: 'e.g. 0.00',
        commissionRate: 'e.g. 15',
        flatFeePerPost: 'e.g. 0.00',
        perksPerMonth: 'e.g. 0.00',
        deliverablesPerMonth: 'e.g. 1',
      };
}

export function emptyPartnerDraft(kind: PartnerKind = 'affiliate'): PartnerDraft {
  return {
    name: '',
    email: '',
    kind,
    tags: [],
    status: 'prospect',
    niche: '',
    city: '',
    region: '',
    country: '',
    exclusive: kind === 'ambassador',
    payoutMethod: 'paypal',
    payoutHandle: '',
    notes: '',
    accounts: [],
    codes: '',
    referralSlug: '',
    contracts: [],
  };
}

function moneyText(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

export function contractToDraft(c: Contract): ContractDraft {
  return {
    id: c.id,
    startDate: c.startDate,
    endDate: c.endDate ?? '',
    retainer: moneyText(c.retainerCents),
    retainerPeriod: c.retainerPeriod,
    commissionRate: String(c.commissionRate),
    commissionBase: c.commissionBase,
    commissionOnRepeat: c.commissionOnRepeat,
    flatFeePerPost: moneyText(c.flatFeePerPostCents),
    perksPerMonth: moneyText(c.perksCentsPerMonth),
    deliverablesPerMonth: String(c.deliverablesPerMonth),
    notes: c.notes,
  };
}

export function partnerToDraft(p: Partner, contracts: readonly Contract[]): PartnerDraft {
  return {
    name: p.name,
    email: p.email,
    kind: p.kind,
    tags: [...p.tags],
    status: p.status,
    niche: p.niche,
    city: p.location.city,
    region: p.location.region,
    country: p.location.country,
    exclusive: p.exclusive,
    payoutMethod: p.payout.method,
    payoutHandle: p.payout.handle,
    notes: p.notes,
    accounts: p.accounts.map((a) => ({
      platform: a.platform,
      handle: a.handle,
      followers: String(a.followers),
      engagementRate: String(a.engagementRate),
    })),
    codes: p.codes.join(', '),
    referralSlug: p.referralSlug,
    contracts: [...contracts]
      .sort((a, b) => a.startDate.localeCompare(b.startDate))
      .map(contractToDraft),
  };
}

/** Error messages keyed by field path: `name`, `accounts.0.followers`, `contracts.1.endDate`. */
export type FieldErrors = Record<string, string>;

export interface ValidationContext {
  /** The stored partner being edited, or null when creating. */
  existing: Partner | null;
  /**
   * Every other partner (for code and slug uniqueness), or their keys already indexed (bulk
   * imports: one index for all rows). The partner being edited may be among them.
   */
  others: readonly KeyHolder[] | PartnerKeys;
  today: string;
  now: number;
  newId: () => string;
}

export type ValidationResult =
  { ok: true; partner: Partner; contracts: Contract[] } | { ok: false; errors: FieldErrors };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const VENMO = /^@?[A-Za-z0-9_-]{5,30}$/;
const WHOLE = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

/** Parse a whole non-negative number; strips thousands separators ("12,400"). */
export function parseCount(text: string): number | null {
  const t = text.trim().replace(/[,_\s]/g, '');
  if (!WHOLE.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

/** Parse a percentage 0..100 ("12.5", "12.5%"); null when not a number. */
export function parsePercent(text: string): number | null {
  const t = text.trim().replace(/%$/, '').trim();
  if (t.startsWith('-') && DECIMAL.test(t.slice(1))) return -Number(t.slice(1));
  return DECIMAL.test(t) ? Number(t) : null;
}

function isIsoDate(s: string): boolean {
  return contractSchema.shape.startDate.safeParse(s).success;
}

/**
 * Validate a draft against every rule the owner can break (required fields, email, payout handle,
 * follower counts, percentages, money, contract dates and overlaps, duplicate codes and slugs) and
 * build the records to store. Either every field is right and both records come back, or nothing
 * does and each problem is reported next to its field.
 */
export function validatePartnerDraft(d: PartnerDraft, ctx: ValidationContext): ValidationResult {
  const errors: FieldErrors = {};
  const err: ErrorSink = (key, message) => {
    if (!errors[key]) errors[key] = message;
  };
  const keys = ctx.others instanceof PartnerKeys ? ctx.others : new PartnerKeys(ctx.others);
  const self = ctx.existing?.id;
  const profile = readProfile(d, err);
  const accounts = readAccounts(d.accounts, err);
  const codes = readCodes(d.codes, keys, self, err);
  const slug = readSlug(d.referralSlug, keys, self, err);
  const partnerId = ctx.existing?.id ?? ctx.newId();
  const contracts = d.contracts.map((c, i) => readContract(c, i, partnerId, ctx, err));
  const datesOk = d.contracts.every(
    (_, i) => !errors[`contracts.${i}.startDate`] && !errors[`contracts.${i}.endDate`],
  );
  if (datesOk) checkOverlap(contracts, err);
  const partner = buildPartner(d, ctx, { ...profile, id: partnerId, accounts, codes, slug });
  schemaErrors(partner, contracts, err);
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, partner, contracts };
}

/** Notes a problem under a field key (the first problem of a field wins). */
type ErrorSink = (key: string, message: string) => void;

/** The profile fields a partner must have right: name, email, kind, status, payout, tags. */
function readProfile(
  d: PartnerDraft,
  err: ErrorSink,
): { name: string; email: string; payoutHandle: string; tags: string[] } {
  const name = d.name.trim();
  if (!name) err('name', 'Enter the partner’s name');
  const email = d.email.trim();
  if (email && !EMAIL.test(email)) err('email', 'Enter a valid email like name@example.com');
  if (!PARTNER_KINDS.includes(d.kind)) err('kind', 'Choose brand ambassador or micro-affiliate');
  if (!PARTNER_STATUSES.includes(d.status)) err('status', 'Choose a status');
  const payoutHandle = d.payoutHandle.trim();
  if (d.payoutMethod === 'paypal' && payoutHandle && !EMAIL.test(payoutHandle))
    err('payoutHandle', 'A PayPal payout needs the partner’s PayPal email');
  if (d.payoutMethod === 'venmo' && payoutHandle && !VENMO.test(payoutHandle))
    err('payoutHandle', 'A Venmo handle looks like @name (5-30 letters, digits, - or _)');
  const tags = [...new Set(d.tags.map((t) => t.trim()).filter(Boolean))];
  if (tags.some((t) => t.length > 60)) err('tags', 'Tags must be at most 60 characters');
  return { name, email, payoutHandle, tags };
}

/** Social accounts: a platform, a handle, a whole follower count, an engagement rate 0-100 %. */
function readAccounts(drafts: readonly AccountDraft[], err: ErrorSink): SocialAccount[] {
  return drafts.map((a, i) => {
    const handle = a.handle.trim();
    if (!PLATFORMS.includes(a.platform)) err(`accounts.${i}.platform`, 'Choose a platform');
    if (!handle) err(`accounts.${i}.handle`, 'Enter the handle, e.g. @maya.bakes');
    const followers = parseCount(a.followers);
    if (followers === null) err(`accounts.${i}.followers`, 'Enter a whole number of followers');
    const er = a.engagementRate.trim() === '' ? 0 : parsePercent(a.engagementRate);
    if (er === null || er < 0 || er > 100)
      err(`accounts.${i}.engagementRate`, 'Engagement rate must be 0-100 %');
    return { platform: a.platform, handle, followers: followers ?? 0, engagementRate: er ?? 0 };
  });
}

/** Promo codes: short, letters/digits/-/_ only, not repeated, not held by another partner. */
function readCodes(
  text: string,
  keys: PartnerKeys,
  self: string | undefined,
  err: ErrorSink,
): string[] {
  const codes = [...splitList(text)];
  if (codes.some((c) => c.length > 60)) err('codes', 'A code must be at most 60 characters');
  if (codes.some((c) => !/^[\p{L}\p{N}_-]+$/u.test(c)))
    err('codes', 'Codes use letters, digits, - and _ only');
  const conflicts = conflictsWith(codes, (n) => keys.codeOwner(n, self));
  if (conflicts.length) {
    err(
      'codes',
      conflicts
        .map((c) =>
          c.ownerName ? `${c.code} is already used by ${c.ownerName}` : `${c.code} is listed twice`,
        )
        .join('; '),
    );
  }
  return codes;
}

/** The referral slug: at most 80 characters of SLUG_PATTERN, not another partner's. */
function readSlug(
  text: string,
  keys: PartnerKeys,
  self: string | undefined,
  err: ErrorSink,
): string {
  const slug = referralSlugOf(text);
  if (slug.length > 80) err('referralSlug', 'A referral slug must be at most 80 characters');
  else if (slug && !SLUG_PATTERN.test(slug))
    err(
      'referralSlug',
      'Use letters, digits, _, . and - (not ending in .), e.g. maya_chen or maya.bakes',
    );
  else if (slug && keys.slugTaken(slug, self))
    err('referralSlug', `${slug} is already another partner’s referral slug`);
  return slug;
}

/** One contract of the draft: dates in order, commission 0-100 %, money not negative. */
function readContract(
  c: ContractDraft,
  i: number,
  partnerId: string,
  ctx: ValidationContext,
  err: ErrorSink,
): Contract {
  const k = (f: string) => `contracts.${i}.${f}`;
  const money = (text: string, field: string): number => {
    const v = text.trim() === '' ? 0 : parseMoney(text);
    if (v === null) err(k(field), 'Enter an amount like 250.00');
    else if (v < 0) err(k(field), 'Must not be negative');
    return v !== null && v >= 0 ? v : 0;
  };
  if (!isIsoDate(c.startDate)) err(k('startDate'), 'Enter a start date');
  const end = c.endDate.trim();
  if (end && !isIsoDate(end)) err(k('endDate'), 'Enter a valid end date or leave it empty');
  else if (end && isIsoDate(c.startDate) && end < c.startDate)
    err(k('endDate'), 'The end date is before the start date');
  const rate = c.commissionRate.trim() === '' ? 0 : parsePercent(c.commissionRate);
  if (rate === null || rate < 0 || rate > 100)
    err(k('commissionRate'), 'Commission must be between 0 and 100 %');
  const deliverables =
    c.deliverablesPerMonth.trim() === '' ? 0 : parseCount(c.deliverablesPerMonth);
  if (deliverables === null) err(k('deliverablesPerMonth'), 'Enter a whole number of posts');
  if (!RETAINER_PERIODS.includes(c.retainerPeriod)) err(k('retainerPeriod'), 'Choose a period');
  return {
    id: c.id || ctx.newId(),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    partnerId,
    startDate: c.startDate,
    endDate: end || null,
    retainerCents: money(c.retainer, 'retainer'),
    retainerPeriod: c.retainerPeriod,
    commissionRate: rate !== null && rate >= 0 && rate <= 100 ? rate : 0,
    commissionBase: c.commissionBase,
    commissionOnRepeat: c.commissionOnRepeat,
    flatFeePerPostCents: money(c.flatFeePerPost, 'flatFeePerPost'),
    perksCentsPerMonth: money(c.perksPerMonth, 'perksPerMonth'),
    deliverablesPerMonth: deliverables ?? 0,
    notes: c.notes,
  };
}

/** Two contracts of one partner may not run at once: the later one's start date is flagged. */
function checkOverlap(contracts: readonly Contract[], err: ErrorSink): void {
  const overlap = findContractOverlap(contracts);
  if (!overlap) return;
  const later = contracts.indexOf(overlap[1]);
  err(
    `contracts.${later}.startDate`,
    `Overlaps the contract starting ${overlap[0].startDate}: end that one first`,
  );
}

/** The partner record from checked parts; a status change is added to its history. */
function buildPartner(
  d: PartnerDraft,
  ctx: ValidationContext,
  parts: ReturnType<typeof readProfile> & {
    id: string;
    accounts: SocialAccount[];
    codes: string[];
    slug: string;
  },
): Partner {
  const existing = ctx.existing;
  const statusHistory = existing ? [...existing.statusHistory] : [];
  if (!existing || existing.status !== d.status)
    statusHistory.push({ status: d.status, date: ctx.today });
  return {
    id: parts.id,
    createdAt: existing?.createdAt ?? ctx.now,
    updatedAt: ctx.now,
    name: parts.name,
    email: parts.email,
    kind: d.kind,
    tags: parts.tags,
    status: d.status,
    statusHistory,
    niche: d.niche.trim(),
    location: { city: d.city.trim(), region: d.region.trim(), country: d.country.trim() },
    exclusive: d.exclusive,
    payout: { method: d.payoutMethod, handle: d.payoutMethod === 'none' ? '' : parts.payoutHandle },
    notes: d.notes,
    accounts: parts.accounts,
    codes: parts.codes,
    referralSlug: parts.slug,
    ...(existing?.referralAliases ? { referralAliases: existing.referralAliases } : {}),
    archived: existing?.archived ?? false,
  };
}

/** The stored schemas are the last word (lengths, limits); their complaints go to fields too. */
function schemaErrors(partner: Partner, contracts: readonly Contract[], err: ErrorSink): void {
  const p = partnerSchema.safeParse(partner);
  if (!p.success) for (const i of p.error.issues) err(fieldKey(i.path), capitalize(i.message));
  contracts.forEach((c, idx) => {
    const r = contractSchema.safeParse(c);
    if (!r.success)
      for (const i of r.error.issues)
        err(`contracts.${idx}.${String(i.path[0])}`, capitalize(i.message));
  });
}

const PATH_TO_FIELD: Record<string, string> = {
  'location.city': 'city',
  'location.region': 'region',
  'location.country': 'country',
  'payout.handle': 'payoutHandle',
  'payout.method': 'payoutMethod',
};

function fieldKey(path: readonly PropertyKey[]): string {
  const joined = path.map(String).join('.');
  if (PATH_TO_FIELD[joined]) return PATH_TO_FIELD[joined];
  if (path[0] === 'tags' || path[0] === 'codes' || path[0] === 'statusHistory')
    return String(path[0]);
  return joined;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A partner with a status change recorded today (for bulk status changes). */
export function withStatus(p: Partner, status: PartnerStatus, today: string, now: number): Partner {
  if (p.status === status) return p;
  return {
    ...p,
    status,
    statusHistory: [...p.statusHistory, { status, date: today }],
    updatedAt: now,
  };
}

/** A partner with a tag added (no duplicate, compared case-insensitively). */
export function withTag(p: Partner, tag: string, now: number): Partner {
  const t = tag.trim();
  if (!t || p.tags.some((x) => x.toLowerCase() === t.toLowerCase())) return p;
  return { ...p, tags: [...p.tags, t], updatedAt: now };
}

/** Search by name, email, handle, promo code or referral slug (case-insensitive, any part). */
export function matchesPartnerSearch(
  p: Pick<Partner, 'name' | 'email' | 'accounts' | 'codes' | 'referralSlug'>,
  query: string,
): boolean {
  const q = query.trim().toLowerCase().replace(/^@/, '');
  if (!q) return true;
  const has = (s: string) => s.toLowerCase().includes(q);
  return (
    has(p.name) ||
    has(p.email) ||
    has(p.referralSlug) ||
    p.accounts.some((a) => has(a.handle)) ||
    p.codes.some(has)
  );
}

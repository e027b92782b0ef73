/**
 * The stored data model. Every table's record has a strict zod schema here; the Dexie tables,
 * the backup format and every import validate against these. Money is integer cents; calendar
 * dates are `YYYY-MM-DD` strings (in the brand's time zone); instants are epoch milliseconds.
 */
import { z } from 'zod';
import {
  ATTRIBUTION_METHODS,
  CONTENT_FORMATS,
  CONTENT_STATUSES,
  ISO_DATE,
  ORDER_STATUSES,
  PARTNER_KINDS,
  PARTNER_STATUSES,
  PET_SIZES,
  PET_SPECIES,
  SHIPMENT_STATUSES,
  PLATFORMS,
  RETAINER_PERIODS,
  ORDER_LIMITS,
  SETTINGS_ID,
  defaultSettings,
} from './constants';
import { isInstantMs, isIsoInstant } from './dates';
import {
  IMPORT_MAPPING_LIMITS,
  legacyImportMappingsToList,
  normalizeImportMappings,
} from './import-mappings';
import {
  currencyProblem,
  isValidCurrency,
  isValidLocale,
  isValidTimeZone,
  localeProblem,
  timeZoneProblem,
} from './intl';

// The plain values live in ./constants.ts (no zod, so the start-up bundle can use them); they are
// re-exported here so the whole model can still be imported from one place.
export * from './constants';

/** A calendar date `YYYY-MM-DD` that really exists (no 2025-02-30). */
export const isoDate = z
  .string()
  .regex(ISO_DATE, 'must be a date like 2025-03-31')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  }, 'is not a real calendar date');

export const cents = z.number().int('must be whole cents').min(0, 'must not be negative');
export const signedCents = z.number().int('must be whole cents');
/** An instant: whole epoch milliseconds from 1970 to the end of 9999 (Date and ISO text both reach it). */
export const epochMs = z
  .number()
  .refine(isInstantMs, 'must be an instant from 1970 to 9999 in whole epoch milliseconds');
/** An ISO 8601 instant with seconds and zone that really exists (no 2026-02-30T…, no 25:00). */
export const isoInstant = z
  .string()
  .refine(
    isIsoInstant,
    'must be a real date and time like 2025-03-01T10:00:00-05:00 (ISO 8601 with a zone)',
  );
export const id = z.string().min(1).max(128);
const shortText = z.string().max(500);
const longText = z.string().max(20_000);
const count = z.number().int('must be a whole number').min(0, 'must not be negative');

const base = {
  id,
  createdAt: epochMs,
  updatedAt: epochMs,
};

export const partnerKind = z.enum(PARTNER_KINDS);

export const partnerStatus = z.enum(PARTNER_STATUSES);

export const platform = z.enum(PLATFORMS);

export const socialAccount = z.strictObject({
  platform,
  handle: z.string().min(1).max(100),
  followers: count,
  /** Average engagement rate in percent, e.g. 3.2 for 3.2 %. */
  engagementRate: z.number().min(0).max(100),
});
export type SocialAccount = z.infer<typeof socialAccount>;

export const statusChange = z.strictObject({ status: partnerStatus, date: isoDate });

export const partnerSchema = z.strictObject({
  ...base,
  name: z.string().trim().min(1, 'is required').max(200),
  email: z.union([z.literal(''), z.email('is not a valid email')]),
  kind: partnerKind,
  tags: z.array(z.string().min(1).max(60)).max(50),
  status: partnerStatus,
  statusHistory: z.array(statusChange).max(500),
  niche: shortText,
  location: z.strictObject({ city: shortText, region: shortText, country: shortText }),
  exclusive: z.boolean(),
  payout: z.strictObject({
    method: z.enum(['paypal', 'venmo', 'none']),
    handle: shortText,
  }),
  notes: longText,
  accounts: z.array(socialAccount).max(20),
  /** Promo codes as the owner typed them; unique across partners case-insensitively. */
  codes: z.array(z.string().min(1).max(60)).max(50),
  referralSlug: z.string().max(80),
  /** Further referral values (utm_source, ref) the owner mapped to this partner. */
  referralAliases: z.array(z.string().min(1).max(80)).max(50).optional(),
  archived: z.boolean(),
});
export type Partner = z.infer<typeof partnerSchema>;

export const contractSchema = z.strictObject({
  ...base,
  partnerId: id,
  startDate: isoDate,
  /** Inclusive last day; null = open-ended. */
  endDate: isoDate.nullable(),
  retainerCents: cents,
  retainerPeriod: z.enum(RETAINER_PERIODS),
  /** Commission in percent (0..100) of `commissionBase`. */
  commissionRate: z.number().min(0, 'must be 0..100').max(100, 'must be 0..100'),
  commissionBase: z.enum(['subtotal', 'total']),
  /** Whether repeat orders of customers this partner acquired also earn commission. */
  commissionOnRepeat: z.boolean(),
  flatFeePerPostCents: cents,
  perksCentsPerMonth: cents,
  deliverablesPerMonth: count,
  notes: longText,
});
export type Contract = z.infer<typeof contractSchema>;

/**
 * A brief for a post or a campaign (issue 21): what to say, what not to, how to disclose the
 * partnership, and what the owner checks when reviewing the published post. Multi-line texts hold
 * one point per line.
 */
export const briefSchema = z.strictObject({
  keyMessages: longText,
  dos: longText,
  donts: longText,
  disclosure: z.strictObject({
    /** #ad (or #advertisement) in the caption. */
    adHashtag: z.boolean(),
    /** The platform's "Paid partnership" label switched on. */
    paidPartnershipLabel: z.boolean(),
  }),
  /** Health claims and the like the post must not make (supplements, calming chews). */
  claimsToAvoid: longText,
  /** The owner's own points to check on the published post, beside those from the brief. */
  checklist: z.array(z.string().trim().min(1, 'must not be empty').max(200)).max(30),
});
export type Brief = z.infer<typeof briefSchema>;

/** May the brand reuse a post, where, and until when (inclusive; null = no end). */
export const usageRightsSchema = z.strictObject({
  organic: z.boolean(),
  paidAds: z.boolean(),
  until: isoDate.nullable(),
});
export type UsageRights = z.infer<typeof usageRightsSchema>;

export const campaignSchema = z.strictObject({
  ...base,
  name: z.string().trim().min(1, 'is required').max(200),
  goal: z.enum(['awareness', 'sales']),
  startDate: isoDate,
  endDate: isoDate,
  budgetCents: cents,
  notes: longText,
  partnerIds: z.array(id).max(5000),
  /** The campaign's brief; its posts follow it unless they carry their own. */
  briefDetails: briefSchema.optional(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const contentMetrics = z.strictObject({
  reach: count,
  impressions: count,
  likes: count,
  comments: count,
  shares: count,
  saves: count,
  clicks: count,
});
export type ContentMetrics = z.infer<typeof contentMetrics>;

export const contentItemSchema = z.strictObject({
  ...base,
  partnerId: id,
  campaignId: id.nullable(),
  platform,
  format: z.enum(CONTENT_FORMATS),
  /** Planned day (brand time zone) and optional local time `HH:MM`. */
  plannedDate: isoDate,
  plannedTime: z.union([
    z.literal(''),
    z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM'),
  ]),
  status: z.enum(CONTENT_STATUSES),
  title: z.string().max(200),
  brief: longText,
  /** Who controls the content: co-created with the brand, or the partner's own. */
  control: z.enum(['co-created', 'partner']),
  publishedUrl: z.union([z.literal(''), z.url('is not a valid URL')]),
  costCents: cents,
  metrics: contentMetrics.nullable(),
  /**
   * The item's revision number (iCalendar SEQUENCE): 0 when created, one more each time a stored
   * item is saved changed (src/db/content.ts). Absent on items saved before it existed (= 0).
   */
  sequence: z.number().int().min(0).max(2_147_483_647).optional(),
  /** The post's own brief (issue 21); absent = the campaign's brief applies, if any. */
  briefDetails: briefSchema.optional(),
  /** The review checklist points the owner ticked on the published post. */
  reviewTicks: z.array(z.string().min(1).max(200)).max(60).optional(),
  /** Whether and until when the brand may reuse the post (indexed on `usageRights.until`). */
  usageRights: usageRightsSchema.optional(),
});
export type ContentItem = z.infer<typeof contentItemSchema>;

export const orderSchema = z.strictObject({
  ...base,
  /** Source of the order: shopify, etsy, woocommerce, manual or a custom source name. */
  source: z.string().min(1).max(40),
  /** The order number as the shop wrote it (`#1001`, `00123`). */
  orderId: z.string().min(1).max(ORDER_LIMITS.orderId),
  /** The instant as the file wrote it (ISO 8601 with offset) and as epoch ms. */
  placedAt: isoInstant,
  placedAtMs: epochMs,
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code'),
  /** Line items after discounts, before shipping and tax (Shopify's "Subtotal"). */
  subtotalCents: cents,
  discountCents: cents,
  shippingCents: cents,
  taxCents: cents,
  /** What the customer paid: subtotal + shipping + tax. */
  totalCents: cents,
  refundedCents: cents,
  status: z.enum(ORDER_STATUSES),
  codes: z.array(z.string().min(1).max(ORDER_LIMITS.code)).max(ORDER_LIMITS.codes),
  /**
   * Discounts the file named that are not codes (an automatic discount's title, "Seller
   * discount"): shown apart, never matched to a partner. Absent on most orders.
   */
  discountLabels: z
    .array(z.string().min(1).max(ORDER_LIMITS.code))
    .max(ORDER_LIMITS.codes)
    .optional(),
  tags: z.array(z.string().max(ORDER_LIMITS.tag)).max(ORDER_LIMITS.tags),
  note: longText,
  partnerId: id.nullable(),
  attribution: z
    .strictObject({ method: z.enum(ATTRIBUTION_METHODS), reason: shortText })
    .nullable(),
  /** Salted SHA-256 of the normalized email; null for anonymous orders. */
  customerKey: z.string().max(128).nullable(),
  /** Raw email, only when the owner opted in to keeping it. */
  email: z.string().max(ORDER_LIMITS.email).nullable(),
  region: z.strictObject({ country: shortText, province: shortText, city: shortText }),
  /**
   * Set when the owner converted the order from the file's currency at import: the file's
   * currency, the owner's rate (brand currency per unit, as a decimal string) and the file's own
   * total. Every amount above is then in the brand's currency.
   */
  fx: z
    .strictObject({
      from: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code'),
      rate: z.string().regex(/^\d{1,9}(\.\d{1,6})?$/, 'must be a rate like 1.27'),
      totalCents: cents,
    })
    .optional(),
});
export type Order = z.infer<typeof orderSchema>;

export const payoutSchema = z.strictObject({
  ...base,
  partnerId: id,
  periodStart: isoDate,
  periodEnd: isoDate,
  amountCents: cents,
  currency: z.string().regex(/^[A-Z]{3}$/),
  paidDate: isoDate,
  method: z.enum(['paypal', 'venmo', 'bank', 'other']),
  reference: shortText,
  note: longText,
});
export type Payout = z.infer<typeof payoutSchema>;

export const bonusSchema = z.strictObject({
  ...base,
  partnerId: id,
  date: isoDate,
  amountCents: cents,
  reason: shortText,
});
export type Bonus = z.infer<typeof bonusSchema>;

export const bonusRuleSchema = z.strictObject({
  ...base,
  name: z.string().min(1).max(200),
  /** Applies to one kind, or to everyone when null. */
  kind: partnerKind.nullable(),
  minMonthlyRevenueCents: cents,
  bonusCents: cents,
  active: z.boolean(),
});
export type BonusRule = z.infer<typeof bonusRuleSchema>;

export const brandFollowerSchema = z.strictObject({
  ...base,
  platform,
  /** Month `YYYY-MM`. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2025-03'),
  followers: count,
});
export type BrandFollowerCount = z.infer<typeof brandFollowerSchema>;

/** What the brand sends partners (product seeding). `tags` name ingredients and allergens. */
export const productSchema = z.strictObject({
  ...base,
  name: z.string().trim().min(1, 'is required').max(200),
  sku: z.string().trim().max(100),
  unitCostCents: cents,
  retailCents: cents,
  /** Ingredients and allergens, lower case (chicken, beef, grain). */
  tags: z.array(z.string().trim().min(1).max(60)).max(40),
  archived: z.boolean(),
});
export type Product = z.infer<typeof productSchema>;

/** One line of a shipment; name, cost and price are copied from the product when it is added. */
export const shipmentItemSchema = z.strictObject({
  productId: id,
  name: z.string().trim().min(1, 'is required').max(200),
  sku: z.string().max(100),
  quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000),
  unitCostCents: cents,
  retailCents: cents,
  /** Size for a harness or apparel ('' when it has none). */
  size: z.string().trim().max(40),
});
export type ShipmentItem = z.infer<typeof shipmentItemSchema>;

export const shipmentSchema = z.strictObject({
  ...base,
  partnerId: id,
  /** Ship date (planned, while the status is to-send). */
  date: isoDate,
  status: z.enum(SHIPMENT_STATUSES),
  items: z.array(shipmentItemSchema).min(1, 'needs at least one product').max(100),
  shippingCents: cents,
  lot: z.string().trim().max(60),
  bestBefore: isoDate.nullable(),
  /** A size swap: the shipment it replaces an item of (its products go back to stock). */
  swapOf: id.nullable(),
  note: longText,
});
export type Shipment = z.infer<typeof shipmentSchema>;

/** A partner's pet, for filters and allergy warnings when seeding. */
export const petSchema = z.strictObject({
  ...base,
  partnerId: id,
  name: z.string().trim().min(1, 'is required').max(100),
  species: z.enum(PET_SPECIES),
  breed: shortText,
  size: z.enum(PET_SIZES),
  /** Age in years (0.5 for six months); null when unknown. */
  ageYears: z.number().min(0, 'must not be negative').max(40, 'must be at most 40').nullable(),
  /** Allergies, lower case (chicken, grain). */
  allergies: z.array(z.string().trim().min(1).max(60)).max(40),
  dietNotes: shortText,
});
export type Pet = z.infer<typeof petSchema>;

/** Which column of an order file holds a field (see ./import-mappings.ts). */
export const columnChoice = z.strictObject({
  field: z.string().max(IMPORT_MAPPING_LIMITS.field),
  column: z.string().max(IMPORT_MAPPING_LIMITS.column),
});

/** The mapping remembered for one source of order files; names are data, never object keys. */
export const importMapping = z.strictObject({
  source: z.string().max(IMPORT_MAPPING_LIMITS.source),
  mapping: z.array(columnChoice).max(IMPORT_MAPPING_LIMITS.choices),
});

/** The list of mappings; the older record keyed by source name is read and turned into it. */
export const importMappings = z.preprocess(
  legacyImportMappingsToList,
  z.array(importMapping).max(IMPORT_MAPPING_LIMITS.sources),
);

const stringProblem = (problem: (v: unknown) => string | null) => (iss: { input: unknown }) =>
  problem(iss.input) ?? undefined;

export const settingsSchema = z.strictObject({
  ...base,
  brandName: z.string().max(200),
  /** ISO 4217 code the brand's money is shown in. */
  currency: z.string().refine(isValidCurrency, { error: stringProblem(currencyProblem) }),
  /** BCP 47 tag money, numbers and dates are formatted in. */
  locale: z.string().refine(isValidLocale, { error: stringProblem(localeProblem) }),
  /** IANA zone used to bucket orders into days and months. */
  timeZone: z.string().refine(isValidTimeZone, { error: stringProblem(timeZoneProblem) }),
  brandUrl: z.union([z.literal(''), z.url('is not a valid URL')]),
  /** Lower follower bounds of each tier; nano starts at 0 (below `micro`). */
  tierBounds: z.strictObject({
    micro: count,
    mid: count,
    macro: count,
    mega: count,
  }),
  /** Cost per thousand impressions used for earned media value. */
  cpmCents: cents,
  /** Count discounts given through a partner's code as a cost of that partner. */
  countDiscountAsCost: z.boolean(),
  /** When an order carries codes of several partners: the first listed code wins, or the order waits for the owner. */
  multiCodeRule: z.enum(['first-code', 'manual-review']),
  customerSalt: z.string().max(128),
  keepRawEmails: z.boolean(),
  customTags: z.array(z.string().min(1).max(60)).max(200),
  importMappings,
  lastExportAt: epochMs.nullable(),
  // Fields added after 0.1.0 take their default when a backup or a stored row lacks them.
  /** Colour theme: follow the system, or always light or dark. */
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** Brand logo for the infographic: a PNG, JPEG or SVG data URL (at most ~200 kB), or ''. */
  logoDataUrl: z
    .union([
      z.literal(''),
      z
        .string()
        .max(280_000, 'is too large (keep the logo under 200 kB)')
        .regex(
          /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/,
          'is not a PNG, JPEG or SVG image',
        ),
    ])
    .default(''),
  /** Codes and referral values the owner marked as not a partner's (newsletter, BLACKFRIDAY). */
  notPartnerKeys: z.array(z.string().min(1).max(80)).max(500).default([]),
  /** Days after a shipment before a partner who has not posted is listed for a follow-up. */
  followUpDays: z.number().int('must be a whole number').min(1).max(365).default(21),
  /**
   * Code-leak flags the owner dismissed, as `CODE@YYYY-MM-DD` (the code, upper case, and the day
   * it was dismissed); see src/domain/code-leaks.ts.
   */
  dismissedLeakFlags: z.array(z.string().min(3).max(80)).max(2000).default([]),
  /** Desktop notifications of reminders (content due, payouts due): the owner opts in. */
  desktopReminders: z.boolean().default(false),
});
export type Settings = z.infer<typeof settingsSchema>;

/**
 * A settings record that passes settingsSchema whatever `row` holds: each field that fails its
 * rule (an unknown locale, a broken value written by an older version) takes the default, import
 * mappings in the old record form become the list, unknown keys are dropped. A valid row comes
 * back as it is (the same object). Backups are written through it, so a file this app writes is
 * always restorable.
 */
export function repairSettings(row: unknown): Settings {
  if (
    settingsSchema.safeParse(row).success &&
    Array.isArray((row as Settings).importMappings) &&
    hasEveryField(row as Record<string, unknown>)
  )
    return row as Settings;
  const given = typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : {};
  const fallback = defaultSettings(0) as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(settingsSchema.shape)) {
    const value = Object.hasOwn(given, key) ? given[key] : undefined;
    if (key === 'importMappings') out[key] = normalizeImportMappings(value);
    // A missing field (one added after the row was written) takes its default too.
    else out[key] = value !== undefined && rule.safeParse(value).success ? value : fallback[key];
  }
  out.id = SETTINGS_ID;
  return out as Settings;
}

/** Whether a row holds every settings field (fields with defaults may be missing and still pass). */
export function hasEveryField(row: Record<string, unknown>): boolean {
  return Object.keys(settingsSchema.shape).every((k) => row[k] !== undefined);
}

/** Tables whose deletions are recorded (all but the one settings row). */
export const SYNCED_TABLE_NAMES = [
  'partners',
  'contracts',
  'campaigns',
  'contentItems',
  'orders',
  'payouts',
  'bonuses',
  'bonusRules',
  'brandFollowers',
  'products',
  'shipments',
  'pets',
] as const;
export type SyncedTableName = (typeof SYNCED_TABLE_NAMES)[number];

/** A deleted row, so a Merge (or a sync) carries the deletion: `id` is `<table>/<rowId>`. */
export const deletionSchema = z
  .strictObject({
    id: z.string().min(3).max(200),
    table: z.enum(SYNCED_TABLE_NAMES),
    rowId: id,
    /** When the row was deleted. */
    updatedAt: epochMs,
  })
  .refine((d) => d.id === `${d.table}/${d.rowId}`, {
    message: 'must be the table and row id joined by "/"',
    path: ['id'],
  });
export type Deletion = z.infer<typeof deletionSchema>;

export const TABLE_SCHEMAS = {
  settings: settingsSchema,
  partners: partnerSchema,
  contracts: contractSchema,
  campaigns: campaignSchema,
  contentItems: contentItemSchema,
  orders: orderSchema,
  payouts: payoutSchema,
  bonuses: bonusSchema,
  bonusRules: bonusRuleSchema,
  brandFollowers: brandFollowerSchema,
  products: productSchema,
  shipments: shipmentSchema,
  pets: petSchema,
  deletions: deletionSchema,
} as const;
export type TableName = keyof typeof TABLE_SCHEMAS;
export const TABLE_NAMES = Object.keys(TABLE_SCHEMAS) as TableName[];

export interface TableRecords {
  settings: Settings;
  partners: Partner;
  contracts: Contract;
  campaigns: Campaign;
  contentItems: ContentItem;
  orders: Order;
  payouts: Payout;
  bonuses: Bonus;
  bonusRules: BonusRule;
  brandFollowers: BrandFollowerCount;
  products: Product;
  shipments: Shipment;
  pets: Pet;
  deletions: Deletion;
}

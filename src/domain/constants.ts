/**
 * The plain values of the data model (enumerations, the settings record's id and defaults), apart
 * from the zod schemas in ./schemas.ts, which re-exports all of them. Code on the start-up path
 * imports from here: importing anything from ./schemas.ts loads zod (about 90 KB of the start-up
 * bundle) and builds every schema before the first screen can render.
 */
import { DEFAULT_CURRENCY, DEFAULT_LOCALE, DEFAULT_TIME_ZONE } from './intl';
import type { Settings } from './schemas';

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const PARTNER_KINDS = ['ambassador', 'affiliate'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** The sub-types the owner meets, stored as tags; owners may add their own tags too. */
export const SUBTYPE_TAGS = [
  'nano-ambassador',
  'hyperlocal influencer',
  'community ambassador',
  'peer-to-peer affiliate',
  'brand-advocate micro-tier',
] as const;
export type SubtypeTag = (typeof SUBTYPE_TAGS)[number];

export const PARTNER_STATUSES = [
  'prospect',
  'contacted',
  'negotiating',
  'active',
  'paused',
  'ended',
] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export const PLATFORMS = [
  'instagram',
  'tiktok',
  'youtube',
  'facebook',
  'pinterest',
  'blog',
  'newsletter',
] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Where a gift shipment to a partner stands. */
export const SHIPMENT_STATUSES = ['to-send', 'sent', 'delivered', 'posted'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export const PET_SPECIES = ['dog', 'cat', 'rabbit', 'bird', 'other'] as const;
export type PetSpecies = (typeof PET_SPECIES)[number];

export const PET_SIZES = ['', 'toy', 'small', 'medium', 'large', 'giant'] as const;
export type PetSize = (typeof PET_SIZES)[number];

export const RETAINER_PERIODS = ['monthly', 'quarterly', 'yearly'] as const;

export const CONTENT_FORMATS = [
  'post',
  'reel',
  'story',
  'short video',
  'long video',
  'blog',
  'live',
] as const;
export const CONTENT_STATUSES = [
  'idea',
  'planned',
  'in review',
  'approved',
  'published',
  'missed',
] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

export const ORDER_STATUSES = ['paid', 'partially refunded', 'refunded', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ATTRIBUTION_METHODS = ['code', 'referral', 'manual'] as const;

/** How much a stored order holds (orderSchema, the order check, and importers' messages). */
export const ORDER_LIMITS = {
  orderId: 100,
  codes: 20,
  code: 100,
  tags: 100,
  tag: 200,
  email: 320,
  region: 500,
} as const;

export const SETTINGS_ID = 'settings';

/** Defaults for a brand-new database. `now` is passed in: the domain never reads the clock. */
export function defaultSettings(now: number): Settings {
  return {
    id: SETTINGS_ID,
    createdAt: now,
    updatedAt: now,
    brandName: '',
    currency: DEFAULT_CURRENCY,
    locale: DEFAULT_LOCALE,
    timeZone: DEFAULT_TIME_ZONE,
    brandUrl: '',
    tierBounds: { micro: 10_000, mid: 100_000, macro: 500_000, mega: 1_000_000 },
    cpmCents: 1000,
    countDiscountAsCost: false,
    multiCodeRule: 'first-code',
    customerSalt: '',
    keepRawEmails: false,
    customTags: [],
    importMappings: [],
    lastExportAt: null,
    theme: 'system',
    logoDataUrl: '',
    notPartnerKeys: [],
    followUpDays: 21,
    dismissedLeakFlags: [],
    desktopReminders: false,
  };
}

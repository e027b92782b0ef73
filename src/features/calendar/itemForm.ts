/** The content item form: what the owner types (strings) and how it becomes a record. */
import { fieldLabel, METRIC_KEYS, validateContentItem, type KnownIds } from '../../domain/content';
import { activeContractAt } from '../../domain/contracts';
import { centsToDecimal, parseMoney } from '../../domain/money';
import {
  isoDate,
  type Brief,
  type ContentItem,
  type ContentMetrics,
  type Contract,
  type Partner,
  type Platform,
} from '../../domain/schemas';

type MetricKey = (typeof METRIC_KEYS)[number];

export interface ItemDraft {
  partnerId: string;
  campaignId: string;
  platform: ContentItem['platform'];
  format: ContentItem['format'];
  plannedDate: string;
  plannedTime: string;
  status: ContentItem['status'];
  title: string;
  brief: string;
  control: ContentItem['control'];
  publishedUrl: string;
  cost: string;
  metrics: Record<MetricKey, string>;
  /** The post's own brief; null = none (the campaign's applies, if any). */
  briefDetails: Brief | null;
  reviewTicks: string[];
  rightsOrganic: boolean;
  rightsPaid: boolean;
  /** YYYY-MM-DD or '' (no end date). */
  rightsUntil: string;
}

export type DraftErrors = Partial<Record<string, string>>;

const EMPTY_METRICS: Record<MetricKey, string> = {
  reach: '',
  impressions: '',
  likes: '',
  comments: '',
  shares: '',
  saves: '',
  clicks: '',
};

export function draftFromItem(it: ContentItem): ItemDraft {
  const metrics = { ...EMPTY_METRICS };
  if (it.metrics) for (const k of METRIC_KEYS) metrics[k] = String(it.metrics[k]);
  return {
    partnerId: it.partnerId,
    campaignId: it.campaignId ?? '',
    platform: it.platform,
    format: it.format,
    plannedDate: it.plannedDate,
    plannedTime: it.plannedTime,
    status: it.status,
    title: it.title,
    brief: it.brief,
    control: it.control,
    publishedUrl: it.publishedUrl,
    cost: centsToDecimal(it.costCents),
    metrics,
    briefDetails: it.briefDetails ?? null,
    reviewTicks: it.reviewTicks ?? [],
    rightsOrganic: it.usageRights?.organic ?? false,
    rightsPaid: it.usageRights?.paidAds ?? false,
    rightsUntil: it.usageRights?.until ?? '',
  };
}

export function newDraft(plannedDate: string): ItemDraft {
  return {
    partnerId: '',
    campaignId: '',
    platform: 'instagram',
    format: 'post',
    plannedDate,
    plannedTime: '',
    status: 'planned',
    title: '',
    brief: '',
    control: 'partner',
    publishedUrl: '',
    cost: '0.00',
    metrics: { ...EMPTY_METRICS },
    briefDetails: null,
    reviewTicks: [],
    rightsOrganic: false,
    rightsPaid: false,
    rightsUntil: '',
  };
}

/**
 * Sensible defaults when a partner is picked for a new item: their main platform, the flat fee of
 * the contract in force that day, and co-created content for ambassadors.
 */
export function withPartnerDefaults(
  d: ItemDraft,
  partner: Partner | undefined,
  contracts: readonly Contract[],
): ItemDraft {
  if (!partner) return { ...d, partnerId: '' };
  const own = contracts.filter((c) => c.partnerId === partner.id);
  const k = activeContractAt(own, d.plannedDate);
  const platform: Platform = partner.accounts[0]?.platform ?? d.platform;
  return {
    ...d,
    partnerId: partner.id,
    platform,
    format: platform === 'blog' ? 'blog' : d.format,
    control: partner.kind === 'ambassador' ? 'co-created' : 'partner',
    cost: k ? centsToDecimal(k.flatFeePerPostCents) : d.cost,
  };
}

/** Turn the draft into a record, or say what is wrong next to each field. */
export function itemFromDraft(
  d: ItemDraft,
  base: { id: string; createdAt: number },
  now: number,
  known: KnownIds,
): { item: ContentItem | null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  if (!d.partnerId) errors.partnerId = 'Choose a partner';
  const costCents = parseMoney(d.cost);
  if (costCents === null) errors.cost = 'Enter an amount like 25.00';
  else if (costCents < 0) errors.cost = 'Cost must not be negative';

  let metrics: ContentMetrics | null = null;
  const typed = METRIC_KEYS.some((k) => d.metrics[k].trim() !== '');
  if (d.status === 'published' && typed) {
    const m = { ...EMPTY_METRICS_NUM };
    for (const k of METRIC_KEYS) {
      const raw = d.metrics[k].trim();
      const n = raw === '' ? 0 : Number(raw);
      if (!/^-?\d+$/.test(raw || '0')) errors[k] = `${fieldLabel(k)} must be a whole number`;
      else if (n < 0) errors[k] = `${fieldLabel(k)} must not be negative`;
      m[k] = n;
    }
    metrics = m;
  }
  const item: ContentItem = {
    id: base.id,
    createdAt: base.createdAt,
    updatedAt: now,
    partnerId: d.partnerId,
    campaignId: d.campaignId || null,
    platform: d.platform,
    format: d.format,
    plannedDate: d.plannedDate,
    plannedTime: d.plannedTime,
    status: d.status,
    title: d.title.trim(),
    brief: d.brief,
    control: d.control,
    publishedUrl: d.publishedUrl.trim(),
    costCents: costCents ?? 0,
    metrics,
    ...briefAndRights(d),
  };
  if (d.partnerId) {
    for (const issue of validateContentItem(item, known)) {
      const field =
        issue.field === 'costCents'
          ? 'cost'
          : issue.field === 'until'
            ? 'rightsUntil'
            : issue.field;
      errors[field] ??= issue.message;
    }
  }
  if (!d.plannedDate) errors.plannedDate = 'Choose a planned date';
  if (d.rightsUntil && !isoDate.safeParse(d.rightsUntil).success)
    errors.rightsUntil = 'Usage rights end date must be a date like 2026-03-31';
  return Object.keys(errors).length > 0 ? { item: null, errors } : { item, errors };
}

/** The brief, review ticks and usage rights as stored (absent when the owner set none). */
function briefAndRights(
  d: ItemDraft,
): Pick<ContentItem, 'briefDetails' | 'reviewTicks' | 'usageRights'> {
  const out: Pick<ContentItem, 'briefDetails' | 'reviewTicks' | 'usageRights'> = {};
  if (d.briefDetails) out.briefDetails = d.briefDetails;
  if (d.reviewTicks.length > 0) out.reviewTicks = d.reviewTicks;
  if (d.rightsOrganic || d.rightsPaid || d.rightsUntil)
    out.usageRights = {
      organic: d.rightsOrganic,
      paidAds: d.rightsPaid,
      until: d.rightsUntil || null,
    };
  return out;
}

const EMPTY_METRICS_NUM: ContentMetrics = {
  reach: 0,
  impressions: 0,
  likes: 0,
  comments: 0,
  shares: 0,
  saves: 0,
  clicks: 0,
};

/**
 * The content calendar's rules: filters, overdue items, the deliverables tracker, campaign spend
 * and a post's engagement. Pure: "today" is always passed in.
 */
import { usageRightsProblem } from './briefs';
import { activeContractAt } from './contracts';
import { addDays, dayNumber, endOfMonth, fromDayNumber, monthOf, startOfMonth } from './dates';
import {
  contentItemSchema,
  campaignSchema,
  type Campaign,
  type ContentItem,
  type ContentMetrics,
  type ContentStatus,
  type Contract,
  type Partner,
  type PartnerKind,
  type Platform,
} from './schemas';

export const STATUS_LABEL: Record<ContentStatus, string> = {
  idea: 'Idea',
  planned: 'Planned',
  'in review': 'In review',
  approved: 'Approved',
  published: 'Published',
  missed: 'Missed',
};

export const METRIC_KEYS = [
  'reach',
  'impressions',
  'likes',
  'comments',
  'shares',
  'saves',
  'clicks',
] as const satisfies readonly (keyof ContentMetrics)[];

/** Statuses of items that are still expected to go out. */
const OPEN_STATUSES: ReadonlySet<ContentStatus> = new Set([
  'idea',
  'planned',
  'in review',
  'approved',
]);

/**
 * Past its planned day and not published. Items the owner already marked "missed" are settled,
 * so they are shown as missed rather than nagged about as overdue.
 */
export function isOverdue(item: Pick<ContentItem, 'plannedDate' | 'status'>, today: string) {
  return item.plannedDate < today && OPEN_STATUSES.has(item.status);
}

export interface ContentFilter {
  partnerId: string;
  kind: PartnerKind | '';
  /** A campaign id, `none` for items outside any campaign, or '' for all. */
  campaignId: string;
  platform: Platform | '';
  /** A status, `overdue`, or '' for all. */
  status: ContentStatus | 'overdue' | '';
}

export const EMPTY_FILTER: ContentFilter = {
  partnerId: '',
  kind: '',
  campaignId: '',
  platform: '',
  status: '',
};

export function isFilterActive(f: ContentFilter): boolean {
  return Object.values(f).some((v) => v !== '');
}

/** Items matching every set filter. Items of unknown partners only pass when no kind is asked. */
export function filterContent<T extends ContentItem>(
  items: readonly T[],
  filter: ContentFilter,
  kindOf: (partnerId: string) => PartnerKind | undefined,
  today: string,
): T[] {
  return items.filter((it) => {
    if (filter.partnerId && it.partnerId !== filter.partnerId) return false;
    if (filter.kind && kindOf(it.partnerId) !== filter.kind) return false;
    if (filter.campaignId === 'none' && it.campaignId !== null) return false;
    if (filter.campaignId && filter.campaignId !== 'none' && it.campaignId !== filter.campaignId)
      return false;
    if (filter.platform && it.platform !== filter.platform) return false;
    if (filter.status === 'overdue') return isOverdue(it, today);
    if (filter.status && it.status !== filter.status) return false;
    return true;
  });
}

/** Order for day cells and the agenda: date, then time (all-day first), then id for stability. */
export function compareItems(a: ContentItem, b: ContentItem): number {
  return (
    a.plannedDate.localeCompare(b.plannedDate) ||
    a.plannedTime.localeCompare(b.plannedTime) ||
    a.id.localeCompare(b.id)
  );
}

export function groupByDate<T extends ContentItem>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of [...items].sort(compareItems)) {
    const list = out.get(it.plannedDate);
    if (list) list.push(it);
    else out.set(it.plannedDate, [it]);
  }
  return out;
}

/** Monday of the week containing `date` (weeks start on Monday). */
export function startOfWeek(date: string): string {
  const n = dayNumber(date);
  // 1970-01-01 was a Thursday: (n + 3) % 7 is 0 on Mondays.
  return fromDayNumber(n - ((((n + 3) % 7) + 7) % 7));
}

/** The 7 days of the week containing `date`, Monday first. */
export function weekDays(date: string): string[] {
  const start = startOfWeek(date);
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

/** Whole weeks (Monday..Sunday) covering the month of `date`: 4 to 6 rows of 7 dates. */
export function monthGrid(date: string): string[][] {
  const first = startOfWeek(startOfMonth(date));
  const last = endOfMonth(date);
  const weeks: string[][] = [];
  for (let d = first; d <= last; d = addDays(d, 7)) weeks.push(weekDays(d));
  return weeks;
}

/** (likes + comments + shares + saves) / reach, or null when reach is unknown (0). */
export function engagementRate(m: ContentMetrics | null): number | null {
  if (!m || m.reach <= 0) return null;
  return (m.likes + m.comments + m.shares + m.saves) / m.reach;
}

/** What a campaign has cost so far: the flat fees of its published items, in cents. */
export function campaignSpend(campaignId: string, items: readonly ContentItem[]): number {
  let sum = 0;
  for (const it of items) {
    if (it.campaignId === campaignId && it.status === 'published') sum += it.costCents;
  }
  return sum;
}

export interface CampaignSummary {
  items: number;
  published: number;
  overdue: number;
  spentCents: number;
  /** Budget left (negative when over budget). */
  remainingCents: number;
  reach: number;
}

export function summarizeCampaign(
  campaign: Campaign,
  items: readonly ContentItem[],
  today: string,
): CampaignSummary {
  const own = items.filter((it) => it.campaignId === campaign.id);
  const spentCents = campaignSpend(campaign.id, own);
  return {
    items: own.length,
    published: own.filter((it) => it.status === 'published').length,
    overdue: own.filter((it) => isOverdue(it, today)).length,
    spentCents,
    remainingCents: campaign.budgetCents - spentCents,
    reach: own.reduce((s, it) => s + (it.metrics?.reach ?? 0), 0),
  };
}

export type DeliverableState = 'met' | 'on track' | 'behind' | 'to plan' | 'no contract';

export interface DeliverableRow {
  partnerId: string;
  month: string;
  /** Posts per month from the contract in force that month (0 without a contract). */
  contracted: number;
  /** Items committed for the month: planned, in review, approved or published (not ideas, not missed). */
  planned: number;
  published: number;
  missed: number;
  state: DeliverableState;
}

const COMMITTED: ReadonlySet<ContentStatus> = new Set([
  'planned',
  'in review',
  'approved',
  'published',
]);

/**
 * Contracted vs planned vs published posts per partner and month. The contract in force on the
 * first day of the month applies; a contract starting mid-month applies from that month.
 * A partner is behind when a finished month fell short or this month has too little planned; a
 * later month with too little planned is still "to plan", not a warning yet.
 */
export function deliverablesTracker(
  partners: readonly Pick<Partner, 'id'>[],
  contracts: readonly Pick<
    Contract,
    'partnerId' | 'startDate' | 'endDate' | 'deliverablesPerMonth'
  >[],
  items: readonly Pick<ContentItem, 'partnerId' | 'plannedDate' | 'status'>[],
  months: readonly string[],
  today: string,
): DeliverableRow[] {
  const contractsOf = new Map<string, (typeof contracts)[number][]>();
  for (const c of contracts)
    contractsOf.set(c.partnerId, [...(contractsOf.get(c.partnerId) ?? []), c]);
  const counts = new Map<string, { planned: number; published: number; missed: number }>();
  for (const it of items) {
    const key = `${it.partnerId}|${monthOf(it.plannedDate)}`;
    const c = counts.get(key) ?? { planned: 0, published: 0, missed: 0 };
    if (COMMITTED.has(it.status)) c.planned += 1;
    if (it.status === 'published') c.published += 1;
    if (it.status === 'missed') c.missed += 1;
    counts.set(key, c);
  }
  const thisMonth = monthOf(today);
  const rows: DeliverableRow[] = [];
  for (const p of partners) {
    const own = contractsOf.get(p.id) ?? [];
    for (const month of months) {
      const first = `${month}-01`;
      const k = activeContractAt(own, first) ?? activeContractAt(own, endOfMonth(first));
      const contracted = k?.deliverablesPerMonth ?? 0;
      const c = counts.get(`${p.id}|${month}`) ?? { planned: 0, published: 0, missed: 0 };
      let state: DeliverableState;
      if (!k) state = 'no contract';
      else if (c.published >= contracted) state = 'met';
      else if (month < thisMonth || (month === thisMonth && c.planned < contracted))
        state = 'behind';
      else if (c.planned < contracted) state = 'to plan';
      else state = 'on track';
      rows.push({ partnerId: p.id, month, contracted, ...c, state });
    }
  }
  return rows;
}

export interface Issue {
  field: string;
  message: string;
}

/** Labels of fields for messages ("Planned date is not a real calendar date"). */
const FIELD_LABEL: Record<string, string> = {
  partnerId: 'Partner',
  campaignId: 'Campaign',
  platform: 'Platform',
  format: 'Format',
  plannedDate: 'Planned date',
  plannedTime: 'Time',
  status: 'Status',
  title: 'Title',
  brief: 'Brief',
  control: 'Content control',
  publishedUrl: 'Published URL',
  costCents: 'Cost',
  name: 'Name',
  goal: 'Goal',
  startDate: 'Start date',
  endDate: 'End date',
  budgetCents: 'Budget',
  notes: 'Notes',
  partnerIds: 'Partners',
  reach: 'Reach',
  impressions: 'Impressions',
  likes: 'Likes',
  comments: 'Comments',
  shares: 'Shares',
  saves: 'Saves',
  clicks: 'Clicks',
};

export function fieldLabel(field: string): string {
  return FIELD_LABEL[field] ?? field;
}

function zodIssues(issues: readonly { path: PropertyKey[]; message: string }[]): Issue[] {
  return issues.map((i) => {
    const field = String(i.path[i.path.length - 1] ?? '');
    return { field, message: `${fieldLabel(field)} ${i.message}` };
  });
}

export interface KnownIds {
  partners: ReadonlySet<string>;
  campaigns: ReadonlySet<string>;
}

/** Every problem of a content item, each naming its field; [] when it can be saved. */
export function validateContentItem(item: unknown, known: KnownIds): Issue[] {
  const res = contentItemSchema.safeParse(item);
  if (!res.success) return zodIssues(res.error.issues);
  const it = res.data;
  const issues: Issue[] = [];
  if (!known.partners.has(it.partnerId))
    issues.push({ field: 'partnerId', message: `Partner "${it.partnerId}" does not exist` });
  if (it.campaignId !== null && !known.campaigns.has(it.campaignId))
    issues.push({ field: 'campaignId', message: `Campaign "${it.campaignId}" does not exist` });
  if (it.metrics && it.status !== 'published')
    issues.push({
      field: 'metrics',
      message: 'Results can only be recorded once the item is published',
    });
  const rights = usageRightsProblem(it.usageRights, it.plannedDate);
  if (rights) issues.push(rights);
  return issues;
}

export function validateCampaign(c: unknown, known: Pick<KnownIds, 'partners'>): Issue[] {
  const res = campaignSchema.safeParse(c);
  if (!res.success) return zodIssues(res.error.issues);
  const issues: Issue[] = [];
  if (res.data.endDate < res.data.startDate)
    issues.push({ field: 'endDate', message: 'End date must not be before the start date' });
  const unknown = res.data.partnerIds.filter((id) => !known.partners.has(id));
  if (unknown.length > 0)
    issues.push({
      field: 'partnerIds',
      message: `Unknown partner${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
    });
  return issues;
}

/**
 * Briefs, disclosure and usage rights (issue 21). A post follows its own brief, else its
 * campaign's; the review checklist is what the brief asks for (disclosure, claims to avoid) plus
 * the owner's own points. Usage rights say whether the brand may reuse a post and until when.
 */
import { addDays, type DateRange } from './dates';
import type { Brief, Campaign, ContentItem, UsageRights } from './schemas';

export function emptyBrief(): Brief {
  return {
    keyMessages: '',
    dos: '',
    donts: '',
    disclosure: { adHashtag: true, paidPartnershipLabel: true },
    claimsToAvoid: '',
    checklist: [],
  };
}

/** Whether a brief says anything (an untouched empty brief is not stored). */
export function briefIsEmpty(b: Brief): boolean {
  return (
    !b.keyMessages.trim() &&
    !b.dos.trim() &&
    !b.donts.trim() &&
    !b.claimsToAvoid.trim() &&
    b.checklist.length === 0 &&
    !b.disclosure.adHashtag &&
    !b.disclosure.paidPartnershipLabel
  );
}

/** The brief a post follows, and where it comes from. */
export function effectiveBrief(
  item: Pick<ContentItem, 'briefDetails' | 'campaignId'>,
  campaign: Pick<Campaign, 'briefDetails' | 'name'> | undefined,
): { brief: Brief; from: 'post' | 'campaign' } | null {
  if (item.briefDetails) return { brief: item.briefDetails, from: 'post' };
  if (campaign?.briefDetails) return { brief: campaign.briefDetails, from: 'campaign' };
  return null;
}

/** The points to check on the published post, in order: disclosure, claims, the owner's own. */
export function reviewChecklist(brief: Brief): string[] {
  const out: string[] = [];
  if (brief.disclosure.adHashtag) out.push('Caption shows #ad at the start');
  if (brief.disclosure.paidPartnershipLabel) out.push('“Paid partnership” label is switched on');
  if (brief.claimsToAvoid.trim()) out.push('No health or other claims from the “avoid” list');
  if (brief.keyMessages.trim()) out.push('Key messages come across');
  for (const c of brief.checklist) if (!out.includes(c)) out.push(c);
  return out;
}

/** How many of a post's checklist points were ticked (ticks no longer on the list are ignored). */
export function reviewProgress(
  list: readonly string[],
  ticks: readonly string[] | undefined,
): { done: number; total: number } {
  const t = new Set(ticks ?? []);
  return { done: list.filter((x) => t.has(x)).length, total: list.length };
}

/** One point per line, trimmed, empty lines dropped. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The problem with a post's usage rights, naming the field; null when they can be saved. */
export function usageRightsProblem(
  rights: UsageRights | undefined,
  plannedDate: string,
): { field: 'rightsUntil'; message: string } | null {
  if (!rights || rights.until === null) return null;
  if (!rights.organic && !rights.paidAds)
    return {
      field: 'rightsUntil',
      message: 'Usage rights end date is set, but no reuse (organic or paid ads) is allowed',
    };
  if (rights.until < plannedDate)
    return {
      field: 'rightsUntil',
      message: `Usage rights end date (${rights.until}) is before the post date (${plannedDate})`,
    };
  return null;
}

/** How far ahead the Dashboard lists usage rights that end. */
export const RIGHTS_EXPIRY_WARNING_DAYS = 30;

/** The days whose ending rights the Dashboard lists: today up to 30 days ahead. */
export function rightsExpiryWindow(today: string): DateRange {
  return { start: today, end: addDays(today, RIGHTS_EXPIRY_WARNING_DAYS) };
}

/** What the brand may do with a post, in words ("organic and paid ads"). */
export function rightsSummary(r: UsageRights | undefined): string {
  if (!r || (!r.organic && !r.paidAds)) return 'No reuse';
  const what = r.organic && r.paidAds ? 'Organic and paid ads' : r.organic ? 'Organic' : 'Paid ads';
  return r.until ? `${what} until ${r.until}` : `${what}, no end date`;
}

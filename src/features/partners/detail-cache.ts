/**
 * The partner page as last shown, for the moment after its edit form is saved: the page opens
 * again with the saved partner and contracts over what it showed before (a partner's orders,
 * posts and payments do not change when the partner is saved), while its reads run. Without it,
 * the page showed "Loading…" until a dozen reads were back, 300-500 ms on a big shop.
 */
import type { FieldErrors, PartnerDraft } from '../../domain/partners';
import type { Contract, Partner } from '../../domain/schemas';
import type { PartnerDetailData } from './usePartners';

/** How long after a save the saved page may be shown before its reads are back. */
const AFTER_SAVE_MS = 10_000;

let shown: { id: string; data: PartnerDetailData } | null = null;
let saved: { id: string; data: PartnerDetailData; at: number } | null = null;

/** Contracts by start date. */
export const contractsByStart = (a: Contract, b: Contract) =>
  a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0;

/** The partner page read `data` (called with every read of the page). */
export function detailShown(id: string, data: PartnerDetailData): void {
  shown = { id, data };
  // A read from before the save's write (reads may overtake a waiting write) leaves it shown.
  if (saved?.id === id && !olderThanSaved(data)) saved = null;
}

/** Whether `data` holds an older version of the partner than the one just saved. */
function olderThanSaved(data: PartnerDetailData): boolean {
  const was = saved?.data.partner?.updatedAt;
  return was !== undefined && data.partner !== null && data.partner.updatedAt < was;
}

/**
 * What the partner page shows: what it read, unless that is older than the version just saved
 * (read before the save's write was stored); the saved page while nothing is read yet.
 */
export function detailToShow(
  id: string,
  live: PartnerDetailData | undefined,
  now = Date.now(),
): PartnerDetailData | undefined {
  const after = detailAfterSave(id, now);
  if (!live) return after;
  return after && olderThanSaved(live) ? after : live;
}

/** The partner's edit form stored `partner` with `contracts`. */
export function partnerSaved(partner: Partner, contracts: readonly Contract[], now = Date.now()) {
  saved =
    shown?.id === partner.id && shown.data.partner
      ? {
          id: partner.id,
          data: { ...shown.data, partner, contracts: [...contracts].sort(contractsByStart) },
          at: now,
        }
      : null;
}

/** Whether this partner's page was read, so a save of their form can show it at once. */
export function pageKnown(id: string): boolean {
  return shown?.id === id && shown.data.partner !== null;
}

/** What the partner page shows before its reads are back: the page just saved, or nothing. */
export function detailAfterSave(id: string, now = Date.now()): PartnerDetailData | undefined {
  return saved?.id === id && now - saved.at < AFTER_SAVE_MS ? saved.data : undefined;
}

/**
 * An edit whose saved page was shown before its write finished, and whose write then failed: the
 * form opens again with the owner's draft and what went wrong (read once, by the form).
 */
export interface FailedSave {
  id: string;
  draft: PartnerDraft;
  /** The stored version the draft was filled from. */
  baseVersion: number | undefined;
  errors?: FieldErrors;
  /** The partner was changed elsewhere meanwhile (StaleWriteError's words). */
  stale?: string;
  /** Anything else (the disk refused the write): said in a message. */
  message?: string;
}

let failed: FailedSave | null = null;

/** The write behind a page shown at once failed: keep the draft for the form. */
export function saveFailed(f: FailedSave): void {
  failed = f;
  if (saved?.id === f.id) saved = null;
}

/** The draft of a failed save of this partner (null when there is none). */
export function failedSaveOf(id: string): FailedSave | null {
  return failed?.id === id ? failed : null;
}

/** The form has taken the failed save's draft over (or it was saved). */
export function clearFailedSave(id: string): void {
  if (failed?.id === id) failed = null;
}

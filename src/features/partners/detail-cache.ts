/**
 * The partner page as last shown, for the moment after its edit form is saved: the page opens
 * again with the saved partner and contracts over what it showed before (a partner's orders,
 * posts and payments do not change when the partner is saved), while its reads run. Without it,
 * the page showed "Loading…" until a dozen reads were back, 300-500 ms on a big shop.
 */
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
  if (saved?.id === id) saved = null;
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

/** What the partner page shows before its reads are back: the page just saved, or nothing. */
export function detailAfterSave(id: string, now = Date.now()): PartnerDetailData | undefined {
  return saved?.id === id && now - saved.at < AFTER_SAVE_MS ? saved.data : undefined;
}

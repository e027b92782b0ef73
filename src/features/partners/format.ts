import type { PartnerStatus } from '../../domain/schemas';
import { safeCurrency, safeLocale } from '../../domain/intl';

export const STATUS_LABEL: Record<PartnerStatus, string> = {
  prospect: 'Prospect',
  contacted: 'Contacted',
  negotiating: 'Negotiating',
  active: 'Active',
  paused: 'Paused',
  ended: 'Ended',
};

// Building an Intl.NumberFormat costs far more than using one: list rows share these.
let followersFormat: Intl.NumberFormat | null = null;
let percentFormat: Intl.NumberFormat | null = null;
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** 184000 → "184K", 1250000 → "1.3M": follower counts read at a glance. */
export function formatFollowers(n: number): string {
  followersFormat ??= new Intl.NumberFormat('en-US', {
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  return followersFormat.format(n);
}

/** formatMoney() with one formatter per currency and locale, for lists that format many cells. */
export function moneyFormatter(currency: string, locale: string): (cents: number) => string {
  const key = `${locale}|${currency}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(safeLocale(locale), {
      style: 'currency',
      currency: safeCurrency(currency),
    });
    moneyFormats.set(key, f);
  }
  const fmt = f;
  return (cents) => fmt.format(cents / 100);
}

/** ROI as a percentage ("+240 %"), or a dash when the partner cost nothing in the period. */
export function formatRoi(roi: number | null): string {
  if (roi === null) return '—';
  const pct = Math.round(roi * 100);
  // toLocaleString() builds a formatter per call: a list formats a column of these per scroll.
  percentFormat ??= new Intl.NumberFormat('en-US');
  return `${pct > 0 ? '+' : ''}${percentFormat.format(pct)} %`;
}

/** A share as a percentage with one decimal: 0.125 → "12.5 %". */
export function formatRatio(r: number): string {
  return `${(Math.round(r * 1000) / 10).toFixed(1)} %`;
}

/** ROAS as revenue per 1 of cost: 2.4 → "2.40×". */
export function formatRoas(r: number): string {
  return `${r.toFixed(2)}×`;
}

/** How a payout was sent, as people write it (shared by the partner page and Payouts). */

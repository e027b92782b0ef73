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
const moneyFormats = new Map<string, Intl.NumberFormat>();

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

/** The partner figures' numbers, written the owner's way (Settings > locale). */
export interface NumberFormats {
  /** 12345 → "12,345" (en-US), "12.345" (de-DE). */
  count(n: number): string;
  /** 184000 → "184K", 1250000 → "1.3M": follower counts read at a glance. */
  followers(n: number): string;
  /** ROI as a percentage ("+240 %"), or a dash when the partner cost nothing in the period. */
  roi(roi: number | null): string;
  /** A share as a percentage with one decimal: 0.125 → "12.5 %" ("12,5 %" in de-DE). */
  ratio(r: number): string;
  /** ROAS as revenue per 1 of cost: 2.4 → "2.40×" ("2,40×" in de-DE). */
  roas(r: number): string;
}

const numberFormatSets = new Map<string, NumberFormats>();

/** The number formats of `locale` (an unknown one falls back to en-US), built once per locale. */
export function numberFormats(locale: string): NumberFormats {
  const tag = safeLocale(locale);
  let set = numberFormatSets.get(tag);
  if (!set) {
    const count = new Intl.NumberFormat(tag);
    const compact = new Intl.NumberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 });
    const signed = new Intl.NumberFormat(tag, { signDisplay: 'exceptZero' });
    const oneDecimal = new Intl.NumberFormat(tag, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    const twoDecimals = new Intl.NumberFormat(tag, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    set = {
      count: (n) => count.format(n),
      followers: (n) => compact.format(n),
      roi: (roi) => (roi === null ? '—' : `${signed.format(Math.round(roi * 100))} %`),
      ratio: (r) => `${oneDecimal.format(Math.round(r * 1000) / 10)} %`,
      roas: (r) => `${twoDecimals.format(r)}×`,
    };
    numberFormatSets.set(tag, set);
  }
  return set;
}

/** How a payout was sent, as people write it (shared by the partner page and Payouts). */

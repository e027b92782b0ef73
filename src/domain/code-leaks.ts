/**
 * Code-leak watch (issue 21): from the imported orders alone, flag a partner's code that looks
 * leaked to a coupon site. Pure: the histories are read by src/db/leaks.ts.
 *
 * The rule, per code, over the last RECENT_DAYS days (up to today) against the BASELINE_DAYS
 * before them (thresholds in LEAK_THRESHOLDS):
 * 1. Jump: at least `minRecent` redemptions, and at least `jumpRatio` times the code's usual rate
 *    (the baseline's redemptions per RECENT_DAYS, counted as at least 1).
 * 2. New customers: at least `firstTimeShare` of the recent redemptions (of those with a known
 *    customer) are the customer's first order with the shop, and that share is at least
 *    `firstTimeRise` above the baseline's (when the baseline has `minBaseline` known customers).
 * 3. Far regions: at least `farRegionShare` of the recent redemptions (with a known region) come
 *    from regions that made up less than `usualRegionShare` of the baseline's (with a baseline of
 *    `minBaseline` orders with a region).
 * 4. Clicks: the partner's posts of the window (and the RECENT_DAYS before it) record clicks, and
 *    the redemptions are more than `clicksRatio` times those clicks plus `clicksSlack`.
 * A code is flagged when the jump (1) comes with at least one of 2, 3 or 4: a partner whose post
 * went viral sees a jump too, but from their usual kind of customers, places and clicks.
 */
import { addDays, type DateRange } from './dates';

export const LEAK_THRESHOLDS = {
  recentDays: 14,
  baselineDays: 84,
  minRecent: 8,
  jumpRatio: 3,
  minBaseline: 5,
  firstTimeShare: 0.75,
  firstTimeRise: 0.3,
  farRegionShare: 0.4,
  usualRegionShare: 0.05,
  clicksRatio: 2,
  clicksSlack: 5,
} as const;

/** One redemption of a code. */
export interface LeakOrder {
  /** The order's day (brand time zone). */
  day: string;
  /** Whether it was the customer's first order with the shop; null when the customer is unknown. */
  firstTime: boolean | null;
  /** Country and province, lower case (`us|ny`); '' when the order has no address. */
  region: string;
}

export interface CodeHistory {
  partnerId: string;
  partnerName: string;
  code: string;
  /** The code's redemptions over the baseline and recent windows (older ones are ignored). */
  orders: readonly LeakOrder[];
  /** Clicks the partner's posts recorded around the recent window; null when none recorded any. */
  clicks: number | null;
}

export interface LeakFlag {
  partnerId: string;
  partnerName: string;
  code: string;
  window: DateRange;
  recent: number;
  /** Why, in words with numbers, one sentence per signal that fired (the jump first). */
  reasons: string[];
}

export function leakWindows(today: string): { recent: DateRange; baseline: DateRange } {
  const t = LEAK_THRESHOLDS;
  const recentStart = addDays(today, -(t.recentDays - 1));
  return {
    recent: { start: recentStart, end: today },
    baseline: { start: addDays(recentStart, -t.baselineDays), end: addDays(recentStart, -1) },
  };
}

const inRange = (d: string, r: DateRange) => d >= r.start && d <= r.end;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const one = (x: number) => (Math.round(x * 10) / 10).toString();

/** The jump test alone (cheap: days only), so the costlier reads are made only for candidates. */
export function redemptionJump(
  days: readonly string[],
  today: string,
): { recent: number; usual: number; fires: boolean } {
  const t = LEAK_THRESHOLDS;
  const w = leakWindows(today);
  let recent = 0;
  let base = 0;
  for (const d of days) {
    if (inRange(d, w.recent)) recent += 1;
    else if (inRange(d, w.baseline)) base += 1;
  }
  const usual = (base * t.recentDays) / t.baselineDays;
  return {
    recent,
    usual,
    fires: recent >= t.minRecent && recent >= t.jumpRatio * Math.max(1, usual),
  };
}

function firstTimeReason(recent: LeakOrder[], base: LeakOrder[]): string | null {
  const t = LEAK_THRESHOLDS;
  const share = (os: LeakOrder[]) => {
    const known = os.filter((o) => o.firstTime !== null);
    return {
      n: known.length,
      share: known.filter((o) => o.firstTime).length / (known.length || 1),
    };
  };
  const r = share(recent);
  const b = share(base);
  if (r.n < t.minRecent || b.n < t.minBaseline) return null;
  if (r.share < t.firstTimeShare || r.share - b.share < t.firstTimeRise) return null;
  return `${pct(r.share)} of them were first-time customers (usually ${pct(b.share)}).`;
}

function regionReason(recent: LeakOrder[], base: LeakOrder[]): string | null {
  const t = LEAK_THRESHOLDS;
  const baseKnown = base.filter((o) => o.region !== '');
  const recentKnown = recent.filter((o) => o.region !== '');
  if (baseKnown.length < t.minBaseline || recentKnown.length < t.minRecent) return null;
  const counts = new Map<string, number>();
  for (const o of baseKnown) counts.set(o.region, (counts.get(o.region) ?? 0) + 1);
  const usual = (region: string) =>
    (counts.get(region) ?? 0) / baseKnown.length >= t.usualRegionShare;
  const far = recentKnown.filter((o) => !usual(o.region));
  const share = far.length / recentKnown.length;
  if (share < t.farRegionShare) return null;
  const places = new Set(far.map((o) => o.region)).size;
  return `${pct(share)} came from ${places} region${places === 1 ? '' : 's'} where this partner’s buyers rarely are.`;
}

function clicksReason(recent: number, clicks: number | null): string | null {
  const t = LEAK_THRESHOLDS;
  if (clicks === null || recent <= t.clicksRatio * clicks + t.clicksSlack) return null;
  return `${recent} redemptions against only ${clicks} clicks on the partner’s posts.`;
}

/** The flag for one code, or null when it looks like the partner's own sales. */
export function assessCode(h: CodeHistory, today: string): LeakFlag | null {
  const w = leakWindows(today);
  const jump = redemptionJump(
    h.orders.map((o) => o.day),
    today,
  );
  if (!jump.fires) return null;
  const recent = h.orders.filter((o) => inRange(o.day, w.recent));
  const base = h.orders.filter((o) => inRange(o.day, w.baseline));
  const others = [
    firstTimeReason(recent, base),
    regionReason(recent, base),
    clicksReason(recent.length, h.clicks),
  ].filter((x): x is string => x !== null);
  if (others.length === 0) return null;
  const ratio = jump.recent / Math.max(1, jump.usual);
  return {
    partnerId: h.partnerId,
    partnerName: h.partnerName,
    code: h.code,
    window: w.recent,
    recent: jump.recent,
    reasons: [
      `${jump.recent} redemptions in the last ${LEAK_THRESHOLDS.recentDays} days, ${one(ratio)} times the usual ${one(jump.usual)}.`,
      ...others,
    ],
  };
}

/** The key a dismissal is remembered by: the code (upper case) and the day it was dismissed. */
export function dismissalKey(code: string, day: string): string {
  return `${code.toUpperCase()}@${day}`;
}

/**
 * Whether the owner dismissed this flag: a dismissal of its code on a day inside (or after the
 * start of) the flag's window. A leak that goes on is flagged again once its window starts after
 * the dismissal, so a dismissed code is not ignored for ever.
 */
export function isDismissed(flag: Pick<LeakFlag, 'code' | 'window'>, dismissed: readonly string[]) {
  const code = flag.code.toUpperCase();
  return dismissed.some((k) => {
    const at = k.lastIndexOf('@');
    return k.slice(0, at) === code && k.slice(at + 1) >= flag.window.start;
  });
}

/** Every flagged code not dismissed, most redemptions first. */
export function detectLeaks(
  histories: readonly CodeHistory[],
  today: string,
  dismissed: readonly string[],
): LeakFlag[] {
  const out: LeakFlag[] = [];
  for (const h of histories) {
    const f = assessCode(h, today);
    if (f && !isDismissed(f, dismissed)) out.push(f);
  }
  return out.sort((a, b) => b.recent - a.recent || a.code.localeCompare(b.code));
}

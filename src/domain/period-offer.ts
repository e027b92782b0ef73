/**
 * When a screen's period holds no orders or posts but other periods do: say so, and offer the
 * period that has them instead of showing $0.00 and ROI -100 %.
 */
import { addDays, addMonths, fromDayNumber, type DateRange } from './dates';
import { ORDER_STRIDE, POST_STRIDE, type PartnerStats } from './stats';

/**
 * The first and last day with a credited order or a published post, or null without any. Takes
 * Compare's partner index or any map of entries holding a rollup.
 */
export function activitySpan(index: {
  values(): Iterable<{ stats: Pick<PartnerStats, 'orderDays' | 'posts'> }>;
}): DateRange | null {
  let first = Infinity;
  let last = -Infinity;
  for (const e of index.values()) {
    const { orderDays: o, posts: p } = e.stats;
    if (o.length) {
      first = Math.min(first, o[0]!);
      last = Math.max(last, o[o.length - ORDER_STRIDE]!);
    }
    if (p.length) {
      first = Math.min(first, p[0]!);
      last = Math.max(last, p[p.length - POST_STRIDE]!);
    }
  }
  return Number.isFinite(first) ? { start: fromDayNumber(first), end: fromDayNumber(last) } : null;
}

/**
 * The period to offer instead of `range`: null when `range` overlaps the data (or there is
 * none); otherwise the 12 months ending on the last day with data (from the first such day when
 * that is later).
 */
export function periodWithData(range: DateRange, span: DateRange | null): DateRange | null {
  if (span === null || (span.start <= range.end && span.end >= range.start)) return null;
  const yearBack = addDays(addMonths(span.end, -12), 1);
  return { start: yearBack > span.start ? yearBack : span.start, end: span.end };
}

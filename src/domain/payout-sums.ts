/**
 * What was paid, summed (a derived record kept by src/db/rollups.ts, never synced or backed up):
 * one record per period end date, holding per partner, currency and period start the sum and
 * number of the payments of that period. A statement needs only these sums, never the payments
 * themselves: the payments whose period overlaps it (what was paid for it) and those of the
 * periods that ended in the months before it (the overpayment carried in, payout-carry.ts). At the
 * large set that is three records instead of 6,000 payments.
 */
import type { DateRange } from './dates';
import type { Payout } from './schemas';

/** The payments of one period end date, summed per partner, currency and period start. */
export interface PaidBucket {
  periodEnd: string;
  partnerIds: string[];
  currencies: string[];
  periodStarts: string[];
  amountCents: number[];
  counts: number[];
}

/** What a statement needs of a payment: who, which days, how much, in which currency. */
export type PaidLike = Pick<
  Payout,
  'partnerId' | 'periodStart' | 'periodEnd' | 'amountCents' | 'currency'
>;

/** Payments of one partner, currency and period, summed. */
export interface PaidSum extends PaidLike {
  /** How many payments the sum holds. */
  count: number;
}

const entryKey = (partnerId: string, currency: string, periodStart: string) =>
  `${partnerId}\u0000${currency}\u0000${periodStart}`;

/** The sums of one bucket, one entry per partner, currency and period start. */
export function bucketSums(b: PaidBucket): PaidSum[] {
  return b.partnerIds.map((partnerId, i) => ({
    partnerId,
    currency: b.currencies[i]!,
    periodStart: b.periodStarts[i]!,
    periodEnd: b.periodEnd,
    amountCents: b.amountCents[i]!,
    count: b.counts[i]!,
  }));
}

function toBucket(periodEnd: string, sums: Iterable<PaidSum>): PaidBucket | null {
  const b: PaidBucket = {
    periodEnd,
    partnerIds: [],
    currencies: [],
    periodStarts: [],
    amountCents: [],
    counts: [],
  };
  for (const s of sums) {
    if (s.count === 0) continue;
    b.partnerIds.push(s.partnerId);
    b.currencies.push(s.currency);
    b.periodStarts.push(s.periodStart);
    b.amountCents.push(s.amountCents);
    b.counts.push(s.count);
  }
  return b.partnerIds.length ? b : null;
}

/** The buckets of a set of payments (a full recomputation), sorted by period end. */
export function buildPaidBuckets(payments: readonly PaidLike[]): PaidBucket[] {
  const changed = applyPaidDelta(new Map(), [], payments);
  return changed.put.sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
}

/**
 * The buckets `current` (by period end; absent ones empty) after taking out `removed` payments
 * and adding `added`: those to write, and the period ends left with no payment (to delete).
 */
export function applyPaidDelta(
  current: ReadonlyMap<string, PaidBucket | undefined>,
  removed: readonly PaidLike[],
  added: readonly PaidLike[],
): { put: PaidBucket[]; deleted: string[] } {
  const work = new Map<string, Map<string, PaidSum>>();
  const sumsOf = (periodEnd: string) => {
    let m = work.get(periodEnd);
    if (!m) {
      const b = current.get(periodEnd);
      m = new Map(
        (b ? bucketSums(b) : []).map((s) => [entryKey(s.partnerId, s.currency, s.periodStart), s]),
      );
      work.set(periodEnd, m);
    }
    return m;
  };
  const apply = (p: PaidLike, sign: 1 | -1) => {
    const m = sumsOf(p.periodEnd);
    const k = entryKey(p.partnerId, p.currency, p.periodStart);
    const s = m.get(k) ?? {
      partnerId: p.partnerId,
      currency: p.currency,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      amountCents: 0,
      count: 0,
    };
    m.set(k, { ...s, amountCents: s.amountCents + sign * p.amountCents, count: s.count + sign });
  };
  for (const p of removed) apply(p, -1);
  for (const p of added) apply(p, 1);
  const put: PaidBucket[] = [];
  const deleted: string[] = [];
  for (const [periodEnd, m] of work) {
    const b = toBucket(periodEnd, m.values());
    if (b) put.push(b);
    else if (current.get(periodEnd)) deleted.push(periodEnd);
  }
  return { put, deleted };
}

/**
 * What a period's statements count, from the buckets of period ends from `from` on (read by
 * db/payouts.ts): the sums whose period overlaps `range` and those of periods that ended before
 * it, in `currency` only (a payment in another currency never pays or offsets this one's), or in
 * every currency but `except`.
 */
export function paidForStatements(
  buckets: readonly PaidBucket[],
  range: DateRange,
  currency: string | { except: string },
): { overlapping: PaidSum[]; earlier: PaidSum[] } {
  const overlapping: PaidSum[] = [];
  const earlier: PaidSum[] = [];
  const wanted =
    typeof currency === 'string'
      ? (c: string) => c === currency
      : (c: string) => c !== currency.except;
  for (const b of buckets)
    for (const s of bucketSums(b)) {
      if (!wanted(s.currency)) continue;
      if (s.periodEnd < range.start) earlier.push(s);
      else if (s.periodStart <= range.end) overlapping.push(s);
    }
  return { overlapping, earlier };
}

/** Everything paid per partner (cents by partner id), in `currency` only when given. */
export function paidPerPartner(
  buckets: readonly PaidBucket[],
  currency?: string,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of buckets)
    for (let i = 0; i < b.partnerIds.length; i++) {
      if (currency !== undefined && b.currencies[i] !== currency) continue;
      const id = b.partnerIds[i]!;
      out.set(id, (out.get(id) ?? 0) + b.amountCents[i]!);
    }
  return out;
}

/** A payment as a sum of one (for payments recorded here that the stored sums may not hold). */
export function asSum(p: PaidLike, sign: 1 | -1 = 1): PaidSum {
  return {
    partnerId: p.partnerId,
    currency: p.currency,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    amountCents: sign * p.amountCents,
    count: sign,
  };
}

/** `buckets` with `removed` payments taken out and `added` ones in (payments not yet read). */
export function withPaidDelta(
  buckets: readonly PaidBucket[],
  removed: readonly PaidLike[],
  added: readonly PaidLike[],
): PaidBucket[] {
  if (removed.length === 0 && added.length === 0) return [...buckets];
  const current = new Map(buckets.map((b) => [b.periodEnd, b]));
  const { put, deleted } = applyPaidDelta(current, removed, added);
  for (const b of put) current.set(b.periodEnd, b);
  for (const e of deleted) current.delete(e);
  return [...current.values()];
}

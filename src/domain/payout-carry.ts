/**
 * Overpayments carried forward (issue 18). A refund that arrives after a payout lowers the
 * commission of a period that was already paid, so that period was paid more than it earned.
 *
 * The rule, per partner: the balance brought into a statement is what was earned minus what was
 * paid over every day from the start of the partner's first paid period up to the day before the
 * statement starts, counting the payments whose period ends before it. When that balance is below
 * zero the partner was overpaid by that much: it is carried into the statement and deducted from
 * what it owes; when the statement earns less than that, the rest is shown as owed back by the
 * partner and carries on into the next one. A balance above zero (a period never paid) is owed on
 * that period's own statement, so it is not carried. Once every statement is settled, the partner
 * has been paid exactly what it earned.
 *
 * The payments looked at are those of periods that ended in the CARRY_LOOKBACK_MONTHS (6) before
 * the statement starts (the window then starts where the first of them starts): that covers the
 * card networks' 120-day chargeback limit plus a payout cycle, so a refund after a payout is taken
 * off one of the next payouts. An overpaid period's own statement always shows it as owed back,
 * however old, so an overpayment is never out of sight.
 */
import { addDays, addMonths, type DateRange } from './dates';
import type { Payout } from './schemas';

/** What a partner was paid for periods ending before a statement, and from when. */
export interface EarlierPayments {
  /** The first day of the partner's first paid period. */
  since: string;
  paidCents: number;
}

/** How far back payments are set against earnings for the overpayment carried in. */
export const CARRY_LOOKBACK_MONTHS = 6;

/** The first day a payment's period may end on to count toward what `range` carries in. */
export function carryLookbackStart(range: DateRange): string {
  return addMonths(range.start, -CARRY_LOOKBACK_MONTHS);
}

/** Per partner, the payments whose period ended in the lookback before `range` starts. */
export function earlierPayments(
  payments: readonly Pick<Payout, 'partnerId' | 'periodStart' | 'periodEnd' | 'amountCents'>[],
  range: DateRange,
): Map<string, EarlierPayments> {
  const out = new Map<string, EarlierPayments>();
  const from = carryLookbackStart(range);
  for (const p of payments) {
    if (p.periodEnd >= range.start || p.periodEnd < from) continue;
    const e = out.get(p.partnerId);
    if (!e) out.set(p.partnerId, { since: p.periodStart, paidCents: p.amountCents });
    else {
      e.paidCents += p.amountCents;
      if (p.periodStart < e.since) e.since = p.periodStart;
    }
  }
  return out;
}

/** The days whose earnings the earlier payments are set against. */
export function carryWindow(earlier: EarlierPayments, range: DateRange): DateRange {
  return { start: earlier.since, end: addDays(range.start, -1) };
}

/**
 * The overpayment carried into a statement: paid minus earned before it, when above zero.
 * `earnedBeforeCents` is what the partner earned over carryWindow().
 */
export function carriedInCents(earlier: EarlierPayments, earnedBeforeCents: number): number {
  return Math.max(0, earlier.paidCents - earnedBeforeCents);
}

/** A statement's balance: what is owed to the partner, or owed back by the partner. */
export function statementBalance(
  earnedCents: number,
  paidCents: number,
  carriedCents: number,
): { owedCents: number; owedBackCents: number } {
  const due = earnedCents - paidCents - carriedCents;
  return { owedCents: Math.max(0, due), owedBackCents: Math.max(0, -due) };
}

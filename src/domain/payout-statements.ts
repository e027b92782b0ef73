/**
 * Payout statements: for each partner and period, what they earned (commissions, retainer, fees
 * per published post, bonuses) minus what was already paid for periods overlapping it, minus an
 * overpayment carried in from earlier periods (payout-carry.ts) = owed, or owed back.
 * Built on partnerEarnings (or, from the rollups, earningsFromRollup of period-sums.ts) so Payouts
 * agrees with every other screen.
 */
import { earningsLessApart, type ApartSums, type CurrencyTotals } from './currency-totals';
import type { DateRange } from './dates';
import { partnerEarnings, type Earnings, type EarningsOptions } from './earnings';
import { carriedInCents, carryWindow, earlierPayments, statementBalance } from './payout-carry';
import type { Bonus, BonusRule, ContentItem, Contract, Order, Partner, Payout } from './schemas';
import { earningsFromRollup } from './period-sums';
import type { PartnerStats } from './stats';
import type { PaidLike } from './payout-sums';

export interface StatementData {
  partners: readonly Partner[];
  contracts: readonly Contract[];
  orders: readonly Order[];
  content: readonly ContentItem[];
  bonuses: readonly Bonus[];
  bonusRules: readonly BonusRule[];
  payouts: readonly Payout[];
}

/**
 * A partner's statement for a period. `P` is what it was built from: the payments themselves
 * (buildStatements, for a partner's printed statement) or their sums (the Payouts screen).
 */
export interface Statement<P extends PaidLike = PaidLike> {
  partner: Partner;
  earnings: Earnings;
  /** Payouts (or sums of payouts) of this partner whose period overlaps the statement's. */
  payouts: P[];
  paidCents: number;
  /** Overpaid before this period (refunds after a payout), deducted here. */
  carriedInCents: number;
  /** payable - paid - carried in, never below zero. */
  owedCents: number;
  /** paid + carried in - payable, when above zero: owed back, carried into the next period. */
  owedBackCents: number;
}

const overlaps = (p: Pick<Payout, 'periodStart' | 'periodEnd'>, r: DateRange) =>
  p.periodStart <= r.end && p.periodEnd >= r.start;

/** Payments newest first (by paid date, when they have one; sums by their period). */
const newestFirst = (a: PaidLike & { paidDate?: string }, b: PaidLike & { paidDate?: string }) =>
  (b.paidDate ?? b.periodEnd).localeCompare(a.paidDate ?? a.periodEnd) ||
  b.periodStart.localeCompare(a.periodStart);

function groupBy<T>(items: readonly T[], key: (t: T) => string | null): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/** What each partner earned in a period (the slow part of a statement: orders, content, bonuses). */
export interface PeriodEarnings {
  partner: Partner;
  earnings: Earnings;
}

export function periodEarnings(
  data: Omit<StatementData, 'payouts'>,
  range: DateRange,
  opts: EarningsOptions,
): PeriodEarnings[] {
  const contracts = groupBy(data.contracts, (c) => c.partnerId);
  const orders = groupBy(data.orders, (o) => o.partnerId);
  const content = groupBy(data.content, (c) => c.partnerId);
  const bonuses = groupBy(data.bonuses, (b) => b.partnerId);
  return data.partners.map((partner) => ({
    partner,
    earnings: partnerEarnings(
      {
        kind: partner.kind,
        contracts: contracts.get(partner.id) ?? [],
        orders: orders.get(partner.id) ?? [],
        content: content.get(partner.id) ?? [],
        bonuses: bonuses.get(partner.id) ?? [],
        bonusRules: data.bonusRules,
      },
      range,
      opts,
    ),
  }));
}

/** What statements need besides the payments, with the rollups standing in for the orders. */
export interface StatementBasis {
  partners: readonly Partner[];
  contracts: readonly Contract[];
  bonuses: readonly Bonus[];
  bonusRules: readonly BonusRule[];
  stats: readonly PartnerStats[];
}

/**
 * periodEarnings() from the per-partner rollups instead of the period's orders and posts (the same
 * figures: earningsFromRollup is checked against partnerEarnings). Nothing here depends on the period but the
 * sums, so a month change reads nothing.
 */
export function periodEarningsFromStats(
  basis: StatementBasis,
  range: DateRange,
  opts: EarningsOptions,
): PeriodEarnings[] {
  const contracts = groupBy(basis.contracts, (c) => c.partnerId);
  const bonuses = groupBy(basis.bonuses, (b) => b.partnerId);
  const stats = new Map(basis.stats.map((s) => [s.partnerId, s]));
  return basis.partners.map((partner) => ({
    partner,
    earnings: earningsFromRollup(
      stats.get(partner.id) ?? emptyStats(partner.id),
      {
        kind: partner.kind,
        contracts: contracts.get(partner.id) ?? [],
        bonuses: bonuses.get(partner.id) ?? [],
        bonusRules: basis.bonusRules,
      },
      range,
      opts,
    ),
  }));
}

const emptyStats = (partnerId: string): PartnerStats => ({
  partnerId,
  orderDays: new Int32Array(0),
  posts: new Int32Array(0),
});

/**
 * The statements from what was earned and what was paid (payments whose period overlaps the
 * range): cheap, so recording a payment does not sum the period's orders again.
 */
export function statementsFrom<P extends PaidLike>(
  earned: readonly PeriodEarnings[],
  payments: readonly P[],
  range: DateRange,
  carried: ReadonlyMap<string, number> = new Map(),
): Statement<P>[] {
  const payouts = groupBy(payments, (p) => p.partnerId);
  const out: Statement<P>[] = [];
  for (const { partner, earnings } of earned) {
    const paid = (payouts.get(partner.id) ?? []).filter((p) => overlaps(p, range));
    const paidCents = paid.reduce((s, p) => s + p.amountCents, 0);
    const carriedInCents = carried.get(partner.id) ?? 0;
    if (
      earnings.payableCents === 0 &&
      paid.length === 0 &&
      earnings.revenueCents === 0 &&
      carriedInCents === 0
    )
      continue;
    out.push({
      partner,
      earnings,
      payouts: paid.sort(newestFirst),
      paidCents,
      carriedInCents,
      ...statementBalance(earnings.payableCents, paidCents, carriedInCents),
    });
  }
  return out;
}

/**
 * The overpayment each partner carries into `range` (only partners with one), from the payments
 * of periods ending before it and `earnedIn`, what a partner earned over some days.
 */
export function carriedIntoPeriod(
  payments: readonly PaidLike[],
  range: DateRange,
  earnedIn: (partnerId: string, days: DateRange) => number,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [partnerId, earlier] of earlierPayments(payments, range)) {
    const carried = carriedInCents(earlier, earnedIn(partnerId, carryWindow(earlier, range)));
    if (carried > 0) out.set(partnerId, carried);
  }
  return out;
}

/** carriedIntoPeriod() from the rollups. */
export function carriedFromStats(
  basis: StatementBasis,
  payments: readonly PaidLike[],
  range: DateRange,
  opts: EarningsOptions,
): Map<string, number> {
  const partners = new Map(basis.partners.map((p) => [p.id, p]));
  const contracts = groupBy(basis.contracts, (c) => c.partnerId);
  const bonuses = groupBy(basis.bonuses, (b) => b.partnerId);
  const stats = new Map(basis.stats.map((s) => [s.partnerId, s]));
  return carriedIntoPeriod(payments, range, (id, days) => {
    const partner = partners.get(id);
    if (!partner) return 0;
    return earningsFromRollup(
      stats.get(id) ?? emptyStats(id),
      {
        kind: partner.kind,
        contracts: contracts.get(id) ?? [],
        bonuses: bonuses.get(id) ?? [],
        bonusRules: basis.bonusRules,
      },
      days,
      opts,
    ).payableCents;
  });
}

/**
 * One statement per partner that has a contract, earnings, payouts or a carried overpayment in
 * the period. `data.payouts` holds every payment (earlier ones give the carried overpayment).
 */
export function buildStatements(
  data: StatementData,
  range: DateRange,
  opts: EarningsOptions,
): Statement<Payout>[] {
  const carried = carriedIntoPeriod(data.payouts, range, (id, days) => {
    const one = periodEarnings(
      {
        ...data,
        partners: data.partners.filter((p) => p.id === id),
      },
      days,
      opts,
    );
    return one[0]?.earnings.payableCents ?? 0;
  });
  return statementsFrom(periodEarnings(data, range, opts), data.payouts, range, carried);
}

/** Commission a partner earned on orders in another currency (kept apart at import). */
export interface ForeignCommission {
  partnerId: string;
  currency: string;
  commissionCents: number;
}

/** Per partner and currency, from the per-currency sums of currency-totals.ts. */
export function foreignCommissions(totals: readonly CurrencyTotals[]): ForeignCommission[] {
  const out: ForeignCommission[] = [];
  for (const t of totals)
    for (const [partnerId, commissionCents] of t.commissionByPartner)
      out.push({ partnerId, currency: t.currency, commissionCents });
  return out;
}

/**
 * The period's earnings in the brand's currency: the rollups sum every order whatever its
 * currency, so the orders kept apart in another currency come out here (their commission is
 * shown, and owed, in its own currency).
 */
export function inBrandCurrency(
  earned: readonly PeriodEarnings[],
  apart: ReadonlyMap<string, ApartSums>,
  opts: Pick<EarningsOptions, 'countDiscountAsCost'>,
): PeriodEarnings[] {
  if (apart.size === 0) return [...earned];
  return earned.map((e) => ({
    partner: e.partner,
    earnings: earningsLessApart(e.earnings, apart.get(e.partner.id), opts),
  }));
}

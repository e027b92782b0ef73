/**
 * Payout statements: for each partner and period, what they earned (commissions, retainer, fees
 * per published post, bonuses) minus what was already paid for periods overlapping it = owed.
 * Built on partnerEarnings so Payouts agrees with every other screen.
 */
import type { DateRange } from './dates';
import { partnerEarnings, type Earnings, type EarningsOptions } from './earnings';
import type { Bonus, BonusRule, ContentItem, Contract, Order, Partner, Payout } from './schemas';

export interface StatementData {
  partners: readonly Partner[];
  contracts: readonly Contract[];
  orders: readonly Order[];
  content: readonly ContentItem[];
  bonuses: readonly Bonus[];
  bonusRules: readonly BonusRule[];
  payouts: readonly Payout[];
}

export interface Statement {
  partner: Partner;
  earnings: Earnings;
  /** Payouts of this partner whose period overlaps the statement's. */
  payouts: Payout[];
  paidCents: number;
  /** payable - paid, never below zero. */
  owedCents: number;
}

const overlaps = (p: Pick<Payout, 'periodStart' | 'periodEnd'>, r: DateRange) =>
  p.periodStart <= r.end && p.periodEnd >= r.start;

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

/** One statement per partner that has a contract, earnings or payouts in the period. */
export function buildStatements(
  data: StatementData,
  range: DateRange,
  opts: EarningsOptions,
): Statement[] {
  const contracts = groupBy(data.contracts, (c) => c.partnerId);
  const orders = groupBy(data.orders, (o) => o.partnerId);
  const content = groupBy(data.content, (c) => c.partnerId);
  const bonuses = groupBy(data.bonuses, (b) => b.partnerId);
  const payouts = groupBy(data.payouts, (p) => p.partnerId);
  const out: Statement[] = [];
  for (const partner of data.partners) {
    const earnings = partnerEarnings(
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
    );
    const paid = (payouts.get(partner.id) ?? []).filter((p) => overlaps(p, range));
    const paidCents = paid.reduce((s, p) => s + p.amountCents, 0);
    if (earnings.payableCents === 0 && paid.length === 0 && earnings.revenueCents === 0) continue;
    out.push({
      partner,
      earnings,
      payouts: paid.sort((a, b) => b.paidDate.localeCompare(a.paidDate)),
      paidCents,
      owedCents: Math.max(0, earnings.payableCents - paidCents),
    });
  }
  return out;
}

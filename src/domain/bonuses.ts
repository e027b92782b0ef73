/**
 * One-off bonuses and milestone rules as the owner types them: checking the form (a message
 * naming each field that is wrong, nothing built from a half-valid form), and how far a partner
 * is from the next milestone this month. What bonuses cost is counted by earnings.ts.
 */
import { formatMoney, parseMoney } from './money';
import type { Bonus, BonusRule, PartnerKind } from './schemas';

export const BONUS_LIMITS = { note: 500, ruleName: 200 } as const;

/** The largest amount a form accepts: $10,000,000.00 (beyond it is a typing slip). */
const MAX_CENTS = 1_000_000_000;

export interface BonusDraft {
  amount: string;
  date: string;
  note: string;
}

export interface RuleDraft {
  name: string;
  threshold: string;
  bonus: string;
  /** '' = every partner. */
  kind: PartnerKind | '';
  active: boolean;
}

export type DraftErrors<T> = Partial<Record<keyof T, string>>;

type Checked<T, V> = { ok: true; value: V } | { ok: false; errors: DraftErrors<T> };

/** An amount field: required, a number, more than zero, at most MAX_CENTS. */
function amountProblem(text: string, what: string): string | null {
  if (text.trim() === '') return `Enter the ${what}, like 100.00`;
  const cents = parseMoney(text);
  if (cents === null) return `The ${what} must be an amount like 100.00`;
  if (cents < 0) return `The ${what} cannot be negative`;
  if (cents === 0) return `The ${what} must be more than zero`;
  if (cents > MAX_CENTS) return `The ${what} is too large`;
  return null;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function realDate(date: string): boolean {
  if (!ISO_DATE.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** The fields of a one-off bonus, checked; ids and times come from the caller. */
export function checkBonusDraft(
  d: BonusDraft,
): Checked<BonusDraft, { amountCents: number; date: string; reason: string }> {
  const errors: DraftErrors<BonusDraft> = {};
  const amount = amountProblem(d.amount, 'bonus amount');
  if (amount) errors.amount = amount;
  if (d.date.trim() === '') errors.date = 'Enter the date of the bonus';
  else if (!realDate(d.date.trim())) errors.date = 'The date must be a real date like 2025-03-31';
  if (d.note.trim().length > BONUS_LIMITS.note)
    errors.note = `Keep the note under ${BONUS_LIMITS.note} characters`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: { amountCents: parseMoney(d.amount)!, date: d.date.trim(), reason: d.note.trim() },
  };
}

/** The fields of a milestone rule, checked; an empty name becomes the rule in words. */
export function checkRuleDraft(
  d: RuleDraft,
  currency: string,
  locale: string,
): Checked<
  RuleDraft,
  Pick<BonusRule, 'name' | 'kind' | 'minMonthlyRevenueCents' | 'bonusCents' | 'active'>
> {
  const errors: DraftErrors<RuleDraft> = {};
  const threshold = amountProblem(d.threshold, 'monthly revenue threshold');
  if (threshold) errors.threshold = threshold;
  const bonus = amountProblem(d.bonus, 'bonus amount');
  if (bonus) errors.bonus = bonus;
  if (d.name.trim().length > BONUS_LIMITS.ruleName)
    errors.name = `Keep the name under ${BONUS_LIMITS.ruleName} characters`;
  if (Object.keys(errors).length) return { ok: false, errors };
  const min = parseMoney(d.threshold)!;
  const cents = parseMoney(d.bonus)!;
  return {
    ok: true,
    value: {
      name:
        d.name.trim() ||
        `${formatMoney(cents, currency, locale)} at ${formatMoney(min, currency, locale)} a month`,
      kind: d.kind === '' ? null : d.kind,
      minMonthlyRevenueCents: min,
      bonusCents: cents,
      active: d.active,
    },
  };
}

/** A stored bonus as the form shows it. */
export function bonusToDraft(b: Pick<Bonus, 'amountCents' | 'date' | 'reason'>): BonusDraft {
  return { amount: (b.amountCents / 100).toFixed(2), date: b.date, note: b.reason };
}

/** A stored rule as the form shows it. */
export function ruleToDraft(r: BonusRule): RuleDraft {
  return {
    name: r.name,
    threshold: (r.minMonthlyRevenueCents / 100).toFixed(2),
    bonus: (r.bonusCents / 100).toFixed(2),
    kind: r.kind ?? '',
    active: r.active,
  };
}

/** The active rules that apply to a partner of this kind, lowest threshold first. */
export function rulesFor(rules: readonly BonusRule[], kind: PartnerKind): BonusRule[] {
  return rules
    .filter((r) => r.active && (r.kind === null || r.kind === kind))
    .sort(
      (a, b) => a.minMonthlyRevenueCents - b.minMonthlyRevenueCents || b.bonusCents - a.bonusCents,
    );
}

export interface MilestoneProgress {
  /** Attributed revenue of the month so far. */
  revenueCents: number;
  /** Rules already reached this month, and what they pay if the month ends there. */
  reached: BonusRule[];
  reachedCents: number;
  /** The lowest threshold not reached yet, and how much revenue is still missing; null when none. */
  next: { rule: BonusRule; missingCents: number } | null;
}

/**
 * How far this month's attributed revenue is from the next milestone. Rules pay for whole
 * calendar months (earnings.ts), so this is what the month will pay if it ends at this revenue.
 */
export function milestoneProgress(
  rules: readonly BonusRule[],
  kind: PartnerKind,
  monthRevenueCents: number,
): MilestoneProgress {
  const mine = rulesFor(rules, kind);
  const reached = mine.filter((r) => monthRevenueCents >= r.minMonthlyRevenueCents);
  const nextRule = mine.find((r) => monthRevenueCents < r.minMonthlyRevenueCents) ?? null;
  return {
    revenueCents: monthRevenueCents,
    reached,
    reachedCents: reached.reduce((s, r) => s + r.bonusCents, 0),
    next: nextRule
      ? { rule: nextRule, missingCents: nextRule.minMonthlyRevenueCents - monthRevenueCents }
      : null,
  };
}

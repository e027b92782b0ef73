import { describe, expect, it } from 'vitest';
import {
  bonusToDraft,
  checkBonusDraft,
  checkRuleDraft,
  milestoneProgress,
  ruleToDraft,
} from '../../src/domain/bonuses';
import { partnerEarnings } from '../../src/domain/earnings';
import type { BonusRule } from '../../src/domain/schemas';
import { SEED_CONTENT, SEED_CONTRACT, SEED_ORDERS } from '../fixtures/partner-march';

const rule = (
  id: string,
  min: number,
  cents: number,
  over: Partial<BonusRule> = {},
): BonusRule => ({
  id,
  createdAt: 0,
  updatedAt: 0,
  name: id,
  kind: null,
  minMonthlyRevenueCents: min,
  bonusCents: cents,
  active: true,
  ...over,
});

describe('checkBonusDraft', () => {
  it('reads an amount, a date and a note', () => {
    expect(checkBonusDraft({ amount: '$1,250.50', date: '2025-03-12', note: ' launch ' })).toEqual({
      ok: true,
      value: { amountCents: 125_050, date: '2025-03-12', reason: 'launch' },
    });
  });
  it('names each wrong field and builds nothing', () => {
    expect(checkBonusDraft({ amount: '-5', date: '2025-02-30', note: '' })).toEqual({
      ok: false,
      errors: {
        amount: 'The bonus amount cannot be negative',
        date: 'The date must be a real date like 2025-03-31',
      },
    });
    expect(checkBonusDraft({ amount: '', date: '', note: '' })).toEqual({
      ok: false,
      errors: {
        amount: 'Enter the bonus amount, like 100.00',
        date: 'Enter the date of the bonus',
      },
    });
    const r = checkBonusDraft({ amount: '0', date: '2025-03-01', note: '' });
    expect(r.ok ? null : r.errors.amount).toBe('The bonus amount must be more than zero');
    const t = checkBonusDraft({ amount: 'ten', date: '2025-03-01', note: '' });
    expect(t.ok ? null : t.errors.amount).toBe('The bonus amount must be an amount like 100.00');
  });
  it('round-trips through the form', () => {
    expect(bonusToDraft({ amountCents: 2_000, date: '2025-03-12', reason: 'x' })).toEqual({
      amount: '20.00',
      date: '2025-03-12',
      note: 'x',
    });
  });
});

describe('checkRuleDraft', () => {
  it('names the rule in words when the owner gives no name', () => {
    const r = checkRuleDraft(
      { name: '', threshold: '2000', bonus: '100', kind: 'affiliate', active: true },
      'USD',
      'en-US',
    );
    expect(r).toEqual({
      ok: true,
      value: {
        name: '$100.00 at $2,000.00 a month',
        kind: 'affiliate',
        minMonthlyRevenueCents: 200_000,
        bonusCents: 10_000,
        active: true,
      },
    });
    if (r.ok) expect(ruleToDraft(rule('x', 200_000, 10_000, r.value)).threshold).toBe('2000.00');
  });
  it('an empty threshold and a negative bonus are named', () => {
    expect(
      checkRuleDraft(
        { name: '', threshold: ' ', bonus: '-100', kind: '', active: true },
        'USD',
        'en-US',
      ),
    ).toEqual({
      ok: false,
      errors: {
        threshold: 'Enter the monthly revenue threshold, like 100.00',
        bonus: 'The bonus amount cannot be negative',
      },
    });
  });
});

describe('milestoneProgress', () => {
  const rules = [
    rule('big', 500_000, 30_000),
    rule('first', 200_000, 10_000),
    rule('ambassadors only', 100_000, 5_000, { kind: 'ambassador' }),
    rule('off', 50_000, 99_900, { active: false }),
  ];
  it('$1,240 of $2,000: $760 to a $100 bonus', () => {
    const p = milestoneProgress(rules, 'affiliate', 124_000);
    expect(p.reached).toEqual([]);
    expect(p.next).toEqual({ rule: rules[1], missingCents: 76_000 });
  });
  it('past the first threshold: that bonus counts, the next is $5,000', () => {
    const p = milestoneProgress(rules, 'affiliate', 200_000);
    expect(p.reached.map((r) => r.id)).toEqual(['first']);
    expect(p.reachedCents).toBe(10_000);
    expect(p.next?.rule.id).toBe('big');
    expect(p.next?.missingCents).toBe(300_000);
  });
  it('an ambassador also has the ambassadors-only rule; inactive rules never count', () => {
    const p = milestoneProgress(rules, 'ambassador', 600_000);
    expect(p.reached.map((r) => r.id)).toEqual(['ambassadors only', 'first', 'big']);
    expect(p.reachedCents).toBe(45_000);
    expect(p.next).toBeNull();
  });
  it('what the progress shows is what earnings.ts pays for the whole month', () => {
    // March 2025 of the fixture: $165 revenue; a $150 threshold pays, a $200 one does not.
    const march = { start: '2025-03-01', end: '2025-03-31' };
    const mine = [rule('a', 15_000, 2_500), rule('b', 20_000, 7_500)];
    const rec = {
      kind: 'affiliate' as const,
      contracts: [SEED_CONTRACT],
      orders: SEED_ORDERS,
      content: SEED_CONTENT,
      bonuses: [],
    };
    const e = partnerEarnings({ ...rec, bonusRules: mine }, march, {
      timeZone: 'UTC',
      countDiscountAsCost: false,
    });
    const p = milestoneProgress(mine, 'affiliate', e.revenueCents);
    expect(e.bonusCents).toBe(2_500);
    expect(p.reachedCents).toBe(e.bonusCents);
    expect(p.next?.missingCents).toBe(3_500);
  });
});

import { describe, expect, it } from 'vitest';
import {
  calendarKindOf,
  periodAround,
  periodTag,
  periodTitle,
  stepPeriod,
} from '../../src/domain/payout-periods';
import { paypalReference, statementsCsv } from '../../src/features/payouts/payout-files';
import type { Statement } from '../../src/domain/payout-statements';
import { generateSampleData } from '../../src/domain/sample-data';

describe('the periods Payouts browses', () => {
  it('is the calendar month, quarter or year around a day', () => {
    expect(periodAround('month', '2024-02-17')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodAround('quarter', '2024-08-31')).toEqual({
      start: '2024-07-01',
      end: '2024-09-30',
    });
    expect(periodAround('quarter', '2024-12-01')).toEqual({
      start: '2024-10-01',
      end: '2024-12-31',
    });
    expect(periodAround('year', '2024-05-05')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(stepPeriod('quarter', { start: '2024-01-01', end: '2024-03-31' }, -1)).toEqual({
      start: '2023-10-01',
      end: '2023-12-31',
    });
    expect(stepPeriod('month', { start: '2024-12-01', end: '2024-12-31' }, 1)).toEqual({
      start: '2025-01-01',
      end: '2025-01-31',
    });
  });
  it('names each kind of period, short (files, PayPal) and in words', () => {
    expect(periodTag({ start: '2024-03-01', end: '2024-03-31' })).toBe('2024-03');
    expect(periodTag({ start: '2024-10-01', end: '2024-12-31' })).toBe('2024-Q4');
    expect(periodTag({ start: '2024-01-01', end: '2024-12-31' })).toBe('2024');
    expect(periodTag({ start: '2024-03-05', end: '2024-04-10' })).toBe('2024-03-05–04-10');
    expect(periodTag({ start: '2024-12-15', end: '2025-01-10' })).toBe('2024-12-15–2025-01-10');
    expect(calendarKindOf({ start: '2024-03-02', end: '2024-03-31' })).toBeNull();
    expect(periodTitle({ start: '2024-03-01', end: '2024-03-31' }, 'en-GB')).toBe('March 2024');
    expect(periodTitle({ start: '2024-07-01', end: '2024-09-30' }, 'en-GB')).toBe('Q3 2024');
    expect(periodTitle({ start: '2024-01-01', end: '2024-12-31' }, 'en-GB')).toBe('2024');
    // ICU puts thin spaces around the dash.
    expect(
      periodTitle({ start: '2024-03-05', end: '2024-04-10' }, 'en-GB').replace(/\s/g, ' '),
    ).toBe('5 Mar – 10 Apr 2024');
  });
  it('the PayPal reference reads as the period and the partner, for a quarter and for dates', () => {
    const used = new Set<string>();
    expect(
      paypalReference(periodTag({ start: '2024-07-01', end: '2024-09-30' }), 'Maya Chen', used),
    ).toBe('2024-Q3 Maya Chen');
    expect(
      paypalReference(periodTag({ start: '2024-03-05', end: '2024-04-10' }), 'Maya Chen', used),
    ).toBe('2024-03-05–04-10 Maya Chen');
  });
});

describe('the statements CSV names its currency', () => {
  it('has a Currency column with the brand’s currency and the overpayment columns', () => {
    const partner = generateSampleData('2026-11-24', 0).partners[0]!;
    const s: Statement = {
      partner: {
        ...partner,
        name: 'Maya Chen',
        payout: { method: 'paypal', handle: 'maya@example.com' },
      },
      earnings: {
        revenueCents: 300_00,
        orders: 1,
        commissionCents: 30_00,
        retainerCents: 0,
        feesCents: 0,
        bonusCents: 0,
        perksCents: 0,
        discountCents: 0,
        giftedCents: 0,
        giftedRetailCents: 0,
        payableCents: 30_00,
        costCents: 30_00,
      },
      payouts: [],
      paidCents: 0,
      carriedInCents: 10_00,
      owedCents: 20_00,
      owedBackCents: 0,
    };
    const [head, row] = statementsCsv([s], '2026-02', 'GBP').split('\r\n');
    expect(head).toBe(
      'Period,Currency,Partner,Kind,Revenue,Commissions,Retainer,Post fees,Bonuses,Payable,Already paid,Overpaid before,Owed,Owed back,Payout method,Payout handle',
    );
    expect(row).toBe(
      `2026-02,GBP,Maya Chen,${partner.kind},300.00,30.00,0.00,0.00,0.00,30.00,0.00,10.00,20.00,0.00,paypal,maya@example.com`,
    );
  });
});

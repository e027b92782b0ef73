import { describe, expect, it } from 'vitest';
import type { PartnerIndex } from '../../src/domain/compare';
import { dayNumber } from '../../src/domain/dates';
import { activitySpan, periodWithData } from '../../src/domain/period-offer';

const entry = (orderDays: string[], postDays: string[]) => ({
  contracts: [],
  bonuses: [],
  gifts: [],
  stats: {
    partnerId: 'p',
    // Six fields per order day, nine per post; only the day matters here.
    orderDays: Float64Array.from(orderDays.flatMap((d) => [dayNumber(d), 100, 1, 0, 0, 1])),
    posts: Float64Array.from(postDays.flatMap((d) => [dayNumber(d), 0, 0, 0, 0, 0, 0, 0, 0])),
  },
});

describe('offering the period that has data', () => {
  const index: PartnerIndex = new Map([
    ['a', entry(['2024-02-03', '2024-05-20'], [])],
    ['b', entry(['2024-03-01'], ['2024-01-15', '2024-06-30'])],
  ]);
  it('spans the first to the last order or post of any partner', () => {
    expect(activitySpan(index)).toEqual({ start: '2024-01-15', end: '2024-06-30' });
    expect(activitySpan(new Map())).toBeNull();
    expect(activitySpan(new Map([['c', entry([], [])]]))).toBeNull();
  });
  it('offers nothing when the period holds data, or there is none at all', () => {
    const span = { start: '2024-01-15', end: '2024-06-30' };
    expect(periodWithData({ start: '2024-06-30', end: '2025-06-29' }, span)).toBeNull();
    expect(periodWithData({ start: '2023-01-01', end: '2024-01-15' }, span)).toBeNull();
    expect(periodWithData({ start: '2025-01-01', end: '2025-12-31' }, null)).toBeNull();
  });
  it('offers the data’s span, at most the 12 months to its last day', () => {
    const span = { start: '2024-01-15', end: '2024-06-30' };
    expect(periodWithData({ start: '2025-07-01', end: '2026-06-30' }, span)).toEqual(span);
    expect(periodWithData({ start: '2024-07-01', end: '2024-07-31' }, span)).toEqual(span);
    expect(periodWithData({ start: '2023-01-01', end: '2024-01-14' }, span)).toEqual(span);
    expect(
      periodWithData(
        { start: '2026-01-01', end: '2026-03-31' },
        { start: '2020-01-01', end: '2024-06-30' },
      ),
    ).toEqual({ start: '2023-07-01', end: '2024-06-30' });
  });
});

import { describe, expect, it } from 'vitest';
import { contentReminders, payoutReminders } from '../../src/domain/reminders';
import type { ContentItem } from '../../src/domain/schemas';

const names = new Map([
  ['p-1', { name: 'Maya Chen' }],
  ['p-2', { name: 'Leo Park' }],
]);
const item = (id: string, plannedDate: string, over: Partial<ContentItem> = {}) =>
  ({
    id,
    partnerId: 'p-1',
    plannedDate,
    title: `Post ${id}`,
    format: 'reel',
    platform: 'instagram',
    status: 'planned',
    ...over,
  }) as ContentItem;
const day = (d: string) => d.slice(5);

describe('contentReminders', () => {
  const today = '2026-06-15';
  it('lists open items overdue (30 days back), due today and tomorrow, overdue first', () => {
    const r = contentReminders(
      [
        item('tomorrow', '2026-06-16'),
        item('later', '2026-06-17'),
        item('today', '2026-06-15', { partnerId: 'p-2' }),
        item('late', '2026-06-10', { status: 'in review' }),
        item('too-old', '2026-05-15'),
        item('oldest', '2026-05-16'),
        item('posted', '2026-06-14', { status: 'published' }),
        item('idea', '2026-06-16', { status: 'idea', title: '' }),
      ],
      names,
      today,
      day,
    );
    expect(r.map((x) => [x.id, x.kind])).toEqual([
      ['content:oldest:overdue', 'overdue'],
      ['content:late:overdue', 'overdue'],
      ['content:today:today', 'today'],
      ['content:idea:tomorrow', 'tomorrow'],
      ['content:tomorrow:tomorrow', 'tomorrow'],
    ]);
    expect(r[1]!.title).toBe('Maya Chen: “Post late” was due 06-10');
    expect(r[2]!.title).toBe('Leo Park: “Post today” is due today');
    // No title: the format names it.
    expect(r[3]!.title).toBe('Maya Chen: “reel” is due tomorrow');
    expect(r[4]!.route).toBe('calendar/day/2026-06-16');
  });
});

describe('payoutReminders', () => {
  it('lists partners owed money, most owed first, with the amount', () => {
    const r = payoutReminders(
      [
        { partnerId: 'p-1', owedCents: 1500 },
        { partnerId: 'p-2', owedCents: 9000 },
        { partnerId: 'p-3', owedCents: 0 },
      ],
      names,
      (c) => `$${(c / 100).toFixed(2)}`,
    );
    expect(r.map((x) => x.title)).toEqual(['Pay Leo Park $90.00', 'Pay Maya Chen $15.00']);
    expect(r.every((x) => x.kind === 'payout' && x.route === 'payouts')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import {
  contentItems,
  matchItems,
  orderItems,
  type PaletteItem,
} from '../../src/components/palette-items';
import type { ContentItem, Order } from '../../src/domain/schemas';

const items: PaletteItem[] = [
  { id: 's-partners', group: 'Screens', label: 'Partners', route: 'partners' },
  { id: 's-payouts', group: 'Screens', label: 'Payouts', route: 'payouts', keywords: 'pay owed' },
  { id: 'a-add', group: 'Actions', label: 'Add partner', route: 'partners/new' },
  {
    id: 'p-1',
    group: 'Partners',
    label: 'Maya Chen',
    keywords: '@mayachen MAYA10',
    route: 'partners/p-1',
  },
  {
    id: 'p-2',
    group: 'Partners',
    label: 'Zoë Martin',
    keywords: '@zoemartin',
    route: 'partners/p-2',
  },
  { id: 'p-3', group: 'Partners', label: 'Ana Pay', route: 'partners/p-3' },
];

const ids = (q: string, limit?: number) => matchItems(items, q, limit).map((i) => i.id);

describe('matchItems', () => {
  it('returns everything (up to the limit) for an empty query', () => {
    expect(ids('')).toEqual(items.map((i) => i.id));
    expect(ids('   ', 2)).toEqual(['s-partners', 's-payouts']);
  });

  it('puts a label starting with the query first, then a word start, then any other match', () => {
    // "pa": Partners and Payouts start with it; "Ana Pay" has a word starting with it;
    // "Add partner" too (word "partner"); order among equals keeps the list's order.
    expect(ids('pa')).toEqual(['s-partners', 's-payouts', 'a-add', 'p-3']);
    expect(ids('pay')).toEqual(['s-payouts', 'p-3']);
  });

  it('finds by keywords (handles, codes), ignoring case and accents, every word needed', () => {
    expect(ids('maya10')).toEqual(['p-1']);
    expect(ids('zoe')).toEqual(['p-2']);
    expect(ids('ZOË mart')).toEqual(['p-2']);
    expect(ids('maya zoe')).toEqual([]);
    expect(ids('owed')).toEqual(['s-payouts']);
  });
});

describe('orders and content items found in the database', () => {
  const names = new Map([['p-1', { name: 'Maya Chen' }]]);
  const brand = { timeZone: 'America/New_York', locale: 'en-US' };
  it('labels an order with its number, its own currency, its day in the brand zone and partner', () => {
    const [item] = orderItems(
      [
        {
          id: 'shopify:#1500',
          orderId: '#1500',
          totalCents: 4400,
          currency: 'GBP',
          // 02:00 UTC on June 13 is still June 12 in New York.
          placedAtMs: Date.UTC(2026, 5, 13, 2),
          partnerId: 'p-1',
        } as Order,
      ],
      names,
      brand,
    );
    expect(item).toEqual({
      id: 'order-shopify:#1500',
      group: 'Orders',
      label: 'Order #1500 · £44.00 · Jun 12, 2026 · Maya Chen',
      route: 'sales/day/2026-06-12',
    });
  });
  it('labels a post with its title, partner and day, and opens its day on the calendar', () => {
    const [item] = contentItems(
      [
        {
          id: 'ci-1',
          title: 'Pupsicle teaser',
          partnerId: 'p-1',
          plannedDate: '2026-07-04',
        } as ContentItem,
      ],
      names,
      brand,
    );
    expect(item).toMatchObject({
      group: 'Content',
      label: 'Pupsicle teaser · Maya Chen · Jul 4, 2026',
      route: 'calendar/day/2026-07-04',
    });
  });
});

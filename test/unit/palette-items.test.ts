import { describe, expect, it } from 'vitest';
import { matchItems, type PaletteItem } from '../../src/components/palette-items';

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

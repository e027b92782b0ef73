import { describe, expect, it } from 'vitest';
import type { Contract, Order, Partner } from '../../src/domain/schemas';
import {
  detailAfterSave,
  detailShown,
  partnerSaved,
} from '../../src/features/partners/detail-cache';
import type { PartnerDetailData } from '../../src/features/partners/usePartners';

const lucy = { id: 'p-lucy', name: 'Lucy Loaf', updatedAt: 1 } as Partner;
const contract = (id: string, startDate: string) =>
  ({ id, partnerId: 'p-lucy', startDate }) as Contract;
const page: PartnerDetailData = {
  partner: lucy,
  contracts: [contract('c-1', '2024-01-01')],
  content: [],
  orders: [{ id: 'shopify:1', partnerId: 'p-lucy' } as Order],
  payouts: [],
  bonuses: [],
  bonusRules: [],
  shipments: [],
};

describe('the partner page right after its form is saved', () => {
  it('shows the saved partner and contracts over what the page showed, until its reads are back', () => {
    detailShown('p-lucy', page);
    const renamed = { ...lucy, name: 'Lucy Loaf-Baker', updatedAt: 2 };
    partnerSaved(renamed, [contract('c-2', '2025-01-01'), contract('c-1', '2024-01-01')], 5000);
    const shown = detailAfterSave('p-lucy', 5050)!;
    expect(shown.partner).toBe(renamed);
    expect(shown.contracts.map((c) => c.id)).toEqual(['c-1', 'c-2']);
    expect(shown.orders).toBe(page.orders);
    // Another partner's page gets nothing from it.
    expect(detailAfterSave('p-max', 5050)).toBeUndefined();
    // Once the page has read the stored data, that is what it shows (not the saved copy).
    detailShown('p-lucy', { ...page, partner: renamed });
    expect(detailAfterSave('p-lucy', 5100)).toBeUndefined();
  });

  it('is not used long after the save, nor for a partner whose page was not shown', () => {
    detailShown('p-lucy', page);
    partnerSaved({ ...lucy, updatedAt: 3 }, [], 1000);
    expect(detailAfterSave('p-lucy', 1000 + 10_000)).toBeUndefined();
    const max = { ...lucy, id: 'p-max' };
    partnerSaved(max, [], 2000);
    expect(detailAfterSave('p-max', 2001)).toBeUndefined();
  });
});

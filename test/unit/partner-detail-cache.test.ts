import { describe, expect, it } from 'vitest';
import type { Contract, Order, Partner } from '../../src/domain/schemas';
import type { PartnerDraft } from '../../src/domain/partners';
import {
  clearFailedSave,
  detailAfterSave,
  detailShown,
  detailToShow,
  failedSaveOf,
  partnerSaved,
  saveFailed,
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

describe('the partner page while the save is still being written', () => {
  it('keeps showing the saved version over a read from before the write, and lets a newer one through', () => {
    detailShown('p-lucy', page);
    const renamed = { ...lucy, name: 'Lucy Loaf-Baker', updatedAt: 7 };
    partnerSaved(renamed, [], 9000);
    // A read that overtook the write: the old version. The saved page stays shown.
    const before = { ...page, partner: { ...lucy, updatedAt: 6 } };
    detailShown('p-lucy', before);
    expect(detailToShow('p-lucy', before, 9010)!.partner).toBe(renamed);
    // Nothing read yet: the saved page.
    expect(detailToShow('p-lucy', undefined, 9010)!.partner).toBe(renamed);
    // The read after the write (same version), or a later edit made elsewhere: shown as read.
    for (const updatedAt of [7, 8]) {
      const after = { ...page, partner: { ...renamed, updatedAt } };
      expect(detailToShow('p-lucy', after, 9020)).toBe(after);
    }
    detailShown('p-lucy', { ...page, partner: renamed });
    expect(detailAfterSave('p-lucy', 9030)).toBeUndefined();
    // A partner deleted meanwhile (read as null) is shown as gone.
    partnerSaved(renamed, [], 9100);
    const gone = { ...page, partner: null };
    expect(detailToShow('p-lucy', gone, 9110)).toBe(gone);
  });

  it('keeps the draft of a save whose write failed for that partner’s form, until it is taken', () => {
    detailShown('p-lucy', page);
    partnerSaved({ ...lucy, updatedAt: 11 }, [], 12_000);
    const draft = { name: 'Lucy L' } as PartnerDraft;
    saveFailed({ id: 'p-lucy', draft, baseVersion: 1, message: 'The disk is full.' });
    // The page no longer shows the version that was not stored.
    expect(detailAfterSave('p-lucy', 12_010)).toBeUndefined();
    expect(failedSaveOf('p-max')).toBeNull();
    expect(failedSaveOf('p-lucy')).toMatchObject({ draft, message: 'The disk is full.' });
    clearFailedSave('p-max');
    expect(failedSaveOf('p-lucy')).not.toBeNull();
    clearFailedSave('p-lucy');
    expect(failedSaveOf('p-lucy')).toBeNull();
  });
});

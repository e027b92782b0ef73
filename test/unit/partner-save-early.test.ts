import { describe, expect, it } from 'vitest';
import { partnerToDraft } from '../../src/domain/partners';
import { shownAtOnce } from '../../src/features/partners/usePartnerForm';
import { partner } from '../db/orders-helpers';

// An edit is shown before its write when it credits orders as before: the rule's whole range.
const lucy = partner('p-lucy', {
  name: 'Lucy Loaf',
  codes: ['LUCY10'],
  referralSlug: 'lucy',
  accounts: [
    { platform: 'instagram', handle: 'lucyloaf', followers: 12_000, engagementRate: 0.04 },
  ],
  updatedAt: 100,
});
const max = partner('p-max', { name: 'Max', codes: ['MAX5'], referralSlug: 'max' });
const all = [lucy, max];
const today = '2026-12-06';
const NOW = 5_000;

describe('shownAtOnce: which saves show the partner page before the write is stored', () => {
  it('shows a renamed partner at once, as the save will store it', () => {
    const draft = { ...partnerToDraft(lucy, []), name: 'Lucy Loaf-Baker', notes: 'Bakes' };
    const r = shownAtOnce(lucy, all, draft, today, NOW);
    expect(r?.ok).toBe(true);
    if (!r?.ok) return;
    expect(r.partner).toMatchObject({ id: 'p-lucy', name: 'Lucy Loaf-Baker', updatedAt: NOW });
    expect(r.partner.codes).toEqual(['LUCY10']);
  });

  it('waits for the write for a new partner, or before the partners are read', () => {
    const draft = { ...partnerToDraft(lucy, []), name: 'Someone new', codes: '', referralSlug: '' };
    expect(shownAtOnce(null, all, draft, today, NOW)).toBeNull();
    expect(shownAtOnce(lucy, undefined, partnerToDraft(lucy, []), today, NOW)).toBeNull();
  });

  it('waits for the write when codes, the referral slug or a handle change (re-credit offer)', () => {
    const base = partnerToDraft(lucy, []);
    const changed = [
      { ...base, codes: 'LUCY10, LUCY20' },
      { ...base, codes: '' },
      { ...base, referralSlug: 'lucy-loaf' },
      { ...base, accounts: base.accounts.map((a) => ({ ...a, handle: 'lucy.loaf' })) },
    ];
    for (const d of changed) expect(shownAtOnce(lucy, all, d, today, NOW)).toBeNull();
    // Case and a leading @ do not change what a code matches: still shown at once.
    expect(shownAtOnce(lucy, all, { ...base, codes: 'lucy10' }, today, NOW)?.ok).toBe(true);
  });

  it("gives the draft's problems without writing: a blank name, another partner's code", () => {
    const base = partnerToDraft(lucy, []);
    const blank = shownAtOnce(lucy, all, { ...base, name: '  ' }, today, NOW);
    expect(blank?.ok).toBe(false);
    if (blank && !blank.ok) expect(Object.keys(blank.errors)).toContain('name');
    const clash = shownAtOnce(lucy, all, { ...base, codes: 'MAX5' }, today, NOW);
    expect(clash?.ok).toBe(false);
    if (clash && !clash.ok) expect(clash.errors.codes).toMatch(/Max/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  buildTrackingLink,
  contractSuggestions,
  emptyContractDraft,
  emptyPartnerDraft,
  findCodeConflicts,
  matchesPartnerSearch,
  partnerTier,
  partnerToDraft,
  slugify,
  tierOf,
  validatePartnerDraft,
  withStatus,
  withTag,
  type PartnerDraft,
  type ValidationContext,
} from '../../src/domain/partners';
import { defaultSettings, type Partner } from '../../src/domain/schemas';

const bounds = defaultSettings(0).tierBounds; // micro 10k, mid 100k, macro 500k, mega 1M

let seq = 0;
const ctx = (over: Partial<ValidationContext> = {}): ValidationContext => ({
  existing: null,
  others: [],
  today: '2025-06-15',
  now: 1_750_000_000_000,
  newId: () => `id-${++seq}`,
  ...over,
});

const draft = (over: Partial<PartnerDraft> = {}): PartnerDraft => ({
  ...emptyPartnerDraft('affiliate'),
  name: 'Maya Chen',
  email: 'maya@example.com',
  payoutHandle: 'maya@example.com',
  codes: 'MAYA15',
  accounts: [
    { platform: 'instagram', handle: '@maya', followers: '12,400', engagementRate: '3.2' },
  ],
  contracts: [{ ...emptyContractDraft('2025-01-01'), commissionRate: '15' }],
  ...over,
});

function ok(d: PartnerDraft, c = ctx()) {
  const r = validatePartnerDraft(d, c);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}
function slugError(d: PartnerDraft, c = ctx()): string | undefined {
  const r = validatePartnerDraft(d, c);
  return r.ok ? undefined : r.errors.referralSlug;
}

function errorsOf(d: PartnerDraft, c = ctx()) {
  const r = validatePartnerDraft(d, c);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('follower tiers', () => {
  it('uses the lower bounds from settings, below micro is nano', () => {
    expect(tierOf(0, bounds)).toBe('nano');
    expect(tierOf(9_999, bounds)).toBe('nano');
    expect(tierOf(10_000, bounds)).toBe('micro');
    expect(tierOf(99_999, bounds)).toBe('micro');
    expect(tierOf(100_000, bounds)).toBe('mid');
    expect(tierOf(500_000, bounds)).toBe('macro');
    expect(tierOf(999_999, bounds)).toBe('macro');
    expect(tierOf(1_000_000, bounds)).toBe('mega');
    expect(tierOf(5_000, { micro: 5_000, mid: 50_000, macro: 200_000, mega: 900_000 })).toBe(
      'micro',
    );
  });
  it('derives a partner tier from the largest account, not the sum', () => {
    const accounts: Partner['accounts'] = [
      { platform: 'instagram', handle: '@a', followers: 60_000, engagementRate: 2 },
      { platform: 'tiktok', handle: '@a', followers: 90_000, engagementRate: 4 },
    ];
    expect(partnerTier({ accounts }, bounds)).toBe('micro'); // 150k summed would be mid
    expect(partnerTier({ accounts: [] }, bounds)).toBeNull();
  });
});

describe('promo codes', () => {
  const others = [
    { name: 'Leo', codes: ['LEO10'] },
    { name: 'Ana', codes: ['ana-20', 'Spring'] },
  ];
  it('refuses a code another partner has, whatever the case', () => {
    expect(findCodeConflicts(['leo10', 'NEW1'], others)).toEqual([
      { code: 'leo10', ownerName: 'Leo' },
    ]);
    expect(findCodeConflicts([' SPRING '], others)).toEqual([
      { code: ' SPRING ', ownerName: 'Ana' },
    ]);
  });
  it('refuses the same code twice in one list', () => {
    expect(findCodeConflicts(['A1', 'a1'], [])).toEqual([{ code: 'a1', ownerName: null }]);
    expect(findCodeConflicts(['A1', 'B2'], others)).toEqual([]);
  });
  it('shows the owner in the form error and saves nothing', () => {
    const e = errorsOf(
      draft({ codes: 'maya15, leo10' }),
      ctx({
        others: [{ id: 'p-9', name: 'Leo', codes: ['LEO10'], referralSlug: '' }],
      }),
    );
    expect(e.codes).toBe('leo10 is already used by Leo');
  });
  it('lets a partner keep its own codes when edited', () => {
    const first = ok(draft());
    const again = ok(
      partnerToDraft(first.partner, first.contracts),
      ctx({
        existing: first.partner,
        others: [first.partner],
      }),
    );
    expect(again.partner.codes).toEqual(['MAYA15']);
  });
});

describe('tracking links', () => {
  it('sets utm parameters on the brand URL and keeps its own query', () => {
    expect(
      buildTrackingLink('https://barkside.example/shop?ref=home', {
        source: '@maya.bakes',
        medium: 'ambassador',
        campaign: 'spring treats',
      }),
    ).toBe(
      'https://barkside.example/shop?ref=home&utm_source=maya.bakes&utm_medium=ambassador&utm_campaign=spring+treats',
    );
  });
  it('omits empty values and refuses a brand URL that is not http(s)', () => {
    expect(
      buildTrackingLink('https://a.example', { source: 'x', medium: 'affiliate', campaign: '' }),
    ).toBe('https://a.example/?utm_source=x&utm_medium=affiliate');
    expect(buildTrackingLink('', { source: 'x', medium: 'y', campaign: '' })).toBeNull();
    expect(
      buildTrackingLink('javascript:alert(1)', { source: 'x', medium: 'y', campaign: '' }),
    ).toBeNull();
  });
  it('makes slugs from names', () => {
    expect(slugify('  Zoë & the Pups! ')).toBe('zoe-the-pups');
  });
});

describe('partner validation', () => {
  it('builds the partner and its contract from a good draft', () => {
    const r = ok(draft({ status: 'active', tags: ['nano-ambassador', ' ', 'nano-ambassador'] }));
    expect(r.partner).toMatchObject({
      name: 'Maya Chen',
      kind: 'affiliate',
      tags: ['nano-ambassador'],
      statusHistory: [{ status: 'active', date: '2025-06-15' }],
      accounts: [
        { platform: 'instagram', handle: '@maya', followers: 12_400, engagementRate: 3.2 },
      ],
      codes: ['MAYA15'],
      archived: false,
    });
    expect(r.contracts).toHaveLength(1);
    expect(r.contracts[0]).toMatchObject({
      partnerId: r.partner.id,
      startDate: '2025-01-01',
      endDate: null,
      commissionRate: 15,
      retainerCents: 0,
    });
  });

  it('a new contract invents no money: empty fields store zero, suggestions are placeholders only', () => {
    for (const kind of ['ambassador', 'affiliate'] as const) {
      const c = emptyContractDraft('2025-01-01');
      expect([
        c.retainer,
        c.commissionRate,
        c.flatFeePerPost,
        c.perksPerMonth,
        c.deliverablesPerMonth,
      ]).toEqual(['', '', '', '', '']);
      const r = ok(draft({ kind, contracts: [c] }));
      expect(r.contracts[0]).toMatchObject({
        retainerCents: 0,
        commissionRate: 0,
        flatFeePerPostCents: 0,
        perksCentsPerMonth: 0,
        deliverablesPerMonth: 0,
      });
    }
    expect(contractSuggestions('ambassador').retainer).toBe('e.g. 300.00');
    expect(contractSuggestions('affiliate').commissionRate).toBe('e.g. 15');
  });

  it('reports each bad field next to it', () => {
    const e = errorsOf(
      draft({
        name: ' ',
        email: 'maya@',
        payoutMethod: 'venmo',
        payoutHandle: '@x',
        accounts: [{ platform: 'tiktok', handle: '', followers: '-5', engagementRate: '120' }],
        contracts: [
          {
            ...emptyContractDraft('2025-03-01'),
            endDate: '2025-02-01',
            commissionRate: '101',
            retainer: '-10.00',
            perksPerMonth: 'lots',
          },
        ],
      }),
    );
    expect(e).toMatchObject({
      name: 'Enter the partner’s name',
      email: 'Enter a valid email like name@example.com',
      payoutHandle: expect.stringContaining('Venmo'),
      'accounts.0.handle': expect.any(String),
      'accounts.0.followers': 'Enter a whole number of followers',
      'accounts.0.engagementRate': 'Engagement rate must be 0-100 %',
      'contracts.0.endDate': 'The end date is before the start date',
      'contracts.0.commissionRate': 'Commission must be between 0 and 100 %',
      'contracts.0.retainer': 'Must not be negative',
      'contracts.0.perksPerMonth': 'Enter an amount like 250.00',
    });
  });

  it('accepts commission at the bounds and refuses a negative one', () => {
    const at = (rate: string) =>
      validatePartnerDraft(
        draft({
          contracts: [{ ...emptyContractDraft('2025-01-01'), commissionRate: rate }],
        }),
        ctx(),
      ).ok;
    expect(at('0')).toBe(true);
    expect(at('100')).toBe(true);
    expect(at('12.5%')).toBe(true);
    expect(at('-1')).toBe(false);
    expect(at('100.01')).toBe(false);
  });

  it('refuses overlapping contracts and accepts back-to-back ones', () => {
    const c1 = { ...emptyContractDraft('2025-01-01'), endDate: '2025-06-30' };
    const e = errorsOf(draft({ contracts: [c1, { ...emptyContractDraft('2025-06-30') }] }));
    expect(e['contracts.1.startDate']).toContain('Overlaps the contract starting 2025-01-01');
    const r = ok(draft({ contracts: [c1, emptyContractDraft('2025-07-01')] }));
    expect(r.contracts.map((c) => [c.startDate, c.endDate])).toEqual([
      ['2025-01-01', '2025-06-30'],
      ['2025-07-01', null],
    ]);
  });

  it('refuses an open-ended contract followed by another one', () => {
    const e = errorsOf(
      draft({
        contracts: [emptyContractDraft('2025-01-01'), emptyContractDraft('2026-01-01')],
      }),
    );
    expect(Object.keys(e)).toEqual(['contracts.1.startDate']);
  });

  it('records a status change with its date, and only a real change', () => {
    const first = ok(draft({ status: 'contacted' }), ctx({ today: '2025-01-10' })).partner;
    const same = ok(partnerToDraft(first, []), ctx({ existing: first, today: '2025-02-01' }));
    expect(same.partner.statusHistory).toHaveLength(1);
    const moved = ok(
      { ...partnerToDraft(first, []), status: 'negotiating' },
      ctx({ existing: first, today: '2025-02-01' }),
    );
    expect(moved.partner.statusHistory).toEqual([
      { status: 'contacted', date: '2025-01-10' },
      { status: 'negotiating', date: '2025-02-01' },
    ]);
    expect(moved.partner.id).toBe(first.id);
    expect(moved.partner.createdAt).toBe(first.createdAt);
  });

  it('refuses a referral slug in use or badly formed', () => {
    const others = [{ id: 'p-2', name: 'Leo', codes: [], referralSlug: 'leo' }];
    expect(errorsOf(draft({ referralSlug: 'leo' }), ctx({ others })).referralSlug).toContain(
      'already',
    );
    expect(errorsOf(draft({ referralSlug: 'Leo Paws' })).referralSlug).toContain(
      'letters, digits, _, . and -',
    );
  });

  it('takes slugs as creators write handles: _, ., -, any case, a leading @ dropped', () => {
    for (const ok1 of ['some_handle', 'maya.bakes', 'Maya-Chen', 'a', '_pip_', '9lives', 'x-_.y'])
      expect(ok(draft({ referralSlug: ok1 })).partner.referralSlug).toBe(ok1);
    expect(ok(draft({ referralSlug: ' @maya.bakes ' })).partner.referralSlug).toBe('maya.bakes');
    for (const bad of ['maya.', 'two words', 'zoë', 'a/b', '___', '@@x', '..', 'x'.repeat(81)])
      expect(slugError(draft({ referralSlug: bad })), bad).toBeDefined();
  });

  it('a slug is taken by another partner in any case, with or without @', () => {
    const others = [{ id: 'p-2', name: 'Leo', codes: [], referralSlug: 'Leo_Paws' }];
    for (const s of ['leo_paws', '@LEO_PAWS', 'Leo_Paws'])
      expect(slugError(draft({ referralSlug: s }), ctx({ others }))).toContain('already');
    expect(slugError(draft({ referralSlug: 'leo.paws' }), ctx({ others }))).toBeUndefined();
  });

  it('bulk helpers record the status change and add a tag once', () => {
    const p = ok(draft({ status: 'active', tags: ['Gift box'] })).partner;
    const paused = withStatus(p, 'paused', '2025-07-01', 5);
    expect(paused.statusHistory.at(-1)).toEqual({ status: 'paused', date: '2025-07-01' });
    expect(withStatus(paused, 'paused', '2025-08-01', 6)).toBe(paused);
    expect(withTag(p, 'gift box', 5)).toBe(p);
    expect(withTag(p, 'hyperlocal influencer', 5).tags).toEqual([
      'Gift box',
      'hyperlocal influencer',
    ]);
  });
});

describe('partner search', () => {
  const p = {
    name: 'Maya Chen',
    email: 'maya@example.com',
    accounts: [
      { platform: 'tiktok' as const, handle: '@maya.bakes', followers: 1, engagementRate: 1 },
    ],
    codes: ['MAYA15'],
    referralSlug: 'maya-chen',
  };
  it('finds by name, handle (with or without @) and code, ignoring case', () => {
    for (const q of ['chen', '@MAYA.bakes', 'maya.b', 'maya15', '', '  '])
      expect(matchesPartnerSearch(p, q), q).toBe(true);
    for (const q of ['leo', 'MAYA20']) expect(matchesPartnerSearch(p, q), q).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  attributeOrder,
  buildAttributionIndex,
  creditFor,
  describeMoves,
  manualCredit,
  matchingKeysChanged,
  reattributionMoves,
  unknownCodes,
  unknownReferrals,
  type AttributionPartner,
} from '../../src/domain/attribution';
import { buildImportPlan, summarizePlan, type IncomingOrder } from '../../src/domain/import-plan';
import type { Order } from '../../src/domain/schemas';
import { parseCsv } from '../../src/io/csv';
import { shopifyImporter } from '../../src/io/orders-shopify';

const PARTNERS: AttributionPartner[] = [
  { id: 'p-lucy', name: 'Lucy Loaf', codes: ['LUCY15'], referralSlug: 'lucy-loaf' },
  { id: 'p-max', name: 'Max Barks', codes: ['Max10', 'MAXVIP'], referralSlug: 'max-barks' },
  {
    id: 'p-pip',
    name: 'Pip Plays',
    codes: ['PIP20'],
    referralSlug: 'pip-plays',
    accounts: [{ handle: '@pipthecat' }],
  },
];
const index = buildAttributionIndex(PARTNERS);
const ev = (codes: string[], tags: string[] = [], note = '') => ({ codes, tags, note });

describe('attribution by code', () => {
  it('matches codes case-insensitively and says which code', () => {
    expect(attributeOrder(ev([' max10 ']), index, 'first-code')).toEqual({
      partnerId: 'p-max',
      attribution: { method: 'code', reason: 'Used code  max10 ' },
      review: null,
    });
  });

  it('several codes of one partner are just that partner', () => {
    expect(attributeOrder(ev(['MAXVIP', 'max10']), index, 'manual-review').partnerId).toBe('p-max');
  });

  it('codes of several partners: the first listed code wins under first-code', () => {
    const r = attributeOrder(ev(['SPRING', 'pip20', 'LUCY15']), index, 'first-code');
    expect(r.partnerId).toBe('p-pip');
    expect(r.attribution?.reason).toContain('the first code wins');
  });

  it('codes of several partners wait for the owner under manual-review', () => {
    const r = attributeOrder(ev(['LUCY15', 'PIP20']), index, 'manual-review');
    expect(r).toMatchObject({ partnerId: null, attribution: null });
    expect(r.review).toBe(
      'Codes of 2 partners: LUCY15 (Lucy Loaf), PIP20 (Pip Plays). Assign it by hand.',
    );
  });

  it('a code beats a referral value', () => {
    expect(attributeOrder(ev(['LUCY15'], ['ref=pip-plays']), index, 'first-code').partnerId).toBe(
      'p-lucy',
    );
  });
});

describe('attribution by referral slug or utm_source', () => {
  it('finds utm_source in note attributes', () => {
    expect(
      attributeOrder(ev([], [], 'landing: /x\nutm_source: Max-Barks'), index, 'first-code'),
    ).toEqual({
      partnerId: 'p-max',
      attribution: { method: 'referral', reason: 'utm_source=Max-Barks in note attributes' },
      review: null,
    });
  });

  it('finds ref= in tags, and social handles as utm_source', () => {
    expect(
      attributeOrder(ev([], ['vip', 'ref=lucy-loaf']), index, 'first-code').attribution,
    ).toEqual({
      method: 'referral',
      reason: 'ref=lucy-loaf in tags',
    });
    expect(attributeOrder(ev([], ['utm_source:@pipthecat']), index, 'first-code').partnerId).toBe(
      'p-pip',
    );
  });

  it('slugs and handles as creators write them: _, ., -, any case, with or without @', () => {
    const idx = buildAttributionIndex([
      { id: 'p-a', name: 'Ana', codes: [], referralSlug: 'some_handle' },
      { id: 'p-b', name: 'Bo', codes: [], referralSlug: '', accounts: [{ handle: '@Maya.Bakes' }] },
      { id: 'p-c', name: 'Cy', codes: ['@CY5'], referralSlug: 'Cy-Dog' },
    ]);
    const who = (tags: string[], note = '', codes: string[] = []) =>
      attributeOrder(ev(codes, tags, note), idx, 'first-code').partnerId;
    expect(who([], 'utm_source: some_handle')).toBe('p-a');
    expect(who([], 'utm_source: SOME_HANDLE')).toBe('p-a');
    expect(who([], 'landing_site: /products/x?utm_source=@some_handle&utm_medium=ig')).toBe('p-a');
    expect(who(['ref=maya.bakes'])).toBe('p-b');
    expect(who(['ref=@MAYA.BAKES'])).toBe('p-b');
    // A dot ending a sentence is not part of the handle.
    expect(who([], 'Came from utm_source: maya.bakes.')).toBe('p-b');
    expect(who([], 'referral = cy-dog')).toBe('p-c');
    expect(who([], 'affiliate:CY-DOG')).toBe('p-c');
    // Codes: case and a leading @ ignored on either side.
    expect(who([], '', ['cy5'])).toBe('p-c');
    expect(who([], '', ['@cy5'])).toBe('p-c');
    // Near misses credit nobody.
    expect(who([], 'utm_source: some-handle')).toBeNull();
    expect(who([], 'utm_source: maya_bakes')).toBeNull();
    expect(who([], 'xref=cy-dog')).toBeNull();
  });

  it('unknown slugs and plain words credit nobody', () => {
    expect(
      attributeOrder(ev(['SUMMER'], ['lucy-loaf'], 'utm_source: google'), index, 'first-code')
        .partnerId,
    ).toBeNull();
  });
});

describe('manual credit and unknown codes', () => {
  it('a manual assignment survives re-attribution', () => {
    const existing = manualCredit('p-pip', 'Wholesale via Pip');
    expect(creditFor(ev(['LUCY15']), existing, index, 'first-code')).toEqual(existing);
    expect(
      creditFor(
        ev(['LUCY15']),
        { partnerId: 'p-max', attribution: { method: 'code', reason: 'x' } },
        index,
        'first-code',
      ).partnerId,
    ).toBe('p-lucy');
  });

  it('lists codes of uncredited orders that no partner owns, most used first, with revenue', () => {
    const o = (codes: string[], totalCents: number, extra: Partial<Order> = {}) => ({
      partnerId: null,
      codes,
      status: 'paid' as const,
      totalCents,
      refundedCents: 0,
      currency: 'USD',
      ...extra,
    });
    expect(
      unknownCodes(
        [
          o(['summerfun'], 100, { status: 'cancelled' }),
          o(['SummerFun'], 1800),
          o(['summerfun'], 2000, { refundedCents: 500, status: 'partially refunded' }),
          o(['WOOF'], 1000, { status: 'cancelled' }),
          o(['lucy15'], 999),
          o(['SUMMERFUN'], 999, { partnerId: 'p-max' }),
          // Another currency is summed apart, never added to the dollars.
          o(['WOOF'], 2500, { currency: 'GBP' }),
        ],
        index,
      ),
    ).toEqual([
      // The most used spelling wins: "summerfun" twice.
      { code: 'summerfun', orders: 3, revenue: [{ currency: 'USD', cents: 3300 }] },
      {
        code: 'WOOF',
        orders: 2,
        revenue: [
          { currency: 'USD', cents: 0 },
          { currency: 'GBP', cents: 2500 },
        ],
      },
    ]);
  });
});

describe("unknown referral values and values marked as not a partner's", () => {
  const o = (tags: string[], note: string, totalCents: number, extra: Partial<Order> = {}) => ({
    partnerId: null,
    codes: [] as string[],
    tags,
    note,
    status: 'paid' as const,
    totalCents,
    refundedCents: 0,
    currency: 'USD',
    ...extra,
  });
  const orders = [
    o([], 'utm_source: spring_ig', 1000),
    o(['ref=@Spring_IG'], '', 2000, { refundedCents: 500 }),
    o([], 'utm_source: spring_ig\nref=spring_ig', 700),
    o([], 'utm_source: google', 300, { status: 'cancelled' }),
    // Owned by a partner's slug or handle, or credited already: not listed.
    o([], 'utm_source: lucy-loaf', 100),
    o([], 'ref=@pipthecat', 100),
    o([], 'utm_source: spring_ig', 999, { partnerId: 'p-max' }),
  ];
  it('lists values no slug or handle matches, each order once, most used first', () => {
    expect(unknownReferrals(orders, index)).toEqual([
      { code: 'spring_ig', orders: 3, revenue: [{ currency: 'USD', cents: 3200 }] },
      { code: 'google', orders: 1, revenue: [{ currency: 'USD', cents: 0 }] },
    ]);
  });
  it("values marked as not a partner's are left out, in any case or with @", () => {
    expect(unknownReferrals(orders, index, ['@GOOGLE']).map((u) => u.code)).toEqual(['spring_ig']);
    expect(
      unknownCodes(
        [
          {
            partnerId: null,
            codes: ['Newsletter'],
            status: 'paid',
            totalCents: 1,
            refundedCents: 0,
            currency: 'USD',
          },
          {
            partnerId: null,
            codes: ['WOOF'],
            status: 'paid',
            totalCents: 1,
            refundedCents: 0,
            currency: 'USD',
          },
        ],
        index,
        ['NEWSLETTER'],
      ).map((u) => u.code),
    ).toEqual(['WOOF']);
  });
  it('a value mapped to a partner (alias) credits its orders', () => {
    const idx = buildAttributionIndex([
      ...PARTNERS.slice(0, 2),
      { ...PARTNERS[2]!, referralAliases: ['Spring_IG'] },
    ]);
    expect(attributeOrder(ev([], [], 'utm_source: spring_ig'), idx, 'first-code').partnerId).toBe(
      'p-pip',
    );
    expect(unknownReferrals(orders, idx).map((u) => u.code)).toEqual(['google']);
  });
});

describe('re-attribution moves and their preview', () => {
  const o = (id: string, partnerId: string | null, over: Partial<Order> = {}) => ({
    id,
    codes: [] as string[],
    tags: [] as string[],
    note: '',
    partnerId,
    attribution: partnerId ? { method: 'code' as const, reason: 'x' } : null,
    status: 'paid' as const,
    totalCents: 1000,
    refundedCents: 0,
    ...over,
  });
  it('moves only orders whose credit changes; manual credits never move', () => {
    const moves = reattributionMoves(
      [
        o('a', null, { codes: ['lucy15'] }),
        o('b', 'p-max', { codes: ['LUCY15'], refundedCents: 300 }),
        o('c', 'p-max', { codes: ['LUCY15'], attribution: { method: 'manual', reason: 'r' } }),
        o('d', 'p-lucy', { codes: ['LUCY15'] }),
        o('e', 'p-pip', { note: 'utm_source: gone', status: 'cancelled' }),
        o('f', null, { note: 'utm_source: nobody' }),
      ],
      index,
      'first-code',
    );
    expect(moves).toEqual([
      {
        orderId: 'a',
        fromId: null,
        toId: 'p-lucy',
        attribution: expect.anything(),
        revenueCents: 1000,
      },
      {
        orderId: 'b',
        fromId: 'p-max',
        toId: 'p-lucy',
        attribution: expect.anything(),
        revenueCents: 700,
      },
      { orderId: 'e', fromId: 'p-pip', toId: null, attribution: null, revenueCents: 0 },
    ]);
  });
  it('knows when what credits orders changed (case and @ ignored)', () => {
    const p = (codes: string[], referralSlug: string, handles: string[]) => ({
      codes,
      referralSlug,
      accounts: handles.map((handle) => ({ handle })),
    });
    const base = p(['LUCY15', 'x'], 'lucy', ['@lucy.loaf']);
    expect(matchingKeysChanged(base, p(['x', 'lucy15'], 'LUCY', ['lucy.loaf']))).toBe(false);
    expect(matchingKeysChanged(base, p(['LUCY15'], 'lucy', ['@lucy.loaf']))).toBe(true);
    expect(matchingKeysChanged(base, p(['LUCY15', 'x'], 'lucy_', ['@lucy.loaf']))).toBe(true);
    expect(matchingKeysChanged(base, p(['LUCY15', 'x'], 'lucy', ['@lucy.loaf', 'l2']))).toBe(true);
    expect(matchingKeysChanged(null, base)).toBe(true);
    expect(matchingKeysChanged(null, p([], '', []))).toBe(false);
  });

  it('says how many orders move where, singular and plural, most first', () => {
    const m = (toId: string | null, fromId: string | null) => ({
      orderId: '',
      fromId,
      toId,
      attribution: null,
      revenueCents: 0,
    });
    const name = (id: string) => ({ a: 'Ana', b: 'Bo', c: 'Cy' })[id] ?? id;
    expect(describeMoves([], name)).toEqual([]);
    expect(describeMoves([m('a', null)], name)).toEqual([
      '1 order will move to Ana: 1 from unattributed',
    ]);
    expect(
      describeMoves(
        [
          m('b', 'a'),
          m('a', null),
          m('b', null),
          m('b', null),
          m(null, 'c'),
          m(null, 'c'),
          m(null, 'a'),
        ],
        name,
      ),
    ).toEqual([
      '3 orders will move to Bo: 2 from unattributed, 1 from Ana',
      '1 order will move to Ana: 1 from unattributed',
      '2 orders of Cy will be unattributed (no code or referral of theirs matches any more)',
      '1 order of Ana will be unattributed (no code or referral of theirs matches any more)',
    ]);
  });
});

describe('import plan', () => {
  const ctx = { timeZone: 'America/New_York', defaultCurrency: 'USD', now: Date.UTC(2024, 5, 1) };
  const read = (name: string): IncomingOrder[] =>
    shopifyImporter
      .parse(parseCsv(readFileSync(path.join(__dirname, '../fixtures/orders', name), 'utf8')), ctx)
      .orders.map(({ email: _e, ...o }) => ({ ...o, email: null, customerKey: null }));
  const plan = (incoming: IncomingOrder[], stored: Order[]) =>
    buildImportPlan({
      source: 'shopify',
      incoming,
      problems: [],
      stored: new Map(stored.map((o) => [o.id, o])),
      index,
      rule: 'first-code',
      now: 1000,
    });

  it('summarizes a plan for the preview: full counts, capped lists', () => {
    const p = plan(read('shopify-orders.csv'), []);
    const s = summarizePlan(p, 3);
    expect(s.toWrite).toBe(8);
    expect(s.counts).toEqual(p.counts);
    expect(s.fresh.total).toBe(8);
    expect(s.fresh.entries.map((e) => e.order.orderId)).toEqual(['#1001', '#1002', '#1003']);
    expect(s.unattributed).toMatchObject({ total: 1 });
    expect(s.unattributed.entries[0]!.order.orderId).toBe('#1005');
    expect(s.changed).toEqual({ total: 0, entries: [] });
    const again = summarizePlan(
      plan(
        read('shopify-orders.csv'),
        p.toWrite.map((o) =>
          o.orderId === '#1004' ? { ...o, status: 'paid', refundedCents: 0 } : o,
        ),
      ),
      3,
    );
    expect(again.toWrite).toBe(again.changed.total);
  });

  it('credits the fixture orders as hand-checked', () => {
    const p = plan(read('shopify-orders.csv'), []);
    expect(p.counts).toMatchObject({
      new: 8,
      unchanged: 0,
      changed: 0,
      unattributed: 1,
      errors: 0,
    });
    expect(
      p.entries.map((e) => [
        e.order.orderId,
        e.order.partnerId,
        e.order.attribution?.method ?? null,
      ]),
    ).toEqual([
      ['#1001', 'p-lucy', 'code'],
      ['#1002', 'p-max', 'referral'],
      ['#1003', 'p-max', 'code'],
      ['#1004', 'p-pip', 'code'],
      ['#1005', null, null],
      ['#1006', 'p-lucy', 'code'],
      ['#1007', 'p-pip', 'code'],
      ['#1008', 'p-pip', 'referral'],
    ]);
    expect(p.toWrite.map((o) => o.id)[0]).toBe('shopify:#1001');
  });

  it('re-importing the same file changes nothing; an overlapping later file updates the refund', () => {
    const first = plan(read('shopify-orders.csv'), []).toWrite;
    const again = plan(read('shopify-orders.csv'), first);
    expect(again.counts).toMatchObject({ new: 0, unchanged: 8, changed: 0 });
    expect(again.toWrite).toEqual([]);
    const later = plan(read('shopify-orders-later.csv'), first);
    expect(later.counts).toMatchObject({ new: 1, unchanged: 1, changed: 1 });
    const changed = later.entries.find((e) => e.kind === 'changed')!;
    expect(changed.order).toMatchObject({
      id: 'shopify:#1003',
      status: 'refunded',
      refundedCents: 4280,
      createdAt: 1000,
    });
    expect(changed.changes).toEqual([
      'status partially refunded → refunded',
      'refunded $10.70 → $42.80',
    ]);
    expect(later.counts.changedBy).toEqual({
      refund: 1,
      status: 1,
      partner: 0,
      amounts: 0,
      other: 0,
    });
    expect(later.baseVersions).toEqual({ 'shopify:#1003': 1000, 'shopify:#1009': null });
  });

  it('keeps a manual credit when the order is imported again', () => {
    const first = plan(read('shopify-orders.csv'), []).toWrite;
    const stored = first.map((o) =>
      o.orderId === '#1005'
        ? {
            ...o,
            partnerId: 'p-lucy',
            attribution: manualCredit('p-lucy', 'Market stall').attribution,
          }
        : o,
    );
    const again = plan(read('shopify-orders.csv'), stored);
    expect(again.counts.unchanged).toBe(8);
    expect(again.counts.unattributed).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/domain/money';
import { matchesPartnerSearch } from '../../src/domain/partners';
import { generateSampleData } from '../../src/domain/sample-data';
import { defaultSettings, type Partner } from '../../src/domain/schemas';
import { buildAllStats } from '../../src/domain/stats';
import { storedOrderCount } from '../../src/features/dashboard/useDashboardData';
import { moneyFormatter, numberFormats } from '../../src/features/partners/format';
import { buildRows, filterRows, sortRows, type Row } from '../../src/features/partners/listModel';
import type { PartnerMetrics } from '../../src/features/partners/usePartners';

const data = generateSampleData('2026-03-15', Date.UTC(2026, 2, 15, 12));
const bounds = defaultSettings(0).tierBounds;
const ANY = { showArchived: true, kind: '', status: '', tier: '', tag: '', niche: '' } as const;

const ids = (rows: readonly Row[]) => rows.map((r) => r.partner.id);

describe('partner list search over precomputed text', () => {
  const rows = buildRows(data.partners, bounds, undefined);
  const p0 = data.partners[0]!;
  const queries = [
    '',
    '   ',
    p0.name.slice(1, 4),
    p0.name.toUpperCase(),
    `@${p0.accounts[0]?.handle ?? ''}`,
    p0.email.split('@')[1]!,
    p0.codes[0]?.toLowerCase() ?? 'x',
    p0.referralSlug,
    'a',
    'ma',
    'zzz-nobody',
    // The end of one field and the start of the next must not match as one text.
    `${p0.name.slice(-2)}${p0.email.slice(0, 2)}`,
  ];

  it.each(queries)('matches exactly what matchesPartnerSearch matches for %j', (q) => {
    const expected = data.partners.filter((p) => matchesPartnerSearch(p, q)).map((p) => p.id);
    expect(ids(filterRows(rows, ANY, q))).toEqual(expected);
  });

  it('finds a partner by part of a handle, in any case', () => {
    const handle = p0.accounts[0]!.handle;
    expect(ids(filterRows(rows, ANY, handle.slice(0, 3).toUpperCase()))).toContain(p0.id);
  });
});

describe('partner list filters and sort', () => {
  const partners: Partner[] = data.partners.slice(0, 4).map((p, i) => ({
    ...p,
    id: `p${i}`,
    name: ['Cleo', 'alba', 'Bo', 'Dax'][i]!,
    kind: i % 2 === 0 ? 'ambassador' : 'affiliate',
    archived: i === 3,
  }));
  const metric = (revenueCents: number, r: number | null): PartnerMetrics => ({
    earnings: { revenueCents } as PartnerMetrics['earnings'],
    roi: r,
    figures: {
      revenueCents,
      roi: r,
      cpaCents: r === null ? null : revenueCents / 10,
    } as PartnerMetrics['figures'],
  });
  const metrics = new Map([
    ['p0', metric(500, 1.5)],
    ['p1', metric(900, null)],
    ['p2', metric(500, -0.2)],
    ['p3', metric(100, 3)],
  ]);
  const rows = buildRows(partners, bounds, metrics);

  it('sorts by name ignoring case, and by revenue with ties by name', () => {
    expect(ids(sortRows(rows, { key: 'name', dir: 'asc' }))).toEqual(['p1', 'p2', 'p0', 'p3']);
    expect(ids(sortRows(rows, { key: 'revenue', dir: 'desc' }))).toEqual(['p1', 'p2', 'p0', 'p3']);
  });

  it('sorts by any figure column, partners without the figure last either way', () => {
    // CPA: p0 50, p1 none, p2 50, p3 10.
    expect(ids(sortRows(rows, { key: 'cpa', dir: 'asc' }))).toEqual(['p3', 'p2', 'p0', 'p1']);
    expect(ids(sortRows(rows, { key: 'cpa', dir: 'desc' }))).toEqual(['p2', 'p0', 'p3', 'p1']);
  });

  it('puts partners without an ROI last', () => {
    expect(ids(sortRows(rows, { key: 'roi', dir: 'desc' }))).toEqual(['p3', 'p0', 'p2', 'p1']);
  });

  it('keeps the sort order when filtering and hides archived partners unless asked', () => {
    const sorted = sortRows(rows, { key: 'roi', dir: 'desc' });
    expect(ids(filterRows(sorted, { ...ANY, showArchived: false }, ''))).toEqual([
      'p0',
      'p2',
      'p1',
    ]);
    expect(ids(filterRows(sorted, { ...ANY, kind: 'ambassador' }, ''))).toEqual(['p0', 'p2']);
  });
});

describe('list formatting', () => {
  it('formats money like formatMoney, with a shared formatter', () => {
    const fmt = moneyFormatter('EUR', 'de-DE');
    for (const c of [0, 5, 123_456, -9_999]) expect(fmt(c)).toBe(formatMoney(c, 'EUR', 'de-DE'));
  });

  it('shows follower counts compactly', () => {
    const { followers } = numberFormats('en-US');
    expect(followers(184_000)).toBe('184K');
    expect(followers(1_250_000)).toBe('1.3M');
    expect(followers(950)).toBe('950');
  });

  it("writes counts, followers, ROI, ratios and ROAS in the owner's locale", () => {
    // [locale, 12345, 1.25M followers, ROI 12.4, ROI -0.5, ratio 0.125, ROAS 2.4]
    const cases: [string, string[]][] = [
      ['en-US', ['12,345', '1.3M', '+1,240 %', '-50 %', '12.5 %', '2.40×']],
      ['de-DE', ['12.345', '1,3\u00a0Mio.', '+1.240 %', '-50 %', '12,5 %', '2,40×']],
      ['fr-FR', ['12\u202f345', '1,3\u00a0M', '+1\u202f240 %', '-50 %', '12,5 %', '2,40×']],
      // An unknown locale falls back to en-US rather than failing.
      ['not a locale', ['12,345', '1.3M', '+1,240 %', '-50 %', '12.5 %', '2.40×']],
    ];
    for (const [locale, want] of cases) {
      const f = numberFormats(locale);
      const got = [
        f.count(12_345),
        f.followers(1_250_000),
        f.roi(12.4),
        f.roi(-0.5),
        f.ratio(0.125),
        f.roas(2.4),
      ];
      expect(got, locale).toEqual(want);
      expect(f.roi(0), locale).toBe('0 %');
      expect(f.roi(null), locale).toBe('—');
      expect(numberFormats(locale), 'built once per locale').toBe(f);
    }
  });
});

describe('dashboard order count from the rollups', () => {
  it('counts every stored order, cancelled and unattributed ones too', () => {
    const rollups = buildAllStats(
      data.partners.map((p) => p.id),
      data.orders,
      data.contentItems,
      data.contracts,
      'America/New_York',
    );
    expect(data.orders.some((o) => o.partnerId === null)).toBe(true);
    expect(data.orders.some((o) => o.status === 'cancelled')).toBe(true);
    expect(storedOrderCount(rollups)).toBe(data.orders.length);
  });
});

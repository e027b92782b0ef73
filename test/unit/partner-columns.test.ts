import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/io/csv';
import {
  guessPartnerColumn,
  guessPartnerMapping,
  isOwnHeader,
  mappingForHeader,
  mappingProblem,
  partnerHeaderSource,
  unmappedColumns,
} from '../../src/io/partner-columns';
import { PARTNER_CSV_HEADER, planPartnerImport } from '../../src/io/partners-csv';
import { findImportMapping, withImportMapping } from '../../src/domain/import-mappings';

const text = readFileSync(path.join(__dirname, '../fixtures/partners-other-tool.csv'), 'utf8');
const header = parseCsv(text).header;

describe('partner column guessing', () => {
  it('guesses codes, slug and social accounts as people name them', () => {
    expect(guessPartnerColumn('Promo Code')).toBe('codes');
    expect(guessPartnerColumn('IG handle')).toBe('instagram_handle');
    expect(guessPartnerColumn('TikTok')).toBe('tiktok_handle');
    expect(guessPartnerColumn('tiktok_followers')).toBe('tiktok_followers');
    expect(guessPartnerColumn('YouTube subscribers')).toBe('youtube_followers');
    expect(guessPartnerColumn('Discount code')).toBe('codes');
    expect(guessPartnerColumn('Favourite treat')).toBe('');
    expect(guessPartnerMapping(header)).toEqual([
      { field: 'name', column: 'Creator Name' },
      { field: 'email', column: 'Email' },
      { field: 'codes', column: 'Promo Code' },
      { field: 'instagram_handle', column: 'IG handle' },
      { field: 'tiktok_handle', column: 'TikTok' },
      { field: 'referral_slug', column: 'Referral slug' },
      { field: 'instagram_followers', column: 'IG followers' },
    ]);
    expect(unmappedColumns(header, guessPartnerMapping(header))).toEqual(['Favourite treat']);
  });

  it('our own export needs no mapping; a header is remembered under one short name', () => {
    expect(isOwnHeader([...PARTNER_CSV_HEADER])).toBe(true);
    expect(isOwnHeader(header)).toBe(false);
    const source = partnerHeaderSource(header);
    expect(source).toMatch(/^partners:[0-9a-z]+$/);
    expect(source.length).toBeLessThanOrEqual(60);
    expect(partnerHeaderSource([...header])).toBe(source);
    expect(partnerHeaderSource([...header, 'x'])).not.toBe(source);
  });

  it('a remembered mapping comes back for the same header, kept to its columns', () => {
    const chosen = [
      { field: 'name', column: 'Creator Name' },
      { field: 'notes', column: 'Favourite treat' },
      { field: 'codes', column: 'Gone column' },
    ];
    const list = withImportMapping([], partnerHeaderSource(header), chosen);
    const remembered = findImportMapping(list, partnerHeaderSource(header));
    expect(mappingForHeader(header, remembered)).toEqual(chosen.slice(0, 2));
    expect(mappingForHeader(header, undefined)).toEqual(guessPartnerMapping(header));
  });

  it('a mapping without a name column, or with a field twice, is refused with a reason', () => {
    expect(mappingProblem([{ field: 'email', column: 'Email' }])).toBe(
      'Choose the column that holds each partner’s name.',
    );
    expect(
      mappingProblem([
        { field: 'name', column: 'A' },
        { field: 'codes', column: 'B' },
        { field: 'codes', column: 'C' },
      ]),
    ).toBe('Two columns are set to “codes”: choose one.');
  });
});

describe('planning a file with a mapping', () => {
  it('keeps codes, slug and social accounts of a file with other column names', () => {
    let seq = 0;
    const plan = planPartnerImport(text, {
      partners: [],
      contracts: [],
      today: '2025-06-15',
      now: 1,
      newId: () => `n${++seq}`,
      mapping: guessPartnerMapping(header),
      defaultKind: 'affiliate',
    });
    expect(plan.errors).toEqual([]);
    const [biscuit, tom] = plan.rows.map((r) => r.partner);
    expect(biscuit).toMatchObject({
      name: 'Biscuit Bakes',
      email: 'hello@biscuitbakes.example',
      codes: ['BISCUIT10', 'BAKES15'],
      referralSlug: 'biscuit_bakes',
    });
    expect(biscuit!.accounts.map((a) => [a.platform, a.handle, a.followers])).toEqual([
      ['instagram', '@biscuit_bakes', 12_400],
      ['tiktok', '@biscuit.bakes', 0],
    ]);
    expect(biscuit!.kind).toBe('affiliate');
    expect(tom).toMatchObject({ name: 'Tom Okafor', codes: ['TOM5'], referralSlug: '' });
    expect(tom!.accounts.map((a) => a.handle)).toEqual(['@tomokafor']);
  });
});

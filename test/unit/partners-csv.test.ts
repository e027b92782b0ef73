import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/io/csv';
import {
  PARTNER_CSV_HEADER,
  partnersToCsv,
  payoutMethodFor,
  planPartnerImport,
  unchangedByRow,
  type ImportContext,
} from '../../src/io/partners-csv';
import { generateSampleData } from '../../src/domain/sample-data';
import type { Partner } from '../../src/domain/schemas';

const fixture = (name: string) => readFileSync(path.join(__dirname, '../fixtures', name), 'utf8');

let seq = 0;
const ctx = (over: Partial<ImportContext> = {}): ImportContext => ({
  partners: [],
  contracts: [],
  today: '2025-06-15',
  now: 1_750_000_000_000,
  newId: () => `new-${++seq}`,
  ...over,
});

describe('partners CSV import', () => {
  it('reads a spreadsheet file with BOM, CRLF, quoted commas and newlines', () => {
    const plan = planPartnerImport(fixture('partners-import.csv'), ctx());
    expect(plan.errors).toEqual([]);
    expect(plan.ok).toBe(true);
    expect(plan.rows.map((r) => [r.line, r.action, r.partner.name])).toEqual([
      [2, 'create', 'Rosa Vega'],
      [4, 'create', 'Tom Okafor'],
    ]);
    const [rosa, tom] = plan.rows;
    expect(rosa!.partner).toMatchObject({
      kind: 'ambassador',
      status: 'active',
      tags: ['community ambassador', 'hyperlocal influencer'],
      location: { city: 'Austin', region: '', country: '' },
      accounts: [
        { platform: 'instagram', handle: '@rosa.and.rex', followers: 48_200, engagementRate: 3.4 },
      ],
      codes: ['ROSA10'],
      notes: 'Loves long walks,\r\nand=treats',
    });
    expect(rosa!.contracts).toMatchObject([
      { startDate: '2025-01-01', endDate: null, retainerCents: 40_000, commissionRate: 5 },
    ]);
    expect(tom!.partner).toMatchObject({
      kind: 'affiliate',
      status: 'prospect',
      codes: ['TOM15', 'TOMCAT'],
      accounts: [
        { platform: 'instagram', followers: 6_100 },
        { platform: 'tiktok', followers: 15_000, engagementRate: 0 },
      ],
    });
    expect(tom!.contracts[0]).toMatchObject({ commissionRate: 15, retainerCents: 0 });
  });

  it('reports every bad row with its line and column and plans nothing to write', () => {
    const plan = planPartnerImport(fixture('partners-errors.csv'), ctx());
    expect(plan.ok).toBe(false);
    const got = plan.errors.map((e) => `${e.line} ${e.column}: ${e.message}`);
    expect(got).toEqual([
      '3 email: Enter a valid email like name@example.com',
      '4 kind: “influencer” is not a kind: use ambassador or affiliate',
      '5 codes: good1 is already used by Good One',
      '6 instagram_followers: Enter a whole number of followers',
      '6 contract_end: The end date is before the start date',
      '6 commission_rate: Commission must be between 0 and 100 %',
    ]);
  });

  it('refuses a code stored on another partner, whatever the case', () => {
    const data = generateSampleData('2025-06-15', 0);
    const taken = data.partners.find((p) => p.codes.length)!;
    const text = `name,kind,codes\nNew Pal,affiliate,${taken.codes[0]!.toLowerCase()}\n`;
    const plan = planPartnerImport(text, ctx({ partners: data.partners }));
    expect(plan.errors).toEqual([
      {
        line: 2,
        column: 'codes',
        message: `${taken.codes[0]!.toLowerCase()} is already used by ${taken.name}`,
      },
    ]);
  });

  it('needs a name column', () => {
    const plan = planPartnerImport('email,kind\na@b.co,affiliate\n', ctx());
    expect(plan.ok).toBe(false);
    expect(plan.errors[0]).toMatchObject({ line: 1, column: 'name' });
  });
});

describe('partners CSV export', () => {
  const data = generateSampleData('2025-06-15', 0);

  it('writes one row per partner with the contract active today', () => {
    const csv = partnersToCsv(data.partners, data.contracts, '2025-06-15');
    const parsed = parseCsv(csv);
    expect(parsed.header).toEqual(PARTNER_CSV_HEADER);
    expect(parsed.rows).toHaveLength(data.partners.length);
    const maya = parsed.rows.find((r) => r.id === 'p-001')!;
    const k = data.contracts.find((c) => c.partnerId === 'p-001')!;
    expect(maya).toMatchObject({
      name: 'Maya Chen',
      kind: 'ambassador',
      instagram_followers: '184000',
      contract_start: k.startDate,
      commission_rate: String(k.commissionRate),
    });
  });

  it('neutralises formulas in text cells', () => {
    const p = { ...data.partners[0]!, name: '=HYPERLINK("http://x")', notes: '@SUM(A1)' };
    const csv = partnersToCsv([p], [], '2025-06-15');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`"'@SUM(A1)"`);
  });

  it('round-trips: exporting then importing the sample changes nothing', () => {
    const csv = partnersToCsv(data.partners, data.contracts, '2025-06-15');
    const plan = planPartnerImport(
      csv,
      ctx({ partners: data.partners, contracts: data.contracts }),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.rows).toHaveLength(data.partners.length);
    expect(plan.rows.filter((r) => r.action !== 'unchanged').map((r) => r.partner.name)).toEqual(
      [],
    );
  });

  it('round-trips into an empty database as the same partners', () => {
    const csv = partnersToCsv(data.partners, data.contracts, '2025-06-15');
    const withoutIds = csv.replace(/^p-\d+,/gm, ',');
    const plan = planPartnerImport(withoutIds, ctx());
    expect(plan.errors).toEqual([]);
    for (const r of plan.rows) {
      const orig = data.partners.find((p) => p.name === r.partner.name)!;
      expect(r.action).toBe('create');
      expect(r.partner.codes).toEqual(orig.codes);
      // Columns go platform by platform, so accounts come back in platform order.
      const byPlatform = (a: { platform: string }, b: { platform: string }) =>
        a.platform.localeCompare(b.platform);
      expect([...r.partner.accounts].sort(byPlatform)).toEqual([...orig.accounts].sort(byPlatform));
      expect(r.partner.tags).toEqual(orig.tags);
      expect(r.partner.payout).toEqual(orig.payout);
    }
  });
});

describe('partners CSV from European Excel', () => {
  it('reads semicolons, decimal commas and dot-grouped follower counts', () => {
    const text =
      'name;kind;instagram_handle;instagram_followers;instagram_engagement;contract_start;retainer;commission_rate;perks_per_month\r\n' +
      'Rosa Vega;ambassador;@rosa;48.200;3,4;2025-01-01;1.400,00;12,5;50\r\n' +
      'Tom Okafor;affiliate;@tom;6100;5;2025-03-01;0;15;25,50\r\n';
    const plan = planPartnerImport(text, ctx());
    expect(plan.errors).toEqual([]);
    const [rosa, tom] = plan.rows;
    expect(rosa!.partner.accounts[0]).toMatchObject({ followers: 48_200, engagementRate: 3.4 });
    expect(rosa!.contracts[0]).toMatchObject({ retainerCents: 140_000, commissionRate: 12.5 });
    expect(tom!.contracts[0]).toMatchObject({ perksCentsPerMonth: 2550, commissionRate: 15 });
  });

  it('refuses a retainer that reads two ways when no other amount tells, naming line and column', () => {
    const text =
      'name;kind;contract_start;retainer\nA;ambassador;2025-01-01;1.500\nB;affiliate;2025-01-01;0\n';
    const plan = planPartnerImport(text, ctx());
    expect(plan.ok).toBe(false);
    expect(plan.errors).toEqual([
      {
        line: 2,
        column: 'retainer',
        message:
          'The amount "1.500" could be 1500 or 1.500: no other amount in the file shows whether "." separates thousands or decimals',
      },
    ]);
    // With one amount that tells ("250,00"), it is 1,500.00.
    const told = planPartnerImport(text.replace(';0\n', ';250,00\n'), ctx());
    expect(told.errors).toEqual([]);
    expect(told.rows[0]!.contracts[0]!.retainerCents).toBe(150_000);
  });
});

/** A partners file of `n` rows: half update stored partners (by email), half are new; all have codes. */
function bigFile(n: number): { text: string; partners: Partner[] } {
  const stored = generateSampleData('2025-06-15', 0).partners[0]!;
  const partners: Partner[] = [];
  const lines = ['name,email,kind,status,codes,referral_slug,instagram_handle,instagram_followers'];
  for (let i = 0; i < n; i++) {
    const email = `p${i}@example.com`;
    if (i % 2 === 0)
      partners.push({
        ...stored,
        id: `stored-${i}`,
        name: `Stored ${i}`,
        email,
        codes: [`OLD${i}`],
        referralSlug: `stored-${i}`,
        accounts: [],
      });
    lines.push(`Partner ${i},${email},affiliate,active,CODE${i},slug-${i},@p${i},${i * 10}`);
  }
  return { text: lines.join('\n'), partners };
}

describe('big partner files', () => {
  it('plans in time that grows with the rows, not with their square', () => {
    const n = 2000;
    const small = bigFile(n);
    const large = bigFile(4 * n);
    const time = (f: { text: string; partners: Partner[] }) => {
      const t0 = performance.now();
      const plan = planPartnerImport(f.text, ctx({ partners: f.partners }));
      const ms = performance.now() - t0;
      expect(plan.errors).toEqual([]);
      return ms;
    };
    time(small); // warm-up
    // Each size's best of three, interleaved, so a busy machine slows both alike.
    let a = Infinity;
    let b = Infinity;
    for (let k = 0; k < 3; k++) {
      a = Math.min(a, time(small));
      b = Math.min(b, time(large));
    }
    // Linear work makes 4x the rows cost about 4x; the old per-row pass over every other
    // partner made it 16x. 10 leaves room for noise and still catches the square.
    expect(b / a).toBeLessThan(10);
  });

  it('reports its progress while it plans', () => {
    const seen: [number, number][] = [];
    planPartnerImport(bigFile(1200).text, ctx({ onProgress: (d, t) => seen.push([d, t]) }));
    expect(seen).toEqual([
      [0, 1200],
      [500, 1200],
      [1000, 1200],
      [1200, 1200],
    ]);
  });
});

describe('partner import steps', () => {
  it('guesses the payout method of an empty method cell from the handle', () => {
    expect(payoutMethodFor('maya@example.com')).toBe('paypal');
    expect(payoutMethodFor('@maya-dog')).toBe('venmo');
    expect(payoutMethodFor('maya-dog')).toBe('venmo');
    expect(payoutMethodFor('')).toBe('none');
  });

  it('calls a row unchanged only with the same partner and contracts, timestamps aside', () => {
    const data = generateSampleData('2025-06-15', 0);
    const p = data.partners.find((x) => data.contracts.some((c) => c.partnerId === x.id))!;
    const own = data.contracts.filter((c) => c.partnerId === p.id);
    const later = (x: { updatedAt: number }) => ({ ...x, updatedAt: x.updatedAt + 1000 });
    expect(unchangedByRow(p, own, later(p) as Partner, own.map(later) as typeof own)).toBe(true);
    expect(unchangedByRow(p, own, { ...p, notes: p.notes + '!' }, own)).toBe(false);
    expect(unchangedByRow(p, own, p, own.slice(1))).toBe(false);
    expect(
      unchangedByRow(
        p,
        own,
        p,
        own.map((c) => ({ ...c, id: `${c.id}-x` })),
      ),
    ).toBe(false);
  });
});

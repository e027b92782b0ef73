/**
 * Partners as CSV, for bulk onboarding and spreadsheets. One row per partner; social accounts get
 * three columns per platform; the contract columns hold the contract active on export day.
 * Import is a plan (what would be created or updated, and every row's problems) that is written
 * only once the owner confirms it.
 */
import { activeContractAt } from '../domain/contracts';
import { centsToDecimal } from '../domain/money';
import {
  emptyPartnerDraft,
  PartnerKeys,
  partnerToDraft,
  splitList,
  validatePartnerDraft,
  type AccountDraft,
  type ContractDraft,
  type PartnerDraft,
} from '../domain/partners';
import {
  PARTNER_STATUSES,
  PLATFORMS,
  RETAINER_PERIODS,
  type Contract,
  type Partner,
  type PartnerKind,
  type PartnerStatus,
  type Platform,
} from '../domain/schemas';
import {
  AMBIGUOUS,
  ambiguousMessage,
  fileDecimals,
  markOf,
  readAmount,
  type FileDecimals,
} from './amounts';
import { parseCsv, toCsv, type CsvValue } from './csv';
import type { ColumnChoice } from '../domain/import-mappings';

const PROFILE_COLUMNS = [
  'id',
  'name',
  'email',
  'kind',
  'status',
  'tags',
  'niche',
  'city',
  'region',
  'country',
  'exclusive',
  'payout_method',
  'payout_handle',
  'codes',
  'referral_slug',
  'notes',
] as const;

const ACCOUNT_COLUMNS = PLATFORMS.flatMap((p) => [
  `${p}_handle`,
  `${p}_followers`,
  `${p}_engagement`,
]);

const CONTRACT_COLUMNS = [
  'contract_start',
  'contract_end',
  'retainer',
  'retainer_period',
  'commission_rate',
  'commission_base',
  'commission_on_repeat',
  'flat_fee_per_post',
  'perks_per_month',
  'deliverables_per_month',
] as const;

/** The header of an exported partners file (imports accept any subset with `name`). */
export const PARTNER_CSV_HEADER: readonly string[] = [
  ...PROFILE_COLUMNS,
  ...ACCOUNT_COLUMNS,
  ...CONTRACT_COLUMNS,
];

/** Partners to CSV text (formula-safe cells; numbers stay numbers). */
export function partnersToCsv(
  partners: readonly Partner[],
  contracts: readonly Contract[],
  today: string,
): string {
  const byPartner = new Map<string, Contract[]>();
  for (const c of contracts) byPartner.set(c.partnerId, [...(byPartner.get(c.partnerId) ?? []), c]);
  const rows = partners.map((p): CsvValue[] => {
    const list = byPartner.get(p.id) ?? [];
    // The one that applies today; otherwise the latest, so ended partners keep their terms.
    const k =
      activeContractAt(list, today) ??
      [...list].sort((a, b) => b.startDate.localeCompare(a.startDate))[0] ??
      null;
    const accounts = PLATFORMS.flatMap((pl): CsvValue[] => {
      const a = p.accounts.find((x) => x.platform === pl);
      return a ? [a.handle, a.followers, a.engagementRate] : ['', '', ''];
    });
    const contract: CsvValue[] = k
      ? [
          k.startDate,
          k.endDate ?? '',
          centsToDecimal(k.retainerCents),
          k.retainerPeriod,
          k.commissionRate,
          k.commissionBase,
          k.commissionOnRepeat ? 'yes' : 'no',
          centsToDecimal(k.flatFeePerPostCents),
          centsToDecimal(k.perksCentsPerMonth),
          k.deliverablesPerMonth,
        ]
      : CONTRACT_COLUMNS.map(() => '');
    return [
      p.id,
      p.name,
      p.email,
      p.kind,
      p.status,
      p.tags.join('; '),
      p.niche,
      p.location.city,
      p.location.region,
      p.location.country,
      p.exclusive ? 'yes' : 'no',
      p.payout.method,
      p.payout.handle,
      p.codes.join('; '),
      p.referralSlug,
      p.notes,
      ...accounts,
      ...contract,
    ];
  });
  return toCsv([...PARTNER_CSV_HEADER], rows);
}

export interface ImportRowError {
  /** Line in the file (the header is line 1). */
  line: number;
  column: string;
  message: string;
}

export interface PlannedPartner {
  line: number;
  action: 'create' | 'update' | 'unchanged';
  partner: Partner;
  contracts: Contract[];
}

export interface PartnerImportPlan {
  rows: PlannedPartner[];
  errors: ImportRowError[];
  /** True when the file can be written as previewed. */
  ok: boolean;
}

export interface ImportContext {
  partners: readonly Partner[];
  contracts: readonly Contract[];
  today: string;
  now: number;
  newId: () => string;
  /** Rows planned so far, every few hundred rows (a worker shows it). */
  onProgress?: (done: number, total: number) => void;
  /** Which file column is which of ours (./partner-columns.ts); none = the file uses our names. */
  mapping?: readonly ColumnChoice[];
  /** With a mapping: the kind of rows whose kind cell is empty or missing. */
  defaultKind?: PartnerKind;
}

const KIND_WORDS: Record<string, PartnerKind> = {
  ambassador: 'ambassador',
  'brand ambassador': 'ambassador',
  affiliate: 'affiliate',
  'micro-affiliate': 'affiliate',
  'micro affiliate': 'affiliate',
};

const YES = new Set(['yes', 'y', 'true', '1', 'x']);
const NO = new Set(['no', 'n', 'false', '0', '']);

const CONTRACT_FIELD_COLUMN: Record<string, string> = {
  startDate: 'contract_start',
  endDate: 'contract_end',
  retainer: 'retainer',
  retainerPeriod: 'retainer_period',
  commissionRate: 'commission_rate',
  commissionBase: 'commission_base',
  flatFeePerPost: 'flat_fee_per_post',
  perksPerMonth: 'perks_per_month',
  deliverablesPerMonth: 'deliverables_per_month',
};

const FIELD_COLUMN: Record<string, string> = {
  name: 'name',
  email: 'email',
  kind: 'kind',
  status: 'status',
  tags: 'tags',
  niche: 'niche',
  city: 'city',
  region: 'region',
  country: 'country',
  payoutHandle: 'payout_handle',
  payoutMethod: 'payout_method',
  codes: 'codes',
  referralSlug: 'referral_slug',
  notes: 'notes',
};

/** The CSV column a validation error key belongs to. */
function columnOf(key: string, platforms: Platform[], contractIndex: number): string {
  const [head, idx, field = ''] = key.split('.');
  if (head === 'accounts') {
    const pl = platforms[Number(idx)] ?? 'account';
    return `${pl}_${field === 'engagementRate' ? 'engagement' : field}`;
  }
  if (head === 'contracts')
    return Number(idx) === contractIndex
      ? (CONTRACT_FIELD_COLUMN[field] ?? field)
      : `contract from an earlier import (${field})`;
  return FIELD_COLUMN[head ?? ''] ?? key;
}

/**
 * Undo the export's formula guard: `'@maya` was written for `@maya` (handles start with @), so a
 * round trip gives back what was exported. Spreadsheets hide that quote the same way.
 */
function unneutralise(cell: string): string {
  return /^'[\s]*[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Read one row into a draft, on top of the stored partner when the row updates one. */
function rowToDraft(
  row: Record<string, string>,
  has: (col: string) => boolean,
  base: PartnerDraft,
  fail: (column: string, message: string) => void,
  decimals: () => FileDecimals,
): { draft: PartnerDraft; platforms: Platform[]; contractIndex: number } {
  const d: PartnerDraft = { ...base, accounts: [...base.accounts], contracts: [...base.contracts] };
  const val = (col: string) => unneutralise(row[col] ?? '').trim();
  /** A money cell as the form writes it ("1234.50"), in the file's decimal convention. */
  const money = (col: string): string => {
    const raw = val(col);
    let v = readAmount(raw, null);
    if (v === AMBIGUOUS) v = readAmount(raw, markOf(decimals()));
    if (v === AMBIGUOUS) {
      fail(col, ambiguousMessage('The amount', raw, decimals()));
      return '0';
    }
    // What is not an amount goes on as written, for the form's own message.
    return v === null ? raw : centsToDecimal(v);
  };
  if (has('name')) d.name = val('name');
  if (has('email')) d.email = val('email');
  if (has('kind')) {
    const k = KIND_WORDS[val('kind').toLowerCase()];
    if (k) d.kind = k;
    else fail('kind', `“${val('kind')}” is not a kind: use ambassador or affiliate`);
  }
  if (has('status') && val('status')) {
    const s = val('status').toLowerCase();
    if ((PARTNER_STATUSES as readonly string[]).includes(s)) d.status = s as PartnerStatus;
    else fail('status', `“${val('status')}” is not a status (${PARTNER_STATUSES.join(', ')})`);
  }
  if (has('tags')) d.tags = splitList(val('tags'), /[;|]/);
  if (has('niche')) d.niche = val('niche');
  if (has('city')) d.city = val('city');
  if (has('region')) d.region = val('region');
  if (has('country')) d.country = val('country');
  if (has('exclusive')) {
    const e = val('exclusive').toLowerCase();
    if (YES.has(e)) d.exclusive = true;
    else if (NO.has(e)) d.exclusive = false;
    else fail('exclusive', 'Write yes or no');
  }
  if (has('payout_handle')) d.payoutHandle = val('payout_handle');
  if (has('payout_method')) {
    const m = val('payout_method').toLowerCase();
    if (m === 'paypal' || m === 'venmo' || m === 'none') d.payoutMethod = m;
    else if (m === '')
      d.payoutMethod = d.payoutHandle
        ? d.payoutHandle.includes('@') && !d.payoutHandle.startsWith('@')
          ? 'paypal'
          : 'venmo'
        : 'none';
    else fail('payout_method', 'Use paypal, venmo or none');
  }
  if (has('codes')) d.codes = splitList(val('codes')).join(', ');
  if (has('referral_slug')) d.referralSlug = val('referral_slug');
  if (has('notes')) d.notes = unneutralise(row.notes ?? '');

  for (const pl of PLATFORMS) {
    if (!has(`${pl}_handle`)) continue;
    const handle = val(`${pl}_handle`);
    const i = d.accounts.findIndex((a) => a.platform === pl);
    if (!handle) {
      if (i >= 0) d.accounts.splice(i, 1);
      continue;
    }
    const acc: AccountDraft = {
      platform: pl,
      handle,
      followers: wholeText(val(`${pl}_followers`)) || '0',
      engagementRate: percentText(val(`${pl}_engagement`)) || '0',
    };
    if (i >= 0) d.accounts[i] = acc;
    else d.accounts.push(acc);
  }

  let contractIndex = -1;
  if (has('contract_start') && val('contract_start')) {
    const start = val('contract_start');
    const i = d.contracts.findIndex((c) => c.startDate === start);
    const prev: ContractDraft =
      i >= 0
        ? d.contracts[i]!
        : {
            id: '',
            startDate: start,
            endDate: '',
            retainer: '0',
            retainerPeriod: 'monthly',
            commissionRate: '0',
            commissionBase: 'subtotal',
            commissionOnRepeat: false,
            flatFeePerPost: '0',
            perksPerMonth: '0',
            deliverablesPerMonth: '0',
            notes: '',
          };
    const next: ContractDraft = { ...prev };
    const text = (
      col: string,
      key:
        | 'endDate'
        | 'retainer'
        | 'commissionRate'
        | 'flatFeePerPost'
        | 'perksPerMonth'
        | 'deliverablesPerMonth',
      read: (col: string) => string = val,
    ) => {
      if (has(col)) next[key] = read(col);
    };
    text('contract_end', 'endDate');
    text('retainer', 'retainer', money);
    text('commission_rate', 'commissionRate', (c) => percentText(val(c)));
    text('flat_fee_per_post', 'flatFeePerPost', money);
    text('perks_per_month', 'perksPerMonth', money);
    text('deliverables_per_month', 'deliverablesPerMonth', (c) => wholeText(val(c)));
    if (has('retainer_period') && val('retainer_period')) {
      const p = val('retainer_period').toLowerCase();
      if ((RETAINER_PERIODS as readonly string[]).includes(p))
        next.retainerPeriod = p as ContractDraft['retainerPeriod'];
      else fail('retainer_period', 'Use monthly, quarterly or yearly');
    }
    if (has('commission_base') && val('commission_base')) {
      const b = val('commission_base').toLowerCase();
      if (b === 'subtotal' || b === 'total') next.commissionBase = b;
      else fail('commission_base', 'Use subtotal or total');
    }
    if (has('commission_on_repeat')) {
      const r = val('commission_on_repeat').toLowerCase();
      if (YES.has(r)) next.commissionOnRepeat = true;
      else if (NO.has(r)) next.commissionOnRepeat = false;
      else fail('commission_on_repeat', 'Write yes or no');
    }
    if (i >= 0) {
      d.contracts[i] = next;
      contractIndex = i;
    } else {
      d.contracts.push(next);
      contractIndex = d.contracts.length - 1;
    }
  }
  return { draft: d, platforms: d.accounts.map((a) => a.platform), contractIndex };
}

/** The money columns: their cells tell the file's decimal mark. */
const MONEY_COLUMNS = ['retainer', 'flat_fee_per_post', 'perks_per_month'] as const;

/**
 * A percentage with a decimal comma ("12,5") as the form reads it ("12.5"). A percentage is at
 * most 100, so its comma cannot group thousands: it is always the decimal mark.
 */
function percentText(text: string): string {
  return /^\d+,\d+\s*%?$/.test(text) ? text.replace(',', '.') : text;
}

/**
 * A count grouped with dots ("12.400" followers, European Excel) as a plain number. A count is
 * whole, so dots that group by three cannot be decimals.
 */
function wholeText(text: string): string {
  return /^\d{1,3}(\.\d{3})+$/.test(text) ? text.replace(/\./g, '') : text;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  const ra = a as Record<string, unknown>;
  return ka.every((k) => k in rb && deepEqual(ra[k], rb[k]));
}

/** Records equal apart from their timestamps (key order does not matter). */
function sameRecord<T extends { updatedAt: number; createdAt: number }>(a: T, b: T): boolean {
  return deepEqual({ ...a, updatedAt: 0, createdAt: 0 }, { ...b, updatedAt: 0, createdAt: 0 });
}

const PROGRESS_EVERY = 500;

/** Rows keyed by our column names, from rows keyed by the file's (unmapped cells dropped). */
export function remapRows(
  rows: readonly Record<string, string>[],
  mapping: readonly ColumnChoice[],
): Record<string, string>[] {
  const ours = new Set(PARTNER_CSV_HEADER);
  const take = mapping.filter((c) => ours.has(c.field));
  return rows.map((row) => {
    const out: Record<string, string> = {};
    for (const { field, column } of take)
      out[field] = Object.hasOwn(row, column) ? row[column]! : '';
    return out;
  });
}

/** A parsed file read through a column mapping, empty kinds taking `defaultKind`. */
function mappedFile(
  file: ReturnType<typeof parseCsv>,
  mapping: readonly ColumnChoice[],
  defaultKind: PartnerKind | undefined,
) {
  const rows = remapRows(file.rows, mapping);
  const header = mapping.map((c) => c.field);
  if (defaultKind) {
    if (!header.includes('kind')) header.push('kind');
    for (const r of rows) if (!r.kind?.trim()) r.kind = defaultKind;
  }
  return { errors: file.errors, lineNumbers: file.lineNumbers, header, rows };
}

/**
 * Plan an import: match each row to a stored partner (by `id`, else by email), validate it with
 * the same rules as the form (codes unique across the file and the stored partners), and report
 * every problem with its line and column. Nothing here writes.
 */
export function planPartnerImport(text: string, ctx: ImportContext): PartnerImportPlan {
  const file = parseCsv(text);
  // With the owner's column mapping, rows read as if the file had our column names.
  const parsed = ctx.mapping ? mappedFile(file, ctx.mapping, ctx.defaultKind) : file;
  const errors: ImportRowError[] = parsed.errors.map((e) => ({
    line: e.line,
    column: '',
    message: e.message,
  }));
  const cols = new Set(parsed.header);
  if (!cols.has('name')) {
    errors.push({
      line: 1,
      column: 'name',
      message: 'The file needs a “name” column (export partners once to see every column).',
    });
    return { rows: [], errors, ok: false };
  }
  const has = (c: string) => cols.has(c);
  const byId = new Map(ctx.partners.map((p) => [p.id, p]));
  const byEmail = new Map(
    ctx.partners.filter((p) => p.email).map((p) => [p.email.toLowerCase(), p]),
  );
  const contractsByPartner = new Map<string, Contract[]>();
  for (const c of ctx.contracts) {
    const list = contractsByPartner.get(c.partnerId);
    if (list) list.push(c);
    else contractsByPartner.set(c.partnerId, [c]);
  }
  const contractsOf = (id: string) => contractsByPartner.get(id) ?? [];
  // Codes and slugs of the stored partners as they will be after the rows planned so far.
  const keys = new PartnerKeys(ctx.partners);
  const seen = new Map<string, number>();
  const rows: PlannedPartner[] = [];
  const money = MONEY_COLUMNS.filter(has);
  let decimals: FileDecimals | null = null;
  const decimalsOf = () =>
    (decimals ??= fileDecimals(
      parsed.rows.flatMap((r) => money.map((c) => unneutralise(r[c] ?? '').trim())),
    ));
  const total = parsed.rows.length;

  parsed.rows.forEach((row, i) => {
    if (ctx.onProgress && i % PROGRESS_EVERY === 0) ctx.onProgress(i, total);
    const line = parsed.lineNumbers[i] ?? i + 2;
    const fail = (column: string, message: string) => errors.push({ line, column, message });
    const id = (row.id ?? '').trim();
    const email = (row.email ?? '').trim().toLowerCase();
    const existing = (id && byId.get(id)) || (email && byEmail.get(email)) || null;
    const key = existing?.id ?? (email ? `email:${email}` : `line:${line}`);
    if (seen.has(key)) {
      fail(existing ? 'id' : 'email', `The same partner is already on line ${seen.get(key)}`);
      return;
    }
    seen.set(key, line);
    const base = existing
      ? partnerToDraft(existing, contractsOf(existing.id))
      : emptyPartnerDraft('affiliate');
    if (!existing && !has('kind')) fail('kind', 'Say which kind: ambassador or affiliate');
    const before = errors.length;
    const { draft, platforms, contractIndex } = rowToDraft(row, has, base, fail, decimalsOf);
    const r = validatePartnerDraft(draft, {
      existing,
      others: keys,
      today: ctx.today,
      now: ctx.now,
      newId: ctx.newId,
    });
    if (!r.ok) {
      for (const [k, message] of Object.entries(r.errors))
        fail(columnOf(k, platforms, contractIndex), message);
      return;
    }
    if (errors.length > before) return;
    keys.put(r.partner);
    const stored = existing ? contractsOf(existing.id) : [];
    const storedById = new Map(stored.map((c) => [c.id, c]));
    const unchanged =
      existing !== null &&
      sameRecord(existing, r.partner) &&
      r.contracts.length === stored.length &&
      r.contracts.every((c) => {
        const old = storedById.get(c.id);
        return old !== undefined && sameRecord(old, c);
      });
    rows.push({
      line,
      action: existing ? (unchanged ? 'unchanged' : 'update') : 'create',
      partner: unchanged ? existing : r.partner,
      contracts: unchanged ? stored : r.contracts,
    });
  });
  ctx.onProgress?.(total, total);
  if (parsed.rows.length === 0)
    errors.push({ line: 2, column: '', message: 'The file has no partner rows.' });
  return { rows, errors, ok: errors.length === 0 };
}

/**
 * Partners as CSV, for bulk onboarding and spreadsheets. One row per partner; social accounts get
 * three columns per platform; the contract columns hold the contract active on export day.
 * Import is a plan (what would be created or updated, and every row's problems) that is written
 * only once the owner confirms it.
 */
import { activeContractAt } from '../domain/contracts';
import { centsToDecimal } from '../domain/money';
import {
  emptyContractDraft,
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

/** One row's cells as the import reads them, and where its problems go. */
interface RowCells {
  has: (col: string) => boolean;
  /** The cell without the export's formula guard, untrimmed. */
  raw: (col: string) => string;
  /** The cell without the formula guard, trimmed. */
  val: (col: string) => string;
  /** A money cell as the form writes it ("1234.50"), in the file's decimal convention. */
  money: (col: string) => string;
  fail: (column: string, message: string) => void;
}

function rowCells(
  row: Record<string, string>,
  has: (col: string) => boolean,
  fail: (column: string, message: string) => void,
  decimals: () => FileDecimals,
): RowCells {
  const raw = (col: string) => unneutralise(row[col] ?? '');
  const val = (col: string) => raw(col).trim();
  const money = (col: string): string => {
    const text = val(col);
    let v = readAmount(text, null);
    if (v === AMBIGUOUS) v = readAmount(text, markOf(decimals()));
    if (v === AMBIGUOUS) {
      fail(col, ambiguousMessage('The amount', text, decimals()));
      return '0';
    }
    // What is not an amount goes on as written, for the form's own message.
    return v === null ? text : centsToDecimal(v);
  };
  return { has, raw, val, money, fail };
}

/** A yes/no cell handed to `set`, or a problem on its column. */
function readYesNo(c: RowCells, col: string, set: (yes: boolean) => void): void {
  const v = c.val(col).toLowerCase();
  if (YES.has(v)) set(true);
  else if (NO.has(v)) set(false);
  else c.fail(col, 'Write yes or no');
}

/**
 * The payout method of a row whose method cell is empty, guessed from its handle: an email (an @
 * that does not start it) is PayPal, any other handle Venmo, no handle none.
 */
export function payoutMethodFor(handle: string): PartnerDraft['payoutMethod'] {
  if (!handle) return 'none';
  return handle.includes('@') && !handle.startsWith('@') ? 'paypal' : 'venmo';
}

/** The profile columns (name to notes) into the draft. */
function readProfile(d: PartnerDraft, c: RowCells): void {
  const { has, val, fail } = c;
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
  if (has('exclusive')) readYesNo(c, 'exclusive', (yes) => (d.exclusive = yes));
  if (has('payout_handle')) d.payoutHandle = val('payout_handle');
  if (has('payout_method')) {
    const m = val('payout_method').toLowerCase();
    if (m === 'paypal' || m === 'venmo' || m === 'none') d.payoutMethod = m;
    else if (m === '') d.payoutMethod = payoutMethodFor(d.payoutHandle);
    else fail('payout_method', 'Use paypal, venmo or none');
  }
  if (has('codes')) d.codes = splitList(val('codes')).join(', ');
  if (has('referral_slug')) d.referralSlug = val('referral_slug');
  if (has('notes')) d.notes = c.raw('notes');
}

/** The `<platform>_handle/_followers/_engagement` columns: an empty handle removes the account. */
function readAccounts(d: PartnerDraft, c: RowCells): void {
  for (const pl of PLATFORMS) {
    if (!c.has(`${pl}_handle`)) continue;
    const handle = c.val(`${pl}_handle`);
    const i = d.accounts.findIndex((a) => a.platform === pl);
    if (!handle) {
      if (i >= 0) d.accounts.splice(i, 1);
      continue;
    }
    const acc: AccountDraft = {
      platform: pl,
      handle,
      followers: wholeText(c.val(`${pl}_followers`)) || '0',
      engagementRate: percentText(c.val(`${pl}_engagement`)) || '0',
    };
    if (i >= 0) d.accounts[i] = acc;
    else d.accounts.push(acc);
  }
}

/** A contract the file starts: the columns it leaves out cost nothing. */
function importedContract(startDate: string): ContractDraft {
  return {
    ...emptyContractDraft(startDate),
    retainer: '0',
    commissionRate: '0',
    flatFeePerPost: '0',
    perksPerMonth: '0',
    deliverablesPerMonth: '0',
  };
}

type ContractText =
  | 'endDate'
  | 'retainer'
  | 'commissionRate'
  | 'flatFeePerPost'
  | 'perksPerMonth'
  | 'deliverablesPerMonth';

/** The contract columns other than the start date onto `next`. */
function readContractTerms(next: ContractDraft, c: RowCells): void {
  const { has, val, fail } = c;
  const text = (col: string, key: ContractText, read: (col: string) => string = val) => {
    if (has(col)) next[key] = read(col);
  };
  text('contract_end', 'endDate');
  text('retainer', 'retainer', c.money);
  text('commission_rate', 'commissionRate', (col) => percentText(val(col)));
  text('flat_fee_per_post', 'flatFeePerPost', c.money);
  text('perks_per_month', 'perksPerMonth', c.money);
  text('deliverables_per_month', 'deliverablesPerMonth', (col) => wholeText(val(col)));
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
  if (has('commission_on_repeat'))
    readYesNo(c, 'commission_on_repeat', (yes) => (next.commissionOnRepeat = yes));
}

/**
 * The row's contract into the draft: the one with the same start date is updated, else a new one
 * is added. Returns its index among the draft's contracts, or -1 when the row names no contract.
 */
function readContract(d: PartnerDraft, c: RowCells): number {
  if (!c.has('contract_start') || !c.val('contract_start')) return -1;
  const start = c.val('contract_start');
  const i = d.contracts.findIndex((k) => k.startDate === start);
  const next: ContractDraft = { ...(i >= 0 ? d.contracts[i]! : importedContract(start)) };
  readContractTerms(next, c);
  if (i >= 0) {
    d.contracts[i] = next;
    return i;
  }
  d.contracts.push(next);
  return d.contracts.length - 1;
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
  const cells = rowCells(row, has, fail, decimals);
  readProfile(d, cells);
  readAccounts(d, cells);
  const contractIndex = readContract(d, cells);
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

/** The stored partners and their contracts, found by id and by email (lowercased). */
function storedPartners(ctx: ImportContext) {
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
  return {
    /** The stored partner a row updates: by its `id` cell, else by its email. */
    match(row: Record<string, string>): Partner | null {
      const id = (row.id ?? '').trim();
      const email = (row.email ?? '').trim().toLowerCase();
      return (id && byId.get(id)) || (email && byEmail.get(email)) || null;
    },
    contractsOf: (id: string) => contractsByPartner.get(id) ?? [],
  };
}

/**
 * Whether a validated row leaves a stored partner as it is: the same partner and the same
 * contracts, timestamps aside.
 */
export function unchangedByRow(
  existing: Partner,
  stored: readonly Contract[],
  partner: Partner,
  contracts: readonly Contract[],
): boolean {
  const storedById = new Map(stored.map((c) => [c.id, c]));
  return (
    sameRecord(existing, partner) &&
    contracts.length === stored.length &&
    contracts.every((c) => {
      const old = storedById.get(c.id);
      return old !== undefined && sameRecord(old, c);
    })
  );
}

/** What planning one row needs from the whole file. */
interface RowPlanning {
  ctx: ImportContext;
  has: (col: string) => boolean;
  stored: ReturnType<typeof storedPartners>;
  /** Codes and slugs of the stored partners as they will be after the rows planned so far. */
  keys: PartnerKeys;
  /** The line each partner was first planned on, by id, email or line. */
  seen: Map<string, number>;
  decimals: () => FileDecimals;
  errors: ImportRowError[];
}

/** Plan one row, or null when it is refused (its problems then are in `p.errors`). */
function planRow(row: Record<string, string>, line: number, p: RowPlanning): PlannedPartner | null {
  const { ctx, has, stored, errors } = p;
  const fail = (column: string, message: string) => errors.push({ line, column, message });
  const existing = stored.match(row);
  const email = (row.email ?? '').trim().toLowerCase();
  const key = existing?.id ?? (email ? `email:${email}` : `line:${line}`);
  if (p.seen.has(key)) {
    fail(existing ? 'id' : 'email', `The same partner is already on line ${p.seen.get(key)}`);
    return null;
  }
  p.seen.set(key, line);
  const storedContracts = existing ? stored.contractsOf(existing.id) : [];
  const base = existing
    ? partnerToDraft(existing, storedContracts)
    : emptyPartnerDraft('affiliate');
  if (!existing && !has('kind')) fail('kind', 'Say which kind: ambassador or affiliate');
  const before = errors.length;
  const { draft, platforms, contractIndex } = rowToDraft(row, has, base, fail, p.decimals);
  const r = validatePartnerDraft(draft, {
    existing,
    others: p.keys,
    today: ctx.today,
    now: ctx.now,
    newId: ctx.newId,
  });
  if (!r.ok) {
    for (const [k, message] of Object.entries(r.errors))
      fail(columnOf(k, platforms, contractIndex), message);
    return null;
  }
  if (errors.length > before) return null;
  p.keys.put(r.partner);
  const unchanged =
    existing !== null && unchangedByRow(existing, storedContracts, r.partner, r.contracts);
  return {
    line,
    action: existing ? (unchanged ? 'unchanged' : 'update') : 'create',
    partner: unchanged ? existing : r.partner,
    contracts: unchanged ? storedContracts : r.contracts,
  };
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
  const money = MONEY_COLUMNS.filter(has);
  let decimals: FileDecimals | null = null;
  const planning: RowPlanning = {
    ctx,
    has,
    stored: storedPartners(ctx),
    keys: new PartnerKeys(ctx.partners),
    seen: new Map(),
    decimals: () =>
      (decimals ??= fileDecimals(
        parsed.rows.flatMap((r) => money.map((c) => unneutralise(r[c] ?? '').trim())),
      )),
    errors,
  };
  const rows: PlannedPartner[] = [];
  const total = parsed.rows.length;
  parsed.rows.forEach((row, i) => {
    if (ctx.onProgress && i % PROGRESS_EVERY === 0) ctx.onProgress(i, total);
    const planned = planRow(row, parsed.lineNumbers[i] ?? i + 2, planning);
    if (planned) rows.push(planned);
  });
  ctx.onProgress?.(total, total);
  if (parsed.rows.length === 0)
    errors.push({ line: 2, column: '', message: 'The file has no partner rows.' });
  return { rows, errors, ok: errors.length === 0 };
}

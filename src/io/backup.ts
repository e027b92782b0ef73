/**
 * The backup file: a versioned JSON envelope holding every table. Pure: builds the text in parts
 * (so a large database never needs one giant object graph), parses and validates a file into typed
 * data or a list of problems with paths, migrates older schema versions, and plans an import
 * (Replace or Merge) against what is already stored. See docs/backup-format.md.
 */
import { z } from 'zod';
import { ROW_SEPARATOR, partsToString, rowsText, type TextPart } from './rows-text';
import { isPlainValidOrder } from '../domain/order-check';
import { countRows, type BackupCounts, type BackupData } from '../domain/backup-plan';
import { normalizeImportMappings } from '../domain/import-mappings';
import {
  SETTINGS_ID,
  TABLE_NAMES,
  TABLE_SCHEMAS,
  repairSettings,
  type TableName,
} from '../domain/schemas';

export const BACKUP_FORMAT = 'pawtners-backup';
/** The data layout written by this app; bump it (and add a migration) whenever a table changes. */
export const BACKUP_SCHEMA_VERSION = 3;
/** The oldest layout this app still reads. */
export const OLDEST_SCHEMA_VERSION = 1;

/** Bigger than any real brand's backup (~200 MB for a very large one); matches the open-file cap. */
export const MAX_BACKUP_CHARS = 512 * 1024 * 1024;
/** Rows per table: far above any small brand, low enough to refuse absurd files quickly. */
export const MAX_ROWS_PER_TABLE = 2_000_000;
/** Our records nest about 7 levels deep; anything much deeper is not a Pawtners backup. */
export const MAX_DEPTH = 32;
/** How many problems a refused file reports (the first ones, in file order). */
export const MAX_PROBLEMS = 20;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const TABLE_LABELS: Record<TableName, string> = {
  settings: 'Settings',
  partners: 'Partners',
  contracts: 'Contracts',
  campaigns: 'Campaigns',
  contentItems: 'Content items',
  orders: 'Orders',
  payouts: 'Payouts',
  bonuses: 'Bonuses',
  bonusRules: 'Bonus rules',
  brandFollowers: 'Follower counts',
  products: 'Products',
  shipments: 'Gift shipments',
  pets: 'Pets',
  deletions: 'Deleted records',
};

export type { BackupCounts, BackupData };
export { countRows };
export { emptyBackupData } from '../domain/backup-plan';

/** The file as written by this app (schema version {@link BACKUP_SCHEMA_VERSION}). */
export interface BackupEnvelope {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  /** The app version that wrote the file. */
  appVersion: string;
  /** ISO 8601 instant. */
  exportedAt: string;
  counts: BackupCounts;
  data: BackupData;
}
export type BackupMeta = Omit<BackupEnvelope, 'data'>;

export interface BackupProblem {
  /** Where in the file, e.g. `partners[12].commissionRate`; '' for the file as a whole. */
  path: string;
  message: string;
}

export interface ParsedBackup {
  meta: BackupMeta;
  /** The schema version the file was written in (before migration). */
  fromVersion: number;
  data: BackupData;
}

export type ParseResult =
  { ok: true; backup: ParsedBackup } | { ok: false; problems: BackupProblem[] };

/** How far a parse is: what it does now ("Checking table 6 of 11: Orders") and rows done of all. */
export interface ParseProgress {
  label: string;
  done: number;
  total: number;
}
export type OnParseProgress = (p: ParseProgress) => void;

/** Rows checked between two progress reports. */
const PROGRESS_ROWS = 20_000;

export function formatProblem(p: BackupProblem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

// ---------------------------------------------------------------------------------------------
// Writing

export function backupMeta(counts: BackupCounts, appVersion: string, now: number): BackupMeta {
  return {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    appVersion,
    exportedAt: new Date(now).toISOString(),
    counts,
  };
}

/**
 * Builds the backup text table by table, chunk by chunk, as a list of string parts (a Blob in a
 * browser takes them as they are). One record per line keeps the file readable and diffable.
 * Tables must be written in {@link TABLE_NAMES} order, each exactly once.
 */
export class BackupTextBuilder {
  readonly parts: TextPart[] = [];
  private table: TableName | null = null;
  private hasRows = false;
  private tablesDone = 0;

  constructor(meta: BackupMeta) {
    const { counts, ...rest } = meta;
    const head = JSON.stringify({ ...rest, counts }, null, 2);
    // Re-open the head object so the data member can be streamed after it.
    this.parts.push(`${head.slice(0, head.lastIndexOf('}')).trimEnd()},\n  "data": {`);
  }

  startTable(name: TableName): void {
    if (this.table !== null) throw new Error(`table ${this.table} is still open`);
    if (TABLE_NAMES[this.tablesDone] !== name) throw new Error(`unexpected table ${name}`);
    this.parts.push(`${this.tablesDone ? ',' : ''}\n    ${JSON.stringify(name)}: [`);
    this.table = name;
    this.hasRows = false;
  }

  addRows(rows: readonly unknown[]): void {
    // The settings row goes through repairSettings, so the file holds nothing its own import
    // would refuse (an older version's invalid locale, import mappings in the old record form).
    if (this.table === 'settings') rows = rows.map(repairSettings);
    if (rows.length) this.addText(rowsText(rows));
  }

  /** Rows already as text (see rowsText), or as its UTF-8: at least one row. */
  addText(text: TextPart): void {
    if (this.table === null) throw new Error('no table is open');
    this.parts.push(this.hasRows ? ROW_SEPARATOR : '\n      ', text);
    this.hasRows = true;
  }

  endTable(): void {
    if (this.table === null) throw new Error('no table is open');
    this.parts.push(this.hasRows ? '\n    ]' : ']');
    this.table = null;
    this.tablesDone++;
  }

  finish(): TextPart[] {
    if (this.table !== null || this.tablesDone !== TABLE_NAMES.length)
      throw new Error('every table must be written before finishing');
    this.parts.push('\n  }\n}\n');
    return this.parts;
  }
}

/** The whole backup text for data already in memory (tests, safety snapshots of small data). */
export function buildBackupText(data: BackupData, appVersion: string, now: number): string {
  const b = new BackupTextBuilder(backupMeta(countRows(data), appVersion, now));
  for (const t of TABLE_NAMES) {
    b.startTable(t);
    b.addRows(data[t]);
    b.endTable();
  }
  return partsToString(b.finish());
}

// ---------------------------------------------------------------------------------------------
// Migrations

/** One step of the migration chain: turns the `data` of version `from` into version `from + 1`. */
export interface BackupMigration {
  from: number;
  migrate: (data: Record<string, unknown>) => Record<string, unknown>;
}

/** Every released layout change, oldest first; the v1 fixture test keeps older files opening. */
export const MIGRATIONS: readonly BackupMigration[] = [
  // Version 2 records deletions (so a Merge carries them); older files have none.
  { from: 1, migrate: (data) => ({ ...data, deletions: [] }) },
  // Version 3 adds product seeding and pets; older files have none.
  { from: 2, migrate: (data) => ({ ...data, products: [], shipments: [], pets: [] }) },
];

export function migrateBackupData(
  data: Record<string, unknown>,
  fromVersion: number,
  migrations: readonly BackupMigration[] = MIGRATIONS,
  target: number = BACKUP_SCHEMA_VERSION,
): { ok: true; data: Record<string, unknown> } | { ok: false; problem: BackupProblem } {
  let current = data;
  for (let v = fromVersion; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step)
      return {
        ok: false,
        problem: { path: 'schemaVersion', message: `no migration from version ${v} to ${v + 1}` },
      };
    current = step.migrate(current);
  }
  return { ok: true, data: current };
}

// ---------------------------------------------------------------------------------------------
// Reading

const IDENT = /^[A-Za-z_$][\w$]*$/;

function clip(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const s = String(seg);
      out += IDENT.test(s) ? (out ? `.${s}` : s) : `[${JSON.stringify(clip(s))}]`;
    }
  }
  return out;
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : typeof v;
}

/**
 * Walks the parsed JSON once (recursion is bounded by MAX_DEPTH) refusing prototype keys and
 * absurd nesting. JSON.parse keeps `__proto__` as an own key, but any later spread or zod record
 * would turn it into a prototype, so it never gets past here.
 */
function checkShape(root: unknown): BackupProblem[] {
  const problems: BackupProblem[] = [];
  const path: PropertyKey[] = [];
  // Paths inside `data` read like the table problems: `partners[0].__proto__`.
  const where = () =>
    formatPath(path[0] === 'data' && typeof path[1] === 'string' ? path.slice(1) : path);
  const visit = (v: unknown, depth: number): void => {
    if (problems.length >= MAX_PROBLEMS || v === null || typeof v !== 'object') return;
    if (depth > MAX_DEPTH) {
      problems.push({
        path: where(),
        message: `nested more than ${MAX_DEPTH} levels deep`,
      });
      return;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length && problems.length < MAX_PROBLEMS; i++) {
        path.push(i);
        visit(v[i], depth + 1);
        path.pop();
      }
      return;
    }
    for (const key of Object.keys(v)) {
      if (problems.length >= MAX_PROBLEMS) return;
      path.push(key);
      if (FORBIDDEN_KEYS.has(key))
        problems.push({ path: where(), message: 'forbidden key (prototype pollution)' });
      else visit((v as Record<string, unknown>)[key], depth + 1);
      path.pop();
    }
  };
  visit(root, 0);
  return problems;
}

/** The tables and their sizes; the rows are checked one by one (see dataProblems). */
const dataShapeSchema = z.strictObject(
  Object.fromEntries(
    TABLE_NAMES.map((t) => [
      t,
      z
        .array(z.unknown())
        .max(t === 'settings' ? 1 : MAX_ROWS_PER_TABLE, `has too many rows for table ${t}`),
    ]),
  ) as { [T in TableName]: z.ZodArray<z.ZodUnknown> },
);

/**
 * Every row against its table's schema, one row at a time: zod's output for a row is dropped at
 * once, so a 300,000-order file is not held twice in memory. Stops at MAX_PROBLEMS.
 */
function dataProblems(data: unknown, onProgress?: OnParseProgress): BackupProblem[] {
  const shape = dataShapeSchema.safeParse(data);
  if (!shape.success) return zodProblems(shape.error);
  const problems: BackupProblem[] = [];
  for (const [n, t] of TABLE_NAMES.entries()) {
    const schema = TABLE_SCHEMAS[t];
    const rows = shape.data[t];
    const label = `Checking table ${n + 1} of ${TABLE_NAMES.length}: ${TABLE_LABELS[t]}`;
    onProgress?.({ label, done: 0, total: rows.length });
    // Orders are most of a big backup: the hand-written check first, zod only to word a problem.
    const fast = t === 'orders' ? isPlainValidOrder : () => false;
    for (let i = 0; i < rows.length; i++) {
      if (onProgress && i > 0 && i % PROGRESS_ROWS === 0)
        onProgress({ label, done: i, total: rows.length });
      if (fast(rows[i])) continue;
      const r = schema.safeParse(rows[i]);
      if (r.success) continue;
      problems.push(...zodProblems(r.error, [t, i]));
      if (problems.length >= MAX_PROBLEMS) return problems.slice(0, MAX_PROBLEMS);
    }
  }
  return problems;
}

const headSchema = z.object({
  format: z.string(),
  schemaVersion: z.number().int('must be a whole number').min(0),
  appVersion: z.string().min(1).max(40),
  exportedAt: z.iso.datetime({ offset: true, error: 'must be an ISO date-time' }),
  counts: z.record(z.string().max(60), z.number().int().min(0).max(MAX_ROWS_PER_TABLE)),
  data: z.record(z.string().max(60), z.unknown()),
});

const ENVELOPE_KEYS = new Set([
  'format',
  'schemaVersion',
  'appVersion',
  'exportedAt',
  'counts',
  'data',
]);

/** Zod's own messages start upper-case ("Invalid input: ..."); ours read "must be ...". */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (!/^[A-Z]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message)
        ? 'is missing'
        : `must be ${issue.expected === 'array' ? 'a list' : issue.expected}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys
        .slice(0, 3)
        .map((k) => JSON.stringify(clip(k)))
        .join(', ')}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `is too long (at most ${issue.maximum} characters)`
        : issue.origin === 'array'
          ? `has too many items (at most ${issue.maximum})`
          : `must be at most ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string'
        ? issue.minimum === 1
          ? 'must not be empty'
          : `is too short (at least ${issue.minimum} characters)`
        : `must be at least ${issue.minimum}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message.replace(/^Invalid input: /, '').replace(/^\w/, (c) => c.toLowerCase());
  }
}

function zodProblems(error: z.ZodError, prefix: PropertyKey[] = []): BackupProblem[] {
  return error.issues
    .slice(0, MAX_PROBLEMS)
    .map((i) => ({ path: formatPath([...prefix, ...i.path]), message: issueMessage(i) }));
}

/** References between tables: every row must point at something that is in the file. */
export function referenceProblems(data: BackupData): BackupProblem[] {
  const problems: BackupProblem[] = [];
  const partners = new Set(data.partners.map((p) => p.id));
  const campaigns = new Set(data.campaigns.map((c) => c.id));
  const check = (ok: boolean, path: string, message: string) => {
    if (!ok && problems.length < MAX_PROBLEMS) problems.push({ path, message });
  };
  const partnerRef = (
    table: 'contracts' | 'contentItems' | 'payouts' | 'bonuses' | 'orders' | 'shipments' | 'pets',
  ) =>
    data[table].forEach((r: { partnerId: string | null }, i: number) =>
      check(
        r.partnerId === null || partners.has(r.partnerId),
        `${table}[${i}].partnerId`,
        `points to a partner that is not in the file (${JSON.stringify(clip(r.partnerId ?? ''))})`,
      ),
    );
  partnerRef('contracts');
  partnerRef('contentItems');
  partnerRef('orders');
  partnerRef('payouts');
  partnerRef('bonuses');
  partnerRef('shipments');
  partnerRef('pets');
  data.contentItems.forEach((c, i) =>
    check(
      c.campaignId === null || campaigns.has(c.campaignId),
      `contentItems[${i}].campaignId`,
      `points to a campaign that is not in the file (${JSON.stringify(clip(c.campaignId ?? ''))})`,
    ),
  );
  data.campaigns.forEach((c, i) =>
    c.partnerIds.forEach((p, j) =>
      check(
        partners.has(p),
        `campaigns[${i}].partnerIds[${j}]`,
        `points to a partner that is not in the file (${JSON.stringify(clip(p))})`,
      ),
    ),
  );
  return problems;
}

function duplicateIdProblems(data: BackupData): BackupProblem[] {
  const problems: BackupProblem[] = [];
  for (const t of TABLE_NAMES) {
    const seen = new Map<string, number>();
    data[t].forEach((r, i) => {
      const first = seen.get(r.id);
      if (first !== undefined && problems.length < MAX_PROBLEMS)
        problems.push({ path: `${t}[${i}].id`, message: `repeats the id of ${t}[${first}]` });
      else seen.set(r.id, i);
    });
  }
  data.settings.forEach((s, i) => {
    if (s.id !== SETTINGS_ID)
      problems.push({ path: `settings[${i}].id`, message: `must be "${SETTINGS_ID}"` });
  });
  return problems;
}

type Failure = { ok: false; problems: BackupProblem[] };

const fail = (...problems: BackupProblem[]): Failure => ({
  ok: false,
  problems: problems.slice(0, MAX_PROBLEMS),
});

type Head = z.infer<typeof headSchema>;
type Step<T> = { ok: true; value: T } | Failure;

/** The file's text as JSON (a leading BOM dropped), or why it is not. */
function readJson(text: string): Step<unknown> {
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return fail({
      path: '',
      message: `The file is not valid JSON, or it was cut short (${clip(detail, 120)}).`,
    });
  }
}

/** The envelope (format, versions, counts; not the rows), or its first problems. */
function readEnvelope(raw: unknown, appVersion: string | undefined): Step<Head> {
  const shape = checkShape(raw);
  if (shape.length) return fail(...shape);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return fail({ path: '', message: `must be an object, found ${describeType(raw)}` });
  const rec = raw as Record<string, unknown>;
  if (rec.format !== BACKUP_FORMAT)
    return fail({
      path: 'format',
      message: `This is not a Pawtners backup (expected "${BACKUP_FORMAT}").`,
    });
  const head = headSchema.safeParse(raw);
  if (!head.success) return fail(...zodProblems(head.error));
  const unknownKeys = Object.keys(rec).filter((k) => !ENVELOPE_KEYS.has(k));
  if (unknownKeys.length)
    return fail({ path: formatPath([unknownKeys[0]!]), message: 'unknown key' });
  const problem =
    versionProblem(head.data.schemaVersion, head.data.appVersion, appVersion) ??
    countProblem(head.data);
  return problem ? fail(problem) : { ok: true, value: head.data };
}

/**
 * Why this Pawtners (`appVersion`) cannot read a backup of `schemaVersion` made by Pawtners
 * `madeBy`, or null when it can.
 */
export function versionProblem(
  schemaVersion: number,
  madeBy: string,
  appVersion?: string,
): BackupProblem | null {
  if (schemaVersion > BACKUP_SCHEMA_VERSION)
    return {
      path: 'schemaVersion',
      message: `This backup was made by a newer Pawtners (${clip(madeBy)}, backup version ${schemaVersion}). Update to Pawtners ${clip(madeBy)} or later to open it${appVersion ? `; this is Pawtners ${appVersion}` : ''}.`,
    };
  if (schemaVersion < OLDEST_SCHEMA_VERSION)
    return {
      path: 'schemaVersion',
      message: `Backup version ${schemaVersion} is not a released Pawtners format.`,
    };
  return null;
}

/**
 * The first table whose row count differs from the file's `counts`. Checked on the file as
 * written, before migration: a mismatch means a cut or edited file.
 */
function countProblem(head: Head): BackupProblem | null {
  for (const [table, n] of Object.entries(head.counts)) {
    const rows = head.data[table];
    if (Array.isArray(rows) && rows.length !== n)
      return {
        path: formatPath(['counts', table]),
        message: `says ${n} but the file holds ${rows.length} rows (the file may be cut short or edited)`,
      };
  }
  return null;
}

/**
 * Parse and fully validate a backup file, in time that grows linearly with its size. Nothing here
 * touches the database: the caller writes only when this returns `ok`. `onProgress` hears each
 * step (a worker shows it).
 */
export function parseBackup(
  text: string,
  appVersion?: string,
  onProgress?: OnParseProgress,
): ParseResult {
  if (text.length > MAX_BACKUP_CHARS)
    return fail({
      path: '',
      message: 'The file is larger than 512 MB; it is not a Pawtners backup.',
    });
  onProgress?.({ label: 'Reading the backup', done: 0, total: 1 });
  const json = readJson(text);
  if (!json.ok) return json;
  onProgress?.({ label: 'Checking its structure', done: 0, total: 1 });
  const envelope = readEnvelope(json.value, appVersion);
  if (!envelope.ok) return envelope;
  const head = envelope.value;
  const migrated = migrateBackupData(head.data, head.schemaVersion);
  if (!migrated.ok) return fail(migrated.problem);
  const rowProblems = dataProblems(migrated.data, onProgress);
  if (rowProblems.length) return fail(...rowProblems);
  // Keep the rows as written, not zod's output: a schema transform (trim) must not alter a
  // restore. Strict schemas already proved there is nothing extra in them.
  const data = migrated.data as unknown as BackupData;
  // The one exception: import mappings in the old record form (keyed by source name) are stored
  // as the list the schema turned them into.
  data.settings = data.settings.map((s) =>
    Array.isArray(s.importMappings)
      ? s
      : { ...s, importMappings: normalizeImportMappings(s.importMappings) },
  );
  onProgress?.({ label: 'Checking ids and references', done: 0, total: 1 });
  const integrity = [...duplicateIdProblems(data), ...referenceProblems(data)];
  if (integrity.length) return fail(...integrity);
  return {
    ok: true,
    backup: {
      meta: {
        format: BACKUP_FORMAT,
        schemaVersion: BACKUP_SCHEMA_VERSION,
        appVersion: head.appVersion,
        exportedAt: head.exportedAt,
        counts: countRows(data),
      },
      fromVersion: head.schemaVersion,
      data,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Planning an import: pure logic over rows, in src/domain/backup-plan.ts (the database layer
// uses it too, and never imports this file).

export {
  planImport,
  type CodeCollision,
  type ImportMode,
  type ImportPlan,
  type LocalIndex,
  type PartnerCodes,
  type TableChange,
} from '../domain/backup-plan';

/**
 * What importing a backup does, against what is stored: Replace restores it exactly; Merge goes by
 * id, the newer row wins (by updatedAt), and deletions recorded on either side carry over (a row
 * deleted after its last edit stays deleted). Pure.
 */
import {
  TABLE_NAMES,
  type Campaign,
  type ContentItem,
  type Deletion,
  type Partner,
  type Settings,
  type TableName,
  type TableRecords,
} from './schemas';

export type BackupData = { [T in TableName]: TableRecords[T][] };
export type BackupCounts = Record<TableName, number>;

export function emptyBackupData(): BackupData {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as BackupData;
}

export function countRows(data: BackupData): BackupCounts {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, data[t].length])) as BackupCounts;
}

export type ImportMode = 'replace' | 'merge';

/** What is stored now: per table, each record's id and updatedAt. */
export type LocalIndex = { [T in TableName]: Map<string, number> };

export interface TableChange {
  table: TableName;
  /** Rows on this computer now, and in the backup. */
  current: number;
  incoming: number;
  add: number;
  update: number;
  remove: number;
  unchanged: number;
  /** Merge only: rows in the backup that lose to a newer (or equal) row or deletion here. */
  keptLocal: number;
  /**
   * Merge only: rows whose content differs from the row here although both carry the same
   * `updatedAt` (an edit that did not move the time stamp): which is newer cannot be told, so the
   * row here is kept. (Replace counts them as updates and writes them.)
   */
  sameTimeDiffers: number;
}

export interface CodeCollision {
  code: string;
  /** The partner that keeps the code (already on this computer). */
  keptBy: { id: string; name: string };
  /** The partner from the backup that does not get it. */
  droppedFrom: { id: string; name: string };
}

export interface ImportPlan {
  mode: ImportMode;
  changes: TableChange[];
  collisions: CodeCollision[];
  /** Replace: every row of the backup. Merge: only rows to add or update. */
  writes: BackupData;
  /** Merge only: rows deleted on the other computer after their last edit here. */
  deletes: { [T in TableName]?: string[] };
  /** Sum of adds, updates and removals. */
  totalChanges: number;
  /**
   * Merge only: the backup's customers were keyed with another computer's salt (see
   * customer-key.ts), so one buyer who ordered on both may count as two customers. The salt
   * stored here is kept either way: changing it would split every customer already here.
   */
  otherCustomerSalt: boolean;
}

export type PartnerCodes = Pick<Partner, 'id' | 'name' | 'codes'>;

/** The tables whose rows point at partners or campaigns. */
export const REF_TABLES = [
  'contracts',
  'campaigns',
  'contentItems',
  'orders',
  'payouts',
  'bonuses',
  'shipments',
  'pets',
] as const;
export type RefTable = (typeof REF_TABLES)[number];

/** The partners and campaigns a row points at, as `partners/<id>` and `campaigns/<id>`. */
export function rowRefs(table: TableName, row: unknown): string[] {
  switch (table) {
    case 'contracts':
    case 'orders':
    case 'payouts':
    case 'bonuses':
    case 'shipments':
    case 'pets': {
      const p = (row as { partnerId: string | null }).partnerId;
      return p === null ? [] : [`partners/${p}`];
    }
    case 'contentItems': {
      const c = row as ContentItem;
      const p = `partners/${c.partnerId}`;
      return c.campaignId === null ? [p] : [p, `campaigns/${c.campaignId}`];
    }
    case 'campaigns':
      return (row as Campaign).partnerIds.map((p) => `partners/${p}`);
    default:
      return [];
  }
}

const splitRef = (ref: string) => {
  const at = ref.indexOf('/');
  return [ref.slice(0, at) as 'partners' | 'campaigns', ref.slice(at + 1)] as const;
};

/** Merge: what the rows stored here point at (rowRefs), by table and row id; rows with none left out. */
export type LocalRefs = { [T in RefTable]?: Map<string, readonly string[]> };

/**
 * Decide what an import does. Replace restores the backup exactly. Merge goes by id: a backup row
 * wins only when its updatedAt is newer than the row here and than a deletion of it here; a
 * deletion in the backup removes the row here when it is newer than the row's last edit (here or
 * in the backup), and is dropped otherwise; a partner or campaign that a row left after the merge
 * points at is kept (keepReferenced); a promo code that would end up on two partners stays with
 * the partner already here and is reported.
 */
export function planImport(
  mode: ImportMode,
  local: LocalIndex,
  localPartners: readonly PartnerCodes[],
  incoming: BackupData,
  /** The customer salt stored here ('' while none was made). */
  localSalt = '',
  /**
   * Whether the row stored here with this id has the same content as `row` (asked only when both
   * carry the same updatedAt); without it, equal time stamps count as unchanged.
   */
  sameAsLocal?: (table: TableName, row: { id: string }) => boolean,
  /** Merge: what the rows here point at; without it, no partner or campaign is kept for them. */
  localRefs?: LocalRefs,
): ImportPlan {
  const writes = emptyBackupData();
  const deletes: ImportPlan['deletes'] = {};
  const changes = new Map<TableName, TableChange>();
  const planning: TablePlanning = {
    mode,
    local,
    // Merge: the backup's deletions, and those an edit made after them (here or in the backup)
    // outdates: the row stays, and no record of the deletion is kept (nor carried on).
    deletedThere: new Map(
      mode === 'merge' ? incoming.deletions.map((d) => [d.id, d.updatedAt] as const) : [],
    ),
    outdated: mode === 'merge' ? outdatedDeletions(local, incoming) : new Set<string>(),
    sameAsLocal,
  };
  for (const t of TABLE_NAMES)
    changes.set(t, planTable(t, incoming[t], writes[t] as { id: string }[], planning));
  if (mode === 'merge') {
    applyBackupDeletions(local, incoming, planning.outdated, writes, deletes, changes);
    if (localRefs) keepReferenced(local, incoming, localRefs, writes, deletes, changes);
  }
  const collisions = mode === 'merge' ? resolveCodeCollisions(localPartners, writes) : [];
  const incomingSalt = incoming.settings[0]?.customerSalt ?? '';
  const saltsDiffer = mode === 'merge' && localSalt !== '' && incomingSalt !== localSalt;
  if (saltsDiffer)
    writes.settings = writes.settings.map((s) => ({ ...s, customerSalt: localSalt }));
  const list = [...changes.values()];
  return {
    mode,
    changes: list,
    collisions,
    writes,
    deletes,
    totalChanges: list.reduce((s, c) => s + c.add + c.update + c.remove, 0),
    otherCustomerSalt:
      saltsDiffer &&
      incomingSalt !== '' &&
      local.orders.size > 0 &&
      incoming.orders.some((o) => o.customerKey !== null),
  };
}

/** What planning one table needs from the whole import. */
export interface TablePlanning {
  mode: ImportMode;
  local: LocalIndex;
  /** Merge: the backup's deletion records, updatedAt by record id (`<table>/<row id>`). */
  deletedThere: ReadonlyMap<string, number>;
  /** Merge: ids of the backup's deletion records that a later edit outdates (outdatedDeletions). */
  outdated: ReadonlySet<string>;
  sameAsLocal?: (table: TableName, row: { id: string }) => boolean;
}

/** What an import does with one backup row: a TableChange count, or `skip` (not brought in). */
export type RowOutcome = 'add' | 'update' | 'unchanged' | 'keptLocal' | 'sameTimeDiffers' | 'skip';

/** The outcome of one backup row of table `t`, against its updatedAt here (undefined: none here). */
export function rowOutcome(
  t: TableName,
  r: { id: string; updatedAt: number },
  localUpdated: number | undefined,
  p: TablePlanning,
): RowOutcome {
  if (p.mode === 'merge') {
    // Deleted here at or after this version of it, or a deletion record an edit outdates.
    const deletedHere = t === 'deletions' ? undefined : p.local.deletions.get(`${t}/${r.id}`);
    if (deletedHere !== undefined && deletedHere >= r.updatedAt) return 'keptLocal';
    if (t === 'deletions' && p.outdated.has(r.id)) return 'keptLocal';
  }
  // Merge: a row the backup itself deleted after this version of it is not brought in.
  const laterThere = t === 'deletions' ? undefined : p.deletedThere.get(`${t}/${r.id}`);
  if (laterThere !== undefined && laterThere > r.updatedAt && !p.outdated.has(`${t}/${r.id}`))
    return 'skip';
  const differs =
    localUpdated === r.updatedAt && p.sameAsLocal !== undefined && !p.sameAsLocal(t, r);
  if (localUpdated === undefined) return 'add';
  if (localUpdated === r.updatedAt && !differs) return 'unchanged';
  if (p.mode === 'replace' || r.updatedAt > localUpdated) return 'update';
  return differs ? 'sameTimeDiffers' : 'keptLocal';
}

/** Count one table's rows by outcome and push those to write onto `out`. */
function planTable(
  t: TableName,
  rows: readonly { id: string; updatedAt: number }[],
  out: { id: string }[],
  p: TablePlanning,
): TableChange {
  const here = p.local[t];
  const c: TableChange = {
    table: t,
    current: here.size,
    incoming: rows.length,
    add: 0,
    update: 0,
    remove: 0,
    unchanged: 0,
    keptLocal: 0,
    sameTimeDiffers: 0,
  };
  for (const r of rows) {
    const outcome = rowOutcome(t, r, here.get(r.id), p);
    if (outcome === 'skip') continue;
    c[outcome]++;
    // Replace writes every row it brings in; merge only new rows and newer versions.
    if (
      outcome === 'add' ||
      outcome === 'update' ||
      (p.mode === 'replace' && outcome === 'unchanged')
    )
      out.push(r);
  }
  if (p.mode === 'replace') {
    const incomingIds = new Set(rows.map((r) => r.id));
    for (const id of here.keys()) if (!incomingIds.has(id)) c.remove++;
  }
  return c;
}

/**
 * Merge: a deletion from the other computer removes the row here if it was not edited since, and
 * a backup row that one of the backup's own deletions outdates is not written back. Mutates
 * `writes`, `deletes` and `changes`.
 */
function applyBackupDeletions(
  local: LocalIndex,
  incoming: BackupData,
  outdated: ReadonlySet<string>,
  writes: BackupData,
  deletes: ImportPlan['deletes'],
  changes: Map<TableName, TableChange>,
): void {
  const written = new Set(writes.deletions.map((d) => d.id));
  for (const d of incoming.deletions as Deletion[]) {
    const t = d.table;
    const rowUpdated = local[t].get(d.rowId);
    if (rowUpdated === undefined || outdated.has(d.id)) continue;
    (deletes[t] ??= []).push(d.rowId);
    changes.get(t)!.remove++;
    if (!written.has(d.id)) writes.deletions.push(d);
  }
  for (const t of TABLE_NAMES) {
    const gone = deletes[t];
    if (!gone?.length) continue;
    const ids = new Set(gone);
    writes[t] = (writes[t] as { id: string }[]).filter((r) => !ids.has(r.id)) as never;
  }
}

/**
 * Merge: the backup's deletions that lose to an edit made after them, here (the row stored here)
 * or there (the backup's own row, when the record outlived the row coming back): ids of records.
 */
function outdatedDeletions(local: LocalIndex, incoming: BackupData): Set<string> {
  const out = new Set<string>();
  if (incoming.deletions.length === 0) return out;
  const there = new Map<TableName, Map<string, number>>();
  const backupRow = (t: TableName, id: string) => {
    let m = there.get(t);
    if (!m) there.set(t, (m = new Map(incoming[t].map((r) => [r.id, r.updatedAt]))));
    return m.get(id);
  };
  for (const d of incoming.deletions) {
    const here = local[d.table].get(d.rowId);
    const inBackup = backupRow(d.table, d.rowId);
    if (
      (here !== undefined && d.updatedAt <= here) ||
      (inBackup !== undefined && d.updatedAt <= inBackup)
    )
      out.add(d.id);
  }
  return out;
}

/**
 * Merge: a partner or campaign that a row still points at once the merge is done stays, whichever
 * side deleted it: the deletion from the backup is not applied (nor its record kept), or the row
 * deleted here comes back from the backup. A row pointing at nothing would make every later backup
 * of this computer unrestorable. Mutates `writes`, `deletes` and `changes`.
 */
function keepReferenced(
  local: LocalIndex,
  incoming: BackupData,
  localRefs: LocalRefs,
  writes: BackupData,
  deletes: ImportPlan['deletes'],
  changes: Map<TableName, TableChange>,
): void {
  // Only when something pointed at may be gone: a partner or campaign the backup deletes, or one
  // that a written row points at and that is not here.
  const suspect =
    (deletes.partners?.length ?? 0) > 0 ||
    (deletes.campaigns?.length ?? 0) > 0 ||
    REF_TABLES.some((t) =>
      writes[t].some((r) =>
        rowRefs(t, r).some((ref) => {
          const [kind, id] = splitRef(ref);
          return !local[kind].has(id);
        }),
      ),
    );
  if (!suspect) return;
  /** The ids of `kind` that the rows left after the merge point at. */
  const needed = (kind: 'partners' | 'campaigns') => {
    const prefix = `${kind}/`;
    const out = new Set<string>();
    const add = (refs: readonly string[]) => {
      for (const ref of refs) if (ref.startsWith(prefix)) out.add(ref.slice(prefix.length));
    };
    for (const t of REF_TABLES) {
      const rewritten = new Set((writes[t] as { id: string }[]).map((r) => r.id));
      const removed = new Set(deletes[t] ?? []);
      for (const [id, refs] of localRefs[t] ?? [])
        if (!rewritten.has(id) && !removed.has(id)) add(refs);
      for (const r of writes[t]) add(rowRefs(t, r));
    }
    return out;
  };
  // Campaigns first: one kept or brought back points at partners in its turn.
  for (const kind of ['campaigns', 'partners'] as const) {
    const c = changes.get(kind)!;
    const d = changes.get('deletions')!;
    const removed = new Set(deletes[kind] ?? []);
    const inWrites = new Set((writes[kind] as { id: string }[]).map((r) => r.id));
    const kept = new Set<string>();
    for (const id of needed(kind)) {
      if (inWrites.has(id) || (local[kind].has(id) && !removed.has(id))) continue;
      const key = `${kind}/${id}`;
      if (removed.has(id)) {
        // Deleted there, still needed here: the row here stays, the record is not kept.
        kept.add(key);
        c.remove--;
        c.keptLocal++;
        const record = writes.deletions.find((x) => x.id === key);
        const hereAt = local.deletions.get(key);
        if (record && (hereAt === undefined || record.updatedAt > hereAt)) {
          if (hereAt === undefined) d.add--;
          else d.update--;
          d.keptLocal++;
        }
        continue;
      }
      // Deleted here, needed by a row from the backup: it comes back from the backup.
      const row = (incoming[kind] as { id: string }[]).find((r) => r.id === id);
      if (row && local.deletions.has(key)) {
        (writes[kind] as { id: string }[]).push(row);
        c.keptLocal--;
        c.add++;
      }
    }
    if (kept.size === 0) continue;
    deletes[kind] = deletes[kind]!.filter((id) => !kept.has(`${kind}/${id}`));
    writes.deletions = writes.deletions.filter((x) => !kept.has(x.id));
  }
}

/** Drops (and reports) codes of incoming partners that another partner already owns. Mutates `writes.partners`. */
function resolveCodeCollisions(
  localPartners: readonly PartnerCodes[],
  writes: BackupData,
): CodeCollision[] {
  const replaced = new Set(writes.partners.map((p) => p.id));
  const owner = new Map<string, PartnerCodes>();
  for (const p of localPartners) {
    if (replaced.has(p.id)) continue;
    for (const code of p.codes)
      if (!owner.has(code.toLowerCase())) owner.set(code.toLowerCase(), p);
  }
  const collisions: CodeCollision[] = [];
  writes.partners = writes.partners.map((p) => {
    const kept: string[] = [];
    for (const code of p.codes) {
      const key = code.toLowerCase();
      const other = owner.get(key);
      if (other && other.id !== p.id) {
        collisions.push({
          code,
          keptBy: { id: other.id, name: other.name },
          droppedFrom: { id: p.id, name: p.name },
        });
      } else {
        owner.set(key, p);
        kept.push(code);
      }
    }
    return kept.length === p.codes.length ? p : { ...p, codes: kept };
  });
  return collisions;
}

/** How many dismissed code-leak flags the settings row keeps (its schema's limit). */
const DISMISSALS_KEPT = 2000;

/** The day a dismissal key (`CODE@YYYY-MM-DD`, src/domain/code-leaks.ts) was made. */
const dismissedOn = (key: string) => key.slice(key.lastIndexOf('@') + 1);

/**
 * Merge: a code-leak flag dismissed on either computer stays dismissed. The settings row goes
 * to the newer side whole, which would bring back the flags the other side dismissed; this puts
 * both sides' dismissals on the row the merge leaves (newest kept when there are too many).
 * Returns the plan unchanged when there is nothing to add.
 */
export function keepBothDismissals(
  plan: ImportPlan,
  here: Settings | undefined,
  there: Settings | undefined,
): ImportPlan {
  if (plan.mode !== 'merge' || !here || !there) return plan;
  const written = plan.writes.settings.find((s) => s.id === here.id);
  const winner = written ?? here;
  const has = new Set(winner.dismissedLeakFlags ?? []);
  const other = (written ? here : there).dismissedLeakFlags ?? [];
  const missing = other.filter((k) => !has.has(k));
  if (missing.length === 0) return plan;
  const both = [...has, ...missing]
    .sort((a, b) => dismissedOn(a).localeCompare(dismissedOn(b)))
    .slice(-DISMISSALS_KEPT);
  const row = { ...winner, dismissedLeakFlags: both };
  // The row here stays, with the other side's dismissals added: one settings update more (it was
  // counted as unchanged, kept or differing at the same time).
  const changes = written
    ? plan.changes
    : plan.changes.map((c) => (c.table === 'settings' ? asUpdate(c) : c));
  return {
    ...plan,
    changes,
    totalChanges: plan.totalChanges + (written ? 0 : 1),
    writes: {
      ...plan.writes,
      settings: [...plan.writes.settings.filter((s) => s.id !== here.id), row],
    },
  };
}

function asUpdate(c: TableChange): TableChange {
  const from = (['unchanged', 'keptLocal', 'sameTimeDiffers'] as const).find((k) => c[k] > 0);
  return from ? { ...c, [from]: c[from] - 1, update: c.update + 1 } : c;
}

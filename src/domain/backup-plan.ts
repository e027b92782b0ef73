/**
 * What importing a backup does, against what is stored: Replace restores it exactly; Merge goes by
 * id, the newer row wins (by updatedAt), and deletions recorded on either side carry over (a row
 * deleted after its last edit stays deleted). Pure.
 */
import {
  TABLE_NAMES,
  type Deletion,
  type Partner,
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

/**
 * Decide what an import does. Replace restores the backup exactly. Merge goes by id: a backup row
 * wins only when its updatedAt is newer than the row here and than a deletion of it here; a
 * deletion in the backup removes the row here when it is newer than the row's last edit; a promo
 * code that would end up on two partners stays with the partner already here and is reported.
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
): ImportPlan {
  const writes = emptyBackupData();
  const deletes: ImportPlan['deletes'] = {};
  const changes = new Map<TableName, TableChange>();
  const localDeleted = local.deletions;
  for (const t of TABLE_NAMES) {
    const here = local[t];
    const rows = incoming[t] as TableRecords[typeof t][];
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
    changes.set(t, c);
    const out = writes[t] as TableRecords[typeof t][];
    const incomingIds = mode === 'replace' ? new Set<string>() : null;
    for (const r of rows) {
      incomingIds?.add(r.id);
      const localUpdated = here.get(r.id);
      const deletedHere = t === 'deletions' ? undefined : localDeleted.get(`${t}/${r.id}`);
      if (mode === 'merge' && deletedHere !== undefined && deletedHere >= r.updatedAt) {
        c.keptLocal++;
        continue;
      }
      const differs =
        localUpdated === r.updatedAt && sameAsLocal !== undefined && !sameAsLocal(t, r);
      if (localUpdated === undefined) c.add++;
      else if (localUpdated === r.updatedAt && !differs) c.unchanged++;
      else if (mode === 'replace' || r.updatedAt > localUpdated) c.update++;
      else if (differs) c.sameTimeDiffers++;
      else c.keptLocal++;
      if (mode === 'replace' || localUpdated === undefined || r.updatedAt > localUpdated)
        out.push(r);
    }
    if (incomingIds) for (const id of here.keys()) if (!incomingIds.has(id)) c.remove++;
  }
  if (mode === 'merge') {
    // A deletion from the other computer removes the row here if it was not edited since.
    const written = new Set(writes.deletions.map((d) => d.id));
    for (const d of incoming.deletions as Deletion[]) {
      const t = d.table;
      const rowUpdated = local[t].get(d.rowId);
      if (rowUpdated === undefined || d.updatedAt <= rowUpdated) continue;
      (deletes[t] ??= []).push(d.rowId);
      changes.get(t)!.remove++;
      if (!written.has(d.id)) writes.deletions.push(d);
    }
    // A backup row that one of the backup's own deletions outdates is not written back.
    for (const t of TABLE_NAMES) {
      const gone = deletes[t];
      if (!gone?.length) continue;
      const ids = new Set(gone);
      writes[t] = (writes[t] as { id: string }[]).filter((r) => !ids.has(r.id)) as never;
    }
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

/**
 * Helpers shared by the backup, undo and deletion tests: the whole database as sorted rows, and
 * the rollups against a full recomputation.
 */
import { expect } from 'vitest';
import type { PawtnersDb } from '../../src/db/db';
import { emptyBackupData, type BackupData } from '../../src/domain/backup-plan';
import { TABLE_NAMES } from '../../src/domain/schemas';
import { buildAllStats } from '../../src/domain/stats';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every backed-up table (deletion records included), rows in id order: "the same data". */
export async function dump(db: PawtnersDb): Promise<BackupData> {
  const out = emptyBackupData() as Record<string, unknown[]>;
  for (const t of TABLE_NAMES) out[t] = await db.table(t).orderBy(':id').toArray();
  return out as BackupData;
}

/** A backup's rows in id order, to compare with dump(). */
export function sorted(data: BackupData): BackupData {
  const out = emptyBackupData() as Record<string, unknown[]>;
  for (const t of TABLE_NAMES) out[t] = [...(data[t] as { id: string }[])].sort(byId);
  return out as BackupData;
}

/** The stored rollups equal a full recomputation from the stored rows (see stats.test.ts). */
export async function expectRollupsRight(db: PawtnersDb): Promise<void> {
  const settings = await db.settings.get('settings');
  const recomputed = buildAllStats(
    (await db.partners.toArray()).map((p) => p.id),
    await db.orders.toArray(),
    await db.contentItems.toArray(),
    await db.contracts.toArray(),
    settings?.timeZone ?? 'America/New_York',
  );
  const stored = await db.partnerStats.toArray();
  expect(new Map(stored.map((s) => [s.partnerId, s]))).toEqual(
    new Map(recomputed.map((s) => [s.partnerId, s])),
  );
}

/**
 * Re-crediting stored orders after partners' codes, slugs or handles changed: a preview that
 * writes nothing, then the moves in one transaction with an undo log (the same log order imports
 * use), so "Undo" puts every order back as it was. Manual credits never move.
 */
import {
  buildAttributionIndex,
  describeMoves,
  reattributionMoves,
  type CreditMove,
} from '../domain/attribution';
import type { Order } from '../domain/schemas';
import { WRITE_ALL_TABLES, type PawtnersDb } from './db';
import { forEachOrder } from './orders';
import { deferRollups, finishRollups } from './rollups';
import { readSettings } from './repo';
import { applyUndo, UndoRecorder } from './undo';

/** What re-crediting would do, and the versions of the orders it was made from. */
export interface ReattributionPlan {
  moves: CreditMove[];
  /** Order id -> updatedAt when previewed: the moves are refused if any changed since. */
  baseVersions: Record<string, number>;
  /** The preview in the owner's words (partner names, "3 from unattributed"). */
  lines: string[];
}

/** Every stored order checked against the partners' codes, slugs and handles now. Writes nothing. */
export async function planReattribution(db: PawtnersDb): Promise<ReattributionPlan> {
  const [settings, partners] = await Promise.all([readSettings(db), db.partners.toArray()]);
  const index = buildAttributionIndex(partners);
  const moves: CreditMove[] = [];
  const baseVersions: Record<string, number> = {};
  await forEachOrder(db, {}, (orders) => {
    const found = reattributionMoves(orders, index, settings.multiCodeRule);
    if (found.length === 0) return;
    const byId = new Map(orders.map((o) => [o.id, o]));
    for (const m of found) {
      moves.push(m);
      baseVersions[m.orderId] = byId.get(m.orderId)!.updatedAt;
    }
  });
  const names = new Map(partners.map((p) => [p.id, p.name]));
  return {
    moves,
    baseVersions,
    lines: describeMoves(moves, (id) => names.get(id) ?? 'a deleted partner'),
  };
}

/** The orders changed, or a partner was deleted, between the preview and the confirmation. */
export class ReattributionConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReattributionConflictError';
  }
}

/**
 * Apply a previewed plan, all or nothing, with an undo log. Refused (nothing written) when an
 * order changed since the preview or a partner it moves to no longer exists.
 */
export async function applyReattribution(
  db: PawtnersDb,
  plan: ReattributionPlan,
  now = Date.now(),
): Promise<{ moved: number; undoId: string }> {
  const undoId = await db.transaction(
    'rw',
    [db.orders, db.partners, db.settings, db.deletions, db.undoLog, db.undoRows],
    async () => {
      deferRollups();
      const targets = [...new Set(plan.moves.map((m) => m.toId).filter((p) => p !== null))];
      const found = await db.partners.bulkGet(targets);
      if (found.some((p) => !p))
        throw new ReattributionConflictError(
          'A partner these orders would move to was deleted since the preview. Nothing was changed.',
        );
      const rec = new UndoRecorder(db);
      const before = await rec.capture<Order>(
        'orders',
        plan.moves.map((m) => m.orderId),
      );
      const stale = plan.moves.filter(
        (m) => before.get(m.orderId)?.updatedAt !== plan.baseVersions[m.orderId],
      ).length;
      if (stale)
        throw new ReattributionConflictError(
          `${stale} order${stale === 1 ? '' : 's'} changed since the preview. Nothing was changed; check again.`,
        );
      await db.orders.bulkPut(
        plan.moves.map((m) => ({
          ...before.get(m.orderId)!,
          partnerId: m.toId,
          attribution: m.attribution,
          updatedAt: now,
        })),
      );
      await finishRollups();
      return rec.save(`Before re-crediting ${plan.moves.length} orders`, now);
    },
  );
  return { moved: plan.moves.length, undoId };
}

/** Put the orders back as they were before a re-crediting. */
export async function undoReattribution(db: PawtnersDb, undoId: string): Promise<void> {
  await db.transaction('rw', [...WRITE_ALL_TABLES], async () => {
    if (!(await applyUndo(db, undoId)))
      throw new Error('That change can no longer be undone (a newer import replaced its undo).');
  });
}

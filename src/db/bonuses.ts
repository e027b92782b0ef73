/**
 * One-off bonuses and milestone rules. Each write checks the record against its schema first and
 * is one row, so a refused save leaves nothing behind; deletions are recorded by the deletions
 * middleware like every other table's.
 */
import type { z } from 'zod';
import { bonusRuleSchema, bonusSchema, type Bonus, type BonusRule } from '../domain/schemas';
import type { PawtnersDb } from './db';
import { newId } from './ids';

type Stamped = { id: string; createdAt: number; updatedAt: number };

/** Add (id null) or change one row of `table`, checked by `schema`; `fields` only are taken. */
async function putRow<R extends Stamped, F extends object>(
  table: { get: (id: string) => Promise<R | undefined>; put: (row: R) => Promise<unknown> },
  schema: z.ZodType<R>,
  id: string | null,
  fields: F,
  keys: readonly (keyof F)[],
  now: number,
  gone: string,
): Promise<R> {
  const old = id ? await table.get(id) : undefined;
  if (id && !old) throw new Error(gone);
  const picked = Object.fromEntries(keys.map((k) => [k, fields[k]]));
  const row = schema.parse({
    ...picked,
    id: id ?? newId(),
    createdAt: old?.createdAt ?? now,
    updatedAt: now,
  });
  await table.put(row);
  return row;
}

type BonusFields = Pick<Bonus, 'partnerId' | 'amountCents' | 'date' | 'reason'>;
type RuleFields = Pick<
  BonusRule,
  'name' | 'kind' | 'minMonthlyRevenueCents' | 'bonusCents' | 'active'
>;

/** Add (id null) or change a partner's one-off bonus. */
export function saveBonus(
  db: PawtnersDb,
  id: string | null,
  fields: BonusFields,
  now = Date.now(),
): Promise<Bonus> {
  return db.transaction('rw', [db.bonuses, db.partners], async () => {
    if (!(await db.partners.get(fields.partnerId)))
      throw new Error('This partner no longer exists.');
    const keys = ['partnerId', 'amountCents', 'date', 'reason'] as const;
    return putRow<Bonus, BonusFields>(
      db.bonuses,
      bonusSchema,
      id,
      fields,
      keys,
      now,
      'This bonus was deleted meanwhile.',
    );
  });
}

export async function deleteBonus(db: PawtnersDb, id: string): Promise<void> {
  await db.bonuses.delete(id);
}

/** Add (id null) or change a milestone rule. */
export function saveBonusRule(
  db: PawtnersDb,
  id: string | null,
  fields: RuleFields,
  now = Date.now(),
): Promise<BonusRule> {
  const keys = ['name', 'kind', 'minMonthlyRevenueCents', 'bonusCents', 'active'] as const;
  return db.transaction('rw', db.bonusRules, () =>
    putRow<BonusRule, RuleFields>(
      db.bonusRules,
      bonusRuleSchema,
      id,
      fields,
      keys,
      now,
      'This rule was deleted meanwhile.',
    ),
  );
}

export async function deleteBonusRule(db: PawtnersDb, id: string): Promise<void> {
  await db.bonusRules.delete(id);
}

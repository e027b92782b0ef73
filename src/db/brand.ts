/**
 * The brand's own records: its follower counts per platform and month (the awareness chart).
 * Every write is checked against the schema first and happens in one transaction.
 */
import { brandFollowerSchema, type BrandFollowerCount, type Platform } from '../domain/schemas';
import type { PawtnersDb } from './db';
import { newId } from './ids';

/** A follower count as the form or a CSV file gives it. */
export interface FollowerCountInput {
  month: string;
  platform: Platform;
  followers: number;
}

/** Every stored follower count (one per platform and month: a small table). */
export function allBrandFollowers(db: PawtnersDb): Promise<BrandFollowerCount[]> {
  return db.brandFollowers.toArray();
}

/**
 * Save follower counts, all or none. One count per platform and month: a count for a month
 * already stored replaces it (keeping its id), and within `rows` the last one for a month wins.
 * A count the schema refuses (a month not like 2025-03, a negative or fractional number) throws
 * before anything is written.
 */
export async function saveBrandFollowers(
  db: PawtnersDb,
  rows: readonly FollowerCountInput[],
  now = Date.now(),
): Promise<void> {
  const byKey = new Map<string, FollowerCountInput>();
  for (const r of rows) byKey.set(`${r.platform}|${r.month}`, r);
  const wanted = [...byKey.values()];
  await db.transaction('rw', db.brandFollowers, async () => {
    const stored = await Promise.all(
      wanted.map((r) =>
        db.brandFollowers.where('[platform+month]').equals([r.platform, r.month]).first(),
      ),
    );
    const records = wanted.map((r, i) => {
      const before = stored[i];
      const v = brandFollowerSchema.safeParse({
        id: before?.id ?? newId(),
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
        platform: r.platform,
        month: r.month,
        followers: r.followers,
      });
      if (!v.success) {
        const issue = v.error.issues[0];
        throw new Error(
          `The ${String(r.platform)} count for ${String(r.month)} is not valid: ${issue?.path.join('.')} ${issue?.message}`,
        );
      }
      return v.data;
    });
    await db.brandFollowers.bulkPut(records);
  });
}

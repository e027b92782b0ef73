/** Contract history: terms change over time; the contract active on a date applies. */
import type { Contract } from './schemas';

/** True when the contract covers the calendar date (start and end inclusive; null end = open). */
export function contractActiveOn(
  c: Pick<Contract, 'startDate' | 'endDate'>,
  date: string,
): boolean {
  return c.startDate <= date && (c.endDate === null || date <= c.endDate);
}

/**
 * The contract that applies on `date` among one partner's contracts, or null. Contracts of a
 * partner never overlap (validated on save); if stored data does, the latest start wins.
 */
export function activeContractAt<T extends Pick<Contract, 'startDate' | 'endDate'>>(
  contracts: readonly T[],
  date: string,
): T | null {
  let best: T | null = null;
  for (const c of contracts) {
    if (contractActiveOn(c, date) && (!best || c.startDate > best.startDate)) best = c;
  }
  return best;
}

/** The first pair of contracts (of the same partner) whose date ranges overlap, or null. */
export function findContractOverlap<
  T extends Pick<Contract, 'id' | 'partnerId' | 'startDate' | 'endDate'>,
>(contracts: readonly T[]): [T, T] | null {
  const byPartner = new Map<string, T[]>();
  for (const c of contracts) byPartner.set(c.partnerId, [...(byPartner.get(c.partnerId) ?? []), c]);
  for (const list of byPartner.values()) {
    const sorted = [...list].sort((a, b) => a.startDate.localeCompare(b.startDate));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const cur = sorted[i]!;
      if (prev.endDate === null || prev.endDate >= cur.startDate) return [prev, cur];
    }
  }
  return null;
}

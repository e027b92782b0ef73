import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { indexFromStats } from '../../domain/compare';
import type { DateRange } from '../../domain/dates';
import { roi } from '../../domain/earnings';
import type { Partner, Settings } from '../../domain/schemas';
import { earningsFromStats } from '../../domain/stats';
import { readInChunks, useGone } from '../common/readInChunks';
import type { PartnerMetrics } from './usePartners';

/** Main-thread time one slice of the computation may take before typing and scrolling get a turn. */
const SLICE_MS = 8;

/** Rollups per read: about 1.5 MB, decoded in a few tens of milliseconds. */
const ROLLUPS_PER_READ = 250;

interface Computed {
  options: readonly unknown[];
  metrics: Map<string, PartnerMetrics>;
}

/**
 * Revenue, cost and ROI of every partner in a period, from the per-partner rollups (2,000 small
 * records) rather than every order: the same figures as partnerEarnings(), which Payouts and
 * Compare agree with (test/unit/stats.test.ts proves the rollups equal the records).
 *
 * For thousands of partners the sums take a few hundred milliseconds, so they run in short slices
 * between frames: the list can be searched and scrolled meanwhile, showing "…" for the figures.
 */
export function useListMetrics(
  partners: readonly Partner[] | undefined,
  range: DateRange,
  settings: Settings,
): Map<string, PartnerMetrics> | undefined {
  const gone = useGone();
  const records = useLiveQuery(async () => {
    const db = getDb();
    const [contracts, bonuses, bonusRules, rollups] = await Promise.all([
      db.contracts.toArray(),
      db.bonuses.toArray(),
      db.bonusRules.toArray(),
      readInChunks(db.partnerStats, (r) => r.partnerId, ROLLUPS_PER_READ, gone),
    ]);
    return { contracts, bonuses, bonusRules, rollups };
  }, [gone]);
  const { timeZone, countDiscountAsCost } = settings;
  const [computed, setComputed] = useState<Computed | null>(null);

  useEffect(() => {
    if (!partners || !records) return;
    const index = indexFromStats({ partners, ...records }, records.rollups);
    const metrics = new Map<string, PartnerMetrics>();
    let next = 0;
    let timer = 0;
    const slice = () => {
      const until = performance.now() + SLICE_MS;
      while (next < partners.length && performance.now() < until) {
        const p = partners[next++]!;
        const e = index.get(p.id)!;
        const earnings = earningsFromStats(
          e.stats,
          {
            kind: p.kind,
            contracts: e.contracts,
            bonuses: e.bonuses,
            bonusRules: records.bonusRules,
          },
          range,
          { timeZone, countDiscountAsCost },
        );
        metrics.set(p.id, { earnings, roi: roi(earnings.revenueCents, earnings.costCents) });
      }
      if (next < partners.length) timer = window.setTimeout(slice, 0);
      else setComputed({ options: [range, timeZone, countDiscountAsCost], metrics });
    };
    timer = window.setTimeout(slice, 0);
    return () => window.clearTimeout(timer);
  }, [partners, records, range, timeZone, countDiscountAsCost]);

  // After a data change the previous figures stay up for the moment the new ones take; figures of
  // another period or other options are never shown as current ones.
  const current =
    computed !== null &&
    [range, timeZone, countDiscountAsCost].every((x, i) => x === computed.options[i]);
  return current ? computed.metrics : undefined;
}

import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { cachedRows } from '../../app/table-cache';
import { getDb } from '../../db/db';
import { indexFromStats } from '../../domain/compare';
import type { DateRange } from '../../domain/dates';
import { roi } from '../../domain/earnings';
import type { Bonus, BonusRule, Contract, Partner, Settings } from '../../domain/schemas';
import { monthWindows, partnerPeriodWalk, preparePartner } from '../../domain/period-sums';
import type { PartnerStats } from '../../domain/stats';
import { readInChunks, useGone } from '../common/readInChunks';
import type { PartnerMetrics } from './usePartners';

/** Main-thread time one slice of the computation may take before typing and scrolling get a turn. */
const SLICE_MS = 8;

/** Rollups per read: about 1.5 MB, decoded in a few tens of milliseconds. */
const ROLLUPS_PER_READ = 250;

/** What the figures were computed from; arrays compare by identity. */
interface MetricsInputs {
  partners: readonly Partner[];
  contracts: readonly Contract[];
  bonuses: readonly Bonus[];
  bonusRules: readonly BonusRule[];
  rollups: readonly PartnerStats[];
  start: string;
  end: string;
  timeZone: string;
  countDiscountAsCost: boolean;
}

let lastComputed: { inputs: MetricsInputs; metrics: Map<string, PartnerMetrics> } | null = null;

function sameInputs(a: MetricsInputs, b: MetricsInputs): boolean {
  return (Object.keys(a) as (keyof MetricsInputs)[]).every((k) => a[k] === b[k]);
}

interface Computed {
  options: readonly unknown[];
  metrics: Map<string, PartnerMetrics>;
}

/**
 * Revenue, cost and ROI of every partner in a period, from the per-partner rollups (2,000 small
 * records) rather than every order: the same figures as partnerEarnings(), which Payouts and
 * Compare agree with (test/unit/stats.test.ts proves the rollups equal the records, and
 * test/unit/dashboard-figures.test.ts that partnerPeriodWalk equals earningsFromStats).
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
  // Usually already read by the Dashboard and unchanged since: then nothing is decoded again.
  const records = useLiveQuery(async () => {
    const [contracts, bonuses, bonusRules, rollups] = await Promise.all([
      cachedRows<Contract>('contracts'),
      cachedRows<Bonus>('bonuses'),
      cachedRows<BonusRule>('bonusRules'),
      cachedRows<PartnerStats>('partnerStats', {
        read: () => readInChunks(getDb().partnerStats, (r) => r.partnerId, ROLLUPS_PER_READ, gone),
        complete: () => !gone(),
      }),
    ]);
    return { contracts, bonuses, bonusRules, rollups };
  }, [gone]);
  const { timeZone, countDiscountAsCost } = settings;
  const [computed, setComputed] = useState<Computed | null>(null);

  useEffect(() => {
    if (!partners || !records) return;
    const inputs: MetricsInputs = {
      partners,
      ...records,
      start: range.start,
      end: range.end,
      timeZone,
      countDiscountAsCost,
    };
    const options = [range, timeZone, countDiscountAsCost];
    // Back on the list with nothing changed (the kept copies are the very same arrays): the
    // figures of last time are still right, and recomputing them would compete with scrolling.
    if (lastComputed && sameInputs(lastComputed.inputs, inputs)) {
      setComputed({ options, metrics: lastComputed.metrics });
      return;
    }
    const index = indexFromStats({ partners, ...records }, records.rollups);
    const windows = monthWindows(range);
    const metrics = new Map<string, PartnerMetrics>();
    let next = 0;
    let timer = 0;
    const slice = () => {
      const until = performance.now() + SLICE_MS;
      while (next < partners.length && performance.now() < until) {
        const p = partners[next++]!;
        const e = index.get(p.id)!;
        const { earnings } = partnerPeriodWalk(
          e.stats,
          preparePartner(e, e.contracts, e.bonuses),
          p.kind,
          records.bonusRules,
          windows,
          { timeZone, countDiscountAsCost },
        );
        metrics.set(p.id, { earnings, roi: roi(earnings.revenueCents, earnings.costCents) });
      }
      if (next < partners.length) timer = window.setTimeout(slice, 0);
      else {
        lastComputed = { inputs, metrics };
        setComputed({ options, metrics });
      }
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

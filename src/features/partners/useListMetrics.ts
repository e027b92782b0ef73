import { useEffect, useState } from 'react';
import { useFigures } from '../../hooks/data';
import { indexFromStats } from '../../domain/compare';
import type { DateRange } from '../../domain/dates';
import { roi } from '../../domain/earnings';
import { followersByPlatform, partnerFigures, postTotals } from '../../domain/partner-figures';
import type { Partner, Settings } from '../../domain/schemas';
import { monthWindows, partnerPeriodWalk, preparePartner } from '../../domain/period-sums';
import type { PartnerMetrics } from './usePartners';

/** Main-thread time one slice of the computation may take before typing and scrolling get a turn. */
const SLICE_MS = 8;

interface Computed {
  options: readonly unknown[];
  metrics: Map<string, PartnerMetrics>;
}

/**
 * Revenue, cost and ROI of every partner in a period, from the per-partner rollups (2,000 small
 * records) rather than every order: the same figures as partnerEarnings(), which Payouts and
 * Compare agree with (test/unit/stats.test.ts proves the rollups equal the records, and
 * test/unit/dashboard-figures.test.ts that partnerPeriodWalk equals earningsFromRollup).
 *
 * For thousands of partners the sums take a few hundred milliseconds, so they run in short slices
 * between frames: the list can be searched and scrolled meanwhile, showing "…" for the figures.
 */
export function useListMetrics(
  partners: readonly Partner[] | undefined,
  range: DateRange,
  settings: Settings,
): Map<string, PartnerMetrics> | undefined {
  // Contracts, bonuses and rules are small tables; the rollups are one small record per partner
  // (the shared figures, src/db/figures.ts).
  const records = useFigures();
  const { timeZone, countDiscountAsCost, cpmCents } = settings;
  const [computed, setComputed] = useState<Computed | null>(null);

  useEffect(() => {
    if (!partners || !records) return;
    const options = [range, timeZone, countDiscountAsCost, cpmCents];
    const index = indexFromStats({ ...records, partners }, records.rollups);
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
          preparePartner(e, e.contracts, e.bonuses, e.gifts),
          p.kind,
          records.bonusRules,
          windows,
          { timeZone, countDiscountAsCost },
        );
        const posts = postTotals(e.stats.posts, range, followersByPlatform(p));
        metrics.set(p.id, {
          earnings,
          roi: roi(earnings.revenueCents, earnings.costCents),
          figures: partnerFigures(earnings, posts, cpmCents),
        });
      }
      if (next < partners.length) timer = window.setTimeout(slice, 0);
      else setComputed({ options, metrics });
    };
    timer = window.setTimeout(slice, 0);
    return () => window.clearTimeout(timer);
  }, [partners, records, range, timeZone, countDiscountAsCost, cpmCents]);

  // After a data change the previous figures stay up for the moment the new ones take; figures of
  // another period or other options are never shown as current ones.
  const current =
    computed !== null &&
    [range, timeZone, countDiscountAsCost, cpmCents].every((x, i) => x === computed.options[i]);
  return current ? computed.metrics : undefined;
}

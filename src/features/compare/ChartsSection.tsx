import { memo, useEffect, useMemo, useState } from 'react';
import type { Comparison } from '../../domain/compare';
import type { Settings } from '../../domain/schemas';
import {
  LeaderboardChart,
  QuantityQualityChart,
  RevenueCostChart,
  RoiCpaChart,
  SpendMixChart,
} from './Charts';
import { formatPeriod } from '../../domain/format-period';

const CHARTS = 5;

/**
 * The charts of one comparison; memoized, so re-rendering the table leaves them alone. On first
 * show they mount one per task: creating a chart.js chart is a long task, and five in a row would
 * hold up the next input (a period change right after the figures appear) for all five.
 */
export const ChartsSection = memo(function ChartsSection({
  c,
  settings,
}: {
  c: Comparison;
  settings: Settings;
}) {
  const kinds = useMemo(() => [c.kinds.ambassador, c.kinds.affiliate], [c]);
  const [shown, setShown] = useState(1);
  useEffect(() => {
    if (shown >= CHARTS) return;
    const timer = setTimeout(() => setShown((n) => n + 1), 0);
    return () => clearTimeout(timer);
  }, [shown]);
  return (
    <div className="stack">
      <div className="grid-2">
        <RevenueCostChart c={c} s={settings} />
        {shown > 1 && <RoiCpaChart kinds={kinds} s={settings} />}
        {shown > 2 && <QuantityQualityChart c={c} s={settings} />}
        {shown > 3 && <SpendMixChart kinds={kinds} s={settings} />}
      </div>
      {shown > 4 && (
        <LeaderboardChart c={c} s={settings} periodLabel={formatPeriod(c.range, settings.locale)} />
      )}
    </div>
  );
});

import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { storedSettings } from '../../db/repo';
import { useFigures } from '../../hooks/data';
import type { CompareBase } from '../../domain/compare';
import { defaultSettings } from '../../domain/constants';
import type { Settings } from '../../domain/schemas';
import { ORDER_STRIDE, type PartnerStats } from '../../domain/stats';

const FALLBACK_SETTINGS = defaultSettings(0);

export interface DashboardData extends CompareBase {
  settings: Settings;
  rollups: readonly PartnerStats[];
}

/**
 * Everything the KPI figures need: the shared figures (src/db/figures.ts) and the settings, handed
 * out together so the figures are computed once with the brand's real options (not first with
 * defaults, then again).
 */
export function useDashboardData(): DashboardData | undefined {
  const settings = useLiveQuery(
    async () => (await storedSettings(getDb())) ?? FALLBACK_SETTINGS,
    [],
  );
  const figures = useFigures();
  return useMemo(
    () => (settings && figures ? { settings, ...figures } : undefined),
    [settings, figures],
  );
}

/**
 * Every stored order, cancelled ones too, from the rollups (orders credited to nobody have a
 * rollup of their own), so start-up never counts the orders themselves.
 */
export function storedOrderCount(rollups: readonly PartnerStats[]): number {
  let n = 0;
  for (const r of rollups) {
    const od = r.orderDays;
    for (let i = 5; i < od.length; i += ORDER_STRIDE) n += od[i]!;
  }
  return n;
}

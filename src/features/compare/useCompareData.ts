import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { getDb } from '../../db/db';
import { useSettings } from '../../db/hooks';
import { indexByPartner, type CompareData } from '../../domain/compare';
import { dateInZone } from '../../domain/dates';

/** Every record the comparison needs, live from the database (undefined while loading). */
export function useCompareData(): CompareData | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [partners, contracts, campaigns, contentItems, orders, bonuses, bonusRules] =
      await Promise.all([
        db.partners.toArray(),
        db.contracts.toArray(),
        db.campaigns.toArray(),
        db.contentItems.toArray(),
        db.orders.toArray(),
        db.bonuses.toArray(),
        db.bonusRules.toArray(),
      ]);
    return { partners, contracts, campaigns, contentItems, orders, bonuses, bonusRules };
  }, []);
}

/** Records grouped by partner once per data change, shared by every figure and chart. */
export function usePartnerIndex(data: CompareData | undefined) {
  return useMemo(() => (data ? indexByPartner(data) : undefined), [data]);
}

/** Options of the comparison from the brand settings, with today in the brand's time zone. */
export function useCompareOptions() {
  const settings = useSettings();
  const today = dateInZone(Date.now(), settings.timeZone);
  return useMemo(
    () => ({
      settings,
      opts: {
        timeZone: settings.timeZone,
        countDiscountAsCost: settings.countDiscountAsCost,
        cpmCents: settings.cpmCents,
        today,
      },
    }),
    [settings, today],
  );
}

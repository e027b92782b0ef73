import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { convertedOrders } from '../../db/converted';
import { getDb } from '../../db/db';
import { ordersNotInCurrency } from '../../db/orders';
import { earliestDate, indexFromStats, payoutsOwed, type PartnerIndex } from '../../domain/compare';
import {
  apartAsPaid,
  convertedTotals,
  foreignCurrencyTotals,
  rangeMs,
  type ConvertedTotals,
  type CurrencyTotals,
  type PartnerTerms,
} from '../../domain/currency-totals';
import { dateInZone, type DateRange } from '../../domain/dates';
import { formatPeriod } from '../../domain/format-period';
import { activitySpan, periodWithData } from '../../domain/period-offer';
import { PERIOD_PRESETS, presetRange, type PeriodPreset } from '../../domain/period-presets';
import type { Payout } from '../../domain/schemas';
import { dashboardFigures } from './dashboardFigures';
import type { DashboardData } from './useDashboardData';

export type DashboardPreset = Exclude<PeriodPreset, 'custom'>;
export const DASHBOARD_PRESETS = PERIOD_PRESETS.filter(
  (p): p is { id: DashboardPreset; label: string } => p.id !== 'custom',
);
/** Partners the Dashboard's top card shows. */
export const TOP_PARTNERS = 5;
/** Owed counts everything earned up to today: from this day on. */
const BEGINNING = '2000-01-01';

/** Orders in other currencies than the brand's: in the period, and up to today (for owed). */
export interface ForeignTotals {
  period: CurrencyTotals[];
  upToToday: CurrencyTotals[];
}

/**
 * The Dashboard's period (a preset, or the period with data it offered), its figures, what is
 * owed today, and the totals of orders kept apart in other currencies.
 */
export function useDashboardPeriod(
  data: DashboardData,
  paid: readonly Pick<Payout, 'partnerId' | 'amountCents'>[] | undefined,
  later: boolean,
) {
  const { settings } = data;
  const today = dateInZone(Date.now(), settings.timeZone);
  const opts = useMemo(
    () => ({
      timeZone: settings.timeZone,
      countDiscountAsCost: settings.countDiscountAsCost,
      cpmCents: settings.cpmCents,
      today,
    }),
    [settings, today],
  );
  const index = useMemo(() => indexFromStats(data, data.rollups), [data]);
  const [preset, setPreset] = useState<DashboardPreset>('last-30');
  // The period offered when the preset had no data, once the owner took it.
  const [custom, setCustom] = useState<DateRange | null>(null);
  // Only "All time" needs the first day with data; the other periods skip that pass.
  const earliest = useMemo(
    () => (preset === 'all-time' ? earliestDate(data, index) : null),
    [preset, data, index],
  );
  const presetDates = useMemo(
    () => presetRange(preset, today, earliest),
    [preset, today, earliest],
  );
  const range = custom ?? presetDates;
  const span = useMemo(() => activitySpan(index), [index]);
  const offer = custom ? null : periodWithData(range, span);
  const figures = useMemo(
    () => dashboardFigures(data, index, range, opts),
    [data, index, range, opts],
  );
  const terms = usePartnerTerms(data, index);
  const foreign = useForeignTotals(data, terms, range, today, later);
  const converted = useConvertedTotals(terms, range, data.settings.timeZone, later);
  const owed = useMemo(() => {
    if (!paid || !foreign) return undefined;
    // Commission earned on orders in other currencies is not owed in the brand's: take it out
    // as if paid, so the figure holds the brand's currency only.
    return payoutsOwed(data, index, [...paid, ...apartAsPaid(foreign.upToToday)], opts);
  }, [data, index, paid, foreign, opts]);
  const label = custom
    ? formatPeriod(custom, settings.locale)
    : (DASHBOARD_PRESETS.find((p) => p.id === preset)?.label ?? '');
  return {
    preset,
    choosePreset: (p: DashboardPreset) => {
      setCustom(null);
      setPreset(p);
    },
    custom,
    setCustom,
    range,
    label,
    span,
    offer,
    figures,
    opts,
    foreign,
    converted,
    owed,
    today,
  };
}

export type DashboardPeriod = ReturnType<typeof useDashboardPeriod>;

/**
 * Credited orders not in the brand's currency, summed per currency: the currencies come from
 * the [currency+placedAtMs] index (one jump each), then only those orders are read. Nothing is
 * read until `later` (after the first figures are on screen).
 */
function useForeignTotals(
  data: DashboardData,
  terms: ReadonlyMap<string, PartnerTerms>,
  range: DateRange,
  today: string,
  later: boolean,
): ForeignTotals | undefined {
  const { currency, timeZone } = data.settings;
  const orders = useLiveQuery(async () => {
    if (!later) return undefined;
    return ordersNotInCurrency(
      getDb(),
      currency,
      -Infinity,
      rangeMs({ start: today, end: today }).toMs,
    );
  }, [later, currency, today]);
  return useMemo(() => {
    if (!orders) return undefined;
    return {
      period: foreignCurrencyTotals(orders, terms, range, currency, timeZone),
      upToToday: foreignCurrencyTotals(
        orders,
        terms,
        { start: BEGINNING, end: today },
        currency,
        timeZone,
      ),
    };
  }, [orders, terms, range, currency, timeZone, today]);
}

/** Each partner's kind and contracts, for the sums of orders read one by one. */
function usePartnerTerms(data: DashboardData, index: PartnerIndex): Map<string, PartnerTerms> {
  return useMemo(() => {
    const m = new Map<string, PartnerTerms>();
    for (const p of data.partners)
      m.set(p.id, { kind: p.kind, contracts: index.get(p.id)?.contracts ?? [] });
    return m;
  }, [data, index]);
}

/**
 * Credited orders of the period converted from another currency at import, per currency and
 * rate (in the figures; the cards say so). Only converted orders are read, by their own index.
 */
function useConvertedTotals(
  terms: ReadonlyMap<string, PartnerTerms>,
  range: DateRange,
  timeZone: string,
  later: boolean,
): ConvertedTotals[] | undefined {
  const { start, end } = range;
  const orders = useLiveQuery(async () => {
    if (!later) return undefined;
    const { fromMs, toMs } = rangeMs({ start, end });
    return convertedOrders(getDb(), fromMs, toMs);
  }, [later, start, end]);
  return useMemo(
    () => orders && convertedTotals(orders, terms, { start, end }, timeZone),
    [orders, terms, start, end, timeZone],
  );
}

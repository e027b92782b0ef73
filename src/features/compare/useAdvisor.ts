import { useMemo, useState } from 'react';
import {
  DEFAULT_SCALE_EXPONENT,
  measureEconomics,
  recommend,
  resolveEconomics,
  type EconomicsKey,
  type Goal,
  type UnitEconomics,
} from '../../domain/advisor';
import type { CompareBase, PartnerIndex } from '../../domain/compare';
import { addDays, addMonths } from '../../domain/dates';
import { centsToDecimal, formatMoney, parseMoney } from '../../domain/money';
import { PARTNER_KINDS, type PartnerKind } from '../../domain/schemas';
import { useCompareOptions } from './useCompareData';

const MONEY_KEYS = new Set<EconomicsKey>(['costPerThousandReachCents', 'cpaCents', 'aovCents']);

export type Edits = Partial<Record<PartnerKind, Partial<Record<EconomicsKey, string>>>>;

/** What the owner typed, as a value of the key's unit (cents, a 0..1 share, months); null if bad. */
export function parseEdit(key: EconomicsKey, text: string): number | null {
  if (MONEY_KEYS.has(key)) {
    const c = parseMoney(text);
    return c !== null && c > 0 ? c : null;
  }
  const n = Number(text.replace(',', '.'));
  if (!Number.isFinite(n) || text.trim() === '') return null;
  if (key === 'monthlyRetention') return n >= 0 && n <= 100 ? n / 100 : null;
  return n >= 1 && n <= 24 ? Math.round(n) : null;
}

export function showValue(key: EconomicsKey, v: number): string {
  if (MONEY_KEYS.has(key)) return centsToDecimal(Math.round(v));
  if (key === 'monthlyRetention') return String(Math.round(v * 1000) / 10);
  return String(v);
}

/** The advisor's inputs (goal, budget, edits…) and the recommendation they lead to. */
export function useAdvisor(data: CompareBase, index: PartnerIndex) {
  const { settings, opts } = useCompareOptions();
  const [goal, setGoal] = useState<Goal>('mix');
  const [budget, setBudget] = useState(300_000);
  const [horizon, setHorizon] = useState(3);
  const [niche, setNiche] = useState('');
  const [split, setSplit] = useState<number | null>(null);
  const [edits, setEdits] = useState<Edits>({});
  const [exponent, setExponent] = useState(String(DEFAULT_SCALE_EXPONENT));
  const money = (c: number) => formatMoney(Math.round(c), settings.currency, settings.locale);

  const niches = useMemo(
    () => [...new Set(data.partners.map((p) => p.niche.trim()).filter(Boolean))].sort(),
    [data.partners],
  );
  const measured = useMemo(
    () =>
      measureEconomics(
        data,
        index,
        { start: addDays(addMonths(opts.today, -12), 1), end: opts.today },
        niche || null,
        opts,
      ),
    [data, index, niche, opts],
  );
  const parsedEdits = useMemo(() => {
    const out: Partial<Record<PartnerKind, Partial<UnitEconomics>>> = {};
    for (const k of PARTNER_KINDS)
      for (const [key, text] of Object.entries(edits[k] ?? {}) as [EconomicsKey, string][]) {
        const v = parseEdit(key, text);
        if (v !== null) out[k] = { ...out[k], [key]: v };
      }
    return out;
  }, [edits]);
  const resolved = resolveEconomics(measured, parsedEdits);
  const exp = Number(exponent);
  const expOk = Number.isFinite(exp) && exp > 0 && exp <= 1;
  const rec = recommend(
    {
      goal,
      monthlyBudgetCents: budget,
      horizonMonths: horizon,
      economics: resolved.values,
      monthlySpendCents: measured.monthlySpendCents,
      scaleExponent: expOk ? exp : DEFAULT_SCALE_EXPONENT,
    },
    settings,
  );
  const chosenShare = split ?? rec.best.ambassadorShare;
  const chosen = rec.projections.find((p) => Math.abs(p.ambassadorShare - chosenShare) < 1e-9)!;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return {
    settings,
    money,
    pct,
    goal,
    setGoal,
    budget,
    setBudget,
    horizon,
    setHorizon,
    niche,
    setNiche,
    niches,
    setSplit,
    edits,
    setEdits,
    exponent,
    setExponent,
    exp,
    expOk,
    measured,
    resolved,
    rec,
    chosen,
    chosenShare,
  };
}

export type Advisor = ReturnType<typeof useAdvisor>;

import { Lightbulb } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Card } from '../../components/ui';
import {
  BENCHMARK_SOURCE,
  BENCHMARKS,
  DEFAULT_SCALE_EXPONENT,
  ECONOMICS_LABEL,
  GOAL_LABEL,
  measureEconomics,
  recommend,
  resolveEconomics,
  SPLITS,
  type EconomicsKey,
  type EconomicsSource,
  type Goal,
  type UnitEconomics,
} from '../../domain/advisor';
import { KIND_NAMES, type CompareBase, type PartnerIndex } from '../../domain/compare';
import { addDays, addMonths } from '../../domain/dates';
import { safeLocale } from '../../domain/intl';
import { centsToDecimal, formatMoney, parseMoney } from '../../domain/money';
import { PARTNER_KINDS, type PartnerKind } from '../../domain/schemas';
import { useCompareOptions } from './useCompareData';

const KEYS: EconomicsKey[] = [
  'costPerThousandReachCents',
  'cpaCents',
  'aovCents',
  'monthlyRetention',
  'rampMonths',
];
const MONEY_KEYS = new Set<EconomicsKey>(['costPerThousandReachCents', 'cpaCents', 'aovCents']);

type Edits = Partial<Record<PartnerKind, Partial<Record<EconomicsKey, string>>>>;

/** What the owner typed, as a value of the key's unit (cents, a 0..1 share, months); null if bad. */
function parseEdit(key: EconomicsKey, text: string): number | null {
  if (MONEY_KEYS.has(key)) {
    const c = parseMoney(text);
    return c !== null && c > 0 ? c : null;
  }
  const n = Number(text.replace(',', '.'));
  if (!Number.isFinite(n) || text.trim() === '') return null;
  if (key === 'monthlyRetention') return n >= 0 && n <= 100 ? n / 100 : null;
  return n >= 1 && n <= 24 ? Math.round(n) : null;
}

function showValue(key: EconomicsKey, v: number): string {
  if (MONEY_KEYS.has(key)) return centsToDecimal(Math.round(v));
  if (key === 'monthlyRetention') return String(Math.round(v * 1000) / 10);
  return String(v);
}

const SOURCE_LABEL: Record<EconomicsSource, string> = {
  yours: 'Your data',
  benchmark: 'Benchmark',
  edited: 'Edited',
};

export function AdvisorView({ data, index }: { data: CompareBase; index: PartnerIndex }) {
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

  return (
    <div className="stack">
      <p className="muted advisor-intro">
        Choosing the right strategy for your brand: tell Pawtners what you want from next
        quarter&apos;s budget. It uses what each kind of partner has cost and brought you over the
        last 12 months, and a benchmark where your data is thin.
      </p>
      <div className="advisor-grid">
        <Card title="Your plan">
          <fieldset className="goal">
            <legend>Goal</legend>
            {(Object.keys(GOAL_LABEL) as Goal[]).map((g) => (
              <label key={g} className="check">
                <input
                  type="radio"
                  name="advisor-goal"
                  value={g}
                  checked={goal === g}
                  onChange={() => setGoal(g)}
                />
                {GOAL_LABEL[g]}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="adv-budget">Monthly budget: {money(budget)}</label>
            <input
              id="adv-budget"
              type="range"
              min={10_000}
              max={2_000_000}
              step={10_000}
              value={budget}
              onChange={(e) => setBudget(Number(e.target.value))}
            />
          </div>
          <div className="field">
            <label htmlFor="adv-horizon">
              Horizon: {horizon} month{horizon === 1 ? '' : 's'}
            </label>
            <input
              id="adv-horizon"
              type="range"
              min={1}
              max={24}
              step={1}
              value={horizon}
              onChange={(e) => setHorizon(Number(e.target.value))}
            />
          </div>
          <div className="field">
            <label htmlFor="adv-niche">Audience niche</label>
            <select id="adv-niche" value={niche} onChange={(e) => setNiche(e.target.value)}>
              <option value="">All niches</option>
              {niches.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
        </Card>
        <Card title="Recommendation" className="advisor-rec">
          <div className="rec-split" aria-hidden="true">
            <div className="rec-amb" style={{ flexGrow: rec.best.ambassadorShare || 0.0001 }}>
              {rec.best.ambassadorShare > 0 ? `Ambassadors ${pct(rec.best.ambassadorShare)}` : ''}
            </div>
            <div className="rec-aff" style={{ flexGrow: 1 - rec.best.ambassadorShare || 0.0001 }}>
              {rec.best.ambassadorShare < 1
                ? `Micro-affiliates ${pct(1 - rec.best.ambassadorShare)}`
                : ''}
            </div>
          </div>
          <div className="rec-legend muted small">
            <span>
              <span className="dot dot-ambassador" /> {KIND_NAMES.ambassador}
            </span>
            <span>
              <span className="dot dot-affiliate" /> {KIND_NAMES.affiliate}
            </span>
          </div>
          <div role="status" aria-live="polite" className="rec-text">
            <Lightbulb size={18} aria-hidden="true" />
            <div>
              {rec.explanation.map((t) => (
                <p key={t}>{t}</p>
              ))}
            </div>
          </div>
        </Card>
      </div>

      <Card title="Try another split">
        <div className="field">
          <label htmlFor="adv-split">
            Share for brand ambassadors: {pct(chosenShare)} ({money(budget * chosenShare)} a month)
          </label>
          <input
            id="adv-split"
            type="range"
            min={0}
            max={100}
            step={10}
            value={Math.round(chosenShare * 100)}
            onChange={(e) => setSplit(Number(e.target.value) / 100)}
          />
        </div>
        <dl className="advisor-kpis">
          <div>
            <dt>People reached</dt>
            <dd>{chosen.reach.toLocaleString(safeLocale(settings.locale))}</dd>
          </div>
          <div>
            <dt>Orders</dt>
            <dd>{Math.round(chosen.orders).toLocaleString(safeLocale(settings.locale))}</dd>
          </div>
          <div>
            <dt>Revenue</dt>
            <dd>{money(chosen.revenueCents)}</dd>
          </div>
          <div>
            <dt>ROI</dt>
            <dd>{chosen.roi === null ? '—' : pct(chosen.roi)}</dd>
          </div>
        </dl>
        <table className="table advisor-table" aria-label="Projection by budget split">
          <thead>
            <tr>
              <th scope="col">Ambassadors / affiliates</th>
              <th scope="col" className="num">
                Reach
              </th>
              <th scope="col" className="num">
                Orders
              </th>
              <th scope="col" className="num">
                Revenue
              </th>
              <th scope="col" className="num">
                ROI
              </th>
            </tr>
          </thead>
          <tbody>
            {rec.projections.map((p) => {
              const best = p === rec.best;
              return (
                <tr
                  key={p.ambassadorShare}
                  className={`${best ? 'best' : ''} ${p === chosen ? 'chosen' : ''}`}
                >
                  <th scope="row">
                    {pct(p.ambassadorShare)} / {pct(1 - p.ambassadorShare)}
                    {best ? <span className="badge badge-best">Recommended</span> : null}
                  </th>
                  <td className="num">{p.reach.toLocaleString(safeLocale(settings.locale))}</td>
                  <td className="num">
                    {Math.round(p.orders).toLocaleString(safeLocale(settings.locale))}
                  </td>
                  <td className="num">{money(p.revenueCents)}</td>
                  <td className="num">{p.roi === null ? '—' : pct(p.roi)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="muted small">
          {SPLITS.length} splits over {horizon} month{horizon === 1 ? '' : 's'} at {money(budget)} a
          month. New partners are assumed to start from scratch.
        </p>
      </Card>

      <Card title="Unit economics used">
        <table className="table economics-table">
          <thead>
            <tr>
              <th scope="col">Figure</th>
              {PARTNER_KINDS.map((k) => (
                <th scope="col" key={k}>
                  {KIND_NAMES[k]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {KEYS.map((key) => (
              <tr key={key}>
                <th scope="row">
                  {ECONOMICS_LABEL[key]}
                  {key === 'monthlyRetention' ? ' (%)' : ''}
                </th>
                {PARTNER_KINDS.map((k) => {
                  const src = resolved.sources[k][key];
                  const m = key === 'rampMonths' ? null : measured.perKind[k][key];
                  const text = edits[k]?.[key] ?? showValue(key, resolved.values[k][key]);
                  const bad = edits[k]?.[key] !== undefined && parseEdit(key, text) === null;
                  const id = `econ-${k}-${key}`;
                  return (
                    <td key={k}>
                      <div className={`econ-cell ${bad ? 'has-error' : ''}`}>
                        <input
                          id={id}
                          aria-label={`${ECONOMICS_LABEL[key]}, ${KIND_NAMES[k]}`}
                          inputMode="decimal"
                          value={text}
                          aria-invalid={bad}
                          onChange={(e) =>
                            setEdits((s) => ({ ...s, [k]: { ...s[k], [key]: e.target.value } }))
                          }
                        />
                        <span className={`source source-${src}`}>
                          {SOURCE_LABEL[src]}
                          {src === 'yours' && m ? ` · ${m.records} ${m.recordsLabel}` : ''}
                          {src === 'benchmark' && m
                            ? ` · only ${m.records} ${m.recordsLabel} (${m.min} needed)`
                            : ''}
                          {src === 'benchmark' && !m
                            ? ` · ${showValue(key, BENCHMARKS[k][key])} by default`
                            : ''}
                        </span>
                        {bad ? <span className="field-error">Not a valid value</span> : null}
                      </div>
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr>
              <th scope="row">
                <label htmlFor="adv-exponent">Diminishing returns (0–1, 1 = none)</label>
              </th>
              <td colSpan={2}>
                <div className={`econ-cell ${expOk ? '' : 'has-error'}`}>
                  <input
                    id="adv-exponent"
                    inputMode="decimal"
                    value={exponent}
                    aria-invalid={!expOk}
                    onChange={(e) => setExponent(e.target.value)}
                  />
                  <span className="source source-benchmark">
                    Spend above today&apos;s monthly spend (
                    {money(measured.monthlySpendCents.ambassador)} ambassadors,{' '}
                    {money(measured.monthlySpendCents.affiliate)} micro-affiliates) counts as spend^
                    {expOk ? exp : DEFAULT_SCALE_EXPONENT}.
                  </span>
                  {expOk ? null : (
                    <span className="field-error">Use a number above 0 and up to 1</span>
                  )}
                </div>
              </td>
            </tr>
          </tbody>
        </table>
        <p className="muted small">
          <strong>Benchmark source:</strong> {BENCHMARK_SOURCE} &ldquo;Your data&rdquo; comes from
          the last 12 months{niche ? ` of partners in the ${niche} niche` : ''}.{' '}
          <button type="button" className="btn btn-small" onClick={() => setEdits({})}>
            Reset edits
          </button>
        </p>
      </Card>
    </div>
  );
}

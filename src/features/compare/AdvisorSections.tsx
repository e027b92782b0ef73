import { Lightbulb } from 'lucide-react';
import { Card } from '../../components/ui';
import {
  BENCHMARK_SOURCE,
  BENCHMARKS,
  DEFAULT_SCALE_EXPONENT,
  ECONOMICS_LABEL,
  GOAL_LABEL,
  SPLITS,
  type EconomicsKey,
  type EconomicsSource,
  type Goal,
} from '../../domain/advisor';
import { KIND_NAMES } from '../../domain/compare';
import { safeLocale } from '../../domain/intl';
import { PARTNER_KINDS, type PartnerKind } from '../../domain/schemas';
import { parseEdit, showValue, type Advisor } from './useAdvisor';
import { TableHead } from '../../components/table';

const KEYS: EconomicsKey[] = [
  'costPerThousandReachCents',
  'cpaCents',
  'aovCents',
  'monthlyRetention',
  'rampMonths',
];

const SOURCE_LABEL: Record<EconomicsSource, string> = {
  yours: 'Your data',
  benchmark: 'Benchmark',
  edited: 'Edited',
};

export function PlanCard({ a }: { a: Advisor }) {
  const { goal, setGoal, budget, setBudget, horizon, setHorizon, niche, setNiche, niches, money } =
    a;
  return (
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
  );
}

export function RecommendationCard({ a }: { a: Advisor }) {
  const { rec, pct } = a;
  return (
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
  );
}

export function SplitCard({ a }: { a: Advisor }) {
  const { rec, pct, chosen, chosenShare, setSplit, budget, horizon, money, settings } = a;
  return (
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
        <TableHead
          cols={['Ambassadors / affiliates']}
          num={['Reach', 'Orders', 'Revenue', 'ROI']}
        />
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
  );
}

export function EconomicsCard({ a }: { a: Advisor }) {
  const { measured, setEdits, exponent, setExponent, exp, expOk, niche, money } = a;
  return (
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
              {PARTNER_KINDS.map((k) => (
                <EconomicsCell key={k} a={a} kind={k} econKey={key} />
              ))}
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
        <strong>Benchmark source:</strong> {BENCHMARK_SOURCE} &ldquo;Your data&rdquo; comes from the
        last 12 months{niche ? ` of partners in the ${niche} niche` : ''}.{' '}
        <button type="button" className="btn btn-small" onClick={() => setEdits({})}>
          Reset edits
        </button>
      </p>
    </Card>
  );
}

function EconomicsCell({
  a,
  kind: k,
  econKey: key,
}: {
  a: Advisor;
  kind: PartnerKind;
  econKey: EconomicsKey;
}) {
  const { resolved, measured, edits, setEdits } = a;
  const src = resolved.sources[k][key];
  const m = key === 'rampMonths' ? null : measured.perKind[k][key];
  const text = edits[k]?.[key] ?? showValue(key, resolved.values[k][key]);
  const bad = edits[k]?.[key] !== undefined && parseEdit(key, text) === null;
  const id = `econ-${k}-${key}`;
  return (
    <td>
      <div className={`econ-cell ${bad ? 'has-error' : ''}`}>
        <input
          id={id}
          aria-label={`${ECONOMICS_LABEL[key]}, ${KIND_NAMES[k]}`}
          inputMode="decimal"
          value={text}
          aria-invalid={bad}
          onChange={(e) => setEdits((s) => ({ ...s, [k]: { ...s[k], [key]: e.target.value } }))}
        />
        <span className={`source source-${src}`}>
          {SOURCE_LABEL[src]}
          {src === 'yours' && m ? ` · ${m.records} ${m.recordsLabel}` : ''}
          {src === 'benchmark' && m
            ? ` · only ${m.records} ${m.recordsLabel} (${m.min} needed)`
            : ''}
          {src === 'benchmark' && !m ? ` · ${showValue(key, BENCHMARKS[k][key])} by default` : ''}
        </span>
        {bad ? <span className="field-error">Not a valid value</span> : null}
      </div>
    </td>
  );
}

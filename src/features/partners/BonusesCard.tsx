import { useMemo, useState } from 'react';
import { Plus } from 'lucide-react';
import { Card, KIND_LABEL } from '../../components/ui';
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { deleteBonus, deleteBonusRule } from '../../db/bonuses';
import { milestoneProgress } from '../../domain/bonuses';
import { startOfMonth } from '../../domain/dates';
import { partnerEarnings } from '../../domain/earnings';
import type { Bonus, BonusRule, Partner, Settings } from '../../domain/schemas';
import { useUi } from '../../store/ui';
import { BonusDialog, RuleDialog } from './BonusForms';
import type { PartnerDetailData } from './usePartners';

type Money = (cents: number) => string;
type Editing =
  { what: 'bonus'; bonus: Bonus | null } | { what: 'rule'; rule: BonusRule | null } | null;

interface BonusesProps {
  data: PartnerDetailData & { partner: Partner };
  today: string;
  money: Money;
  settings: Settings;
}

/** One-off bonuses of this partner, the milestone rules that apply, and this month's progress. */
export function BonusesCard(props: BonusesProps) {
  const { data, today, money, settings } = props;
  const p = data.partner;
  const [editing, setEditing] = useState<Editing>(null);
  const remove = useRemove();
  const rules = data.bonusRules.filter((r) => r.kind === null || r.kind === p.kind);
  const bonuses = [...data.bonuses].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <Card title="Bonuses" className="mt">
      <MonthProgress {...props} />
      <div className="grid-2 pd-bonuses">
        <section aria-label="One-off bonuses">
          <div className="card-head">
            <h3>One-off bonuses</h3>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setEditing({ what: 'bonus', bonus: null })}
            >
              <Plus size={14} aria-hidden="true" /> Add bonus
            </button>
          </div>
          {bonuses.length === 0 ? (
            <p className="muted">None yet.</p>
          ) : (
            <ul className="pd-list">
              {bonuses.map((b) => (
                <li key={b.id} className="pd-bonus">
                  <span>
                    <strong className="num">{money(b.amountCents)}</strong> on {b.date}
                    {b.reason ? <span className="muted"> · {b.reason}</span> : null}
                  </span>
                  <RowActions
                    name={`bonus of ${money(b.amountCents)} on ${b.date}`}
                    onEdit={() => setEditing({ what: 'bonus', bonus: b })}
                    onDelete={() => remove(() => deleteBonus(getDb(), b.id), 'Bonus removed')}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-label="Milestone rules">
          <div className="card-head">
            <h3>Milestone rules</h3>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setEditing({ what: 'rule', rule: null })}
            >
              <Plus size={14} aria-hidden="true" /> Add milestone rule
            </button>
          </div>
          {rules.length === 0 ? (
            <p className="muted">None for {KIND_LABEL[p.kind].toLowerCase()}s yet.</p>
          ) : (
            <ul className="pd-list">
              {rules.map((r) => (
                <li key={r.id} className="pd-bonus">
                  <span>
                    Monthly attributed revenue at least{' '}
                    <strong className="num">{money(r.minMonthlyRevenueCents)}</strong>: bonus{' '}
                    <strong className="num">{money(r.bonusCents)}</strong>
                    <span className="muted">
                      {' '}
                      · {r.kind ? `every ${KIND_LABEL[r.kind].toLowerCase()}` : 'every partner'}
                      {r.active ? '' : ' · not in use'}
                    </span>
                  </span>
                  <RowActions
                    name={`rule ${r.name}`}
                    onEdit={() => setEditing({ what: 'rule', rule: r })}
                    onDelete={() => remove(() => deleteBonusRule(getDb(), r.id), 'Rule removed')}
                  />
                </li>
              ))}
            </ul>
          )}
          <p className="muted pd-note">
            Rules apply to every partner they name, for each whole month.
          </p>
        </section>
      </div>
      {editing?.what === 'bonus' ? (
        <BonusDialog
          partnerId={p.id}
          bonus={editing.bonus}
          today={today}
          onClose={() => setEditing(null)}
        />
      ) : editing?.what === 'rule' ? (
        <RuleDialog
          rule={editing.rule}
          kind={p.kind}
          currency={settings.currency}
          locale={settings.locale}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}

function RowActions(props: { name: string; onEdit: () => void; onDelete: () => void }) {
  const actions = [
    ['Change', props.onEdit],
    ['Remove', props.onDelete],
  ] as const;
  return (
    <span className="pd-row-actions">
      {actions.map(([verb, onClick]) => (
        <button
          key={verb}
          type="button"
          className="btn btn-small"
          aria-label={`${verb} ${props.name}`}
          onClick={onClick}
        >
          {verb}
        </button>
      ))}
    </span>
  );
}

function useRemove() {
  const showToast = useUi((s) => s.showToast);
  return (work: () => Promise<void>, done: string) => {
    work().then(
      () => showToast({ tone: 'success', message: done }),
      (e: unknown) => showToast({ tone: 'error', message: `Not removed: ${saveErrorMessage(e)}` }),
    );
  };
}

/**
 * "$1,240 of $2,000 attributed revenue: $760 to a $100 bonus", for the calendar month so far:
 * the revenue is partnerEarnings()'s for the month, the rules those earnings.ts pays.
 */
function MonthProgress(props: BonusesProps) {
  const { data, today, money, settings } = props;
  const p = data.partner;
  const revenue = useMemo(
    () =>
      partnerEarnings(
        { kind: p.kind, ...data, bonusRules: [] },
        { start: startOfMonth(today), end: today },
        { timeZone: settings.timeZone, countDiscountAsCost: settings.countDiscountAsCost },
      ).revenueCents,
    [data, p.kind, today, settings.timeZone, settings.countDiscountAsCost],
  );
  const progress = milestoneProgress(data.bonusRules, p.kind, revenue);
  const { next, reachedCents } = progress;
  if (!next && reachedCents === 0) {
    return <p className="muted">No milestone rule applies to {p.name} yet.</p>;
  }
  return (
    <div className="pd-milestone" role="status" aria-label="Milestone this month">
      {next ? (
        <>
          <p>
            This month: <strong>{money(revenue)}</strong> of{' '}
            {money(next.rule.minMonthlyRevenueCents)} attributed revenue:{' '}
            <strong>{money(next.missingCents)}</strong> to a {money(next.rule.bonusCents)} bonus.
            {reachedCents > 0 ? ` ${money(reachedCents)} in bonuses reached already.` : ''}
          </p>
          <progress
            max={next.rule.minMonthlyRevenueCents}
            value={Math.min(revenue, next.rule.minMonthlyRevenueCents)}
            aria-label="Progress to the next milestone"
          />
        </>
      ) : (
        <p>
          This month: <strong>{money(revenue)}</strong> attributed revenue; every milestone reached:{' '}
          {money(reachedCents)} in bonuses when the month ends.
        </p>
      )}
    </div>
  );
}

import { memo, useEffect, useState } from 'react';
import { Card, KindBadge } from '../../components/ui';
import type { Statement } from '../../domain/payout-statements';
import { useStableCallback } from '../../hooks/stable-callback';
import { BalanceCells, BalanceHeads } from './BalanceCells';

/**
 * Statements shown before "Show all": the biggest earners first (a row stays in place when it is
 * paid); select-all still covers everyone.
 */
const STATEMENTS_SHOWN = 100;
/** Rows drawn in the first frame (the biggest earners); the rest of the first 100 follow it. */
const FIRST_FRAME = 25;

/** The month's statements: what each partner earned, was paid and is owed, to select and pay. */
export function StatementsCard(props: {
  title: string;
  statements: readonly Statement[];
  selected: ReadonlySet<string>;
  onSelect: (ids: ReadonlySet<string>) => void;
  onPay: (statements: Statement[]) => void;
  money: (cents: number) => string;
  /** Which figures include orders converted at import, and at what rate (null: none). */
  converted?: { all: string; byPartner: ReadonlyMap<string, string> } | null;
}) {
  const { statements, selected, onSelect, money } = props;
  const [all, setAll] = useState(false);
  const [shown, setShown] = useState(FIRST_FRAME);
  useEffect(() => {
    if (shown >= STATEMENTS_SHOWN) return;
    const frame = requestAnimationFrame(() => setTimeout(() => setShown(STATEMENTS_SHOWN), 0));
    return () => cancelAnimationFrame(frame);
  }, [shown]);
  const payable = statements.filter((s) => s.owedCents > 0);
  // The overpayment column only when someone carries one (a refund after a payout).
  const carry = statements.some((s) => s.carriedInCents > 0);
  const owesBack = statements.some((s) => s.owedBackCents > 0);
  // Stable handlers: a row is drawn again only when its own figures, tick or note change.
  const toggle = useStableCallback((id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  });
  const pay = useStableCallback((s: Statement) => props.onPay([s]));
  return (
    <Card
      title={props.title}
      actions={
        statements.length > STATEMENTS_SHOWN ? (
          <button type="button" className="btn btn-small" onClick={() => setAll(!all)}>
            {all ? 'Show fewer' : `Show all ${statements.length}`}
          </button>
        ) : undefined
      }
    >
      {statements.length === 0 ? (
        <p className="muted">No partner earned anything in this period.</p>
      ) : (
        <>
          <table className="table payouts-table">
            <thead>
              <tr>
                <th>
                  <input
                    type="checkbox"
                    aria-label="Select everyone who is owed money"
                    checked={payable.length > 0 && payable.every((s) => selected.has(s.partner.id))}
                    onChange={(e) =>
                      onSelect(new Set(e.target.checked ? payable.map((s) => s.partner.id) : []))
                    }
                  />
                </th>
                <th>Partner</th>
                <th className="num">Commissions</th>
                <th className="num">Retainer</th>
                <th className="num">Post fees</th>
                <th className="num">Bonuses</th>
                <th className="num">Earned</th>
                <BalanceHeads carry={carry} />
              </tr>
            </thead>
            <tbody>
              {(all ? statements : statements.slice(0, shown)).map((s) => (
                <StatementRow
                  key={s.partner.id}
                  s={s}
                  checked={selected.has(s.partner.id)}
                  carry={carry}
                  converted={props.converted?.byPartner.get(s.partner.id)}
                  money={money}
                  onToggle={toggle}
                  onPay={pay}
                />
              ))}
            </tbody>
          </table>
          {props.converted ? (
            <p className="muted payouts-note" role="note">
              These figures include {props.converted.all} (at the rate you entered at import).
            </p>
          ) : null}
          {carry || owesBack ? (
            <p className="muted payouts-note">
              Overpaid: commission already paid on orders refunded after the payout. An overpayment
              comes off the partner’s next payout; while it is more than they earn, they owe it back
              to you and the rest carries on to the period after.
            </p>
          ) : null}
        </>
      )}
    </Card>
  );
}

/** One partner's statement row (memoized: see StatementsCard's stable handlers). */
const StatementRow = memo(function StatementRow(props: {
  s: Statement;
  checked: boolean;
  carry: boolean;
  /** The orders converted at import that the figures include, if any. */
  converted: string | undefined;
  money: (cents: number) => string;
  onToggle: (id: string) => void;
  onPay: (s: Statement) => void;
}) {
  const { s, money } = props;
  return (
    <tr aria-label={s.partner.name}>
      <td>
        <input
          type="checkbox"
          aria-label={`Select ${s.partner.name}`}
          checked={props.checked}
          onChange={() => props.onToggle(s.partner.id)}
        />
      </td>
      <td>
        <div className="payouts-name">{s.partner.name}</div>
        <KindBadge kind={s.partner.kind} />
        {props.converted ? (
          <div className="muted payouts-converted">Includes {props.converted}</div>
        ) : null}
      </td>
      <td className="num">{money(s.earnings.commissionCents)}</td>
      <td className="num">{money(s.earnings.retainerCents)}</td>
      <td className="num">{money(s.earnings.feesCents)}</td>
      <td className="num">{money(s.earnings.bonusCents)}</td>
      <td className="num">{money(s.earnings.payableCents)}</td>
      <BalanceCells
        balance={s}
        carry={props.carry}
        money={money}
        who={s.partner.name}
        onPay={() => props.onPay(s)}
      />
    </tr>
  );
});

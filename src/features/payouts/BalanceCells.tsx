/** What a payout row settles: paid so far, an overpayment carried in, still owed, owed back. */
interface Balance {
  paidCents: number;
  carriedInCents: number;
  owedCents: number;
  owedBackCents: number;
}

/** The heads over BalanceCells: Paid, Overpaid before (only when someone carries one), Owed, Action. */
export function BalanceHeads(props: { carry: boolean }) {
  return (
    <>
      <th className="num">Paid</th>
      {props.carry ? <th className="num">Overpaid before</th> : null}
      <th className="num">Owed</th>
      <th>
        <span className="sr-only">Action</span>
      </th>
    </>
  );
}

/** A payout row's last cells: paid, overpaid before, owed, and "Mark as paid" / owes you / settled. */
export function BalanceCells(props: {
  balance: Balance;
  carry: boolean;
  money: (cents: number) => string;
  /** Names the row in the button's label ("Mark as paid: <who>"). */
  who: string;
  onPay: () => void;
}) {
  const { balance: b, money } = props;
  return (
    <>
      <td className="num">{money(b.paidCents)}</td>
      {props.carry ? (
        <td className="num">{b.carriedInCents > 0 ? `−${money(b.carriedInCents)}` : '—'}</td>
      ) : null}
      <td className="num payouts-owed">{money(b.owedCents)}</td>
      <td>
        {b.owedBackCents > 0 ? (
          <span className="payouts-back">Owes you {money(b.owedBackCents)}</span>
        ) : b.owedCents > 0 ? (
          <button
            type="button"
            className="btn btn-small"
            aria-label={`Mark as paid: ${props.who}`}
            onClick={props.onPay}
          >
            Mark as paid
          </button>
        ) : (
          <span className="muted">Settled</span>
        )}
      </td>
    </>
  );
}

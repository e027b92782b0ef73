import { Card } from '../../components/ui';
import { formatMoney } from '../../domain/money';
import type { Payout } from '../../domain/schemas';
import { PAYOUT_METHOD_LABEL } from '../../components/labels';
import { HISTORY_SHOWN } from './usePaymentHistory';

/** Payments recorded, newest first (the newest few, or all of them). */
export function HistoryCard(props: {
  /** null while the payments are read. */
  history: readonly Payout[] | null;
  historyCount: number;
  allHistory: boolean;
  onShowAll: (all: boolean) => void;
  names: ReadonlyMap<string, string>;
  locale: string;
}) {
  const { history, historyCount, allHistory, names } = props;
  return (
    <Card
      title="Payment history"
      actions={
        historyCount > HISTORY_SHOWN ? (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => props.onShowAll(!allHistory)}
          >
            {allHistory ? 'Show fewer' : `Show all ${historyCount}`}
          </button>
        ) : undefined
      }
    >
      {history === null ? (
        <p className="muted" role="status">
          Loading payments…
        </p>
      ) : history.length === 0 ? (
        <p className="muted">No payments recorded yet.</p>
      ) : (
        <table className="table" aria-label="Payment history">
          <thead>
            <tr>
              <th>Paid on</th>
              <th>Partner</th>
              <th>Period</th>
              <th>Method</th>
              <th>Reference</th>
              <th className="num">Amount</th>
            </tr>
          </thead>
          <tbody>
            {(allHistory ? history : history.slice(0, HISTORY_SHOWN)).map((p) => (
              <tr key={p.id}>
                <td>{p.paidDate}</td>
                <td>{names.get(p.partnerId) ?? 'Deleted partner'}</td>
                <td>
                  {p.periodStart} – {p.periodEnd}
                </td>
                <td>{PAYOUT_METHOD_LABEL[p.method]}</td>
                <td>{p.reference}</td>
                <td className="num">{formatMoney(p.amountCents, p.currency, props.locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

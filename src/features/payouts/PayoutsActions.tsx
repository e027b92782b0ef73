import { Download, Wallet } from 'lucide-react';
import type { Statement } from '../../domain/payout-statements';

/** The header buttons: each export says what it will hold (all, or the N selected). */
export function PayoutsActions(props: {
  statements: readonly Statement[];
  chosen: readonly Statement[];
  onExportCsv: () => void;
  onExportPaypal: () => void;
  onPay: (statements: Statement[]) => void;
}) {
  const { statements, chosen } = props;
  const csvWhat = chosen.length
    ? ` (${chosen.length} selected)`
    : statements.length
      ? ` (all ${statements.length})`
      : '';
  const payable = chosen.filter((s) => s.owedCents > 0);
  return (
    <>
      <button
        type="button"
        className="btn"
        onClick={props.onExportCsv}
        disabled={statements.length === 0}
      >
        <Download aria-hidden="true" size={16} /> Export CSV{csvWhat}
      </button>
      <button
        type="button"
        className="btn"
        onClick={props.onExportPaypal}
        disabled={chosen.length === 0}
      >
        <Wallet aria-hidden="true" size={16} /> Export PayPal file
        {chosen.length ? ` (${chosen.length} selected)` : ''}
      </button>
      <button
        type="button"
        className="btn btn-primary"
        disabled={payable.length === 0}
        onClick={() => props.onPay(payable)}
      >
        Mark selected as paid
      </button>
    </>
  );
}

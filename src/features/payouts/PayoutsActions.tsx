import { Download, Wallet } from 'lucide-react';
import type { Statement } from '../../domain/payout-statements';
import {
  brandPayable,
  foreignPayable,
  type ForeignStatement,
  type Payable,
} from '../../domain/payout-foreign';

/** The header buttons: each export says what it will hold (all, or the N selected). */
export function PayoutsActions(props: {
  statements: readonly Statement[];
  chosen: readonly Statement[];
  /** Statements in other currencies chosen (paid and exported in their own currency). */
  chosenForeign: readonly ForeignStatement[];
  currency: string;
  onExportCsv: () => void;
  onExportPaypal: () => void;
  onPay: (statements: Payable[]) => void;
}) {
  const { statements } = props;
  const n = props.chosen.length + props.chosenForeign.length;
  const csvWhat = n ? ` (${n} selected)` : statements.length ? ` (all ${statements.length})` : '';
  const payable = [
    ...props.chosen.map((s) => brandPayable(s, props.currency)),
    ...props.chosenForeign.map(foreignPayable),
  ].filter((s) => s.owedCents > 0);
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
      <button type="button" className="btn" onClick={props.onExportPaypal} disabled={n === 0}>
        <Wallet aria-hidden="true" size={16} /> Export PayPal file
        {n ? ` (${n} selected)` : ''}
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

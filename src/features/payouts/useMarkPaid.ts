/** The state and saving of the "Mark as paid" dialog (MarkPaidDialog draws it). */
import { useRef, useState } from 'react';
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { deletePayout, recordPayouts } from '../../db/payouts';
import { newId } from '../../db/repo';
import type { DateRange } from '../../domain/dates';
import { centsToDecimal, parseMoney } from '../../domain/money';
import type { Payable } from '../../domain/payout-foreign';
import { ISO_DATE, type Payout } from '../../domain/schemas';
import { recordEdit } from '../../store/edits';

export interface MarkPaidArgs {
  /** What is paid: statements in the brand's currency or in another, each in its own. */
  statements: Payable[];
  range: DateRange;
  today: string;
  /**
   * Told of payments before they are written (recorded or undone), and of what to show at once:
   * recorded (before the write; undone again if it fails) or undone.
   */
  onWriting: (payouts: Payout[]) => void;
  onRecorded: (payouts: Payout[]) => void;
  onUndone: (payouts: Payout[]) => void;
  onClose: () => void;
}

export type PaidErrors = { date?: string; amount?: string };

function firstMethod(statements: readonly Payable[]): Payout['method'] {
  const m = statements[0]?.partner.payout.method;
  return m === 'venmo' ? 'venmo' : m === 'none' ? 'bank' : 'paypal';
}

/** What the form holds when the owner presses "Record payment": the problems, if any. */
function check(args: MarkPaidArgs, date: string, amount: string): PaidErrors {
  const errs: PaidErrors = {};
  if (!ISO_DATE.test(date)) errs.date = 'Enter a date like 2024-04-05';
  else if (date > args.today) errs.date = 'The payment date cannot be in the future';
  if (args.statements.length === 1) {
    const cents = parseMoney(amount);
    if (cents === null || cents <= 0) errs.amount = 'Enter an amount above zero, like 120.00';
  }
  return errs;
}

export function useMarkPaid(args: MarkPaidArgs) {
  const { statements } = args;
  const single = statements.length === 1 ? statements[0]! : null;
  const [date, setDate] = useState(args.today);
  const [method, setMethod] = useState<Payout['method']>(() => firstMethod(statements));
  const [reference, setReference] = useState('');
  const [amount, setAmount] = useState(single ? centsToDecimal(single.owedCents) : '');
  const [errors, setErrors] = useState<PaidErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  // One payment per press: a second press while the first is written does nothing.
  const writing = useRef(false);

  const save = async () => {
    if (writing.current) return;
    const errs = check(args, date, amount);
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    const now = Date.now();
    const payouts: Payout[] = statements.map((s) => ({
      id: newId(),
      createdAt: now,
      updatedAt: now,
      partnerId: s.partner.id,
      periodStart: args.range.start,
      periodEnd: args.range.end,
      amountCents: single ? parseMoney(amount)! : s.owedCents,
      currency: s.currency,
      paidDate: date,
      method,
      reference: reference.trim(),
      note: '',
    }));
    const { onUndone, onRecorded } = args;
    // Shown as paid at once, while the payments are written; taken back if the write fails.
    args.onWriting(payouts);
    onRecorded(payouts);
    writing.current = true;
    try {
      await recordPayouts(getDb(), payouts);
      recordEdit(
        {
          label:
            payouts.length === 1
              ? `marking ${statements[0]!.partner.name} as paid`
              : `marking ${payouts.length} partners as paid`,
          undo: async () => {
            await Promise.all(payouts.map((p) => deletePayout(getDb(), p.id)));
            onUndone(payouts);
          },
          redo: async () => {
            await recordPayouts(getDb(), payouts);
            onRecorded(payouts);
          },
        },
        payouts.length === 1
          ? `Marked ${statements[0]!.partner.name} as paid.`
          : `Marked ${payouts.length} partners as paid.`,
      );
      args.onClose();
    } catch (e) {
      onUndone(payouts);
      setFailure(saveErrorMessage(e));
    } finally {
      writing.current = false;
    }
  };

  return {
    single,
    fields: { date, setDate, method, setMethod, reference, setReference, amount, setAmount },
    errors,
    failure,
    save,
  };
}

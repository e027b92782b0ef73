import { useState } from 'react';
import { Field } from '../../components/form';
import { Dialog, ErrorPanel } from '../../components/ui';
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { deletePayout, recordPayouts } from '../../db/payouts';
import { newId } from '../../db/repo';
import type { DateRange } from '../../domain/dates';
import { formatMoney, parseMoney, centsToDecimal } from '../../domain/money';
import type { Statement } from '../../domain/payout-statements';
import { ISO_DATE, type Payout } from '../../domain/schemas';
import { recordEdit } from '../../store/edits';

const METHODS: Payout['method'][] = ['paypal', 'venmo', 'bank', 'other'];

/** Record payment of one or several statements: date, method, reference (and amount for one). */
export function MarkPaidDialog(props: {
  statements: Statement[];
  range: DateRange;
  today: string;
  currency: string;
  locale: string;
  /** Told of payments as soon as they are stored, and of those undone, to show them at once. */
  onRecorded: (payouts: Payout[]) => void;
  onUndone: (ids: string[]) => void;
  onClose: () => void;
}) {
  const { statements } = props;
  const single = statements.length === 1 ? statements[0]! : null;
  const firstMethod = statements[0]?.partner.payout.method;
  const [date, setDate] = useState(props.today);
  const [method, setMethod] = useState<Payout['method']>(
    firstMethod === 'venmo' ? 'venmo' : firstMethod === 'none' ? 'bank' : 'paypal',
  );
  const [reference, setReference] = useState('');
  const [amount, setAmount] = useState(single ? centsToDecimal(single.owedCents) : '');
  const [errors, setErrors] = useState<{ date?: string; amount?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const total = statements.reduce((s, x) => s + x.owedCents, 0);

  const save = async () => {
    const errs: typeof errors = {};
    if (!ISO_DATE.test(date)) errs.date = 'Enter a date like 2024-04-05';
    else if (date > props.today) errs.date = 'The payment date cannot be in the future';
    const cents = single ? parseMoney(amount) : null;
    if (single && (cents === null || cents <= 0))
      errs.amount = 'Enter an amount above zero, like 120.00';
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    const now = Date.now();
    const payouts: Payout[] = statements.map((s) => ({
      id: newId(),
      createdAt: now,
      updatedAt: now,
      partnerId: s.partner.id,
      periodStart: props.range.start,
      periodEnd: props.range.end,
      amountCents: single ? cents! : s.owedCents,
      currency: props.currency,
      paidDate: date,
      method,
      reference: reference.trim(),
      note: '',
    }));
    try {
      await recordPayouts(getDb(), payouts);
      props.onRecorded(payouts);
      const { onUndone, onRecorded } = props;
      recordEdit(
        {
          label:
            payouts.length === 1
              ? `marking ${statements[0]!.partner.name} as paid`
              : `marking ${payouts.length} partners as paid`,
          undo: async () => {
            await Promise.all(payouts.map((p) => deletePayout(getDb(), p.id)));
            onUndone(payouts.map((p) => p.id));
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
      props.onClose();
    } catch (e) {
      setFailure(saveErrorMessage(e));
    }
  };

  return (
    <Dialog
      open
      title={
        single
          ? `Mark ${single.partner.name} as paid`
          : `Mark ${statements.length} partners as paid`
      }
      onClose={props.onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" onClick={save}>
            Record payment
          </button>
        </>
      }
    >
      {failure ? <ErrorPanel title="Not saved">{failure}</ErrorPanel> : null}
      <p className="muted">
        For {props.range.start} to {props.range.end}. Owed:{' '}
        {formatMoney(total, props.currency, props.locale)}.
      </p>
      <div className="form-grid">
        {single ? (
          <Field id="paid-amount" label="Amount paid" error={errors.amount}>
            {(id, d) => (
              <input
                id={id}
                value={amount}
                aria-describedby={d}
                inputMode="decimal"
                onChange={(e) => setAmount(e.target.value)}
              />
            )}
          </Field>
        ) : null}
        <Field id="paid-date" label="Paid on" error={errors.date}>
          {(id, d) => (
            <input
              id={id}
              type="date"
              value={date}
              aria-describedby={d}
              onChange={(e) => setDate(e.target.value)}
            />
          )}
        </Field>
        <div className="field">
          <label htmlFor="paid-method">Method</label>
          <select
            id="paid-method"
            value={method}
            onChange={(e) => setMethod(e.target.value as Payout['method'])}
          >
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {m === 'paypal'
                  ? 'PayPal'
                  : m === 'venmo'
                    ? 'Venmo'
                    : m === 'bank'
                      ? 'Bank transfer'
                      : 'Other'}
              </option>
            ))}
          </select>
        </div>
        <Field id="paid-reference" label="Reference" hint="e.g. the PayPal batch or transaction id">
          {(id, d) => (
            <input
              id={id}
              value={reference}
              aria-describedby={d}
              onChange={(e) => setReference(e.target.value)}
            />
          )}
        </Field>
      </div>
    </Dialog>
  );
}

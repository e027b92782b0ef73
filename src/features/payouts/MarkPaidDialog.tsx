import { Field } from '../../components/form';
import { Dialog, DialogButtons, ErrorPanel } from '../../components/ui';
import { formatMoney } from '../../domain/money';
import type { Payable } from '../../domain/payout-foreign';
import type { Payout } from '../../domain/schemas';
import { useMarkPaid, type MarkPaidArgs, type PaidErrors } from './useMarkPaid';

const METHODS: { id: Payout['method']; label: string }[] = [
  { id: 'paypal', label: 'PayPal' },
  { id: 'venmo', label: 'Venmo' },
  { id: 'bank', label: 'Bank transfer' },
  { id: 'other', label: 'Other' },
];

/** Record payment of one or several statements: date, method, reference (and amount for one). */
export function MarkPaidDialog(props: MarkPaidArgs & { locale: string; brandCurrency: string }) {
  const { statements } = props;
  const { single, fields, errors, failure, save } = useMarkPaid(props);
  // Per currency (a statement in another currency is owed and paid in it).
  const sums = (f: (p: Payable) => number) => {
    const by = new Map<string, number>();
    for (const p of statements) by.set(p.currency, (by.get(p.currency) ?? 0) + f(p));
    return [...by].filter(([, c]) => c > 0);
  };
  const words = (list: [string, number][]) =>
    list.map(([cur, c]) => formatMoney(c, cur, props.locale)).join(' + ');
  const total = sums((p) => p.owedCents);
  const carried = sums((p) => p.carriedInCents);
  const other = single && single.currency !== props.brandCurrency ? ` in ${single.currency}` : '';
  return (
    <Dialog
      open
      title={
        single
          ? `Mark ${single.partner.name} as paid${other}`
          : `Mark ${statements.length} partners as paid`
      }
      onClose={props.onClose}
      footer={
        <DialogButtons onCancel={props.onClose} onConfirm={save} confirmLabel="Record payment" />
      }
    >
      {failure ? <ErrorPanel title="Not saved">{failure}</ErrorPanel> : null}
      <p className="muted">
        For {props.range.start} to {props.range.end}. Owed:{' '}
        {words(total) || formatMoney(0, props.brandCurrency, props.locale)}
        {carried.length > 0 ? `, after ${words(carried)} overpaid before` : ''}.
      </p>
      <PaymentFields currency={single?.currency ?? null} fields={fields} errors={errors} />
    </Dialog>
  );
}

/** The form: amount (for one partner), date, method and reference. */
function PaymentFields(props: {
  /** The one statement's currency (its amount is asked for), or null for several. */
  currency: string | null;
  fields: ReturnType<typeof useMarkPaid>['fields'];
  errors: PaidErrors;
}) {
  const { fields: f, errors } = props;
  return (
    <div className="form-grid">
      {props.currency ? (
        <Field id="paid-amount" label={`Amount paid (${props.currency})`} error={errors.amount}>
          {(id, d) => (
            <input
              id={id}
              value={f.amount}
              aria-describedby={d}
              inputMode="decimal"
              onChange={(e) => f.setAmount(e.target.value)}
            />
          )}
        </Field>
      ) : null}
      <Field id="paid-date" label="Paid on" error={errors.date}>
        {(id, d) => (
          <input
            id={id}
            type="date"
            value={f.date}
            aria-describedby={d}
            onChange={(e) => f.setDate(e.target.value)}
          />
        )}
      </Field>
      <div className="field">
        <label htmlFor="paid-method">Method</label>
        <select
          id="paid-method"
          value={f.method}
          onChange={(e) => f.setMethod(e.target.value as Payout['method'])}
        >
          {METHODS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <Field id="paid-reference" label="Reference" hint="e.g. the PayPal batch or transaction id">
        {(id, d) => (
          <input
            id={id}
            value={f.reference}
            aria-describedby={d}
            onChange={(e) => f.setReference(e.target.value)}
          />
        )}
      </Field>
    </div>
  );
}

import { StaleWriteNotice } from '../../components/StaleWriteNotice';
import { useEffect, useRef, useState } from 'react';
import { Field } from '../../components/form';
import { Dialog, DialogButtons, ErrorPanel } from '../../components/ui';
import { getDb } from '../../db/db';
import { useSettings } from '../../hooks/data';
import { saveErrorMessage } from '../../db/errors';
import {
  addManualOrder,
  creditedByHand,
  ensureCustomerSalt,
  getOrder,
  reassignOrder,
  restoreOrderCredit,
  StaleWriteError,
} from '../../db/orders';
import { dateInZone } from '../../domain/dates';
import { safeCurrency } from '../../domain/intl';
import type { Order, Partner } from '../../domain/schemas';
import { newCustomerSalt, withCustomerKeys } from '../../io/customer-key';
import {
  emptyManualOrder,
  parseManualOrder,
  type ManualOrderDraft,
  type ManualOrderErrors,
} from '../../io/orders-manual';
import { recordEdit } from '../../store/edits';
import { withPendingOrder } from '../../store/pending';
import { useUi } from '../../store/ui';

/** Partners as options, active first by name; archived ones stay selectable for old orders. */
export function PartnerOptions({ partners }: { partners: readonly Partner[] }) {
  return (
    <>
      {[...partners]
        .sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name))
        .map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {p.archived ? ' (archived)' : ''}
          </option>
        ))}
    </>
  );
}

/** Credit an order to another partner (or nobody), with a reason the owner will see later. */
export function ReassignDialog(props: {
  order: Order | null;
  partners: readonly Partner[];
  onClose: () => void;
}) {
  // The order as the form was made from it (Reload reads it again).
  const [order, setOrder] = useState(props.order);
  const [partnerId, setPartnerId] = useState(order?.partnerId ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  /** Why saving failed (storage, a deleted partner...), or that another window changed the order. */
  const [failure, setFailure] = useState<{ message: string; stale: boolean } | null>(null);
  // While the credit is being stored the dialog steps aside and the list shows the new credit
  // at once (usePending); if storing fails, the dialog comes back with the reason.
  const [storing, setStoring] = useState(false);
  // Another order's dialog may have replaced this one by the time the write ends.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => void (mounted.current = false);
  }, []);
  if (!order) return null;
  const save = async (overwrite = false) => {
    if (reason.trim() === '') {
      setError('Say why, so the credit can be explained later');
      return;
    }
    setError(undefined);
    const now = Date.now();
    const to = partnerId === '' ? null : partnerId;
    try {
      const stored = withPendingOrder(creditedByHand(order, to, reason, now), () =>
        reassignOrder(getDb(), order.id, to, reason, now, overwrite ? undefined : order.updatedAt),
      );
      setStoring(true);
      const { before, after } = await stored;
      recordEdit(
        {
          label: `the credit of order ${order.orderId}`,
          undo: () => restoreOrderCredit(getDb(), before),
          redo: () => restoreOrderCredit(getDb(), after),
        },
        `Order ${order.orderId} credited by hand.`,
      );
      if (mounted.current) props.onClose();
    } catch (e) {
      if (!mounted.current)
        useUi.getState().showToast({
          tone: 'error',
          message: `Order ${order.orderId} was not credited: ${saveErrorMessage(e)}`,
        });
      setFailure({ message: saveErrorMessage(e), stale: e instanceof StaleWriteError });
      setStoring(false);
    }
  };
  const reload = async () => {
    try {
      const fresh = await getOrder(getDb(), order.id);
      if (!fresh) {
        setFailure({ message: 'That order no longer exists.', stale: false });
        return;
      }
      setOrder(fresh);
      setPartnerId(fresh.partnerId ?? '');
      setFailure(null);
    } catch (e) {
      setFailure({ message: saveErrorMessage(e), stale: true });
    }
  };
  return (
    <Dialog
      open={!storing}
      title={`Credit order ${order.orderId}`}
      onClose={props.onClose}
      footer={
        <DialogButtons
          onCancel={props.onClose}
          onConfirm={() => void save()}
          confirmLabel="Save credit"
        />
      }
    >
      {failure?.stale ? (
        <StaleWriteNotice
          what="this order"
          message={failure.message}
          saving={false}
          onReload={() => void reload()}
          onOverwrite={() => void save(true)}
        />
      ) : failure ? (
        <ErrorPanel title="Not saved">{failure.message}</ErrorPanel>
      ) : null}
      <p className="muted">
        Now: {order.attribution ? order.attribution.reason : 'not credited to anyone'}.
      </p>
      <div className="field">
        <label htmlFor="reassign-partner">Partner</label>
        <select
          id="reassign-partner"
          value={partnerId}
          onChange={(e) => setPartnerId(e.target.value)}
        >
          <option value="">Nobody (unattributed)</option>
          <PartnerOptions partners={props.partners} />
        </select>
      </div>
      <Field id="reassign-reason" label="Reason" error={error}>
        {(id, describedBy) => (
          <input
            id={id}
            value={reason}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setReason(e.target.value)}
            placeholder="e.g. customer said Lucy sent them"
          />
        )}
      </Field>
    </Dialog>
  );
}

const FIELDS: { key: keyof ManualOrderDraft; label: string; hint?: string }[] = [
  { key: 'source', label: 'Where it was sold', hint: 'e.g. market, wholesale' },
  { key: 'orderId', label: 'Order or receipt number' },
  { key: 'date', label: 'Date', hint: 'YYYY-MM-DD' },
  { key: 'currency', label: 'Currency' },
  { key: 'subtotal', label: 'Subtotal (after discounts)' },
  { key: 'discount', label: 'Discount given' },
  { key: 'shipping', label: 'Shipping' },
  { key: 'tax', label: 'Tax' },
  { key: 'codes', label: 'Codes used', hint: 'Comma-separated; a partner code credits them' },
  { key: 'email', label: 'Customer email', hint: 'Optional; stored only as a private key' },
  { key: 'city', label: 'City' },
  { key: 'province', label: 'State / province' },
  { key: 'country', label: 'Country' },
];

/** A sale outside the shop (market, wholesale through a partner). */
export function ManualOrderDialog(props: {
  open: boolean;
  partners: readonly Partner[];
  onClose: () => void;
}) {
  const settings = useSettings();
  const [draft, setDraft] = useState<ManualOrderDraft>(() =>
    emptyManualOrder(safeCurrency(settings.currency), dateInZone(Date.now(), settings.timeZone)),
  );
  const [partnerId, setPartnerId] = useState('');
  const [errors, setErrors] = useState<ManualOrderErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const showToast = useUi((s) => s.showToast);
  const save = async () => {
    const res = parseManualOrder(draft, { timeZone: settings.timeZone, now: Date.now() });
    setErrors(res.errors);
    if (!res.order) return;
    try {
      const db = getDb();
      const s = await ensureCustomerSalt(db, newCustomerSalt);
      const [order] = await withCustomerKeys([res.order], s.customerSalt, s.keepRawEmails);
      await addManualOrder(db, order!, partnerId === '' ? null : partnerId, 'Entered by hand');
      showToast({ tone: 'success', message: `Order ${res.order.orderId} added.` });
      setDraft(emptyManualOrder(safeCurrency(settings.currency), draft.date));
      props.onClose();
    } catch (e) {
      setFailure(saveErrorMessage(e));
    }
  };
  return (
    <Dialog
      open={props.open}
      wide
      title="Add an order by hand"
      onClose={props.onClose}
      footer={<DialogButtons onCancel={props.onClose} onConfirm={save} confirmLabel="Add order" />}
    >
      {failure ? <ErrorPanel title="Not saved">{failure}</ErrorPanel> : null}
      <div className="form-grid">
        {FIELDS.map((f) => (
          <Field
            key={f.key}
            id={`manual-${f.key}`}
            label={f.label}
            hint={f.hint}
            error={errors[f.key]}
          >
            {(id, describedBy) => (
              <input
                id={id}
                value={draft[f.key]}
                aria-describedby={describedBy}
                aria-invalid={errors[f.key] ? true : undefined}
                onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
              />
            )}
          </Field>
        ))}
        <div className="field">
          <label htmlFor="manual-partner">Credit to</label>
          <select
            id="manual-partner"
            value={partnerId}
            onChange={(e) => setPartnerId(e.target.value)}
          >
            <option value="">By code (or nobody)</option>
            <PartnerOptions partners={props.partners} />
          </select>
        </div>
      </div>
    </Dialog>
  );
}

import { useState, type ReactNode } from 'react';
import { Dialog, DialogButtons, KIND_LABEL } from '../../components/ui';
import { Field } from '../../components/form';
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { saveBonus, saveBonusRule } from '../../db/bonuses';
import {
  bonusToDraft,
  checkBonusDraft,
  checkRuleDraft,
  ruleToDraft,
  type DraftErrors,
  type RuleDraft,
} from '../../domain/bonuses';
import { PARTNER_KINDS, type Bonus, type BonusRule, type PartnerKind } from '../../domain/schemas';
import { useUi } from '../../store/ui';

type Checked<T, V> = { ok: true; value: V } | { ok: false; errors: DraftErrors<T> };

/**
 * A small form's draft, its per-field messages and its save: nothing is written unless every
 * field checks out; a refused save keeps the dialog open with the reason, a done one says so and
 * closes it.
 */
function useDraft<T extends object, V>(
  initial: T,
  check: (d: T) => Checked<T, V>,
  onDone: () => void,
) {
  const showToast = useUi((s) => s.showToast);
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors<T>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const set = <K extends keyof T>(k: K, v: T[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = async (write: (value: V) => Promise<unknown>, done: string) => {
    const r = check(draft);
    setErrors(r.ok ? {} : r.errors);
    if (!r.ok) return;
    setBusy(true);
    try {
      await write(r.value);
      showToast({ tone: 'success', message: done });
      onDone();
    } catch (e) {
      setFailure(saveErrorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  /** value, message and onChange of one text field. */
  const bind = (k: keyof T & string) => ({
    value: String(draft[k]),
    error: errors[k],
    onChange: (v: string) => set(k, v as T[typeof k]),
  });
  return { draft, set, bind, errors, busy, failure, submit };
}

function FormDialog(props: {
  id: string;
  title: string;
  busy: boolean;
  failure: string;
  onClose: () => void;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog
      open
      title={props.title}
      onClose={props.onClose}
      footer={
        <DialogButtons
          onCancel={props.onClose}
          form={props.id}
          disabled={props.busy}
          confirmLabel={props.busy ? 'Saving…' : 'Save'}
        />
      }
    >
      <form
        id={props.id}
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        {props.children}
        {props.failure ? (
          <p className="field-error" role="alert">
            Not saved: {props.failure}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}

function TextField(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  type?: string;
  placeholder?: string;
  onChange: (v: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error} hint={props.hint}>
      {(id, describedBy) => (
        <input
          id={id}
          type={props.type ?? 'text'}
          inputMode={props.type ? undefined : 'text'}
          value={props.value}
          placeholder={props.placeholder}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** Add or change one partner's one-off bonus. */
export function BonusDialog(props: {
  partnerId: string;
  bonus: Bonus | null;
  today: string;
  onClose: () => void;
}) {
  const f = useDraft(
    props.bonus ? bonusToDraft(props.bonus) : { amount: '', date: props.today, note: '' },
    checkBonusDraft,
    props.onClose,
  );
  const save = () =>
    f.submit(
      (value) =>
        saveBonus(getDb(), props.bonus?.id ?? null, { partnerId: props.partnerId, ...value }),
      props.bonus ? 'Bonus changed' : 'Bonus added',
    );
  return (
    <FormDialog
      id="bonus-form"
      title={props.bonus ? 'Change bonus' : 'Add a one-off bonus'}
      busy={f.busy}
      failure={f.failure}
      onClose={props.onClose}
      onSubmit={() => void save()}
    >
      <TextField id="bonus-amount" label="Amount" placeholder="e.g. 100.00" {...f.bind('amount')} />
      <TextField
        id="bonus-date"
        label="Date"
        type="date"
        hint="The bonus counts in the period holding this date."
        {...f.bind('date')}
      />
      <TextField
        id="bonus-note"
        label="Note"
        placeholder="e.g. Launch week video"
        {...f.bind('note')}
      />
    </FormDialog>
  );
}

/** Add or change a milestone rule ("monthly attributed revenue at least $X: bonus $Y"). */
export function RuleDialog(props: {
  rule: BonusRule | null;
  kind: PartnerKind;
  currency: string;
  locale: string;
  onClose: () => void;
}) {
  const f = useDraft(
    props.rule
      ? ruleToDraft(props.rule)
      : { name: '', threshold: '', bonus: '', kind: props.kind, active: true },
    (d: RuleDraft) => checkRuleDraft(d, props.currency, props.locale),
    props.onClose,
  );
  const save = () =>
    f.submit(
      (value) => saveBonusRule(getDb(), props.rule?.id ?? null, value),
      props.rule ? 'Rule changed' : 'Milestone rule added',
    );
  return (
    <FormDialog
      id="rule-form"
      title={props.rule ? 'Change milestone rule' : 'Add a milestone rule'}
      busy={f.busy}
      failure={f.failure}
      onClose={props.onClose}
      onSubmit={() => void save()}
    >
      <TextField
        id="rule-threshold"
        label="Monthly attributed revenue at least"
        placeholder="e.g. 2,000.00"
        {...f.bind('threshold')}
      />
      <TextField id="rule-bonus" label="Bonus" placeholder="e.g. 100.00" {...f.bind('bonus')} />
      <Field id="rule-kind" label="Applies to">
        {(id) => (
          <select
            id={id}
            value={f.draft.kind}
            onChange={(e) => f.set('kind', e.target.value as PartnerKind | '')}
          >
            <option value="">Every partner</option>
            {PARTNER_KINDS.map((k) => (
              <option key={k} value={k}>
                Every {KIND_LABEL[k].toLowerCase()}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField
        id="rule-name"
        label="Name (optional)"
        placeholder="e.g. Spring push"
        {...f.bind('name')}
      />
      <label className="pl-check">
        <input
          type="checkbox"
          checked={f.draft.active}
          onChange={(e) => f.set('active', e.target.checked)}
        />{' '}
        <span>In use (pays for each whole month that reaches it)</span>
      </label>
    </FormDialog>
  );
}

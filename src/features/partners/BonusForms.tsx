import { useState, type ReactNode } from 'react';
import { ConfirmDialog, KIND_LABEL } from '../../components/ui';
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
 * field checks out; a refused save keeps the dialog open with the reason, a done one says so
 * (`done`) and closes it.
 */
function useDraft<T extends object, V>(
  initial: T,
  check: (d: T) => Checked<T, V>,
  write: (value: V) => Promise<unknown>,
  done: string,
  onDone: () => void,
) {
  const showToast = useUi((s) => s.showToast);
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors<T>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const set = <K extends keyof T>(k: K, v: T[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = async () => {
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
  return { draft, set, bind, errors, busy, failure, submit, close: onDone };
}

/** Each form's id, and its dialog's title when it adds and when it changes. */
const FORMS = {
  bonus: { id: 'bonus-form', add: 'Add a one-off bonus', change: 'Change bonus' },
  rule: { id: 'rule-form', add: 'Add a milestone rule', change: 'Change milestone rule' },
};

/** A useDraft form in a dialog: Cancel and Save, and why a save was refused. */
function FormDialog(props: {
  form: { id: string; add: string; change: string };
  editing: boolean;
  draft: { busy: boolean; failure: string; close: () => void; submit: () => Promise<void> };
  children: ReactNode;
}) {
  const { busy, failure, close, submit } = props.draft;
  return (
    <ConfirmDialog
      open
      title={props.editing ? props.form.change : props.form.add}
      onCancel={close}
      form={props.form.id}
      disabled={busy}
      confirmLabel={busy ? 'Saving…' : 'Save'}
    >
      <form
        id={props.form.id}
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {props.children}
        {failure ? (
          <p className="field-error" role="alert">
            Not saved: {failure}
          </p>
        ) : null}
      </form>
    </ConfirmDialog>
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
    (value) =>
      saveBonus(getDb(), props.bonus?.id ?? null, { partnerId: props.partnerId, ...value }),
    props.bonus ? 'Bonus changed' : 'Bonus added',
    props.onClose,
  );
  return (
    <FormDialog form={FORMS.bonus} editing={props.bonus !== null} draft={f}>
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
    (value) => saveBonusRule(getDb(), props.rule?.id ?? null, value),
    props.rule ? 'Rule changed' : 'Milestone rule added',
    props.onClose,
  );
  return (
    <FormDialog form={FORMS.rule} editing={props.rule !== null} draft={f}>
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

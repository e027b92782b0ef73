import type { InputHTMLAttributes, ReactNode } from 'react';

/**
 * A labelled form field with inline validation. The render prop receives the input id and the id
 * of the error message (for aria-describedby) so the control stays accessible.
 */
export function Field(props: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const errId = `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  const describedBy = props.error ? errId : props.hint ? hintId : undefined;
  return (
    <div className={`field ${props.error ? 'has-error' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children(props.id, describedBy)}
      {props.hint && !props.error ? (
        <div className="hint" id={hintId}>
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <div className="field-error" id={errId}>
          {props.error}
        </div>
      ) : null}
    </div>
  );
}

/** What every field around one control takes: its id, label, error and hint. */
interface FieldFrame {
  id: string;
  label: string;
  error?: string;
  hint?: string;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

/** A labelled <input> whose change hands back the text typed. */
export function InputField(
  props: FieldFrame & InputProps & { value: string; onChange: (value: string) => void },
) {
  const { id, label, error, hint, onChange, ...input } = props;
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(fid, desc) => (
        <input
          {...input}
          id={fid}
          aria-describedby={desc}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** One choice of a SelectField: the value itself, or a value with the words shown for it. */
export type SelectOption<T extends string> = T | { value: T; label: string };

/** A labelled <select> of fixed choices; `empty` adds a first choice with the value ''. */
export function SelectField<T extends string>(
  props: FieldFrame & {
    value: T;
    options: readonly SelectOption<T>[];
    onChange: (value: T) => void;
    empty?: string;
  },
) {
  return (
    <Field id={props.id} label={props.label} error={props.error} hint={props.hint}>
      {(fid, desc) => (
        <select
          id={fid}
          aria-describedby={desc}
          aria-invalid={props.error ? true : undefined}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value as T)}
        >
          {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
          {props.options.map((o) => {
            const { value, label } = typeof o === 'string' ? { value: o, label: o } : o;
            return (
              <option key={value} value={value}>
                {label}
              </option>
            );
          })}
        </select>
      )}
    </Field>
  );
}

/** A checkbox with its words beside it; the change hands back whether it is ticked. */
export function CheckField(props: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      {props.children}
    </label>
  );
}

import type { ReactNode } from 'react';

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

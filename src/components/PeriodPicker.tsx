import type { ReactNode } from 'react';
import type { DateRange } from '../domain/dates';

/** One entry of a select: its value and what the owner reads. */
export interface Choice<T extends string> {
  id: T;
  label: string;
}

/** A labelled select of choices; `children` adds options after them (a custom period). */
export function ChoiceField<T extends string>(props: {
  id: string;
  label: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
  children?: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
        {props.children}
      </select>
    </div>
  );
}

/**
 * From and To of a period, each kept on its side of the other; clearing a date changes nothing.
 * The inputs are `<idPrefix>-from` and `<idPrefix>-to`.
 */
export function DateRangeFields(props: {
  idPrefix: string;
  range: DateRange;
  onRange: (range: DateRange) => void;
}) {
  const { idPrefix, range, onRange } = props;
  const ends = [
    { key: 'start', label: 'From', id: `${idPrefix}-from`, max: range.end },
    { key: 'end', label: 'To', id: `${idPrefix}-to`, min: range.start },
  ] as const;
  return ends.map((end) => (
    <div className="field" key={end.key}>
      <label htmlFor={end.id}>{end.label}</label>
      <input
        id={end.id}
        type="date"
        value={range[end.key]}
        min={'min' in end ? end.min : undefined}
        max={'max' in end ? end.max : undefined}
        onChange={(e) => e.target.value && onRange({ ...range, [end.key]: e.target.value })}
      />
    </div>
  ));
}

/**
 * Which period a screen shows: a select of kinds of period (presets, or month / quarter / year),
 * then From and To when `showDates`, else `children` (Payouts' previous / next). Compare and
 * Payouts both pick their period with it.
 */
export function PeriodPicker<T extends string>(props: {
  /** Ids of the controls: `<idPrefix>-period`, `<idPrefix>-from`, `<idPrefix>-to`. */
  idPrefix: string;
  label: string;
  kinds: readonly Choice<T>[];
  kind: T;
  onKind: (kind: T) => void;
  range: DateRange;
  onRange: (range: DateRange) => void;
  showDates: boolean;
  children?: ReactNode;
}) {
  return (
    <>
      <ChoiceField
        id={`${props.idPrefix}-period`}
        label={props.label}
        value={props.kind}
        choices={props.kinds}
        onChange={props.onKind}
      />
      {props.showDates ? (
        <DateRangeFields idPrefix={props.idPrefix} range={props.range} onRange={props.onRange} />
      ) : (
        props.children
      )}
    </>
  );
}

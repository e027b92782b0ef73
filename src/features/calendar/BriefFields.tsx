import { useState } from 'react';
import { CheckField, Field } from '../../components/form';
import { lines } from '../../domain/briefs';
import type { Brief } from '../../domain/schemas';

type TextKey = 'keyMessages' | 'dos' | 'donts' | 'claimsToAvoid';

const TEXTS: { key: TextKey; label: string; placeholder: string }[] = [
  {
    key: 'keyMessages',
    label: 'Key messages',
    placeholder: 'One per line, e.g. Made with chamomile and no artificial colours',
  },
  { key: 'dos', label: 'Do', placeholder: 'e.g. Show your dog trying one' },
  { key: 'donts', label: 'Don’t', placeholder: 'e.g. Feed more than the daily amount' },
  {
    key: 'claimsToAvoid',
    label: 'Claims to avoid',
    placeholder: 'e.g. Cures anxiety, replaces medication, vet-approved',
  },
];

/**
 * The brief's fields: key messages, do and don't, the disclosure asked for, claims to avoid and the
 * owner's own review points. `idPrefix` keeps ids unique when two forms are on screen.
 */
export function BriefFields(props: {
  idPrefix: string;
  brief: Brief;
  onChange: (b: Brief) => void;
  errors?: Partial<Record<string, string>>;
}) {
  const { brief, onChange, idPrefix } = props;
  // The checklist is typed as text, one point per line; the record keeps the non-empty lines.
  const [checkText, setCheckText] = useState(brief.checklist.join('\n'));
  const fid = (k: string) => `${idPrefix}-${k}`;
  return (
    <div className="brief-grid">
      {TEXTS.map((t) => (
        <Field key={t.key} id={fid(t.key)} label={t.label} error={props.errors?.[t.key]}>
          {(id, desc) => (
            <textarea
              id={id}
              rows={3}
              aria-describedby={desc}
              placeholder={t.placeholder}
              value={brief[t.key]}
              onChange={(e) => onChange({ ...brief, [t.key]: e.target.value })}
            />
          )}
        </Field>
      ))}
      <fieldset className="brief-disclosure">
        <legend>Required disclosure</legend>
        {DISCLOSURES.map(([k, words]) => (
          <CheckField
            key={k}
            checked={brief.disclosure[k]}
            onChange={(on) => onChange({ ...brief, disclosure: { ...brief.disclosure, [k]: on } })}
          >
            {words}
          </CheckField>
        ))}
      </fieldset>
      <Field
        id={fid('checklist')}
        label="Your own review points"
        hint="One per line; added to the checklist you tick on the published post"
        error={props.errors?.checklist}
      >
        {(id, desc) => (
          <textarea
            id={id}
            rows={3}
            aria-describedby={desc}
            placeholder="e.g. Discount code spelled right"
            value={checkText}
            onChange={(e) => {
              setCheckText(e.target.value);
              onChange({ ...brief, checklist: lines(e.target.value) });
            }}
          />
        )}
      </Field>
    </div>
  );
}

/** The disclosure a brief can require, with the words its checkbox shows. */
const DISCLOSURES: readonly (readonly [keyof Brief['disclosure'], string])[] = [
  ['adHashtag', '#ad in the caption'],
  ['paidPartnershipLabel', '“Paid partnership” label'],
];

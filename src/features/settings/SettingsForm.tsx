import { CheckField, Field } from '../../components/form';
import {
  CURRENCY_LIST,
  IntlOptions,
  LOCALE_LIST,
  TIME_ZONE_LIST,
} from '../../components/IntlOptions';
import { StaleWriteNotice } from '../../components/StaleWriteNotice';
import { Card, ErrorPanel } from '../../components/ui';
import type { Settings } from '../../domain/schemas';
import type { Draft } from './settings-draft';
import { useSettingsForm, type SettingsFormState } from './useSettingsForm';

type TextKey = Exclude<keyof Draft, 'countDiscountAsCost' | 'multiCodeRule'>;

/** One typed setting with its label, hint and error. */
function TextField(props: {
  form: SettingsFormState;
  k: TextKey;
  label: string;
  hint?: string;
  list?: string;
}) {
  const { form, k } = props;
  return (
    <Field id={`settings-${k}`} label={props.label} error={form.errors[k]} hint={props.hint}>
      {(id, describedBy) => (
        <input
          id={id}
          list={props.list}
          value={form.draft[k]}
          aria-invalid={form.errors[k] ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => form.change(k, e.target.value)}
        />
      )}
    </Field>
  );
}

/** Brand name, shop URL, currency, locale and time zone. */
function BrandSection({ form }: { form: SettingsFormState }) {
  return (
    <Card title="Brand">
      {form.stored.length > 0 ? (
        <ErrorPanel title="Some stored settings are not valid">
          <ul>
            {form.stored.map((p) => (
              <li key={p}>{p}: the default is used until you save a valid one.</li>
            ))}
          </ul>
        </ErrorPanel>
      ) : null}
      <div className="form-grid">
        <TextField form={form} k="brandName" label="Brand name" />
        <TextField
          form={form}
          k="brandUrl"
          label="Shop URL"
          hint="Used to build partners’ tracking links"
        />
        <IntlOptions />
        <TextField
          form={form}
          k="currency"
          label="Currency"
          hint="Type to search, e.g. USD, EUR, GBP"
          list={CURRENCY_LIST}
        />
        <TextField
          form={form}
          k="locale"
          label="Locale"
          hint="Type to search. Formats money and dates, e.g. en-US"
          list={LOCALE_LIST}
        />
        <TextField
          form={form}
          k="timeZone"
          label="Time zone"
          hint="Type to search. Orders are counted on the day they were placed here"
          list={TIME_ZONE_LIST}
        />
      </div>
    </Card>
  );
}

/** Follower tiers, CPM, the several-codes rule and discounts as cost. */
function CountingSection({ form }: { form: SettingsFormState }) {
  return (
    <Card title="How numbers are counted">
      <div className="form-grid">
        <TextField form={form} k="micro" label="Micro tier starts at (followers)" />
        <TextField form={form} k="mid" label="Mid tier starts at" />
        <TextField form={form} k="macro" label="Macro tier starts at" />
        <TextField form={form} k="mega" label="Mega tier starts at" />
        <TextField
          form={form}
          k="cpm"
          label="CPM for earned media value"
          hint="What 1,000 impressions are worth to you"
        />
        <Field id="settings-multiCodeRule" label="Order with codes of several partners">
          {(id) => (
            <select
              id={id}
              value={form.draft.multiCodeRule}
              onChange={(e) =>
                form.change('multiCodeRule', e.target.value as Settings['multiCodeRule'])
              }
            >
              <option value="first-code">Credit the first code listed</option>
              <option value="manual-review">Leave it for me to assign</option>
            </select>
          )}
        </Field>
      </div>
      <CheckField
        checked={form.draft.countDiscountAsCost}
        onChange={(on) => form.change('countDiscountAsCost', on)}
      >
        Count discounts given through a partner&apos;s code as that partner&apos;s cost
      </CheckField>
    </Card>
  );
}

/** The brand's settings and how numbers are counted, saved together. */
export function SettingsForm() {
  const form = useSettingsForm();
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void form.save();
      }}
    >
      {form.stale ? (
        <StaleWriteNotice
          what="the settings"
          message={form.stale}
          saving={form.saving}
          onReload={form.reload}
          onOverwrite={() => void form.save(true)}
        />
      ) : null}
      <BrandSection form={form} />
      <CountingSection form={form} />
      <div>
        <button type="submit" className="btn btn-primary">
          Save settings
        </button>
      </div>
    </form>
  );
}

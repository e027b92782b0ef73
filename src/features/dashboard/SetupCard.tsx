import { useState } from 'react';
import { Field } from '../../components/form';
import { CURRENCY_LIST, IntlOptions, TIME_ZONE_LIST } from '../../components/IntlOptions';
import { Card } from '../../components/ui';
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { saveSettings } from '../../db/repo';
import { computerDefaults, currencyProblem, timeZoneProblem } from '../../domain/intl';
import { useUi } from '../../store/ui';

const capital = (s: string) => s.replace(/^\w/, (c) => c.toUpperCase());

/**
 * First run (no brand name, no partners): the owner confirms the brand name, time zone and
 * currency, proposed from this computer's, before any number is counted in them.
 */
export function SetupCard() {
  const [proposed] = useState(() =>
    computerDefaults({
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      locale: navigator.language,
    }),
  );
  const [brandName, setBrandName] = useState('');
  const [timeZone, setTimeZone] = useState(proposed.timeZone);
  const [currency, setCurrency] = useState(proposed.currency);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const showToast = useUi((s) => s.showToast);
  const save = async () => {
    const cur = currency.trim().toUpperCase();
    const e: Record<string, string> = {};
    if (brandName.trim() === '') e.brandName = 'Enter your brand’s name';
    const tz = timeZoneProblem(timeZone.trim());
    if (tz) e.timeZone = capital(tz);
    const cp = currencyProblem(cur);
    if (cp) e.currency = capital(cp);
    setErrors(e);
    if (Object.keys(e).length) return;
    try {
      await saveSettings(getDb(), {
        brandName: brandName.trim(),
        timeZone: timeZone.trim(),
        currency: cur,
        locale: proposed.locale,
      });
      showToast({ tone: 'success', message: 'Saved: you can change these in Settings.' });
    } catch (err) {
      showToast({ tone: 'error', message: `Not saved: ${saveErrorMessage(err)}` });
    }
  };
  return (
    <Card title="First, your brand">
      <p className="muted">
        Sales are counted by day in your time zone and money is shown in your currency. These are
        this computer’s; change them if your shop uses others.
      </p>
      <form
        className="form-grid"
        noValidate
        onSubmit={(ev) => {
          ev.preventDefault();
          void save();
        }}
      >
        <IntlOptions />
        <Field id="setup-brand" label="Brand name" error={errors.brandName}>
          {(id, describedBy) => (
            <input
              id={id}
              value={brandName}
              aria-invalid={errors.brandName ? true : undefined}
              aria-describedby={describedBy}
              onChange={(ev) => setBrandName(ev.target.value)}
            />
          )}
        </Field>
        <Field
          id="setup-tz"
          label="Time zone"
          error={errors.timeZone}
          hint="Type to search, e.g. Berlin"
        >
          {(id, describedBy) => (
            <input
              id={id}
              list={TIME_ZONE_LIST}
              value={timeZone}
              aria-invalid={errors.timeZone ? true : undefined}
              aria-describedby={describedBy}
              onChange={(ev) => setTimeZone(ev.target.value)}
            />
          )}
        </Field>
        <Field
          id="setup-currency"
          label="Currency"
          error={errors.currency}
          hint="Type to search, e.g. EUR"
        >
          {(id, describedBy) => (
            <input
              id={id}
              list={CURRENCY_LIST}
              value={currency}
              aria-invalid={errors.currency ? true : undefined}
              aria-describedby={describedBy}
              onChange={(ev) => setCurrency(ev.target.value)}
            />
          )}
        </Field>
        <div>
          <button type="submit" className="btn btn-primary">
            Confirm
          </button>
        </div>
      </form>
    </Card>
  );
}

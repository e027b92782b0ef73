import { AppearanceCard } from './AppearanceCard';
import { useEffect, useRef, useState } from 'react';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { Field } from '../../components/form';
import { Card, ConfirmDialog, ErrorPanel, PageHeader } from '../../components/ui';
import { StaleWriteNotice } from '../../components/StaleWriteNotice';
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { StaleWriteError } from '../../db/stale';
import { useSettings } from '../../hooks/data';
import { deleteAllData, saveSettings } from '../../db/repo';
import { normalizeImportMappings } from '../../domain/import-mappings';
import { currencyProblem, localeProblem, timeZoneProblem } from '../../domain/intl';
import { parseMoney, centsToDecimal } from '../../domain/money';
import { settingsSchema, type Settings } from '../../domain/schemas';
import { useUi } from '../../store/ui';
import { SampleDataButton } from '../../components/SampleDataButton';
import { BackupsCard } from './BackupsCard';
import { NotPartnerCard } from './NotPartnerCard';
import {
  CURRENCY_LIST,
  IntlOptions,
  LOCALE_LIST,
  TIME_ZONE_LIST,
} from '../../components/IntlOptions';

interface Draft {
  brandName: string;
  brandUrl: string;
  currency: string;
  locale: string;
  timeZone: string;
  micro: string;
  mid: string;
  macro: string;
  mega: string;
  cpm: string;
  countDiscountAsCost: boolean;
  multiCodeRule: Settings['multiCodeRule'];
}

function toDraft(s: Settings): Draft {
  return {
    brandName: s.brandName,
    brandUrl: s.brandUrl,
    currency: s.currency,
    locale: s.locale,
    timeZone: s.timeZone,
    micro: String(s.tierBounds.micro),
    mid: String(s.tierBounds.mid),
    macro: String(s.tierBounds.macro),
    mega: String(s.tierBounds.mega),
    cpm: centsToDecimal(s.cpmCents),
    countDiscountAsCost: s.countDiscountAsCost,
    multiCodeRule: s.multiCodeRule,
  };
}

type Errors = Partial<Record<keyof Draft, string>>;

function validate(d: Draft, base: Settings): { errors: Errors; value?: Settings } {
  const errors: Errors = {};
  const int = (k: 'micro' | 'mid' | 'macro' | 'mega') => {
    const n = Number(d[k]);
    if (!/^\d+$/.test(d[k].trim()) || !Number.isSafeInteger(n))
      errors[k] = 'Enter a whole number of followers';
    return n;
  };
  const tiers = { micro: int('micro'), mid: int('mid'), macro: int('macro'), mega: int('mega') };
  if (!errors.mid && tiers.mid <= tiers.micro) errors.mid = 'Must be above the micro bound';
  if (!errors.macro && tiers.macro <= tiers.mid) errors.macro = 'Must be above the mid bound';
  if (!errors.mega && tiers.mega <= tiers.macro) errors.mega = 'Must be above the macro bound';
  const cpm = parseMoney(d.cpm);
  if (cpm === null || cpm < 0) errors.cpm = 'Enter an amount like 10.00';
  // The schema's rules, worded for the field (settingsSchema checks them again below).
  const currency = d.currency.trim().toUpperCase();
  const locale = d.locale.trim();
  const timeZone = d.timeZone.trim();
  const problems = {
    currency: currencyProblem(currency),
    locale: localeProblem(locale),
    timeZone: timeZoneProblem(timeZone),
  };
  for (const [k, problem] of Object.entries(problems))
    if (problem)
      errors[k as keyof typeof problems] = problem.replace(/^\w/, (c) => c.toUpperCase());
  const candidate: Settings = {
    ...base,
    // Saved in the list form even when an older version stored the record form.
    importMappings: normalizeImportMappings(base.importMappings),
    brandName: d.brandName.trim(),
    brandUrl: d.brandUrl.trim(),
    currency,
    locale,
    timeZone,
    tierBounds: tiers,
    cpmCents: cpm ?? 0,
    countDiscountAsCost: d.countDiscountAsCost,
    multiCodeRule: d.multiCodeRule,
  };
  const r = settingsSchema.safeParse(candidate);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const key = issue.path[0] as keyof Draft;
      if (key in d && !errors[key]) errors[key] = issue.message;
    }
  }
  return Object.keys(errors).length ? { errors } : { errors, value: candidate };
}

/**
 * Settings. Each part has its own error boundary, so whatever the stored data holds, Backups
 * (export, import, undo) stays usable: it is the owner's way out of bad data.
 * `#/settings/backups` scrolls to it.
 */
export function SettingsScreen({ rest = [] }: { rest?: string[] }) {
  const backups = useRef<HTMLDivElement>(null);
  const toBackups = rest[0] === 'backups';
  useEffect(() => {
    if (toBackups) backups.current?.scrollIntoView({ block: 'start' });
  }, [toBackups]);
  return (
    <>
      <PageHeader title="Settings" subtitle="Your brand, how numbers are counted, and your data." />
      <ErrorBoundary what="Your brand settings">
        <SettingsForm />
      </ErrorBoundary>
      <ErrorBoundary what="Codes that are not a partner’s">
        <NotPartnerCard />
      </ErrorBoundary>
      <ErrorBoundary what="Appearance">
        <AppearanceCard />
      </ErrorBoundary>
      <div id="backups" ref={backups}>
        <ErrorBoundary what="Backups">
          <BackupsCard />
        </ErrorBoundary>
      </div>
      <ErrorBoundary what="Your data">
        <DataCard />
      </ErrorBoundary>
    </>
  );
}

function SettingsForm() {
  const settings = useSettings();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState<string | null>(null);
  // The stored version the draft was filled from, and whether the owner has typed since.
  const [base, setBase] = useState(settings.updatedAt);
  const [dirty, setDirty] = useState(false);
  const showToast = useUi((s) => s.showToast);

  // Settings saved elsewhere (another window, a restore) fill the form unless the owner is
  // editing it: then the save is checked against them instead (see save).
  useEffect(() => {
    if (dirty) return;
    setDraft(toDraft(settings));
    setBase(settings.updatedAt);
  }, [settings, dirty]);
  const reload = () => {
    setDraft(toDraft(settings));
    setBase(settings.updatedAt);
    setDirty(false);
    setStale(null);
    setErrors({});
  };
  const save = async (overwrite = false) => {
    const r = validate(draft, settings);
    setErrors(r.errors);
    if (!r.value) return;
    setSaving(true);
    try {
      await saveSettings(getDb(), r.value, overwrite ? undefined : base);
      setStale(null);
      setDirty(false);
      showToast({ tone: 'success', message: 'Settings saved' });
    } catch (e) {
      if (e instanceof StaleWriteError) setStale(e.message);
      else showToast({ tone: 'error', message: `Settings not saved: ${saveErrorMessage(e)}` });
    } finally {
      setSaving(false);
    }
  };
  // A value stored by an older version or a restored backup that Intl refuses: shown in the
  // defaults meanwhile, and said here so the owner can correct it.
  const stored = [
    currencyProblem(settings.currency),
    localeProblem(settings.locale),
    timeZoneProblem(settings.timeZone),
  ].filter((p) => p !== null);

  const text = (k: keyof Draft, label: string, hint?: string, list?: string) => (
    <Field id={`settings-${k}`} label={label} error={errors[k]} hint={hint}>
      {(id, describedBy) => (
        <input
          id={id}
          list={list}
          value={String(draft[k])}
          aria-invalid={errors[k] ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            setDirty(true);
            setDraft({ ...draft, [k]: e.target.value });
          }}
        />
      )}
    </Field>
  );

  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {stale ? (
        <StaleWriteNotice
          what="the settings"
          message={stale}
          saving={saving}
          onReload={reload}
          onOverwrite={() => void save(true)}
        />
      ) : null}
      <Card title="Brand">
        {stored.length > 0 ? (
          <ErrorPanel title="Some stored settings are not valid">
            <ul>
              {stored.map((p) => (
                <li key={p}>{p}: the default is used until you save a valid one.</li>
              ))}
            </ul>
          </ErrorPanel>
        ) : null}
        <div className="form-grid">
          {text('brandName', 'Brand name')}
          {text('brandUrl', 'Shop URL', 'Used to build partners’ tracking links')}
          <IntlOptions />
          {text('currency', 'Currency', 'Type to search, e.g. USD, EUR, GBP', CURRENCY_LIST)}
          {text(
            'locale',
            'Locale',
            'Type to search. Formats money and dates, e.g. en-US',
            LOCALE_LIST,
          )}
          {text(
            'timeZone',
            'Time zone',
            'Type to search. Orders are counted on the day they were placed here',
            TIME_ZONE_LIST,
          )}
        </div>
      </Card>
      <Card title="How numbers are counted">
        <div className="form-grid">
          {text('micro', 'Micro tier starts at (followers)')}
          {text('mid', 'Mid tier starts at')}
          {text('macro', 'Macro tier starts at')}
          {text('mega', 'Mega tier starts at')}
          {text('cpm', 'CPM for earned media value', 'What 1,000 impressions are worth to you')}
          <Field id="settings-multiCodeRule" label="Order with codes of several partners">
            {(id) => (
              <select
                id={id}
                value={draft.multiCodeRule}
                onChange={(e) => {
                  setDirty(true);
                  setDraft({
                    ...draft,
                    multiCodeRule: e.target.value as Settings['multiCodeRule'],
                  });
                }}
              >
                <option value="first-code">Credit the first code listed</option>
                <option value="manual-review">Leave it for me to assign</option>
              </select>
            )}
          </Field>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.countDiscountAsCost}
            onChange={(e) => {
              setDirty(true);
              setDraft({ ...draft, countDiscountAsCost: e.target.checked });
            }}
          />
          Count discounts given through a partner&apos;s code as that partner&apos;s cost
        </label>
      </Card>
      <div>
        <button type="submit" className="btn btn-primary">
          Save settings
        </button>
      </div>
    </form>
  );
}

function DataCard() {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const showToast = useUi((s) => s.showToast);
  return (
    <>
      <Card title="Your data" className="mt">
        <p className="muted">
          Everything is stored on this computer only. Try Pawtners with a demo pet brand, or start
          over.
        </p>
        <div className="row">
          <SampleDataButton primary={false} />
          <button type="button" className="btn btn-danger" onClick={() => setConfirmDelete(true)}>
            Delete all data
          </button>
        </div>
      </Card>
      <ConfirmDialog
        open={confirmDelete}
        title="Delete all data?"
        confirmLabel="Delete everything"
        danger
        onCancel={() => setConfirmDelete(false)}
        onConfirm={async () => {
          setConfirmDelete(false);
          await deleteAllData(getDb());
          showToast({ tone: 'success', message: 'All data deleted' });
        }}
      >
        <p>
          This removes every partner, contract, content item, order and payout from this computer.
          Export a backup first if you might want them back.
        </p>
      </ConfirmDialog>
    </>
  );
}

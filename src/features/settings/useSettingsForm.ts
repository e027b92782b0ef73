import { useEffect, useState } from 'react';
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { saveSettings } from '../../db/repo';
import { StaleWriteError } from '../../db/stale';
import { useSettings } from '../../hooks/data';
import { currencyProblem, localeProblem, timeZoneProblem } from '../../domain/intl';
import { useUi } from '../../store/ui';
import { toDraft, validate, type Draft, type Errors } from './settings-draft';

/** The Settings form: its draft, errors, saving, and a save over a version stored elsewhere. */
export function useSettingsForm() {
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
  /** A field the owner changed. */
  const change = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDirty(true);
    setDraft((d) => ({ ...d, [k]: v }));
  };
  // A value stored by an older version or a restored backup that Intl refuses: shown in the
  // defaults meanwhile, and said here so the owner can correct it.
  const stored = [
    currencyProblem(settings.currency),
    localeProblem(settings.locale),
    timeZoneProblem(settings.timeZone),
  ].filter((p) => p !== null);
  return { draft, errors, saving, stale, stored, change, reload, save };
}

export type SettingsFormState = ReturnType<typeof useSettingsForm>;

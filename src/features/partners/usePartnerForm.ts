import { useEffect, useMemo, useRef, useState } from 'react';
import { navigate } from '../../navigation/router';
import { getDb } from '../../db/db';
import { useSettings } from '../../hooks/data';
import { saveErrorMessage } from '../../db/errors';
import {
  deletePartner,
  PartnerValidationError,
  restorePartner,
  savePartner,
  savePartnerWithContracts,
  type DeletedPartner,
} from '../../db/partners';
import { planReattribution, type ReattributionPlan } from '../../db/reattribute';
import { newId } from '../../db/repo';
import { matchingKeysChanged } from '../../domain/attribution';
import { StaleWriteError } from '../../db/stale';
import {
  emptyPartnerDraft,
  partnerToDraft,
  slugify,
  validatePartnerDraft,
  type ContractDraft,
  type FieldErrors,
  type PartnerDraft,
} from '../../domain/partners';
import { SUBTYPE_TAGS, type Contract, type Partner } from '../../domain/schemas';
import { recordEdit } from '../../store/edits';
import type { Edit } from '../../store/history';
import { useUi } from '../../store/ui';
import { clearFailedSave, failedSaveOf, pageKnown, partnerSaved, saveFailed } from './detail-cache';
import { readPartnerWithContracts, todayIn, useAllPartners } from './usePartners';

/** The state of the partner form: the draft, its errors, saving and reloading. */
export function usePartnerForm(existing: Partner | null, contracts: Contract[]) {
  const settings = useSettings();
  const today = todayIn(settings);
  const showToast = useUi((s) => s.showToast);
  const allPartners = useAllPartners();
  // A save shown at once whose write then failed: the form opens again as the owner left it.
  const failed = existing ? failedSaveOf(existing.id) : null;
  const [draft, setDraft] = useState<PartnerDraft>(
    () =>
      failed?.draft ??
      (existing ? partnerToDraft(existing, contracts) : emptyPartnerDraft('affiliate')),
  );
  const [errors, setErrors] = useState<FieldErrors>(() => failed?.errors ?? {});
  const [saving, setSaving] = useState(false);
  // The version the form was filled from: `existing` follows the database, the draft does not.
  const [baseVersion, setBaseVersion] = useState(failed ? failed.baseVersion : existing?.updatedAt);
  // Set when the partner was changed elsewhere since: the owner reloads or overwrites.
  const [stale, setStale] = useState<string | null>(() => failed?.stale ?? null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const staleRef = useRef<HTMLDivElement>(null);
  const slugTouched = useRef(existing !== null);
  // Offered after a save that changed what credits orders, before leaving the form.
  const [recredit, setRecredit] = useState<{ plan: ReattributionPlan; id: string } | null>(null);

  const tagOptions = useMemo(() => {
    const all = new Set<string>([...SUBTYPE_TAGS, ...settings.customTags, ...draft.tags]);
    for (const p of allPartners ?? []) for (const t of p.tags) all.add(t);
    return [...all];
  }, [allPartners, settings.customTags, draft.tags]);

  const failedTold = useRef(false);
  useEffect(() => {
    if (!failed || failedTold.current) return;
    failedTold.current = true;
    clearFailedSave(failed.id);
    if (failed.message) showToast({ tone: 'error', message: `Not saved: ${failed.message}` });
  }, [failed, showToast]);
  useEffect(() => {
    if (Object.keys(errors).length) summaryRef.current?.focus();
  }, [errors]);
  useEffect(() => {
    if (stale) staleRef.current?.focus();
  }, [stale]);

  const set = <K extends keyof PartnerDraft>(k: K, v: PartnerDraft[K]) =>
    setDraft((d) => ({ ...d, [k]: v }));
  const setContract = (i: number, patch: Partial<ContractDraft>) =>
    setDraft((d) => ({
      ...d,
      contracts: d.contracts.map((c, j) => (j === i ? { ...c, ...patch } : c)),
    }));
  /** A text field typed by the owner; the name suggests the referral slug until one is typed. */
  const setText = (key: keyof PartnerDraft & string, v: string) =>
    setDraft((d) => {
      const next = { ...d, [key]: v };
      if (key === 'name' && !slugTouched.current) next.referralSlug = slugify(v);
      if (key === 'referralSlug') slugTouched.current = true;
      return next;
    });

  /** Save; `overwrite` saves over a version written elsewhere since the form was filled. */
  const submit = async (overwrite = false) => {
    const now = Date.now();
    const expectedUpdatedAt = overwrite ? undefined : baseVersion;
    // An edit checked here against the partners in memory, which credits orders as before (no
    // re-credit offer to make): its page is shown at once, with the write still under way.
    const checked = shownAtOnce(existing, allPartners, draft, today, now);
    if (checked && !checked.ok) {
      setStale(null);
      return setErrors(checked.errors);
    }
    // Only over the page as last read (a page opened with nothing read would show the old version).
    const early = checked && pageKnown(checked.partner.id) ? checked : null;
    setSaving(true);
    try {
      const before = existing ? partnerToDraft(existing, contracts) : null;
      const writing = savePartnerWithContracts(getDb(), draft, {
        id: existing?.id ?? null,
        today,
        expectedUpdatedAt,
        now,
      });
      if (early) {
        partnerSaved(early.partner, early.contracts, now);
        navigate(`partners/${encodeURIComponent(early.partner.id)}`);
      }
      const { partner: saved, contracts: stored } = await writing;
      // The partner page opens with what was saved at once (its reads follow).
      if (!early) partnerSaved(saved, stored);
      setErrors({});
      setStale(null);
      recordEdit(partnerSaveEdit(saved, before, draft, today), `${saved.name} saved`);
      if (early) return;
      if (matchingKeysChanged(existing, saved)) {
        const plan = await planReattribution(getDb());
        if (plan.moves.length) return setRecredit({ plan, id: saved.id });
      }
      navigate(`partners/${encodeURIComponent(saved.id)}`);
    } catch (e) {
      const failure = failureOf(e);
      if (early && existing) {
        // The page was shown already: back to the form, as the owner left it, with the problem.
        saveFailed({ id: existing.id, draft, baseVersion, ...failure });
        navigate(`partners/${encodeURIComponent(existing.id)}/edit`);
      } else if (failure.errors) {
        setStale(null);
        setErrors(failure.errors);
      } else if (failure.stale !== undefined) setStale(failure.stale);
      else showToast({ tone: 'error', message: `Could not save: ${failure.message}` });
    } finally {
      setSaving(false);
    }
  };

  /** Drop the edits and fill the form again from the version stored now. */
  const reload = async () => {
    if (!existing) return;
    try {
      const now = await readPartnerWithContracts(existing.id);
      if (!now.partner) return; // Deleted meanwhile: the page shows "Partner not found".
      setDraft(partnerToDraft(now.partner, now.contracts));
      setBaseVersion(now.partner.updatedAt);
      setErrors({});
      setStale(null);
    } catch (e) {
      showToast({ tone: 'error', message: `Could not reload: ${saveErrorMessage(e)}` });
    }
  };

  /** The re-credit offer was answered: go to the saved partner. */
  const recreditDone = () => {
    if (recredit) navigate(`partners/${encodeURIComponent(recredit.id)}`);
    setRecredit(null);
  };

  return {
    existing,
    today,
    recredit: recredit?.plan ?? null,
    recreditDone,
    draft,
    errors,
    saving,
    stale,
    summaryRef,
    staleRef,
    tagOptions,
    set,
    setContract,
    setText,
    submit,
    reload,
  };
}

export type PartnerFormState = ReturnType<typeof usePartnerForm>;

/**
 * An edit of a stored partner, checked against every partner in memory as the save will check
 * it against those stored: the partner and contracts to show at once, or the draft's problems.
 * Null when the page waits for the write: a new partner, the partners not read yet, or codes or
 * handles changed (the save may offer to re-credit orders first).
 */
export function shownAtOnce(
  existing: Partner | null,
  others: readonly Partner[] | undefined,
  draft: PartnerDraft,
  today: string,
  now: number,
) {
  if (!existing || !others) return null;
  const r = validatePartnerDraft(draft, { existing, others, today, now, newId });
  return r.ok && matchingKeysChanged(existing, r.partner) ? null : r;
}

/** A failed write's problem, as the form shows it. */
function failureOf(e: unknown): { errors?: FieldErrors; stale?: string; message?: string } {
  if (e instanceof PartnerValidationError) return { errors: e.errors };
  if (e instanceof StaleWriteError) return { stale: e.message };
  return { message: saveErrorMessage(e) };
}

/**
 * Undo and redo of a partner save: an edit puts back the partner and contracts as they were (and
 * again as saved); a new partner is deleted and restored.
 */
function partnerSaveEdit(
  saved: Partner,
  before: PartnerDraft | null,
  after: PartnerDraft,
  today: string,
): Edit {
  const id = saved.id;
  if (before)
    return {
      label: `changes to ${saved.name}`,
      undo: async () => void (await savePartner(getDb(), before, { id, today })),
      redo: async () => void (await savePartner(getDb(), after, { id, today })),
    };
  let snapshot: DeletedPartner | null = null;
  return {
    label: `adding ${saved.name}`,
    undo: async () => {
      snapshot = await deletePartner(getDb(), id);
    },
    redo: async () => {
      if (snapshot) await restorePartner(getDb(), snapshot);
    },
  };
}

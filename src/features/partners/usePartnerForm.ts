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
import { matchingKeysChanged } from '../../domain/attribution';
import { StaleWriteError } from '../../db/stale';
import {
  emptyPartnerDraft,
  partnerToDraft,
  slugify,
  type ContractDraft,
  type FieldErrors,
  type PartnerDraft,
} from '../../domain/partners';
import { SUBTYPE_TAGS, type Contract, type Partner } from '../../domain/schemas';
import { recordEdit } from '../../store/edits';
import type { Edit } from '../../store/history';
import { useUi } from '../../store/ui';
import { partnerSaved } from './detail-cache';
import { readPartnerWithContracts, todayIn, useAllPartners } from './usePartners';

/** The state of the partner form: the draft, its errors, saving and reloading. */
export function usePartnerForm(existing: Partner | null, contracts: Contract[]) {
  const settings = useSettings();
  const today = todayIn(settings);
  const showToast = useUi((s) => s.showToast);
  const allPartners = useAllPartners();
  const [draft, setDraft] = useState<PartnerDraft>(() =>
    existing ? partnerToDraft(existing, contracts) : emptyPartnerDraft('affiliate'),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  // The version the form was filled from: `existing` follows the database, the draft does not.
  const [baseVersion, setBaseVersion] = useState(existing?.updatedAt);
  // Set when the partner was changed elsewhere since: the owner reloads or overwrites.
  const [stale, setStale] = useState<string | null>(null);
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
    setSaving(true);
    try {
      const before = existing ? partnerToDraft(existing, contracts) : null;
      const { partner: saved, contracts: stored } = await savePartnerWithContracts(getDb(), draft, {
        id: existing?.id ?? null,
        today,
        expectedUpdatedAt: overwrite ? undefined : baseVersion,
      });
      // The partner page opens with what was saved at once (its reads follow).
      partnerSaved(saved, stored);
      setErrors({});
      setStale(null);
      recordEdit(partnerSaveEdit(saved, before, draft, today), `${saved.name} saved`);
      if (matchingKeysChanged(existing, saved)) {
        const plan = await planReattribution(getDb());
        if (plan.moves.length) return setRecredit({ plan, id: saved.id });
      }
      navigate(`partners/${encodeURIComponent(saved.id)}`);
    } catch (e) {
      if (e instanceof PartnerValidationError) {
        setStale(null);
        setErrors(e.errors);
      } else if (e instanceof StaleWriteError) setStale(e.message);
      else showToast({ tone: 'error', message: `Could not save: ${saveErrorMessage(e)}` });
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

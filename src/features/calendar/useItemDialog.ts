import { useMemo, useState } from 'react';
import { getDb } from '../../db/db';
import {
  ContentValidationError,
  deleteContentItem,
  getContentItem,
  saveContentItem,
} from '../../db/content';
import { saveErrorMessage, storageError } from '../../db/errors';
import { StaleWriteError } from '../../db/stale';
import { newId } from '../../db/repo';
import type { ContentItem } from '../../domain/schemas';
import { recordEdit } from '../../store/edits';
import { useUi } from '../../store/ui';
import {
  draftFromItem,
  itemFromDraft,
  newDraft,
  type DraftErrors,
  type ItemDraft,
} from './itemForm';
import type { CalendarData } from './useCalendarData';

export type ItemDialogTarget =
  | { mode: 'edit'; item: ContentItem }
  | { mode: 'new'; date: string; quick: boolean; campaignId?: string };

/** The content item being edited or added: its draft, errors, saving, reloading and deleting. */
export function useItemDialog(target: ItemDialogTarget, data: CalendarData, onClose: () => void) {
  const showToast = useUi((s) => s.showToast);
  const [draft, setDraft] = useState<ItemDraft>(() =>
    target.mode === 'edit'
      ? draftFromItem(target.item)
      : { ...newDraft(target.date), campaignId: target.campaignId ?? '' },
  );
  const [errors, setErrors] = useState<DraftErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The version the form was filled from, and the refusal when it changed elsewhere since.
  const [baseVersion, setBaseVersion] = useState(
    target.mode === 'edit' ? target.item.updatedAt : undefined,
  );
  const [stale, setStale] = useState<string | null>(null);
  const quick = target.mode === 'new' && target.quick;
  const known = useMemo(
    () => ({
      partners: new Set(data.partnersById.keys()),
      campaigns: new Set(data.campaignsById.keys()),
    }),
    [data],
  );

  const set = <K extends keyof ItemDraft>(key: K, value: ItemDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  /** Save; `overwrite` saves over a version written elsewhere since the dialog opened. */
  const save = async (overwrite = false) => {
    const base =
      target.mode === 'edit'
        ? { id: target.item.id, createdAt: target.item.createdAt }
        : { id: newId(), createdAt: Date.now() };
    const res = itemFromDraft(draft, base, Date.now(), known);
    setErrors(res.errors);
    if (!res.item) return;
    setSaving(true);
    setFailure(null);
    try {
      await saveContentItem(getDb(), res.item, overwrite ? undefined : baseVersion);
      showToast({
        tone: 'success',
        message: target.mode === 'edit' ? 'Content item saved' : 'Content item added',
      });
      onClose();
    } catch (e) {
      if (e instanceof ContentValidationError) {
        setErrors(Object.fromEntries(e.issues.map((i) => [i.field, i.message])));
      } else if (e instanceof StaleWriteError) setStale(e.message);
      else setFailure(storageError(e) ?? `${saveErrorMessage(e)} Nothing was changed; try again.`);
    } finally {
      setSaving(false);
    }
  };

  /** Drop the edits and fill the form again from the version stored now. */
  const reload = async () => {
    if (target.mode !== 'edit') return;
    try {
      const now = await getContentItem(getDb(), target.item.id);
      if (!now) {
        setStale(null);
        setFailure('This item was deleted in another window. Save to add it back, or cancel.');
        setBaseVersion(undefined);
        return;
      }
      setDraft(draftFromItem(now));
      setBaseVersion(now.updatedAt);
      setErrors({});
      setStale(null);
    } catch (e) {
      setFailure(saveErrorMessage(e));
    }
  };

  const remove = async () => {
    if (target.mode !== 'edit') return;
    const item = target.item;
    try {
      await deleteContentItem(getDb(), item.id);
    } catch (e) {
      setFailure(saveErrorMessage(e));
      return;
    }
    onClose();
    recordEdit(
      {
        label: `deleting ${item.title || item.format}`,
        undo: () => saveContentItem(getDb(), item),
        redo: () => deleteContentItem(getDb(), item.id),
      },
      'Content item deleted',
      { tone: 'info' },
    );
  };

  return {
    draft,
    setDraft,
    set,
    errors,
    failure,
    saving,
    stale,
    quick,
    save,
    reload,
    remove,
  };
}

export type ItemDialogState = ReturnType<typeof useItemDialog>;

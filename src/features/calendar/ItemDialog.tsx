import { StaleWriteNotice } from '../../components/StaleWriteNotice';
import { useMemo, useState } from 'react';
import { Field } from '../../components/form';
import { Dialog, ErrorPanel } from '../../components/ui';
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
import { engagementRate, fieldLabel, METRIC_KEYS, STATUS_LABEL } from '../../domain/content';
import { safeLocale } from '../../domain/intl';
import {
  CONTENT_FORMATS,
  CONTENT_STATUSES,
  PLATFORMS,
  type ContentItem,
} from '../../domain/schemas';
import { useUi } from '../../store/ui';
import { longDay } from './format';
import {
  draftFromItem,
  itemFromDraft,
  newDraft,
  withPartnerDefaults,
  type DraftErrors,
  type ItemDraft,
} from './itemForm';
import type { CalendarData } from './useCalendarData';

export type ItemDialogTarget =
  | { mode: 'edit'; item: ContentItem }
  | { mode: 'new'; date: string; quick: boolean; campaignId?: string };

export function ItemDialog(props: {
  target: ItemDialogTarget;
  data: CalendarData;
  locale: string;
  onClose: () => void;
}) {
  const { target, data, locale, onClose } = props;
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

  const title =
    target.mode === 'edit'
      ? 'Edit content item'
      : quick
        ? `Add on ${longDay(target.date, locale)}`
        : 'Add content item';

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
    showToast({
      message: 'Content item deleted',
      action: {
        label: 'Undo',
        run: () =>
          void saveContentItem(getDb(), item).catch((e: unknown) =>
            showToast({ tone: 'error', message: `Could not undo: ${saveErrorMessage(e)}` }),
          ),
      },
    });
  };

  const id = (k: string) => `ci-${k}`;
  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      wide={!quick}
      footer={
        <>
          {target.mode === 'edit' ? (
            <button type="button" className="btn btn-danger cal-delete" onClick={remove}>
              Delete
            </button>
          ) : null}
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form="content-item-form"
            className="btn btn-primary"
            disabled={saving}
          >
            {target.mode === 'edit' ? 'Save' : 'Add item'}
          </button>
        </>
      }
    >
      <form
        id="content-item-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {failure ? <ErrorPanel title="Could not save">{failure}</ErrorPanel> : null}
        {stale ? (
          <StaleWriteNotice
            what="this item"
            message={stale}
            saving={saving}
            onReload={() => void reload()}
            onOverwrite={() => void save(true)}
          />
        ) : null}
        <div className={quick ? 'stack cal-quick' : 'form-grid'}>
          <Field id={id('partner')} label="Partner" error={errors.partnerId}>
            {(fid, desc) => (
              <select
                id={fid}
                aria-describedby={desc}
                aria-invalid={!!errors.partnerId}
                value={draft.partnerId}
                onChange={(e) => {
                  const p = data.partnersById.get(e.target.value);
                  setDraft((d) =>
                    target.mode === 'new'
                      ? withPartnerDefaults(d, p, data.contracts)
                      : { ...d, partnerId: e.target.value },
                  );
                }}
              >
                <option value="">Choose a partner…</option>
                {data.partners
                  .filter((p) => !p.archived || p.id === draft.partnerId)
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} ({p.kind === 'ambassador' ? 'ambassador' : 'affiliate'})
                    </option>
                  ))}
              </select>
            )}
          </Field>
          {!quick ? (
            <Field id={id('campaign')} label="Campaign" error={errors.campaignId}>
              {(fid, desc) => (
                <select
                  id={fid}
                  aria-describedby={desc}
                  value={draft.campaignId}
                  onChange={(e) => set('campaignId', e.target.value)}
                >
                  <option value="">No campaign</option>
                  {data.campaigns.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <Field id={id('platform')} label="Platform" error={errors.platform}>
            {(fid, desc) => (
              <select
                id={fid}
                aria-describedby={desc}
                value={draft.platform}
                onChange={(e) => set('platform', e.target.value as ItemDraft['platform'])}
              >
                {PLATFORMS.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={id('format')} label="Format" error={errors.format}>
            {(fid, desc) => (
              <select
                id={fid}
                aria-describedby={desc}
                value={draft.format}
                onChange={(e) => set('format', e.target.value as ItemDraft['format'])}
              >
                {CONTENT_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {!quick ? (
            <Field id={id('date')} label="Planned date" error={errors.plannedDate}>
              {(fid, desc) => (
                <input
                  id={fid}
                  type="date"
                  aria-describedby={desc}
                  aria-invalid={!!errors.plannedDate}
                  value={draft.plannedDate}
                  onChange={(e) => set('plannedDate', e.target.value)}
                />
              )}
            </Field>
          ) : null}
          <Field
            id={id('time')}
            label="Time"
            error={errors.plannedTime}
            hint="Leave empty for any time that day"
          >
            {(fid, desc) => (
              <input
                id={fid}
                type="time"
                aria-describedby={desc}
                value={draft.plannedTime}
                onChange={(e) => set('plannedTime', e.target.value)}
              />
            )}
          </Field>
          <Field id={id('title')} label="Title" error={errors.title}>
            {(fid, desc) => (
              <input
                id={fid}
                aria-describedby={desc}
                value={draft.title}
                maxLength={200}
                placeholder="e.g. Treat taste test"
                onChange={(e) => set('title', e.target.value)}
              />
            )}
          </Field>
          <Field id={id('status')} label="Status" error={errors.status ?? errors.metrics}>
            {(fid, desc) => (
              <select
                id={fid}
                aria-describedby={desc}
                value={draft.status}
                onChange={(e) => set('status', e.target.value as ItemDraft['status'])}
              >
                {CONTENT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABEL[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {!quick ? (
            <>
              <Field id={id('control')} label="Content control" error={errors.control}>
                {(fid, desc) => (
                  <select
                    id={fid}
                    aria-describedby={desc}
                    value={draft.control}
                    onChange={(e) => set('control', e.target.value as ItemDraft['control'])}
                  >
                    <option value="co-created">Co-created with the brand</option>
                    <option value="partner">Partner&apos;s own</option>
                  </select>
                )}
              </Field>
              <Field
                id={id('cost')}
                label="Cost (flat fee)"
                error={errors.cost}
                hint="What this post costs you"
              >
                {(fid, desc) => (
                  <input
                    id={fid}
                    inputMode="decimal"
                    aria-describedby={desc}
                    aria-invalid={!!errors.cost}
                    value={draft.cost}
                    onChange={(e) => set('cost', e.target.value)}
                  />
                )}
              </Field>
              <Field id={id('url')} label="Published URL" error={errors.publishedUrl}>
                {(fid, desc) => (
                  <input
                    id={fid}
                    type="url"
                    aria-describedby={desc}
                    aria-invalid={!!errors.publishedUrl}
                    value={draft.publishedUrl}
                    placeholder="https://"
                    onChange={(e) => set('publishedUrl', e.target.value)}
                  />
                )}
              </Field>
              <div className="cal-span">
                <Field id={id('brief')} label="Brief" error={errors.brief}>
                  {(fid, desc) => (
                    <textarea
                      id={fid}
                      aria-describedby={desc}
                      value={draft.brief}
                      onChange={(e) => set('brief', e.target.value)}
                    />
                  )}
                </Field>
              </div>
            </>
          ) : null}
        </div>
        {!quick && draft.status === 'published' ? (
          <fieldset className="cal-metrics">
            <legend>Results</legend>
            <div className="cal-metric-grid">
              {METRIC_KEYS.map((k) => (
                <Field key={k} id={id(k)} label={fieldLabel(k)} error={errors[k]}>
                  {(fid, desc) => (
                    <input
                      id={fid}
                      type="number"
                      min={0}
                      step={1}
                      inputMode="numeric"
                      aria-describedby={desc}
                      aria-invalid={!!errors[k]}
                      value={draft.metrics[k]}
                      onChange={(e) =>
                        setDraft((d) => ({ ...d, metrics: { ...d.metrics, [k]: e.target.value } }))
                      }
                    />
                  )}
                </Field>
              ))}
            </div>
            <EngagementLine draft={draft} locale={locale} />
          </fieldset>
        ) : null}
        {!quick && draft.status !== 'published' ? (
          <p className="hint">Results (reach, likes, clicks…) can be entered once published.</p>
        ) : null}
      </form>
    </Dialog>
  );
}

/** Live engagement of the results typed so far (see docs: interactions / reach). */
function EngagementLine({ draft, locale }: { draft: ItemDraft; locale: string }) {
  const n = (k: (typeof METRIC_KEYS)[number]) => Math.max(0, Number(draft.metrics[k]) || 0);
  const rate = engagementRate({
    reach: n('reach'),
    impressions: n('impressions'),
    likes: n('likes'),
    comments: n('comments'),
    shares: n('shares'),
    saves: n('saves'),
    clicks: n('clicks'),
  });
  const pct = new Intl.NumberFormat(safeLocale(locale), {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return (
    <p className="hint cal-engagement">
      {rate === null
        ? 'Engagement rate appears once reach is entered.'
        : `Engagement rate ${pct.format(rate)} (likes + comments + shares + saves, divided by reach)`}
    </p>
  );
}

import { Field } from '../../components/form';
import { engagementRate, fieldLabel, METRIC_KEYS, STATUS_LABEL } from '../../domain/content';
import { safeLocale } from '../../domain/intl';
import { CONTENT_FORMATS, CONTENT_STATUSES, PLATFORMS } from '../../domain/schemas';
import { withPartnerDefaults, type ItemDraft } from './itemForm';
import type { CalendarData } from './useCalendarData';
import type { ItemDialogState, ItemDialogTarget } from './useItemDialog';

const id = (k: string) => `ci-${k}`;

/** Who, where, when and what: the fields a quick add shows too (campaign and date aside). */
export function ItemMainFields({
  form,
  target,
  data,
}: {
  form: ItemDialogState;
  target: ItemDialogTarget;
  data: CalendarData;
}) {
  const { draft, set, errors, quick } = form;
  return (
    <>
      <PartnerField form={form} target={target} data={data} />
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
    </>
  );
}

/** The partner; on a new item, choosing one fills in their main platform, fee and control. */
function PartnerField({
  form,
  target,
  data,
}: {
  form: ItemDialogState;
  target: ItemDialogTarget;
  data: CalendarData;
}) {
  const { draft, setDraft, errors } = form;
  return (
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
  );
}

/** Control, cost, link and notes: shown in the full dialog only. */
export function ItemMoreFields({ form }: { form: ItemDialogState }) {
  const { draft, set, errors } = form;
  return (
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
        <Field id={id('brief')} label="Notes" error={errors.brief}>
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
  );
}

/** The results of a published item, with its engagement rate as typed. */
export function ItemMetrics({ form, locale }: { form: ItemDialogState; locale: string }) {
  const { draft, setDraft, errors } = form;
  return (
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

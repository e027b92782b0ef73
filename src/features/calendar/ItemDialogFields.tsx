import type { ComponentProps } from 'react';
import { Field, InputField, SelectField, type SelectOption } from '../../components/form';
import { engagementRate, fieldLabel, METRIC_KEYS, STATUS_LABEL } from '../../domain/content';
import { safeLocale } from '../../domain/intl';
import { CONTENT_FORMATS, CONTENT_STATUSES, PLATFORMS } from '../../domain/schemas';
import { withPartnerDefaults, type ItemDraft } from './itemForm';
import type { CalendarData } from './useCalendarData';
import type { ItemDialogState, ItemDialogTarget } from './useItemDialog';

const id = (k: string) => `ci-${k}`;

type TextKey = { [K in keyof ItemDraft]: ItemDraft[K] extends string ? K : never }[keyof ItemDraft];

/** A draft field's value, its change and its error, for an InputField or SelectField. */
function bind<K extends TextKey>(form: ItemDialogState, k: K) {
  return {
    value: form.draft[k],
    onChange: (v: ItemDraft[K]) => form.set(k, v),
    error: form.errors[k],
  };
}

type InputSpec = { name: string } & Omit<
  ComponentProps<typeof InputField>,
  'id' | 'value' | 'onChange' | 'error'
>;

/** The draft's plain text inputs: the id's name, label and the input's own attributes. */
const INPUTS = {
  plannedDate: { name: 'date', label: 'Planned date', type: 'date' },
  plannedTime: {
    name: 'time',
    label: 'Time',
    hint: 'Leave empty for any time that day',
    type: 'time',
  },
  title: { name: 'title', label: 'Title', maxLength: 200, placeholder: 'e.g. Treat taste test' },
  cost: {
    name: 'cost',
    label: 'Cost (flat fee)',
    hint: 'What this post costs you',
    inputMode: 'decimal',
  },
  publishedUrl: { name: 'url', label: 'Published URL', type: 'url', placeholder: 'https://' },
} as const satisfies Partial<Record<TextKey, InputSpec>>;

/** One of INPUTS, bound to the draft. */
function DraftInput({ form, k }: { form: ItemDialogState; k: keyof typeof INPUTS }) {
  const { name, ...input } = INPUTS[k];
  return <InputField id={id(name)} {...input} {...bind(form, k)} />;
}

interface MainFieldsProps {
  form: ItemDialogState;
  target: ItemDialogTarget;
  data: CalendarData;
}

/** Who, where, when and what: the fields a quick add shows too (campaign and date aside). */
export function ItemMainFields(props: MainFieldsProps) {
  const { form, data } = props;
  return (
    <>
      <PartnerField {...props} />
      {!form.quick ? (
        <SelectField
          id={id('campaign')}
          label="Campaign"
          empty="No campaign"
          options={data.campaigns.map((c) => ({ value: c.id, label: c.name }))}
          {...bind(form, 'campaignId')}
        />
      ) : null}
      <SelectField
        id={id('platform')}
        label="Platform"
        options={PLATFORMS}
        {...bind(form, 'platform')}
      />
      <SelectField
        id={id('format')}
        label="Format"
        options={CONTENT_FORMATS}
        {...bind(form, 'format')}
      />
      {!form.quick ? <DraftInput form={form} k="plannedDate" /> : null}
      <DraftInput form={form} k="plannedTime" />
      <DraftInput form={form} k="title" />
      <SelectField
        id={id('status')}
        label="Status"
        options={CONTENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
        {...bind(form, 'status')}
        error={form.errors.status ?? form.errors.metrics}
      />
    </>
  );
}

/** The partner; on a new item, choosing one fills in their main platform, fee and control. */
function PartnerField({ form, target, data }: MainFieldsProps) {
  const { draft, setDraft, errors } = form;
  return (
    <SelectField
      id={id('partner')}
      label="Partner"
      error={errors.partnerId}
      value={draft.partnerId}
      empty="Choose a partner…"
      options={data.partners
        .filter((p) => !p.archived || p.id === draft.partnerId)
        .map((p) => ({
          value: p.id,
          label: `${p.name} (${p.kind === 'ambassador' ? 'ambassador' : 'affiliate'})`,
        }))}
      onChange={(v) =>
        setDraft((d) =>
          target.mode === 'new'
            ? withPartnerDefaults(d, data.partnersById.get(v), data.contracts)
            : { ...d, partnerId: v },
        )
      }
    />
  );
}

/** Control, cost, link and notes: shown in the full dialog only. */
export function ItemMoreFields({ form }: { form: ItemDialogState }) {
  const { draft, set, errors } = form;
  return (
    <>
      <SelectField
        id={id('control')}
        label="Content control"
        options={CONTROL_OPTIONS}
        {...bind(form, 'control')}
      />
      <DraftInput form={form} k="cost" />
      <DraftInput form={form} k="publishedUrl" />
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

const CONTROL_OPTIONS: readonly SelectOption<ItemDraft['control']>[] = [
  { value: 'co-created', label: 'Co-created with the brand' },
  { value: 'partner', label: "Partner's own" },
];

/** The results of a published item, with its engagement rate as typed. */
export function ItemMetrics({ form, locale }: { form: ItemDialogState; locale: string }) {
  const { draft, setDraft, errors } = form;
  return (
    <fieldset className="cal-metrics">
      <legend>Results</legend>
      <div className="cal-metric-grid">
        {METRIC_KEYS.map((k) => (
          <InputField
            key={k}
            id={id(k)}
            label={fieldLabel(k)}
            error={errors[k]}
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            value={draft.metrics[k]}
            onChange={(v) => setDraft((d) => ({ ...d, metrics: { ...d.metrics, [k]: v } }))}
          />
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

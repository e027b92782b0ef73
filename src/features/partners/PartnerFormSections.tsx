import { useState, type ReactNode } from 'react';
import { Plus, Trash2 } from 'lucide-react';
import { CheckField, Field } from '../../components/form';
import { Card, KIND_LABEL } from '../../components/ui';
import {
  contractSuggestions,
  emptyContractDraft,
  PLATFORM_LABEL,
  type ContractDraft,
  type PartnerDraft,
} from '../../domain/partners';
import { PARTNER_KINDS, PARTNER_STATUSES, PLATFORMS, RETAINER_PERIODS } from '../../domain/schemas';
import { STATUS_LABEL } from './format';
import type { PartnerFormState } from './usePartnerForm';

const NICHES = ['dogs', 'cats', 'small pets', 'aquarium', 'birds', 'reptiles', 'horses'];

interface Section {
  form: PartnerFormState;
}

/** A text field of the draft, with its error and hint. */
function DraftText({
  form,
  name,
  label,
  hint,
  type,
  list,
}: Section & {
  name: keyof PartnerDraft & string;
  label: string;
  hint?: string;
  type?: string;
  list?: string;
}) {
  return (
    <SmallInput
      id={`pf-${name}`}
      label={label}
      error={form.errors[name]}
      hint={hint}
      type={type}
      list={list}
      value={String(form.draft[name])}
      onChange={(v) => form.setText(name, v)}
    />
  );
}

export function ProfileSection({ form }: Section) {
  const { draft, errors, existing, set } = form;
  return (
    <Card title="Profile">
      <div className="form-grid">
        <DraftText form={form} name="name" label="Name" />
        <DraftText form={form} name="email" label="Email" type="email" />
        <Field id="pf-kind" label="Kind" error={errors.kind}>
          {(fid) => (
            <select
              id={fid}
              value={draft.kind}
              onChange={(e) => set('kind', e.target.value as PartnerDraft['kind'])}
            >
              {PARTNER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="pf-status"
          label="Status"
          error={errors.status}
          hint={existing ? undefined : 'Each change is recorded with its date'}
        >
          {(fid, describedBy) => (
            <select
              id={fid}
              value={draft.status}
              aria-describedby={describedBy}
              onChange={(e) => set('status', e.target.value as PartnerDraft['status'])}
            >
              {PARTNER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <DraftText
          form={form}
          name="niche"
          label="Niche"
          list="pf-niches"
          hint="dogs, cats, small pets, aquarium…"
        />
        <DraftText form={form} name="city" label="City" hint="For hyperlocal partners" />
        <DraftText form={form} name="region" label="Region / state" />
        <DraftText form={form} name="country" label="Country" />
        <Field id="pf-payoutMethod" label="Payout method">
          {(fid) => (
            <select
              id={fid}
              value={draft.payoutMethod}
              onChange={(e) => set('payoutMethod', e.target.value as PartnerDraft['payoutMethod'])}
            >
              <option value="paypal">PayPal</option>
              <option value="venmo">Venmo</option>
              <option value="none">Not set</option>
            </select>
          )}
        </Field>
        {draft.payoutMethod !== 'none' ? (
          <DraftText
            form={form}
            name="payoutHandle"
            label={draft.payoutMethod === 'paypal' ? 'PayPal email' : 'Venmo handle'}
          />
        ) : null}
      </div>
      <CheckField checked={draft.exclusive} onChange={(on) => set('exclusive', on)}>
        Promotes only our brand (exclusive)
      </CheckField>
      <datalist id="pf-niches">
        {NICHES.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <TagsFieldset form={form} />
      <div className="mt">
        <Field id="pf-notes" label="Notes">
          {(fid) => (
            <textarea id={fid} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />
          )}
        </Field>
      </div>
    </Card>
  );
}

function TagsFieldset({ form }: Section) {
  const { draft, errors, tagOptions, set } = form;
  const [newTag, setNewTag] = useState('');
  const addTag = () => {
    if (newTag.trim()) set('tags', [...draft.tags, newTag.trim()]);
    setNewTag('');
  };
  return (
    <fieldset className="pf-tags">
      <legend>Tags</legend>
      <div className="pf-tag-list">
        {tagOptions.map((t) => (
          <label key={t} className={`pf-tag ${draft.tags.includes(t) ? 'on' : ''}`}>
            <input
              type="checkbox"
              checked={draft.tags.includes(t)}
              onChange={(e) =>
                set(
                  'tags',
                  e.target.checked ? [...draft.tags, t] : draft.tags.filter((x) => x !== t),
                )
              }
            />
            {t}
          </label>
        ))}
      </div>
      <div className="row">
        <input
          aria-label="New tag"
          placeholder="Your own tag"
          value={newTag}
          maxLength={60}
          onChange={(e) => setNewTag(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addTag();
            }
          }}
        />
        <button type="button" className="btn btn-small" disabled={!newTag.trim()} onClick={addTag}>
          Add tag
        </button>
      </div>
      {errors.tags ? <div className="field-error">{errors.tags}</div> : null}
    </fieldset>
  );
}

export function AccountsSection({ form }: Section) {
  const { draft, errors, set } = form;
  return (
    <Card
      title="Social accounts"
      actions={
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            set('accounts', [
              ...draft.accounts,
              { platform: 'instagram', handle: '', followers: '', engagementRate: '' },
            ])
          }
        >
          <Plus size={14} aria-hidden="true" /> Add account
        </button>
      }
    >
      {draft.accounts.length === 0 ? (
        <p className="muted">No accounts yet. The follower tier comes from the largest account.</p>
      ) : null}
      {draft.accounts.map((a, i) => {
        const patch = (p: Partial<typeof a>) =>
          set(
            'accounts',
            draft.accounts.map((x, j) => (j === i ? { ...x, ...p } : x)),
          );
        const e = (f: string) => errors[`accounts.${i}.${f}`];
        return (
          <div key={i} className="pf-row" role="group" aria-label={`Account ${i + 1}`}>
            <Field id={`pf-acc-${i}-platform`} label="Platform">
              {(fid) => (
                <select
                  id={fid}
                  value={a.platform}
                  onChange={(ev) => patch({ platform: ev.target.value as typeof a.platform })}
                >
                  {PLATFORMS.map((p) => (
                    <option key={p} value={p}>
                      {PLATFORM_LABEL[p]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <SmallInput
              id={`pf-acc-${i}-handle`}
              label="Handle"
              error={e('handle')}
              value={a.handle}
              onChange={(v) => patch({ handle: v })}
            />
            <SmallInput
              id={`pf-acc-${i}-followers`}
              label="Followers"
              error={e('followers')}
              value={a.followers}
              onChange={(v) => patch({ followers: v })}
              inputMode="numeric"
            />
            <SmallInput
              id={`pf-acc-${i}-er`}
              label="Engagement rate %"
              error={e('engagementRate')}
              value={a.engagementRate}
              onChange={(v) => patch({ engagementRate: v })}
              inputMode="decimal"
            />
            <RemoveButton
              label={`Remove account ${i + 1}`}
              onClick={() =>
                set(
                  'accounts',
                  draft.accounts.filter((_, j) => j !== i),
                )
              }
            />
          </div>
        );
      })}
    </Card>
  );
}

export function ContractsSection({ form }: Section) {
  const { draft, today, set } = form;
  return (
    <Card
      title="Contracts"
      actions={
        <button
          type="button"
          className="btn btn-small"
          onClick={() => set('contracts', [...draft.contracts, emptyContractDraft(today)])}
        >
          <Plus size={14} aria-hidden="true" /> Add contract
        </button>
      }
    >
      <p className="muted pf-note">
        Terms change over time: end the old contract the day before the new one starts. The contract
        active on a date is the one that counts.
      </p>
      {draft.contracts.map((c, i) => (
        <ContractFieldset key={i} form={form} contract={c} index={i} />
      ))}
    </Card>
  );
}

function ContractFieldset({
  form,
  contract: c,
  index: i,
}: Section & { contract: ContractDraft; index: number }) {
  const { draft, errors, set, setContract } = form;
  // Money starts empty; the placeholders suggest typical terms for the partner's kind.
  const suggested: Partial<Record<keyof ContractDraft, string>> = contractSuggestions(draft.kind);
  const input = (f: keyof ContractDraft, label: string, extra: Partial<SmallInputProps> = {}) => (
    <SmallInput
      id={`pf-k-${i}-${f}`}
      label={label}
      error={errors[`contracts.${i}.${f}`]}
      value={String(c[f])}
      placeholder={suggested[f]}
      onChange={(v) => setContract(i, { [f]: v })}
      {...extra}
    />
  );
  return (
    <fieldset className="pf-contract">
      <legend>
        Contract {i + 1}
        {c.startDate ? ` from ${c.startDate}` : ''}
      </legend>
      <div className="form-grid pf-contract-grid">
        {input('startDate', 'Start date', { type: 'date' })}
        {input('endDate', 'End date', { type: 'date', hint: 'Empty = open-ended' })}
        {input('retainer', 'Retainer / salary', { inputMode: 'decimal' })}
        <Field id={`pf-k-${i}-period`} label="Retainer period">
          {(fid) => (
            <select
              id={fid}
              value={c.retainerPeriod}
              onChange={(ev) =>
                setContract(i, {
                  retainerPeriod: ev.target.value as ContractDraft['retainerPeriod'],
                })
              }
            >
              {RETAINER_PERIODS.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          )}
        </Field>
        {input('commissionRate', 'Commission %', { inputMode: 'decimal' })}
        <Field id={`pf-k-${i}-base`} label="Commission on">
          {(fid) => (
            <select
              id={fid}
              value={c.commissionBase}
              onChange={(ev) =>
                setContract(i, {
                  commissionBase: ev.target.value as ContractDraft['commissionBase'],
                })
              }
            >
              <option value="subtotal">Order subtotal</option>
              <option value="total">Order total</option>
            </select>
          )}
        </Field>
        {input('flatFeePerPost', 'Flat fee per post', { inputMode: 'decimal' })}
        {input('perksPerMonth', 'Perks per month (product value)', { inputMode: 'decimal' })}
        {input('deliverablesPerMonth', 'Posts per month', { inputMode: 'numeric' })}
      </div>
      <div className="row pf-contract-foot">
        <CheckField
          checked={c.commissionOnRepeat}
          onChange={(on) => setContract(i, { commissionOnRepeat: on })}
        >
          Commission on repeat orders of customers they brought
        </CheckField>
        <RemoveButton
          label={`Remove contract ${i + 1}`}
          onClick={() =>
            set(
              'contracts',
              draft.contracts.filter((_, j) => j !== i),
            )
          }
        />
      </div>
    </fieldset>
  );
}

export function TrackingSection({ form }: Section) {
  return (
    <Card title="Tracking">
      <div className="form-grid">
        <DraftText
          form={form}
          name="codes"
          label="Promo codes"
          hint="Separate with commas. Unique across all partners, any case."
        />
        <DraftText
          form={form}
          name="referralSlug"
          label="Referral slug"
          hint="As the creator writes it: letters, digits, _ . -, e.g. maya_chen"
        />
      </div>
    </Card>
  );
}

interface SmallInputProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  value: string;
  type?: string;
  list?: string;
  inputMode?: 'numeric' | 'decimal';
  placeholder?: string;
  onChange: (v: string) => void;
}

function SmallInput(p: SmallInputProps): ReactNode {
  return (
    <Field id={p.id} label={p.label} error={p.error} hint={p.hint}>
      {(fid, describedBy) => (
        <input
          id={fid}
          type={p.type ?? 'text'}
          list={p.list}
          inputMode={p.inputMode}
          placeholder={p.placeholder}
          value={p.value}
          aria-invalid={p.error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => p.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="btn btn-small pf-remove" aria-label={label} onClick={onClick}>
      <Trash2 size={14} aria-hidden="true" />
    </button>
  );
}

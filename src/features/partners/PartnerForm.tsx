import { StaleWriteNotice } from '../../components/StaleWriteNotice';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Plus, Trash2 } from 'lucide-react';
import { href, navigate } from '../../navigation/router';
import { Field } from '../../components/form';
import { Card, ErrorPanel, KIND_LABEL, PageHeader } from '../../components/ui';
import { getDb } from '../../db/db';
import { useSettings } from '../../hooks/data';
import { saveErrorMessage } from '../../db/errors';
import { PartnerValidationError, savePartner } from '../../db/partners';
import { StaleWriteError } from '../../db/stale';
import {
  emptyContractDraft,
  emptyPartnerDraft,
  partnerToDraft,
  PLATFORM_LABEL,
  slugify,
  type ContractDraft,
  type FieldErrors,
  type PartnerDraft,
} from '../../domain/partners';
import {
  PARTNER_KINDS,
  PARTNER_STATUSES,
  PLATFORMS,
  RETAINER_PERIODS,
  SUBTYPE_TAGS,
  type Partner,
  type Contract,
} from '../../domain/schemas';
import { useUi } from '../../store/ui';
import { STATUS_LABEL } from './format';
import { PartnerNotFound } from './parts';
import {
  readPartnerWithContracts,
  todayIn,
  useAllPartners,
  usePartnerWithContracts,
} from './usePartners';

const NICHES = ['dogs', 'cats', 'small pets', 'aquarium', 'birds', 'reptiles', 'horses'];

/** Create (id null) or edit a partner with accounts, contracts and codes. */
export function PartnerFormPage({ id }: { id: string | null }) {
  const detail = usePartnerWithContracts(id ?? '');
  if (id && detail === undefined) return <p className="muted">Loading…</p>;
  if (id && !detail?.partner) return <PartnerNotFound />;
  return (
    <PartnerForm
      key={id ?? 'new'}
      existing={detail?.partner ?? null}
      contracts={detail?.contracts ?? []}
    />
  );
}

function PartnerForm({ existing, contracts }: { existing: Partner | null; contracts: Contract[] }) {
  const settings = useSettings();
  const today = todayIn(settings);
  const showToast = useUi((s) => s.showToast);
  const allPartners = useAllPartners();
  const [draft, setDraft] = useState<PartnerDraft>(() =>
    existing ? partnerToDraft(existing, contracts) : emptyPartnerDraft('affiliate'),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [newTag, setNewTag] = useState('');
  // The version the form was filled from: `existing` follows the database, the draft does not.
  const [baseVersion, setBaseVersion] = useState(existing?.updatedAt);
  // Set when the partner was changed elsewhere since: the owner reloads or overwrites.
  const [stale, setStale] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const staleRef = useRef<HTMLDivElement>(null);
  const slugTouched = useRef(existing !== null);

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

  /** Save; `overwrite` saves over a version written elsewhere since the form was filled. */
  const submit = async (overwrite = false) => {
    setSaving(true);
    try {
      const saved = await savePartner(getDb(), draft, {
        id: existing?.id ?? null,
        today,
        expectedUpdatedAt: overwrite ? undefined : baseVersion,
      });
      setErrors({});
      setStale(null);
      showToast({ tone: 'success', message: `${saved.name} saved` });
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

  const text = (
    key: keyof PartnerDraft & string,
    label: string,
    opts: { hint?: string; type?: string; list?: string } = {},
  ) => (
    <Field id={`pf-${key}`} label={label} error={errors[key]} hint={opts.hint}>
      {(fid, describedBy) => (
        <input
          id={fid}
          type={opts.type ?? 'text'}
          list={opts.list}
          value={String(draft[key])}
          aria-invalid={errors[key] ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            const v = e.target.value;
            setDraft((d) => {
              const next = { ...d, [key]: v };
              // Suggest a referral slug from the name until the owner types one.
              if (key === 'name' && !slugTouched.current) next.referralSlug = slugify(v);
              if (key === 'referralSlug') slugTouched.current = true;
              return next;
            });
          }}
        />
      )}
    </Field>
  );

  const errorCount = Object.keys(errors).length;
  const title = existing ? `Edit ${existing.name}` : 'Add partner';

  return (
    <>
      <PageHeader
        title={title}
        subtitle={
          existing
            ? 'Change the profile, accounts, contract terms or codes.'
            : 'A brand ambassador or a micro-affiliate: start with a name, the rest can follow.'
        }
      />
      <form
        className="stack pf"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {stale ? (
          <div ref={staleRef} tabIndex={-1}>
            <StaleWriteNotice
              what="this partner"
              message={stale}
              saving={saving}
              onReload={() => void reload()}
              onOverwrite={() => void submit(true)}
            />
          </div>
        ) : null}
        {errorCount > 0 ? (
          <div ref={summaryRef} tabIndex={-1}>
            <ErrorPanel
              title={`Nothing was saved: ${errorCount} field${errorCount === 1 ? '' : 's'} to fix`}
            >
              Each problem is shown next to its field below.
            </ErrorPanel>
          </div>
        ) : null}
        <Card title="Profile">
          <div className="form-grid">
            {text('name', 'Name')}
            {text('email', 'Email', { type: 'email' })}
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
            {text('niche', 'Niche', {
              list: 'pf-niches',
              hint: 'dogs, cats, small pets, aquarium…',
            })}
            {text('city', 'City', { hint: 'For hyperlocal partners' })}
            {text('region', 'Region / state')}
            {text('country', 'Country')}
            <Field id="pf-payoutMethod" label="Payout method">
              {(fid) => (
                <select
                  id={fid}
                  value={draft.payoutMethod}
                  onChange={(e) =>
                    set('payoutMethod', e.target.value as PartnerDraft['payoutMethod'])
                  }
                >
                  <option value="paypal">PayPal</option>
                  <option value="venmo">Venmo</option>
                  <option value="none">Not set</option>
                </select>
              )}
            </Field>
            {draft.payoutMethod !== 'none'
              ? text(
                  'payoutHandle',
                  draft.payoutMethod === 'paypal' ? 'PayPal email' : 'Venmo handle',
                )
              : null}
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.exclusive}
              onChange={(e) => set('exclusive', e.target.checked)}
            />
            Promotes only our brand (exclusive)
          </label>
          <datalist id="pf-niches">
            {NICHES.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
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
                    if (newTag.trim()) set('tags', [...draft.tags, newTag.trim()]);
                    setNewTag('');
                  }
                }}
              />
              <button
                type="button"
                className="btn btn-small"
                disabled={!newTag.trim()}
                onClick={() => {
                  set('tags', [...draft.tags, newTag.trim()]);
                  setNewTag('');
                }}
              >
                Add tag
              </button>
            </div>
            {errors.tags ? <div className="field-error">{errors.tags}</div> : null}
          </fieldset>
          <div className="mt">
            <Field id="pf-notes" label="Notes">
              {(fid) => (
                <textarea
                  id={fid}
                  value={draft.notes}
                  onChange={(e) => set('notes', e.target.value)}
                />
              )}
            </Field>
          </div>
        </Card>

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
            <p className="muted">
              No accounts yet. The follower tier comes from the largest account.
            </p>
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

        <Card
          title="Contracts"
          actions={
            <button
              type="button"
              className="btn btn-small"
              onClick={() =>
                set('contracts', [...draft.contracts, emptyContractDraft(draft.kind, today)])
              }
            >
              <Plus size={14} aria-hidden="true" /> Add contract
            </button>
          }
        >
          <p className="muted pf-note">
            Terms change over time: end the old contract the day before the new one starts. The
            contract active on a date is the one that counts.
          </p>
          {draft.contracts.map((c, i) => {
            const e = (f: string) => errors[`contracts.${i}.${f}`];
            const input = (
              f: keyof ContractDraft,
              label: string,
              extra: Partial<SmallInputProps> = {},
            ) => (
              <SmallInput
                id={`pf-k-${i}-${f}`}
                label={label}
                error={e(f)}
                value={String(c[f])}
                onChange={(v) => setContract(i, { [f]: v })}
                {...extra}
              />
            );
            return (
              <fieldset key={i} className="pf-contract">
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
                  {input('perksPerMonth', 'Perks per month (product value)', {
                    inputMode: 'decimal',
                  })}
                  {input('deliverablesPerMonth', 'Posts per month', { inputMode: 'numeric' })}
                </div>
                <div className="row pf-contract-foot">
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={c.commissionOnRepeat}
                      onChange={(ev) => setContract(i, { commissionOnRepeat: ev.target.checked })}
                    />
                    Commission on repeat orders of customers they brought
                  </label>
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
          })}
        </Card>

        <Card title="Tracking">
          <div className="form-grid">
            {text('codes', 'Promo codes', {
              hint: 'Separate with commas. Unique across all partners, any case.',
            })}
            {text('referralSlug', 'Referral slug', { hint: 'Lowercase, e.g. maya-chen' })}
          </div>
        </Card>

        <div className="row pf-actions">
          <a
            className="btn"
            href={href(existing ? `partners/${encodeURIComponent(existing.id)}` : 'partners')}
          >
            Cancel
          </a>
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save partner'}
          </button>
        </div>
      </form>
    </>
  );
}

interface SmallInputProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  value: string;
  type?: string;
  inputMode?: 'numeric' | 'decimal';
  onChange: (v: string) => void;
}

function SmallInput(p: SmallInputProps): ReactNode {
  return (
    <Field id={p.id} label={p.label} error={p.error} hint={p.hint}>
      {(fid, describedBy) => (
        <input
          id={fid}
          type={p.type ?? 'text'}
          inputMode={p.inputMode}
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

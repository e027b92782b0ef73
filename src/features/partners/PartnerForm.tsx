import { StaleWriteNotice } from '../../components/StaleWriteNotice';
import { href } from '../../navigation/router';
import { ErrorPanel, PageHeader } from '../../components/ui';
import type { Contract, Partner } from '../../domain/schemas';
import { PartnerNotFound } from './parts';
import { RecreditDialog } from './RecreditDialog';
import {
  AccountsSection,
  ContractsSection,
  ProfileSection,
  TrackingSection,
} from './PartnerFormSections';
import { usePartnerForm } from './usePartnerForm';
import { usePartnerWithContracts } from './usePartners';

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
  const form = usePartnerForm(existing, contracts);
  const { errors, saving, stale, summaryRef, staleRef, submit, reload } = form;
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
      <RecreditDialog plan={form.recredit} onDone={form.recreditDone} />
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
        <ProfileSection form={form} />
        <AccountsSection form={form} />
        <ContractsSection form={form} />
        <TrackingSection form={form} />

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

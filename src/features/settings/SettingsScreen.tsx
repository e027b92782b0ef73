import { useEffect, useRef, useState } from 'react';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { SampleDataButton } from '../../components/SampleDataButton';
import { Card, ConfirmDialog, PageHeader } from '../../components/ui';
import { getDb } from '../../db/db';
import { deleteAllData } from '../../db/repo';
import { useUi } from '../../store/ui';
import { AppearanceCard } from './AppearanceCard';
import { BackupsCard } from './BackupsCard';
import { NotPartnerCard } from './NotPartnerCard';
import { RemindersCard } from './RemindersCard';
import { SettingsForm } from './SettingsForm';

/**
 * Settings. Each part has its own error boundary, so whatever the stored data holds, Backups
 * (export, import, undo) stays usable: it is the owner's way out of bad data.
 * `#/settings/backups` scrolls to it.
 */
export function SettingsScreen({ rest = [] }: { rest?: string[] }) {
  const backups = useRef<HTMLDivElement>(null);
  const toBackups = rest[0] === 'backups';
  useEffect(() => {
    if (toBackups) backups.current?.scrollIntoView({ block: 'start' });
  }, [toBackups]);
  return (
    <>
      <PageHeader title="Settings" subtitle="Your brand, how numbers are counted, and your data." />
      <ErrorBoundary what="Your brand settings">
        <SettingsForm />
      </ErrorBoundary>
      <ErrorBoundary what="Codes that are not a partner’s">
        <NotPartnerCard />
      </ErrorBoundary>
      <ErrorBoundary what="Appearance">
        <AppearanceCard />
      </ErrorBoundary>
      <ErrorBoundary what="Reminders">
        <RemindersCard />
      </ErrorBoundary>
      <div id="backups" ref={backups}>
        <ErrorBoundary what="Backups">
          <BackupsCard />
        </ErrorBoundary>
      </div>
      <ErrorBoundary what="Your data">
        <DataCard />
      </ErrorBoundary>
    </>
  );
}

function DataCard() {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const showToast = useUi((s) => s.showToast);
  return (
    <>
      <Card title="Your data" className="mt">
        <p className="muted">
          Everything is stored on this computer only. Try Pawtners with a demo pet brand, or start
          over.
        </p>
        <div className="row">
          <SampleDataButton primary={false} />
          <button type="button" className="btn btn-danger" onClick={() => setConfirmDelete(true)}>
            Delete all data
          </button>
        </div>
      </Card>
      <ConfirmDialog
        open={confirmDelete}
        title="Delete all data?"
        confirmLabel="Delete everything"
        danger
        onCancel={() => setConfirmDelete(false)}
        onConfirm={async () => {
          setConfirmDelete(false);
          await deleteAllData(getDb());
          showToast({ tone: 'success', message: 'All data deleted' });
        }}
      >
        <p>
          This removes every partner, contract, content item, order and payout from this computer.
          Export a backup first if you might want them back.
        </p>
      </ConfirmDialog>
    </>
  );
}

import { useLiveQuery } from 'dexie-react-hooks';
import { PawPrint } from 'lucide-react';
import { href } from '../../app/router';
import { Card, EmptyState, PageHeader, Stat } from '../../components/ui';
import { getDb } from '../../db/db';
import { useSettings } from '../../db/hooks';
import { SampleDataButton } from '../common/SampleDataButton';

export function DashboardScreen() {
  const settings = useSettings();
  const counts = useLiveQuery(async () => {
    const db = getDb();
    const [ambassadors, affiliates, orders, content] = await Promise.all([
      db.partners.where('kind').equals('ambassador').count(),
      db.partners.where('kind').equals('affiliate').count(),
      db.orders.count(),
      db.contentItems.count(),
    ]);
    return { ambassadors, affiliates, orders, content };
  }, []);

  if (!counts) return <PageHeader title="Dashboard" />;
  const empty = counts.ambassadors + counts.affiliates === 0;
  return (
    <>
      <PageHeader
        title="Dashboard"
        subtitle={
          settings.brandName ? `${settings.brandName} at a glance` : 'Your partnerships at a glance'
        }
      />
      {empty ? (
        <EmptyState
          icon={PawPrint}
          title="Welcome to Pawtners"
          actions={
            <>
              <a className="btn" href={href('partners')}>
                Add your first partner
              </a>
              <SampleDataButton />
            </>
          }
        >
          <p>
            Keep your brand ambassadors and micro-affiliates, their contracts, your content calendar
            and your shop&apos;s sales in one place on this computer, and see which kind of
            partnership pays off.
          </p>
          <p className="muted">
            New here? Load a sample pet brand to see every screen with realistic data.
          </p>
        </EmptyState>
      ) : (
        <div className="grid-4">
          <Card>
            <Stat label="Brand ambassadors" value={counts.ambassadors} tone="ambassador" />
          </Card>
          <Card>
            <Stat label="Micro-affiliates" value={counts.affiliates} tone="affiliate" />
          </Card>
          <Card>
            <Stat label="Orders" value={counts.orders.toLocaleString(settings.locale)} />
          </Card>
          <Card>
            <Stat label="Content items" value={counts.content.toLocaleString(settings.locale)} />
          </Card>
        </div>
      )}
    </>
  );
}

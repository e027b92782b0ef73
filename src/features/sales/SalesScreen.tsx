import { Receipt } from 'lucide-react';
import { EmptyState, PageHeader } from '../../components/ui';
import { SampleDataButton } from '../common/SampleDataButton';

export function SalesScreen(_props: { rest: string[] }) {
  return (
    <>
      <PageHeader
        title="Sales"
        subtitle="Orders from your shop, credited to the partners who drove them."
      />
      <EmptyState icon={Receipt} title="No orders yet" actions={<SampleDataButton />}>
        <p>Import your Shopify or Etsy orders export to see which partner sold what.</p>
      </EmptyState>
    </>
  );
}

import { HandCoins } from 'lucide-react';
import { EmptyState, PageHeader } from '../../components/ui';
import { SampleDataButton } from '../common/SampleDataButton';

export function PayoutsScreen(_props: { rest: string[] }) {
  return (
    <>
      <PageHeader
        title="Payouts"
        subtitle="What each partner earned and what you still owe them."
      />
      <EmptyState icon={HandCoins} title="Nothing to pay yet" actions={<SampleDataButton />}>
        <p>Statements appear here once partners have contracts and sales.</p>
      </EmptyState>
    </>
  );
}

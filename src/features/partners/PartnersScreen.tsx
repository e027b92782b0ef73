import { Users } from 'lucide-react';
import { EmptyState, PageHeader } from '../../components/ui';
import { SampleDataButton } from '../common/SampleDataButton';

export function PartnersScreen(_props: { rest: string[] }) {
  return (
    <>
      <PageHeader
        title="Partners"
        subtitle="Everyone who promotes your brand, ambassadors and micro-affiliates alike."
      />
      <EmptyState icon={Users} title="No partners yet" actions={<SampleDataButton />}>
        <p>
          Add the creators you work with: long-term brand ambassadors on a retainer and
          micro-affiliates paid by commission. Or load the sample pet brand to look around first.
        </p>
      </EmptyState>
    </>
  );
}

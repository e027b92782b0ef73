import { Scale } from 'lucide-react';
import { EmptyState, PageHeader } from '../../components/ui';
import { SampleDataButton } from '../common/SampleDataButton';

export function CompareScreen(_props: { rest: string[] }) {
  return (
    <>
      <PageHeader
        title="Compare"
        subtitle="Brand ambassadors vs micro-affiliates, with your own numbers."
      />
      <EmptyState icon={Scale} title="Not enough data to compare" actions={<SampleDataButton />}>
        <p>
          Once you have partners, content and sales, this screen shows which kind of partnership
          pays off for your brand.
        </p>
      </EmptyState>
    </>
  );
}

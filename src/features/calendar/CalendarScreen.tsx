import { CalendarDays } from 'lucide-react';
import { EmptyState, PageHeader } from '../../components/ui';
import { SampleDataButton } from '../common/SampleDataButton';

export function CalendarScreen(_props: { rest: string[] }) {
  return (
    <>
      <PageHeader title="Calendar" subtitle="Who posts what, where and when." />
      <EmptyState icon={CalendarDays} title="Nothing planned yet" actions={<SampleDataButton />}>
        <p>
          Plan your partners' posts, reels and stories, see what went out, and export the plan to
          your calendar app.
        </p>
      </EmptyState>
    </>
  );
}

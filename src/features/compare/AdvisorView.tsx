import type { CompareBase, PartnerIndex } from '../../domain/compare';
import { EconomicsCard, PlanCard, RecommendationCard, SplitCard } from './AdvisorSections';
import { useAdvisor } from './useAdvisor';

export function AdvisorView({ data, index }: { data: CompareBase; index: PartnerIndex }) {
  const a = useAdvisor(data, index);
  return (
    <div className="stack">
      <p className="muted advisor-intro">
        Choosing the right strategy for your brand: tell Pawtners what you want from next
        quarter&apos;s budget. It uses what each kind of partner has cost and brought you over the
        last 12 months, and a benchmark where your data is thin.
      </p>
      <div className="advisor-grid">
        <PlanCard a={a} />
        <RecommendationCard a={a} />
      </div>
      <SplitCard a={a} />
      <EconomicsCard a={a} />
    </div>
  );
}

import { Scale } from 'lucide-react';
import { useMemo } from 'react';
import { href } from '../../app/router';
import { EmptyState, PageHeader } from '../../components/ui';
import { compareFromIndex, earliestDate } from '../../domain/compare';
import { formatMoney } from '../../domain/money';
import { SampleDataButton } from '../common/SampleDataButton';
import { AdvisorView } from './AdvisorView';
import {
  LeaderboardChart,
  QuantityQualityChart,
  RevenueCostChart,
  RoiCpaChart,
  SpendMixChart,
} from './Charts';
import { ComparisonTable } from './ComparisonTable';
import { Filters } from './Filters';
import { GlossaryView } from './GlossaryView';
import { GrowthView } from '../growth/GrowthView';
import { InfographicView } from './InfographicView';
import { useCompareData, useCompareOptions, usePartnerIndex } from './useCompareData';
import { effectiveRange, useCompareUi } from './useCompareUi';
import './compare.css';

const TABS = [
  { id: '', label: 'Comparison' },
  { id: 'infographic', label: 'Infographic' },
  { id: 'advisor', label: 'Strategy advisor' },
  { id: 'growth', label: 'Customers & growth' },
  { id: 'glossary', label: 'Glossary' },
] as const;
type TabId = (typeof TABS)[number]['id'];

function Tabs({ current }: { current: TabId }) {
  return (
    <nav className="tabs" aria-label="Compare views">
      {TABS.map((t) => (
        <a
          key={t.id}
          href={href(t.id ? `compare/${t.id}` : 'compare')}
          aria-current={t.id === current ? 'page' : undefined}
          className={t.id === current ? 'tab active' : 'tab'}
        >
          {t.label}
        </a>
      ))}
    </nav>
  );
}

export function CompareScreen({ rest }: { rest: string[] }) {
  // A glossary anchor rides after a second '#': #/compare/glossary#nano-ambassador.
  const first = (rest[0] ?? '').split('#')[0];
  const tab: TabId = TABS.find((t) => t.id === first)?.id ?? '';
  return (
    <>
      <PageHeader
        title="Compare"
        subtitle="Brand ambassadors vs micro-affiliates, with your own numbers."
      />
      <Tabs current={tab} />
      {tab === 'glossary' ? (
        <GlossaryView />
      ) : tab === 'growth' ? (
        <GrowthView />
      ) : (
        <DataViews tab={tab} />
      )}
    </>
  );
}

function DataViews({ tab }: { tab: Exclude<TabId, 'glossary' | 'growth'> }) {
  const { filters, preset, custom, view } = useCompareUi();
  const data = useCompareData();
  const index = usePartnerIndex(data, filters.campaignId);
  const { settings, opts } = useCompareOptions();
  const earliest = useMemo(() => (data && index ? earliestDate(data, index) : null), [data, index]);
  const range = effectiveRange(preset, custom, opts.today, earliest);
  const comparison = useMemo(
    () => (data && index ? compareFromIndex(data, index, range, filters, opts) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- range is rebuilt each render; its dates are the real inputs
    [data, index, range.start, range.end, filters, opts],
  );
  if (!data || !comparison)
    return (
      <p className="muted" role="status">
        Adding up your numbers…
      </p>
    );
  if (data.partners.length === 0)
    return (
      <EmptyState icon={Scale} title="Not enough data to compare" actions={<SampleDataButton />}>
        <p>
          Once you have partners, content and sales, this screen shows which kind of partnership
          pays off for your brand, and helps you split next quarter&apos;s budget.
        </p>
        <p>
          Start by <a href={href('partners')}>adding partners</a> or importing orders on the{' '}
          <a href={href('sales')}>Sales</a> screen.
        </p>
      </EmptyState>
    );
  if (tab === 'advisor') return <AdvisorView data={data} index={index!} />;
  const kinds = [comparison.kinds.ambassador, comparison.kinds.affiliate];
  const fmt = new Intl.DateTimeFormat(settings.locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const periodLabel = `${fmt.format(new Date(`${range.start}T00:00:00Z`))} – ${fmt.format(new Date(`${range.end}T00:00:00Z`))}`;
  return (
    <div className="stack">
      <Filters campaigns={data.campaigns} range={range} showView={tab === ''} />
      {tab === 'infographic' ? (
        <InfographicView c={comparison} settings={settings} periodLabel={periodLabel} />
      ) : (
        <>
          <div className="compare-table-wrap card">
            <ComparisonTable
              groups={view === 'subtype' ? [...kinds, ...comparison.subtypes] : kinds}
              settings={settings}
            />
            <p className="muted small">
              {periodLabel}. Highlighted figures are the better of the pair. A figure reads
              &ldquo;Not enough data&rdquo; when it rests on too few records (at least 3 posts with
              metrics for engagement, 3 published posts for content control, 5 orders for AOV and
              CPA, 1 active partner for the rest). Earned media value uses your CPM of{' '}
              {formatMoney(settings.cpmCents, settings.currency, settings.locale)} (Settings).
            </p>
          </div>
          <div className="grid-2">
            <RevenueCostChart c={comparison} s={settings} />
            <RoiCpaChart kinds={kinds} s={settings} />
            <QuantityQualityChart c={comparison} s={settings} />
            <SpendMixChart kinds={kinds} s={settings} />
          </div>
          <LeaderboardChart c={comparison} s={settings} periodLabel={periodLabel} />
        </>
      )}
    </div>
  );
}

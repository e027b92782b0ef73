import { Scale } from 'lucide-react';
import { memo, useMemo } from 'react';
import { href } from '../../app/router';
import { EmptyState, PageHeader } from '../../components/ui';
import { earliestDate, formatMoneyCached, type Comparison } from '../../domain/compare';
import type { DateRange } from '../../domain/dates';
import type { Settings } from '../../domain/schemas';
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
import {
  useAfterPaint,
  useCompareData,
  useCompareOptions,
  useComparison,
  usePartnerIndex,
} from './useCompareData';
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
  const comparison = useComparison(data, index, range, filters, opts);
  // The figures paint first; the charts follow once that frame is on screen.
  const charted = useAfterPaint(comparison);
  const kinds = useMemo(
    () => (comparison ? [comparison.kinds.ambassador, comparison.kinds.affiliate] : []),
    [comparison],
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
  const periodLabel = formatPeriod(range, settings.locale);
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
              {formatMoneyCached(settings.cpmCents, settings.currency, settings.locale)} (Settings).
            </p>
          </div>
          {charted ? (
            <div
              className={charted === comparison ? 'compare-charts' : 'compare-charts stale'}
              aria-busy={charted !== comparison}
            >
              <ChartsSection c={charted} settings={settings} />
            </div>
          ) : (
            <p className="muted" role="status">
              Drawing the charts…
            </p>
          )}
        </>
      )}
    </div>
  );
}

/** The period as dates in the brand's locale, e.g. "Nov 25, 2025 – Nov 24, 2026". */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatPeriod(range: DateRange, locale: string): string {
  let fmt = dateFormats.get(locale);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(locale, fmt);
  }
  return `${fmt.format(new Date(`${range.start}T00:00:00Z`))} – ${fmt.format(new Date(`${range.end}T00:00:00Z`))}`;
}

/** The charts of one comparison; memoized, so re-rendering the table leaves them alone. */
const ChartsSection = memo(function ChartsSection({
  c,
  settings,
}: {
  c: Comparison;
  settings: Settings;
}) {
  const kinds = useMemo(() => [c.kinds.ambassador, c.kinds.affiliate], [c]);
  return (
    <div className="stack">
      <div className="grid-2">
        <RevenueCostChart c={c} s={settings} />
        <RoiCpaChart kinds={kinds} s={settings} />
        <QuantityQualityChart c={c} s={settings} />
        <SpendMixChart kinds={kinds} s={settings} />
      </div>
      <LeaderboardChart c={c} s={settings} periodLabel={formatPeriod(c.range, settings.locale)} />
    </div>
  );
});

import { Scale } from 'lucide-react';
import { useAfterPaint } from '../../hooks/after-paint';
import { lazy, Suspense, useMemo } from 'react';
import { href } from '../../navigation/router';
import { EmptyState, PageHeader } from '../../components/ui';
import { earliestDate, formatMoneyCached } from '../../domain/compare';
import { SampleDataButton } from '../../components/SampleDataButton';
import { AdvisorView } from './AdvisorView';
import { ComparisonTable } from './ComparisonTable';
import { Filters } from './Filters';
import { GlossaryView } from './GlossaryView';
import { InfographicView } from './InfographicView';
import {
  useCompareData,
  useCompareOptions,
  useComparison,
  usePartnerIndex,
} from './useCompareData';
import { effectiveRange, useCompareUi } from './useCompareUi';
import { useApartOrders, useConvertedOrders } from './useApartOrders';
import { ConvertedNote } from '../../components/ConvertedNote';
import { formatPeriod } from '../../domain/format-period';
import { verdictSentence } from '../../domain/verdict';
import './compare.css';
import { activitySpan, periodWithData } from '../../domain/period-offer';

/** What the note about orders converted at import says its figures are. */
const LEAD = 'This verdict and the figures below include';

// chart.js and the charts load in their own chunk, after the figures are on screen; the growth
// view draws with chart.js too, so it loads on demand as well.
// The charts chunk is fetched and parsed while the data is still being read, not after the figures.
const chartsChunk = import('./ChartsSection');
const ChartsSection = lazy(() => chartsChunk.then((m) => ({ default: m.ChartsSection })));
const GrowthView = lazy(() =>
  import('../growth/GrowthView').then((m) => ({ default: m.GrowthView })),
);

const chartsPending = (
  <p className="muted" role="status">
    Drawing the charts…
  </p>
);

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
        <Suspense
          fallback={
            <p className="muted" role="status">
              Loading…
            </p>
          }
        >
          <GrowthView />
        </Suspense>
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
  const span = useMemo(() => (index ? activitySpan(index) : null), [index]);
  const range = effectiveRange(preset, custom, opts.today, earliest);
  // Figures in the brand's currency only: orders kept apart in others are read first.
  // Orders converted at import stay in the figures; the screen says so, with the rate.
  const apartOrders = useApartOrders(range, settings.currency);
  const converted = useConvertedOrders(range);
  const withApart = useMemo(
    () =>
      apartOrders && converted
        ? { ...opts, apart: { currency: settings.currency, orders: apartOrders }, converted }
        : null,
    [opts, apartOrders, converted, settings.currency],
  );
  const comparison = useComparison(data, index, range, filters, withApart);
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
  const offer = periodWithData(range, span);
  return (
    <div className="stack">
      <Filters campaigns={data.campaigns} range={range} showView={tab === ''} />
      {offer && span ? (
        <div className="card" role="status">
          <p>
            No orders or posts in {periodLabel}. Your data runs{' '}
            {formatPeriod(span, settings.locale)}.
          </p>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => useCompareUi.getState().setCustom(offer)}
          >
            Show {formatPeriod(offer, settings.locale)}
          </button>
        </div>
      ) : null}
      {/* A preset period without data shows only the offer; dates the owner chose show figures. */}
      {offer && preset !== 'custom' ? null : tab === 'infographic' ? (
        <InfographicView c={comparison} settings={settings} periodLabel={periodLabel} />
      ) : (
        <>
          <p className="compare-verdict" data-testid="verdict">
            {verdictSentence(comparison.kinds, settings, periodLabel)}
          </p>
          <ConvertedNote
            totals={comparison.converted}
            locale={settings.locale}
            lead={LEAD}
            byKind
          />
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
              {comparison.apart.length > 0
                ? ` Money is in ${settings.currency}: orders in ${comparison.apart.map((t) => t.currency).join(', ')} are kept apart, not in these figures (the revenue chart lists them).`
                : ''}
            </p>
          </div>
          {charted ? (
            <div
              className={charted === comparison ? 'compare-charts' : 'compare-charts stale'}
              aria-busy={charted !== comparison}
            >
              <Suspense fallback={chartsPending}>
                <ChartsSection c={charted} settings={settings} />
              </Suspense>
            </div>
          ) : (
            chartsPending
          )}
        </>
      )}
    </div>
  );
}

import { useLiveQuery } from 'dexie-react-hooks';
import { useAfterFirstPaint } from '../../hooks/after-paint';
import { PawPrint } from 'lucide-react';
import { useMemo } from 'react';
import { href } from '../../navigation/router';
import { Card, EmptyState, PageHeader, Stat } from '../../components/ui';
import { contentBetween, countContent } from '../../db/content';
import { getDb } from '../../db/db';
import { paidByPartner } from '../../db/stats';
import { formatFigure, KIND_NAMES } from '../../domain/compare';
import { addDays, dateInZone } from '../../domain/dates';
import { formatPeriod } from '../../domain/format-period';
import { safeLocale } from '../../domain/intl';
import { formatMoney } from '../../domain/money';
import { OPEN_STATUSES } from '../../domain/reminders';
import { PARTNER_KINDS } from '../../domain/constants';
import type { ContentItem, Payout } from '../../domain/schemas';
import { SampleDataButton } from '../../components/SampleDataButton';
import { ConvertedNote } from '../../components/ConvertedNote';
import { ChoiceField } from '../../components/PeriodPicker';
import { inBrandCurrency } from './dashboardFigures';
import { MoneyCards, PeriodOffer } from './MoneyCards';
import {
  DASHBOARD_PRESETS,
  TOP_PARTNERS,
  useDashboardPeriod,
  type DashboardPeriod,
  type DashboardPreset,
} from './useDashboardPeriod';
import { storedOrderCount, useDashboardData, type DashboardData } from './useDashboardData';
import './dashboard.css';
import { RightsEndingCard } from './RightsEndingCard';
import { SetupCard } from './SetupCard';
import {
  ContentDueCard,
  OVERDUE_DAYS,
  PayoutsOwedCard,
  TopPartnersCard,
  UPCOMING_DAYS,
} from './OverviewCards';

/** What the note about orders converted at import says its figures are. */
const LEAD = 'Revenue, spend and the figures below include';

export function DashboardScreen() {
  const data = useDashboardData();
  // Secondary cards read their records only once the figures are on screen.
  const later = useAfterFirstPaint(data !== undefined);
  const timeZone = data?.settings.timeZone;
  const currency = data?.settings.currency;
  const extra = useLiveQuery(async (): Promise<Extra | undefined> => {
    if (!later || !timeZone || !currency) return undefined;
    const db = getDb();
    const today = dateInZone(Date.now(), timeZone);
    // Only the days the "Content due" card lists, through the plannedDate index.
    const [content, due, paid] = await Promise.all([
      countContent(db),
      contentBetween(db, addDays(today, -OVERDUE_DAYS), addDays(today, UPCOMING_DAYS)),
      paidByPartner(db, currency),
    ]);
    return {
      content,
      openItems: due.filter((c) => OPEN_STATUSES.has(c.status)),
      payouts: [...paid].map(([partnerId, amountCents]) => ({ partnerId, amountCents })),
    };
  }, [later, timeZone, currency]);
  const counts = useMemo(() => {
    if (!data) return undefined;
    let ambassadors = 0;
    for (const p of data.partners) if (p.kind === 'ambassador') ambassadors += 1;
    return {
      ambassadors,
      affiliates: data.partners.length - ambassadors,
      orders: storedOrderCount(data.rollups),
    };
  }, [data]);

  if (!data || !counts)
    return (
      <>
        <PageHeader title="Dashboard" />
        <p className="muted" role="status">
          Adding up your numbers…
        </p>
      </>
    );
  const { settings } = data;
  const empty = data.partners.length === 0;
  return (
    <>
      <PageHeader
        title="Dashboard"
        subtitle={
          settings.brandName ? `${settings.brandName} at a glance` : 'Your partnerships at a glance'
        }
      />
      {empty && !settings.brandName ? <SetupCard /> : null}
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
        <Overview data={data} extra={extra} counts={counts} />
      )}
    </>
  );
}

/** What the cards below the figures show, read after the figures are on screen. */
interface Extra {
  content: number;
  /** Open items planned from OVERDUE_DAYS ago to UPCOMING_DAYS ahead. */
  openItems: ContentItem[];
  /** What each partner has been paid in all. */
  payouts: Pick<Payout, 'partnerId' | 'amountCents'>[];
}

/** Money for the period, the counts, each kind's figures, content due, owed and top partners. */
function Overview(props: {
  data: DashboardData;
  extra: Extra | undefined;
  counts: { ambassadors: number; affiliates: number; orders: number };
}) {
  const { data, extra, counts } = props;
  const { settings } = data;
  const period = useDashboardPeriod(data, extra?.payouts, extra !== undefined);
  const { figures: c, foreign, owed, offer, span, opts } = period;
  const brand = useMemo(() => inBrandCurrency(c, foreign?.period ?? [], opts), [c, foreign, opts]);
  const names = useMemo(() => new Map(data.partners.map((p) => [p.id, p])), [data]);
  const money = (v: number) => formatMoney(v, settings.currency, settings.locale);
  const num = (n: number) => n.toLocaleString(safeLocale(settings.locale));
  const t = brand.totals;
  const apart = (foreign?.upToToday ?? []).filter((x) => x.commissionCents > 0);

  return (
    <div className="stack">
      <div className="dash-period">
        <h2>Your money, {period.label.toLowerCase()}</h2>
        <PeriodSelect period={period} locale={settings.locale} />
      </div>
      {offer && span ? (
        <PeriodOffer
          periodLabel={period.label}
          span={span}
          offer={offer}
          locale={settings.locale}
          onTake={period.setCustom}
        />
      ) : null}
      <MoneyCards
        revenueCents={t.ambassador.revenueCents + t.affiliate.revenueCents}
        spendCents={t.ambassador.costCents + t.affiliate.costCents}
        orders={
          t.ambassador.orders +
          t.affiliate.orders +
          (foreign?.period ?? []).reduce((n, x) => n + x.orders, 0)
        }
        owedCents={owed?.totalCents}
        foreign={foreign?.period}
        owedApart={apart.map((x) => x.currency)}
        periodLabel={period.label}
        settings={settings}
      />
      <ConvertedNote totals={period.converted} locale={settings.locale} lead={LEAD} byKind />
      <div className="grid-4 count-cards">
        <Card>
          <Stat label="Brand ambassadors" value={num(counts.ambassadors)} tone="ambassador" />
        </Card>
        <Card>
          <Stat label="Micro-affiliates" value={num(counts.affiliates)} tone="affiliate" />
        </Card>
        <Card>
          <Stat label="Orders stored" value={num(counts.orders)} />
        </Card>
        <Card>
          <Stat label="Content items" value={extra ? num(extra.content) : '…'} />
        </Card>
      </div>
      <h2 className="dash-kinds-head">How the two kinds did</h2>
      <div className="grid-2">
        {PARTNER_KINDS.map((k) => {
          const f = brand.kinds[k];
          return (
            <Card key={k} title={KIND_NAMES[k]} className={`kpi-card kpi-${k}`}>
              <div className="grid-3">
                <Stat
                  label="Revenue"
                  value={formatFigure('revenue', f.revenue, settings)}
                  tone={k}
                />
                <Stat label="Spend" value={formatFigure('spend', f.spend, settings)} tone={k} />
                <Stat label="ROI" value={formatFigure('roi', f.roi, settings)} tone={k} />
              </div>
            </Card>
          );
        })}
      </div>
      <p className="muted small dash-more">
        {foreign?.period.length
          ? `Counting orders in ${settings.currency} only (orders in ${foreign.period.map((x) => x.currency).join(', ')} are kept apart). `
          : ''}
        See every figure side by side on <a href={href('compare')}>Compare</a>.
      </p>
      <div className="grid-3">
        <ContentDueCard
          open={extra?.openItems}
          today={period.today}
          names={names}
          locale={settings.locale}
        />
        <PayoutsOwedCard owed={owed} names={names} money={money} />
        <TopPartnersCard top={brand.top.slice(0, TOP_PARTNERS)} money={money} />
      </div>
      <RightsEndingCard />
    </div>
  );
}

function PeriodSelect({ period, locale }: { period: DashboardPeriod; locale: string }) {
  return (
    <ChoiceField<DashboardPreset | 'custom'>
      id="dash-period"
      label="Period"
      value={period.custom ? 'custom' : period.preset}
      choices={DASHBOARD_PRESETS}
      onChange={(p) => {
        if (p !== 'custom') period.choosePreset(p);
      }}
    >
      {period.custom ? <option value="custom">{formatPeriod(period.custom, locale)}</option> : null}
    </ChoiceField>
  );
}

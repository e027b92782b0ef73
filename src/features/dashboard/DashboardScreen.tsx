import { useLiveQuery } from 'dexie-react-hooks';
import { PawPrint } from 'lucide-react';
import { useMemo, useState } from 'react';
import { href } from '../../navigation/router';
import { Card, EmptyState, PageHeader, Stat } from '../../components/ui';
import { contentBetween, countContent } from '../../db/content';
import { getDb } from '../../db/db';
import { paidByPartner } from '../../db/stats';
import {
  earliestDate,
  formatFigure,
  indexFromStats,
  KIND_NAMES,
  payoutsOwed,
} from '../../domain/compare';
import { addDays, dateInZone } from '../../domain/dates';
import { safeLocale } from '../../domain/intl';
import { formatMoney } from '../../domain/money';
import { PARTNER_KINDS } from '../../domain/constants';
import type { ContentItem, Payout } from '../../domain/schemas';
import { SampleDataButton } from '../../components/SampleDataButton';
import { PERIOD_PRESETS, presetRange, type PeriodPreset } from '../../domain/period-presets';
import { dashboardFigures } from './dashboardFigures';
import {
  storedOrderCount,
  useAfterFirstPaint,
  useDashboardData,
  type DashboardData,
} from './useDashboardData';
import './dashboard.css';
import { SetupCard } from './SetupCard';
import {
  ContentDueCard,
  OVERDUE_DAYS,
  PayoutsOwedCard,
  TopPartnersCard,
  UPCOMING_DAYS,
} from './OverviewCards';

const OPEN_STATUSES = new Set<ContentItem['status']>(['idea', 'planned', 'in review', 'approved']);
const TOP_PARTNERS = 5;

export function DashboardScreen() {
  const data = useDashboardData();
  // Secondary cards read their records only once the figures are on screen.
  const later = useAfterFirstPaint(data !== undefined);
  const timeZone = data?.settings.timeZone;
  const extra = useLiveQuery(async (): Promise<Extra | undefined> => {
    if (!later || !timeZone) return undefined;
    const db = getDb();
    const today = dateInZone(Date.now(), timeZone);
    // Only the days the "Content due" card lists, through the plannedDate index.
    const [content, due, paid] = await Promise.all([
      countContent(db),
      contentBetween(db, addDays(today, -OVERDUE_DAYS), addDays(today, UPCOMING_DAYS)),
      paidByPartner(db),
    ]);
    return {
      content,
      openItems: due.filter((c) => OPEN_STATUSES.has(c.status)),
      payouts: [...paid].map(([partnerId, amountCents]) => ({ partnerId, amountCents })),
    };
  }, [later, timeZone]);
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
        <div className="stack">
          <div className="grid-4">
            <Card>
              <Stat label="Brand ambassadors" value={counts.ambassadors} tone="ambassador" />
            </Card>
            <Card>
              <Stat label="Micro-affiliates" value={counts.affiliates} tone="affiliate" />
            </Card>
            <Card>
              <Stat
                label="Orders"
                value={counts.orders.toLocaleString(safeLocale(settings.locale))}
              />
            </Card>
            <Card>
              <Stat
                label="Content items"
                value={extra ? extra.content.toLocaleString(safeLocale(settings.locale)) : '…'}
              />
            </Card>
          </div>
          <Overview data={data} extra={extra} />
        </div>
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

const DASHBOARD_PRESETS = PERIOD_PRESETS.filter((p) => p.id !== 'custom');

/** Period KPIs per kind, content due, payouts owed and top partners. */
function Overview({ data, extra }: { data: DashboardData; extra: Extra | undefined }) {
  const { settings } = data;
  const today = dateInZone(Date.now(), settings.timeZone);
  const opts = useMemo(
    () => ({
      timeZone: settings.timeZone,
      countDiscountAsCost: settings.countDiscountAsCost,
      cpmCents: settings.cpmCents,
      today,
    }),
    [settings, today],
  );
  const index = useMemo(() => indexFromStats(data, data.rollups), [data]);
  const [preset, setPreset] = useState<Exclude<PeriodPreset, 'custom'>>('last-30');
  // Only "All time" needs the first day with data; the other periods skip that pass.
  const earliest = useMemo(
    () => (preset === 'all-time' ? earliestDate(data, index) : null),
    [preset, data, index],
  );
  const range = useMemo(() => presetRange(preset, today, earliest), [preset, today, earliest]);
  const c = useMemo(
    () => dashboardFigures(data, index, range, opts, TOP_PARTNERS),
    [data, index, range, opts],
  );
  const owed = useMemo(
    () => (extra ? payoutsOwed(data, index, extra.payouts, opts) : undefined),
    [data, index, extra, opts],
  );
  const names = useMemo(() => new Map(data.partners.map((p) => [p.id, p])), [data]);
  const money = (v: number) => formatMoney(v, settings.currency, settings.locale);

  return (
    <>
      <div className="dash-period">
        <h2>How the two kinds did</h2>
        <div className="field">
          <label htmlFor="dash-period">Period</label>
          <select
            id="dash-period"
            value={preset}
            onChange={(e) => setPreset(e.target.value as Exclude<PeriodPreset, 'custom'>)}
          >
            {DASHBOARD_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="grid-2">
        {PARTNER_KINDS.map((k) => {
          const f = c.kinds[k];
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
        See every figure side by side on <a href={href('compare')}>Compare</a>.
      </p>
      <div className="grid-3">
        <ContentDueCard
          open={extra?.openItems}
          today={opts.today}
          names={names}
          locale={settings.locale}
        />
        <PayoutsOwedCard owed={owed} names={names} money={money} />
        <TopPartnersCard top={c.top} money={money} />
      </div>
    </>
  );
}

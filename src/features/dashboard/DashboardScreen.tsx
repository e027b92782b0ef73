import { useLiveQuery } from 'dexie-react-hooks';
import { CalendarClock, HandCoins, PawPrint, Trophy } from 'lucide-react';
import { useMemo, useState } from 'react';
import { href } from '../../app/router';
import { Card, EmptyState, KindBadge, PageHeader, Stat } from '../../components/ui';
import { getDb } from '../../db/db';
import { countOrders } from '../../db/order-pages';
import { useSettings } from '../../db/hooks';
import {
  compareFromIndex,
  earliestDate,
  KIND_NAMES,
  leaderboard,
  NO_FILTERS,
  payoutsOwed,
  formatFigure,
} from '../../domain/compare';
import { addDays } from '../../domain/dates';
import { formatMoney } from '../../domain/money';
import { PARTNER_KINDS, type ContentItem } from '../../domain/schemas';
import { SampleDataButton } from '../common/SampleDataButton';
import { TagLink } from '../compare/TagLink';
import { useCompareData, useCompareOptions, usePartnerIndex } from '../compare/useCompareData';
import { PERIOD_PRESETS, presetRange, type PeriodPreset } from '../compare/useCompareUi';
import './dashboard.css';

const OPEN_STATUSES = new Set<ContentItem['status']>(['idea', 'planned', 'in review', 'approved']);
const UPCOMING_DAYS = 14;

export function DashboardScreen() {
  const settings = useSettings();
  const counts = useLiveQuery(async () => {
    const db = getDb();
    const [ambassadors, affiliates, orders, content] = await Promise.all([
      db.partners.where('kind').equals('ambassador').count(),
      db.partners.where('kind').equals('affiliate').count(),
      countOrders(db),
      db.contentItems.count(),
    ]);
    return { ambassadors, affiliates, orders, content };
  }, []);

  if (!counts) return <PageHeader title="Dashboard" />;
  const empty = counts.ambassadors + counts.affiliates === 0;
  return (
    <>
      <PageHeader
        title="Dashboard"
        subtitle={
          settings.brandName ? `${settings.brandName} at a glance` : 'Your partnerships at a glance'
        }
      />
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
              <Stat label="Orders" value={counts.orders.toLocaleString(settings.locale)} />
            </Card>
            <Card>
              <Stat label="Content items" value={counts.content.toLocaleString(settings.locale)} />
            </Card>
          </div>
          <Overview />
        </div>
      )}
    </>
  );
}

const DASHBOARD_PRESETS = PERIOD_PRESETS.filter((p) => p.id !== 'custom');

/** Period KPIs per kind, content due, payouts owed and top partners. */
function Overview() {
  const data = useCompareData();
  const index = usePartnerIndex(data, null);
  const openItems = useLiveQuery(
    () =>
      getDb()
        .contentItems.where('status')
        .anyOf([...OPEN_STATUSES])
        .toArray(),
    [],
  );
  const payouts = useLiveQuery(() => getDb().payouts.toArray(), []);
  const { settings, opts } = useCompareOptions();
  const [preset, setPreset] = useState<Exclude<PeriodPreset, 'custom'>>('last-30');
  const earliest = useMemo(() => (data && index ? earliestDate(data, index) : null), [data, index]);
  const range = presetRange(preset, opts.today, earliest);
  const c = useMemo(
    () => (data && index ? compareFromIndex(data, index, range, NO_FILTERS, opts) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- range is rebuilt each render; its dates are the real inputs
    [data, index, range.start, range.end, opts],
  );
  const owed = useMemo(
    () => (data && index && payouts ? payoutsOwed(data, index, payouts, opts) : undefined),
    [data, index, payouts, opts],
  );
  // The KPIs show as soon as the rollups are read; the payouts card fills in when payouts arrive.
  if (!data || !c)
    return (
      <p className="muted" role="status">
        Adding up your numbers…
      </p>
    );
  const money = (v: number) => formatMoney(v, settings.currency, settings.locale);
  const names = new Map(data.partners.map((p) => [p.id, p]));
  const soon = addDays(opts.today, UPCOMING_DAYS);
  const open = openItems ?? [];
  const overdue = open
    .filter((x) => x.plannedDate < opts.today)
    .sort((a, b) => a.plannedDate.localeCompare(b.plannedDate));
  const upcoming = open
    .filter((x) => x.plannedDate >= opts.today && x.plannedDate <= soon)
    .sort((a, b) => a.plannedDate.localeCompare(b.plannedDate));
  const top = leaderboard(c.partners, 5);
  const dateFmt = new Intl.DateTimeFormat(settings.locale, {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const day = (d: string) => dateFmt.format(new Date(`${d}T00:00:00Z`));

  const contentList = (items: ContentItem[], label: string) =>
    items.length === 0 ? (
      <p className="muted small">Nothing {label}.</p>
    ) : (
      <ul className="due-list">
        {items.slice(0, 6).map((x) => (
          <li key={x.id}>
            <span className="due-date">{day(x.plannedDate)}</span>
            <span className="due-title">
              {x.title || x.format} ·{' '}
              <a href={href(`partners/${x.partnerId}`)}>{names.get(x.partnerId)?.name ?? '?'}</a>
            </span>
            <span className="tag">{x.status}</span>
          </li>
        ))}
        {items.length > 6 ? (
          <li className="muted small due-more">
            and {items.length - 6} more in the <a href={href('calendar')}>calendar</a>
          </li>
        ) : null}
      </ul>
    );

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
          const g = c.kinds[k];
          return (
            <Card key={k} title={KIND_NAMES[k]} className={`kpi-card kpi-${k}`}>
              <div className="grid-3">
                <Stat
                  label="Revenue"
                  value={formatFigure('revenue', g.figures.revenue, settings)}
                  tone={k}
                />
                <Stat
                  label="Spend"
                  value={formatFigure('spend', g.figures.spend, settings)}
                  tone={k}
                />
                <Stat label="ROI" value={formatFigure('roi', g.figures.roi, settings)} tone={k} />
              </div>
            </Card>
          );
        })}
      </div>
      <p className="muted small dash-more">
        See every figure side by side on <a href={href('compare')}>Compare</a>.
      </p>
      <div className="grid-3">
        <Card
          title={
            <>
              <CalendarClock size={18} aria-hidden="true" /> Content due
            </>
          }
          actions={
            <a className="btn btn-small" href={href('calendar')}>
              Calendar
            </a>
          }
        >
          <h3 className="due-head overdue">Overdue ({overdue.length})</h3>
          {contentList(overdue, 'overdue')}
          <h3 className="due-head">
            Next {UPCOMING_DAYS} days ({upcoming.length})
          </h3>
          {contentList(upcoming, 'planned for the next two weeks')}
        </Card>
        <Card
          title={
            <>
              <HandCoins size={18} aria-hidden="true" /> Payouts owed
            </>
          }
          actions={
            <a className="btn btn-small" href={href('payouts')}>
              Payouts
            </a>
          }
        >
          {owed ? (
            <>
              <Stat label="Owed to partners today" value={money(owed.totalCents)} />
              <ul className="owed-list">
                {owed.byPartner.slice(0, 5).map((o) => (
                  <li key={o.partnerId}>
                    <a href={href(`partners/${o.partnerId}`)}>{names.get(o.partnerId)?.name}</a>
                    <span className="num">{money(o.owedCents)}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted" role="status">
              Adding up payouts…
            </p>
          )}
          <p className="muted small">Everything earned up to today, minus what you have paid.</p>
        </Card>
        <Card
          title={
            <>
              <Trophy size={18} aria-hidden="true" /> Top partners
            </>
          }
        >
          <ol className="top-list">
            {top.map((x) => (
              <li key={x.partnerId}>
                <div>
                  <a href={href(`partners/${x.partnerId}`)}>{x.name}</a> <KindBadge kind={x.kind} />
                  <div className="top-tags">
                    {x.tags.map((t) => (
                      <TagLink key={t} tag={t} />
                    ))}
                  </div>
                </div>
                <div className="num top-figs">
                  <div>{money(x.earnings.revenueCents)}</div>
                  <div className="muted small">
                    ROI {x.roi === null ? '—' : `${Math.round(x.roi * 100)}%`}
                  </div>
                </div>
              </li>
            ))}
          </ol>
          <p className="muted small">By return on cost in the period above.</p>
        </Card>
      </div>
    </>
  );
}

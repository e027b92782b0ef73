import { CalendarClock, HandCoins, Trophy, type LucideIcon } from 'lucide-react';
import { useMemo, type ReactNode } from 'react';
import { href } from '../../navigation/router';
import { Card, KindBadge } from '../../components/ui';
import { TagLink } from '../../components/TagLink';
import type { payoutsOwed } from '../../domain/compare';
import { addDays } from '../../domain/dates';
import { safeLocale } from '../../domain/intl';
import type { ContentItem, Partner } from '../../domain/schemas';
import type { dashboardFigures } from './dashboardFigures';

export const UPCOMING_DAYS = 14;
/** How far back "Overdue" looks: open items planned in these last days (a range, not a scan). */
export const OVERDUE_DAYS = 90;

type Names = Map<string, Pick<Partner, 'name'>>;
type Money = (cents: number) => string;

/** A card below the figures: its icon and title, and a link to the screen it summarizes. */
function OverviewCard(props: {
  icon: LucideIcon;
  title: string;
  screen?: string;
  screenLabel?: string;
  children: ReactNode;
}) {
  const Icon = props.icon;
  return (
    <Card
      title={
        <>
          <Icon size={18} aria-hidden="true" /> {props.title}
        </>
      }
      actions={
        props.screen ? (
          <a className="btn btn-small" href={href(props.screen)}>
            {props.screenLabel}
          </a>
        ) : undefined
      }
    >
      {props.children}
    </Card>
  );
}

/** Open content items (undefined while they load): the overdue ones and the next two weeks'. */
export function ContentDueCard({
  open,
  today,
  names,
  locale,
}: {
  open: ContentItem[] | undefined;
  today: string;
  names: Names;
  locale: string;
}) {
  const dateFmt = useMemo(
    () =>
      new Intl.DateTimeFormat(safeLocale(locale), {
        month: 'short',
        day: 'numeric',
        timeZone: 'UTC',
      }),
    [locale],
  );
  const soon = addDays(today, UPCOMING_DAYS);
  const byDate = (a: ContentItem, b: ContentItem) => a.plannedDate.localeCompare(b.plannedDate);
  const overdue = (open ?? []).filter((x) => x.plannedDate < today).sort(byDate);
  const upcoming = (open ?? [])
    .filter((x) => x.plannedDate >= today && x.plannedDate <= soon)
    .sort(byDate);
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
    <OverviewCard icon={CalendarClock} title="Content due" screen="calendar" screenLabel="Calendar">
      {open ? (
        <>
          <h3 className="due-head overdue">Overdue ({overdue.length})</h3>
          {contentList(overdue, `overdue in the last ${OVERDUE_DAYS} days`)}
          <h3 className="due-head">
            Next {UPCOMING_DAYS} days ({upcoming.length})
          </h3>
          {contentList(upcoming, 'planned for the next two weeks')}
        </>
      ) : (
        <p className="muted" role="status">
          Looking up content…
        </p>
      )}
    </OverviewCard>
  );
}

export function PayoutsOwedCard({
  owed,
  names,
  money,
}: {
  owed: ReturnType<typeof payoutsOwed> | undefined;
  names: Names;
  money: Money;
}) {
  return (
    <OverviewCard icon={HandCoins} title="Owed most" screen="payouts" screenLabel="Payouts">
      {owed ? (
        <>
          {owed.byPartner.length === 0 ? (
            <p className="muted small">Nobody is owed anything today.</p>
          ) : null}
          <ul className="owed-list" aria-label="Owed most">
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
    </OverviewCard>
  );
}

export function TopPartnersCard({
  top,
  money,
}: {
  top: ReturnType<typeof dashboardFigures>['top'];
  money: Money;
}) {
  return (
    <OverviewCard icon={Trophy} title="Top partners">
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
    </OverviewCard>
  );
}

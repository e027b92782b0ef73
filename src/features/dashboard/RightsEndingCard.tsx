import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { Card } from '../../components/ui';
import { rightsEndingBetween } from '../../db/content';
import { getDb } from '../../db/db';
import { getPartner } from '../../db/partners';
import { rightsExpiryWindow, RIGHTS_EXPIRY_WARNING_DAYS } from '../../domain/briefs';
import { dateInZone, daysBetween } from '../../domain/dates';
import { safeLocale } from '../../domain/intl';
import { useSettings } from '../../hooks/data';
import { href } from '../../navigation/router';

const SHOWN = 8;

/**
 * Posts whose usage rights end within 30 days (issue 21), soonest first, read through the
 * `usageRights.until` index. Shown only when there is one.
 */
export function RightsEndingCard() {
  const settings = useSettings();
  const today = dateInZone(Date.now(), settings.timeZone);
  const rows = useLiveQuery(async () => {
    const db = getDb();
    const w = rightsExpiryWindow(today);
    const items = await rightsEndingBetween(db, w.start, w.end);
    const ids = [...new Set(items.map((i) => i.partnerId))];
    const partners = await Promise.all(ids.map((id) => getPartner(db, id)));
    const names = new Map(ids.map((id, i) => [id, partners[i]?.name ?? 'Deleted partner']));
    return items.map((i) => ({ item: i, partner: names.get(i.partnerId)! }));
  }, [today]);
  const fmt = useMemo(
    () =>
      new Intl.DateTimeFormat(safeLocale(settings.locale), {
        month: 'short',
        day: 'numeric',
        timeZone: 'UTC',
      }),
    [settings.locale],
  );
  if (!rows || rows.length === 0) return null;
  return (
    <Card title={`Usage rights ending in the next ${RIGHTS_EXPIRY_WARNING_DAYS} days`}>
      <ul className="due-list">
        {rows.slice(0, SHOWN).map(({ item, partner }) => {
          const until = item.usageRights!.until!;
          const left = daysBetween(today, until);
          const what = [
            item.usageRights?.organic ? 'reposts' : '',
            item.usageRights?.paidAds ? 'paid ads' : '',
          ]
            .filter(Boolean)
            .join(' and ');
          return (
            <li key={item.id}>
              <span className="due-date">{fmt.format(new Date(`${until}T00:00:00Z`))}</span>
              <span className="due-title">
                {item.title || item.format} ·{' '}
                <a href={href(`partners/${item.partnerId}`)}>{partner}</a>
                <span className="muted small">
                  {' '}
                  · {what || 'reuse'}{' '}
                  {left === 0 ? 'end today' : `end in ${left} day${left === 1 ? '' : 's'}`}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
      {rows.length > SHOWN ? <p className="muted small">and {rows.length - SHOWN} more.</p> : null}
    </Card>
  );
}

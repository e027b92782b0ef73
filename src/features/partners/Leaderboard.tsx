import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Trophy } from 'lucide-react';
import { href } from '../../navigation/router';
import { getDb } from '../../db/db';
import { ordersBetween } from '../../db/orders';
import { customersBefore } from '../../db/stats';
import { addDays, type DateRange } from '../../domain/dates';
import {
  newCustomersByPartner,
  RANK_LABEL,
  rankPartners,
  type RankBy,
} from '../../domain/partner-figures';
import type { NumberFormats } from './format';
import type { Row } from './listModel';
import { usePeriodWords } from './parts';
import { usePartnersUi } from './store';

const TOP = 5;

/**
 * New customers per partner in the period. Only read when the leaderboard ranks by them: it
 * reads the period's orders (placedAtMs index) and who ordered before it, which at a large shop
 * takes a moment, so opening the list never waits for it.
 */
function useNewCustomers(on: boolean, range: DateRange, timeZone: string) {
  return useLiveQuery(async () => {
    if (!on) return null;
    const db = getDb();
    // A day of slack each side of the zone's days; acquisitions() dates orders in the zone.
    const fromMs = Date.parse(`${addDays(range.start, -1)}T00:00:00Z`);
    const toMs = Date.parse(`${addDays(range.end, 2)}T00:00:00Z`);
    const [orders, known] = await Promise.all([
      ordersBetween(db, fromMs, toMs),
      customersBefore(db, fromMs),
    ]);
    return newCustomersByPartner(orders, known, range, timeZone);
  }, [on, range.start, range.end, timeZone]);
}

/** The top partners of the shown list by one figure, saying which figure and period. */
export function Leaderboard(props: {
  rows: readonly Row[];
  range: DateRange;
  timeZone: string;
  money: (cents: number) => string;
  num: NumberFormats;
}) {
  const rankBy = usePartnersUi((s) => s.rankBy);
  const setRankBy = usePartnersUi((s) => s.setRankBy);
  const periodWords = usePeriodWords();
  const newCustomers = useNewCustomers(rankBy === 'newCustomers', props.range, props.timeZone);
  const { rows } = props;
  const ranked = useMemo(() => {
    const byId = new Map(rows.map((r) => [r.partner.id, r]));
    const valueOf = (id: string): number | null => {
      const f = byId.get(id)?.metrics?.figures;
      if (rankBy === 'newCustomers') return newCustomers?.get(id) ?? null;
      if (!f) return null;
      return rankBy === 'revenue' ? f.revenueCents : rankBy === 'roi' ? f.roi : f.orders;
    };
    return rankPartners([...byId.keys()], valueOf, (id) => byId.get(id)!.partner.name, TOP);
  }, [rows, rankBy, newCustomers]);
  const loading = rankBy === 'newCustomers' ? !newCustomers : rows.length > 0 && !rows[0]!.metrics;
  const title = `Top ${TOP} by ${RANK_LABEL[rankBy]}, ${periodWords}`;
  const show = (v: number) =>
    rankBy === 'revenue'
      ? props.money(v)
      : rankBy === 'roi'
        ? props.num.roi(v)
        : props.num.count(v);
  return (
    <section className="pl-leaders" aria-label="Leaderboard">
      <h2 className="pl-leaders-title">
        <Trophy size={16} aria-hidden="true" /> {title}
      </h2>
      <label className="pl-inline">
        <span>Rank by</span>
        <select
          aria-label="Rank by"
          value={rankBy}
          onChange={(e) => setRankBy(e.target.value as RankBy)}
        >
          {(Object.keys(RANK_LABEL) as RankBy[]).map((k) => (
            <option key={k} value={k}>
              {RANK_LABEL[k][0]!.toUpperCase() + RANK_LABEL[k].slice(1)}
            </option>
          ))}
        </select>
      </label>
      {loading ? (
        <p className="muted">Working out the ranking…</p>
      ) : ranked.length === 0 ? (
        <p className="muted">Nobody shown has any {RANK_LABEL[rankBy]} in this period.</p>
      ) : (
        <ol className="pl-leaders-list" aria-label={title}>
          {ranked.map((r, i) => {
            const p = rows.find((x) => x.partner.id === r.partnerId)!.partner;
            return (
              <li key={r.partnerId}>
                <span className="pl-rank" aria-hidden="true">
                  {i + 1}.
                </span>
                <a href={href(`partners/${encodeURIComponent(p.id)}`)}>{p.name}</a>{' '}
                <strong className="num">{show(r.value)}</strong>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

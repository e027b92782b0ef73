import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Download, HandCoins, Wallet } from 'lucide-react';
import { Card, EmptyState, KindBadge, PageHeader, Stat } from '../../components/ui';
import { getDb } from '../../db/db';
import { useSettings } from '../../hooks/data';
import {
  allPayouts,
  countPayouts,
  payoutsOverlapping,
  readStatementBasis,
  recentPayouts,
} from '../../db/payouts';
import { addMonths, dateInZone, endOfMonth, startOfMonth } from '../../domain/dates';
import { safeCurrency, safeLocale } from '../../domain/intl';
import { formatMoney } from '../../domain/money';
import {
  periodEarningsFromStats,
  statementsFrom,
  type Statement,
} from '../../domain/payout-statements';
import type { Payout } from '../../domain/schemas';
import { paypalPayoutFiles } from '../../io/paypal';
import { saveFile } from '../../platform/bridge';
import { useUi } from '../../store/ui';
import { AddPartnerFirstActions } from '../partners/parts';
import { PAYOUT_METHOD_LABEL } from '../partners/format';
import { MarkPaidDialog } from './MarkPaidDialog';
import { decimalSeparatorOf, paypalRows, statementsCsv } from './payout-files';
import './payouts.css';

const HISTORY_SHOWN = 25;
/**
 * Statements shown before "Show all": the biggest earners first (a row stays in place when it is
 * paid); select-all still covers everyone.
 */
const STATEMENTS_SHOWN = 100;

/** Payments written from this screen that the live read may not show yet. */
interface Pending {
  added: readonly Payout[];
  removed: ReadonlySet<string>;
}
const NOTHING_PENDING: Pending = { added: [], removed: new Set() };

/** The stored payments with those just recorded here and without those just undone. */
function withPending(stored: Payout[], pending: Pending): Payout[] {
  if (pending.added.length === 0 && pending.removed.size === 0) return stored;
  const ids = new Set(stored.map((p) => p.id));
  return [...stored, ...pending.added.filter((p) => !ids.has(p.id))].filter(
    (p) => !pending.removed.has(p.id),
  );
}

/** '2026-10' as "October 2026" in the brand's locale. */
function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(safeLocale(locale), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(y!, m! - 1, 1));
}

export function PayoutsScreen(_props: { rest: string[] }) {
  const settings = useSettings();
  const today = dateInZone(Date.now(), settings.timeZone);
  const [month, setMonth] = useState(() => addMonths(startOfMonth(today), -1).slice(0, 7));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [paying, setPaying] = useState<Statement[] | null>(null);
  const [allHistory, setAllHistory] = useState(false);
  const [allStatements, setAllStatements] = useState(false);
  const showToast = useUi((s) => s.showToast);
  // Payments recorded or undone here, shown at once (before the payouts are read again).
  const [pending, setPending] = useState<Pending>(NOTHING_PENDING);

  const wanted = useMemo(() => {
    const start = `${month}-01`;
    return { start, end: endOfMonth(start) };
  }, [month]);
  // Partners, contracts, bonuses and the per-partner rollups (which stand in for the orders and
  // posts): small, and the same for every month, so a month change reads only its payments.
  const basis = useLiveQuery(() => readStatementBasis(getDb()), []);
  // Only the payments the month's statements count, and the newest few for the history.
  const storedFor = useLiveQuery(
    async () => ({ month, range: wanted, rows: await payoutsOverlapping(getDb(), wanted) }),
    [month, wanted],
  );
  const period = useMemo(
    () =>
      basis && storedFor ? { ...basis, month: storedFor.month, range: storedFor.range } : undefined,
    [basis, storedFor],
  );
  const stored = storedFor?.rows;
  const payouts = useMemo(() => stored && withPending(stored, pending), [stored, pending]);
  const recent = useLiveQuery(
    () =>
      allHistory
        ? allPayouts(getDb())
        : recentPayouts(getDb(), HISTORY_SHOWN + pending.removed.size),
    [allHistory, pending.removed.size],
  );
  const paymentCount = useLiveQuery(() => countPayouts(getDb()), []) ?? 0;
  const data = useMemo(
    () => (period && payouts ? { ...period, payouts } : undefined),
    [period, payouts],
  );
  // Until another month's records arrive, the figures, title and files stay those of the month
  // read (never last month's records summed over this month's dates).
  const range = data?.range ?? wanted;
  const shownMonth = data?.month ?? month;
  // The period's earnings are summed once per period; a payment recorded only redoes the rest.
  const earned = useMemo(
    () =>
      period
        ? periodEarningsFromStats(period, period.range, {
            timeZone: settings.timeZone,
            countDiscountAsCost: settings.countDiscountAsCost,
          })
        : null,
    [period, settings.timeZone, settings.countDiscountAsCost],
  );
  const statements = useMemo(
    () =>
      earned && data
        ? statementsFrom(earned, data.payouts, range).sort(
            (a, b) =>
              b.earnings.payableCents - a.earnings.payableCents ||
              a.partner.name.localeCompare(b.partner.name),
          )
        : [],
    [earned, data, range],
  );
  const names = useMemo(() => new Map((data?.partners ?? []).map((p) => [p.id, p.name])), [data]);
  const history = useMemo(
    () =>
      withPending(recent ?? [], pending).sort(
        (a, b) => b.paidDate.localeCompare(a.paidDate) || b.createdAt - a.createdAt,
      ),
    [recent, pending],
  );
  const historyCount = Math.max(paymentCount, history.length);

  const money = (c: number) => formatMoney(c, settings.currency, settings.locale);
  const chosen = statements.filter((s) => selected.has(s.partner.id));
  const owedTotal = statements.reduce((s, x) => s + x.owedCents, 0);
  const payable = statements.filter((s) => s.owedCents > 0);
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  const exportPaypal = async () => {
    const { rows, skipped } = paypalRows(chosen, safeCurrency(settings.currency), shownMonth);
    const files = paypalPayoutFiles(rows, decimalSeparatorOf(settings.locale));
    if (files.length === 0) {
      showToast({ tone: 'error', message: `Nothing to export. ${skipped.join('; ')}` });
      return;
    }
    for (const f of files) {
      const suffix = files.length > 1 ? `-${f.currency}-${f.part}` : '';
      await saveFile({
        kind: 'csv',
        suggestedName: `paypal-payouts-${shownMonth}${suffix}.csv`,
        data: f.csv,
        encoding: 'utf8',
      });
    }
    const n = files.reduce((s, f) => s + f.rows, 0);
    showToast({
      tone: skipped.length > 0 ? 'error' : 'success',
      message: `PayPal file saved with ${n} payment${n === 1 ? '' : 's'}.${skipped.length > 0 ? ` Left out: ${skipped.join('; ')}.` : ''}`,
      timeoutMs: skipped.length > 0 ? 15_000 : 6000,
    });
  };

  const exportCsv = async () => {
    await saveFile({
      kind: 'csv',
      suggestedName: `payout-statements-${shownMonth}.csv`,
      data: statementsCsv(chosen.length > 0 ? chosen : statements, shownMonth),
      encoding: 'utf8',
    });
  };

  return (
    <>
      <PageHeader
        title="Payouts"
        subtitle="What each partner earned and what you still owe them."
        actions={
          // With no partners the buttons could only ever be disabled: the empty state leads instead.
          data?.partners.length ? (
            <>
              <button
                type="button"
                className="btn"
                onClick={exportCsv}
                disabled={statements.length === 0}
              >
                <Download aria-hidden="true" size={16} /> Export CSV
              </button>
              <button
                type="button"
                className="btn"
                onClick={exportPaypal}
                disabled={chosen.length === 0}
              >
                <Wallet aria-hidden="true" size={16} /> Export PayPal file
              </button>
              <button
                type="button"
                className="btn btn-primary"
                disabled={chosen.filter((s) => s.owedCents > 0).length === 0}
                onClick={() => setPaying(chosen.filter((s) => s.owedCents > 0))}
              >
                Mark selected as paid
              </button>
            </>
          ) : null
        }
      />
      {data === undefined ? (
        <p className="muted" role="status">
          Loading statements…
        </p>
      ) : data.partners.length === 0 ? (
        <EmptyState
          icon={HandCoins}
          title="Nothing to pay yet"
          actions={<AddPartnerFirstActions />}
        >
          <p>
            Monthly statements of what each partner earned (commissions, retainers, post fees and
            bonuses) appear here once partners have contracts and sales. Mark them paid or export a
            PayPal Payouts file.
          </p>
        </EmptyState>
      ) : (
        <div className="stack">
          <div className="payouts-bar">
            <div className="field">
              <label htmlFor="payout-month">Month</label>
              <input
                id="payout-month"
                type="month"
                value={month}
                max={today.slice(0, 7)}
                onChange={(e) => e.target.value && setMonth(e.target.value)}
              />
            </div>
            <section className="payouts-stats" aria-label="Period totals">
              <Stat
                label="Owed this period"
                value={money(owedTotal)}
                hint={`${payable.length} partner${payable.length === 1 ? '' : 's'}`}
              />
              <Stat
                label="Earned"
                value={money(statements.reduce((s, x) => s + x.earnings.payableCents, 0))}
                hint="Commissions, retainers, fees, bonuses"
              />
              <Stat
                label="Already paid"
                value={money(statements.reduce((s, x) => s + x.paidCents, 0))}
              />
            </section>
          </div>
          <Card
            title={`Statements for ${monthLabel(shownMonth, settings.locale)}`}
            actions={
              statements.length > STATEMENTS_SHOWN ? (
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => setAllStatements(!allStatements)}
                >
                  {allStatements ? 'Show fewer' : `Show all ${statements.length}`}
                </button>
              ) : undefined
            }
          >
            {statements.length === 0 ? (
              <p className="muted">No partner earned anything in this month.</p>
            ) : (
              <table className="table payouts-table">
                <thead>
                  <tr>
                    <th>
                      <input
                        type="checkbox"
                        aria-label="Select everyone who is owed money"
                        checked={
                          payable.length > 0 && payable.every((s) => selected.has(s.partner.id))
                        }
                        onChange={(e) =>
                          setSelected(
                            new Set(e.target.checked ? payable.map((s) => s.partner.id) : []),
                          )
                        }
                      />
                    </th>
                    <th>Partner</th>
                    <th className="num">Commissions</th>
                    <th className="num">Retainer</th>
                    <th className="num">Post fees</th>
                    <th className="num">Bonuses</th>
                    <th className="num">Earned</th>
                    <th className="num">Paid</th>
                    <th className="num">Owed</th>
                    <th>
                      <span className="payouts-sr-only">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {(allStatements ? statements : statements.slice(0, STATEMENTS_SHOWN)).map((s) => (
                    <tr key={s.partner.id} aria-label={s.partner.name}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`Select ${s.partner.name}`}
                          checked={selected.has(s.partner.id)}
                          onChange={() => toggle(s.partner.id)}
                        />
                      </td>
                      <td>
                        <div className="payouts-name">{s.partner.name}</div>
                        <KindBadge kind={s.partner.kind} />
                      </td>
                      <td className="num">{money(s.earnings.commissionCents)}</td>
                      <td className="num">{money(s.earnings.retainerCents)}</td>
                      <td className="num">{money(s.earnings.feesCents)}</td>
                      <td className="num">{money(s.earnings.bonusCents)}</td>
                      <td className="num">{money(s.earnings.payableCents)}</td>
                      <td className="num">{money(s.paidCents)}</td>
                      <td className="num payouts-owed">{money(s.owedCents)}</td>
                      <td>
                        {s.owedCents > 0 ? (
                          <button
                            type="button"
                            className="btn btn-small"
                            aria-label={`Mark as paid: ${s.partner.name}`}
                            onClick={() => setPaying([s])}
                          >
                            Mark as paid
                          </button>
                        ) : (
                          <span className="muted">Settled</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
          <Card
            title="Payment history"
            actions={
              historyCount > HISTORY_SHOWN ? (
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => setAllHistory(!allHistory)}
                >
                  {allHistory ? 'Show fewer' : `Show all ${historyCount}`}
                </button>
              ) : undefined
            }
          >
            {history.length === 0 ? (
              <p className="muted">No payments recorded yet.</p>
            ) : (
              <table className="table" aria-label="Payment history">
                <thead>
                  <tr>
                    <th>Paid on</th>
                    <th>Partner</th>
                    <th>Period</th>
                    <th>Method</th>
                    <th>Reference</th>
                    <th className="num">Amount</th>
                  </tr>
                </thead>
                <tbody>
                  {(allHistory ? history : history.slice(0, HISTORY_SHOWN)).map((p) => (
                    <tr key={p.id}>
                      <td>{p.paidDate}</td>
                      <td>{names.get(p.partnerId) ?? 'Deleted partner'}</td>
                      <td>
                        {p.periodStart} – {p.periodEnd}
                      </td>
                      <td>{PAYOUT_METHOD_LABEL[p.method]}</td>
                      <td>{p.reference}</td>
                      <td className="num">
                        {formatMoney(p.amountCents, p.currency, settings.locale)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        </div>
      )}
      {paying ? (
        <MarkPaidDialog
          statements={paying}
          range={range}
          today={today}
          currency={safeCurrency(settings.currency)}
          locale={settings.locale}
          onRecorded={(added) => setPending((p) => ({ ...p, added: [...p.added, ...added] }))}
          onUndone={(ids) =>
            setPending((p) => ({ ...p, removed: new Set([...p.removed, ...ids]) }))
          }
          onClose={() => {
            setPaying(null);
            setSelected(new Set());
          }}
        />
      ) : null}
    </>
  );
}

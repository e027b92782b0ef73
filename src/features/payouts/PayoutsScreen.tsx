import { useState } from 'react';
import { Download, HandCoins, Wallet } from 'lucide-react';
import { EmptyState, PageHeader, Stat } from '../../components/ui';
import { safeCurrency, safeLocale } from '../../domain/intl';
import { formatMoney } from '../../domain/money';
import type { Statement } from '../../domain/payout-statements';
import { AddPartnerFirstActions } from '../../components/AddPartnerFirstActions';
import { HistoryCard } from './HistoryCard';
import { MarkPaidDialog } from './MarkPaidDialog';
import { StatementsCard } from './StatementsCard';
import { usePayoutExports } from './usePayoutExports';
import { usePayoutsData } from './usePayoutsData';
import './payouts.css';

/** '2026-10' as "October 2026" in the brand's locale. */
function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(safeLocale(locale), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(y!, m! - 1, 1));
}

/** Monthly statements per partner: select, mark paid, export CSV or a PayPal Payouts file. */
export function PayoutsScreen(_props: { rest: string[] }) {
  const d = usePayoutsData();
  const { settings, statements, data } = d;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [paying, setPaying] = useState<Statement[] | null>(null);
  const money = (c: number) => formatMoney(c, settings.currency, settings.locale);
  const chosen = statements.filter((s) => selected.has(s.partner.id));
  const owedTotal = statements.reduce((s, x) => s + x.owedCents, 0);
  const payable = statements.filter((s) => s.owedCents > 0);
  const { exportPaypal, exportCsv } = usePayoutExports({
    settings,
    chosen,
    statements,
    shownMonth: d.shownMonth,
  });

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
                value={d.month}
                max={d.today.slice(0, 7)}
                onChange={(e) => e.target.value && d.setMonth(e.target.value)}
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
          <StatementsCard
            title={`Statements for ${monthLabel(d.shownMonth, settings.locale)}`}
            statements={statements}
            selected={selected}
            onSelect={setSelected}
            onPay={setPaying}
            money={money}
          />
          <HistoryCard
            history={d.history}
            historyCount={d.historyCount}
            allHistory={d.allHistory}
            onShowAll={d.setAllHistory}
            names={d.names}
            locale={settings.locale}
          />
        </div>
      )}
      {paying ? (
        <MarkPaidDialog
          statements={paying}
          range={d.range}
          today={d.today}
          currency={safeCurrency(settings.currency)}
          locale={settings.locale}
          onRecorded={d.recordPending.added}
          onUndone={d.recordPending.removed}
          onClose={() => {
            setPaying(null);
            setSelected(new Set());
          }}
        />
      ) : null}
    </>
  );
}

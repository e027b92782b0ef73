import { useState } from 'react';
import { Download, HandCoins, Wallet } from 'lucide-react';
import { EmptyState, PageHeader, Stat } from '../../components/ui';
import { safeCurrency, safeLocale } from '../../domain/intl';
import { formatMoney } from '../../domain/money';
import { periodAround, periodTitle } from '../../domain/payout-periods';
import type { Statement } from '../../domain/payout-statements';
import { AddPartnerFirstActions } from '../../components/AddPartnerFirstActions';
import { ForeignCard } from './ForeignCard';
import { HistoryCard } from './HistoryCard';
import { MarkPaidDialog } from './MarkPaidDialog';
import { PartnerStatementsCard } from './PartnerStatementsCard';
import { PeriodBar } from './PeriodBar';
import { StatementsCard } from './StatementsCard';
import { usePayoutExports } from './usePayoutExports';
import { usePayoutsData } from './usePayoutsData';
import './payouts.css';

const partners = (n: number) => `${n} partner${n === 1 ? '' : 's'}`;

/** Statements per partner for a period: select, mark paid, export CSV or a PayPal Payouts file. */
export function PayoutsScreen(_props: { rest: string[] }) {
  const d = usePayoutsData();
  const { settings, statements, data } = d;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [paying, setPaying] = useState<Statement[] | null>(null);
  // Every figure here is in the brand's currency (orders converted at import are too).
  const currency = safeCurrency(settings.currency);
  const money = (c: number) => formatMoney(c, currency, settings.locale);
  const locale = safeLocale(settings.locale);
  const chosen = statements.filter((s) => selected.has(s.partner.id));
  const owedTotal = statements.reduce((s, x) => s + x.owedCents, 0);
  const owedBack = statements.reduce((s, x) => s + x.owedBackCents, 0);
  const payable = statements.filter((s) => s.owedCents > 0);
  const title = periodTitle(d.range, locale);
  const { exportPaypal, exportCsv } = usePayoutExports({
    settings,
    chosen,
    statements,
    range: d.range,
    foreign: d.foreign,
    partners: d.partnersById,
  });
  // What each file will hold, on its button.
  const csvWhat = chosen.length
    ? ` (${chosen.length} selected)`
    : statements.length
      ? ` (all ${statements.length})`
      : '';

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
                <Download aria-hidden="true" size={16} /> Export CSV{csvWhat}
              </button>
              <button
                type="button"
                className="btn"
                onClick={exportPaypal}
                disabled={chosen.length === 0}
              >
                <Wallet aria-hidden="true" size={16} /> Export PayPal file
                {chosen.length ? ` (${chosen.length} selected)` : ''}
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
            Statements of what each partner earned (commissions, retainers, post fees and bonuses)
            appear here once partners have contracts and sales. Mark them paid or export a PayPal
            Payouts file.
          </p>
        </EmptyState>
      ) : (
        <div className="stack">
          <div className="payouts-bar">
            <PeriodBar
              kind={d.kind}
              onKind={d.setKind}
              range={d.wanted}
              onRange={d.setRange}
              today={d.today}
              locale={settings.locale}
            />
            <section className="payouts-stats" aria-label="Period totals">
              <Stat
                label="Owed this period"
                value={money(owedTotal)}
                hint={partners(payable.length)}
              />
              <Stat
                label="Earned"
                value={money(statements.reduce((s, x) => s + x.earnings.payableCents, 0))}
                hint="Commissions, retainers, fees, bonuses"
              />
              <Stat
                label="Already paid"
                value={money(statements.reduce((s, x) => s + x.paidCents, 0))}
                hint={owedBack > 0 ? `${money(owedBack)} owed back to you` : undefined}
              />
            </section>
          </div>
          {d.wanted.start !== d.range.start || d.wanted.end !== d.range.end ? (
            <p className="muted payouts-reading" role="status">
              Adding up {periodTitle(d.wanted, locale)}…
            </p>
          ) : null}
          {d.offer ? (
            <div className="card payouts-offer" role="status">
              <p>
                No orders or posts in {title}. Your partners’ sales and posts run{' '}
                {periodTitle(d.offer.span, locale)}.
              </p>
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => {
                  d.setKind('month');
                  d.setRange(periodAround('month', d.offer!.span.end));
                }}
              >
                Show {periodTitle(d.offer.month, locale)}
              </button>
            </div>
          ) : null}
          <StatementsCard
            title={`Statements for ${title}`}
            statements={statements}
            selected={selected}
            onSelect={setSelected}
            onPay={setPaying}
            money={money}
          />
          {d.foreign.length ? (
            <ForeignCard
              foreign={d.foreign}
              names={d.names}
              brandCurrency={currency}
              locale={settings.locale}
            />
          ) : null}
          <PartnerStatementsCard statements={statements} range={d.range} />
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
          currency={currency}
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

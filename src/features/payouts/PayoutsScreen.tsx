import { useMemo, useState } from 'react';
import { HandCoins } from 'lucide-react';
import { EmptyState, PageHeader } from '../../components/ui';
import { safeCurrency, safeLocale } from '../../domain/intl';
import { formatMoney } from '../../domain/money';
import { periodTitle } from '../../domain/payout-periods';
import type { Statement } from '../../domain/payout-statements';
import {
  brandPayable,
  foreignKey,
  foreignPayable,
  type Payable,
} from '../../domain/payout-foreign';
import { AddPartnerFirstActions } from '../../components/AddPartnerFirstActions';
import { ForeignCard } from './ForeignCard';
import { HistoryCard } from './HistoryCard';
import { MarkPaidDialog } from './MarkPaidDialog';
import { PartnerStatementsCard } from './PartnerStatementsCard';
import { PayoutsActions } from './PayoutsActions';
import { PeriodBar } from './PeriodBar';
import { PeriodOffer, PeriodTotals } from './PeriodSummary';
import { StatementsCard } from './StatementsCard';
import { usePayoutExports } from './usePayoutExports';
import { usePayoutsData } from './usePayoutsData';
import './payouts.css';

/** Statements per partner for a period: select, mark paid, export CSV or a PayPal Payouts file. */
export function PayoutsScreen(_props: { rest: string[] }) {
  const d = usePayoutsData();
  const { settings, statements, data } = d;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [paying, setPaying] = useState<Payable[] | null>(null);
  // Every figure here is in the brand's currency (orders converted at import are too) but those
  // of the other currencies' card.
  const currency = safeCurrency(settings.currency);
  // One function per currency and locale, so the memoized statement rows keep theirs.
  const money = useMemo(
    () => (c: number) => formatMoney(c, currency, settings.locale),
    [currency, settings.locale],
  );
  const locale = safeLocale(settings.locale);
  const chosen = statements.filter((s) => selected.has(s.partner.id));
  const chosenForeign = d.foreign.filter((f) => selected.has(foreignKey(f.partner.id, f.currency)));
  const pay = (ss: readonly Statement[]) => setPaying(ss.map((s) => brandPayable(s, currency)));
  const title = periodTitle(d.range, locale);
  const { exportPaypal, exportCsv } = usePayoutExports({
    settings,
    chosen,
    statements,
    range: d.range,
    foreign: d.foreign,
    chosenForeign,
  });

  return (
    <>
      <PageHeader
        title="Payouts"
        subtitle="What each partner earned and what you still owe them."
        actions={
          // With no partners the buttons could only ever be disabled: the empty state leads instead.
          data?.partners.length ? (
            <PayoutsActions
              statements={statements}
              chosen={chosen}
              chosenForeign={chosenForeign}
              currency={currency}
              onExportCsv={exportCsv}
              onExportPaypal={exportPaypal}
              onPay={setPaying}
            />
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
            <PeriodTotals statements={statements} money={money} />
          </div>
          {d.wanted.start !== d.range.start || d.wanted.end !== d.range.end ? (
            <p className="muted payouts-reading" role="status">
              Adding up {periodTitle(d.wanted, locale)}…
            </p>
          ) : null}
          {d.offer ? (
            <PeriodOffer
              title={title}
              offer={d.offer}
              locale={locale}
              onShow={(month) => {
                d.setKind('month');
                d.setRange(month);
              }}
            />
          ) : null}
          <StatementsCard
            title={`Statements for ${title}`}
            statements={statements}
            selected={selected}
            onSelect={setSelected}
            onPay={pay}
            money={money}
            converted={d.converted}
          />
          {d.foreign.length ? (
            <ForeignCard
              foreign={d.foreign}
              brandCurrency={currency}
              locale={settings.locale}
              selected={selected}
              onToggle={(key) => {
                const next = new Set(selected);
                if (!next.delete(key)) next.add(key);
                setSelected(next);
              }}
              onPay={(f) => setPaying([foreignPayable(f)])}
            />
          ) : null}
          <PartnerStatementsCard statements={statements} range={d.range} />
          <HistoryCard
            history={d.history.rows}
            historyCount={d.history.count}
            allHistory={d.history.all}
            onShowAll={d.history.setAll}
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
          brandCurrency={currency}
          locale={settings.locale}
          onWriting={d.recordPending.writing}
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

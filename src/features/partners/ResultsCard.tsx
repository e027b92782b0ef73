import { Stat } from '../../components/ui';
import { formatPeriod } from '../../domain/format-period';
import { MIN_CUSTOMERS_FOR_RATE } from '../../domain/customers';
import type { DateRange } from '../../domain/dates';
import { safeLocale } from '../../domain/intl';
import type { PartnerFigures } from '../../domain/partner-figures';
import type { Partner, Settings } from '../../domain/schemas';
import { numberFormats } from './format';
import { PeriodSelect, usePeriodWords } from './parts';
import { usePartnersUi } from './store';
import type { CustomerFigures, PeriodOffer } from './usePartnerDetailFigures';

const NOT_ENOUGH = 'Not enough data';

type Money = (cents: number) => string;

/** The partner's figures for the chosen period, as docs/metrics.md defines them. */
export function ResultsCard(props: {
  partner: Partner;
  figures: PartnerFigures | null;
  payableCents: number | null;
  customers: CustomerFigures;
  offer: PeriodOffer;
  range: DateRange;
  money: Money;
  settings: Pick<Settings, 'locale' | 'cpmCents'>;
}) {
  const { figures: f, money, offer } = props;
  return (
    <section className="card pd-metrics" aria-label="Results">
      <div className="card-head">
        <h2>Results</h2>
        <PeriodSelect label="Period" />
      </div>
      {offer ? (
        <OfferNote name={props.partner.name} offer={offer} locale={props.settings.locale} />
      ) : null}
      {f ? (
        <>
          <h3 className="pd-subhead">Money</h3>
          <div className="grid-4">
            <Stat
              label="Revenue"
              value={money(f.revenueCents)}
              tone={props.partner.kind}
              hint={`${f.orders.toLocaleString(safeLocale(props.settings.locale))} orders, net of refunds`}
            />
            <Stat
              label="Cost"
              value={money(f.costCents)}
              hint={`${money(props.payableCents ?? 0)} of it payable to them`}
            />
            <Stat
              label="ROI"
              value={numberFormats(props.settings.locale).roi(f.roi)}
              hint="(revenue − cost) ÷ cost"
            />
            <Stat
              label="ROAS"
              value={f.roas === null ? '—' : numberFormats(props.settings.locale).roas(f.roas)}
              hint={f.roas === null ? 'No cost in this period' : 'Revenue per $1 of cost'}
            />
            <Stat
              label="CPA"
              value={f.cpaCents === null ? '—' : money(f.cpaCents)}
              hint={f.cpaCents === null ? 'No orders in this period' : 'Cost per order'}
            />
            <Stat
              label="AOV"
              value={f.aovCents === null ? '—' : money(f.aovCents)}
              hint={f.aovCents === null ? 'No orders in this period' : 'Average order'}
            />
          </div>
          <h3 className="pd-subhead">Reach and customers</h3>
          <div className="grid-4">
            <ReachStats f={f} money={money} settings={props.settings} range={props.range} />
            <CustomerValueStats
              customers={props.customers}
              money={money}
              locale={props.settings.locale}
            />
          </div>
        </>
      ) : null}
    </section>
  );
}

function OfferNote({
  name,
  offer,
  locale,
}: {
  name: string;
  offer: NonNullable<PeriodOffer>;
  locale: string;
}) {
  const words = usePeriodWords();
  const setCustom = usePartnersUi((s) => s.setCustom);
  return (
    <div className="pd-offer" role="status">
      <p>
        No orders or posts of {name} in {words}. Their orders and posts run{' '}
        {formatPeriod(offer.span, locale)}.
      </p>
      <button type="button" className="btn btn-primary" onClick={() => setCustom(offer.offer)}>
        Show {formatPeriod(offer.offer, locale)}
      </button>
    </div>
  );
}

const BASE_WORDS = {
  reach: 'by reach',
  followers: 'by followers (reach unknown)',
  mixed: 'by reach, or followers where reach is unknown',
} as const;

function ReachStats({
  f,
  money,
  settings,
  range,
}: {
  f: PartnerFigures;
  money: Money;
  settings: Pick<Settings, 'locale' | 'cpmCents'>;
  range: DateRange;
}) {
  const n = (x: number) => x.toLocaleString(safeLocale(settings.locale));
  return (
    <>
      <Stat label="Posts published" value={n(f.posts)} hint={`${range.start} to ${range.end}`} />
      <Stat
        label="EMV"
        value={f.emvCents === null ? '—' : money(f.emvCents)}
        hint={
          f.emvCents === null
            ? 'No post metrics recorded'
            : `${n(f.impressions)} impressions × ${money(settings.cpmCents)} per 1,000 (Settings)`
        }
      />
      <Stat
        label="Engagement rate"
        value={
          f.engagementRate === null ? '—' : numberFormats(settings.locale).ratio(f.engagementRate)
        }
        hint={
          f.engagementBase === null
            ? 'No post metrics recorded'
            : `Mean over posts, ${BASE_WORDS[f.engagementBase]}`
        }
      />
      <Stat
        label="Conversion"
        value={f.conversion === null ? '—' : numberFormats(settings.locale).ratio(f.conversion)}
        hint={
          f.conversion === null
            ? 'No clicks recorded'
            : `${n(f.orders)} orders ÷ ${n(f.clicks)} clicks`
        }
      />
    </>
  );
}

/**
 * ROI counted on what the partner's new customers kept spending for 12 months, beside the
 * first-order ROI, and how many of those customers came back. No figure without the data for it.
 */
function CustomerValueStats({
  customers,
  money,
  locale,
}: {
  customers: CustomerFigures;
  money: (cents: number) => string;
  locale: string;
}) {
  if (!customers) {
    // Same three slots while loading, so the card does not jump when the figures arrive.
    return (
      <>
        <Stat label="ROI with 12-month customer value" value="…" />
        <Stat label="New customers" value="…" />
        <Stat label="Came back within 90 days" value="…" />
      </>
    );
  }
  const { value, roi: twoWays } = customers;
  const ltvRoi = value.newCustomers > 0 ? twoWays.lifetimeRoi : null;
  const eligible = value.eligible[90];
  const rate = value.repeatRate[90];
  return (
    <>
      <Stat
        label="ROI with 12-month customer value"
        value={ltvRoi === null ? NOT_ENOUGH : numberFormats(locale).roi(ltvRoi)}
        hint={
          value.newCustomers === 0
            ? 'No new customers in this period'
            : twoWays.costCents === 0
              ? 'No cost in this period'
              : `${money(value.lifetimeValueCents)} from new customers' first year`
        }
      />
      <Stat
        label="New customers"
        value={value.newCustomers.toLocaleString(safeLocale(locale))}
        hint="First order came through this partner"
      />
      <Stat
        label="Came back within 90 days"
        value={rate === null ? NOT_ENOUGH : `${Math.round(rate * 100)} %`}
        hint={
          rate === null
            ? `Needs ${MIN_CUSTOMERS_FOR_RATE} customers acquired 90+ days ago (${eligible} so far)`
            : `Of ${eligible} customers old enough to tell`
        }
      />
    </>
  );
}

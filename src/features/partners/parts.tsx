import { href } from '../../navigation/router';
import { ErrorPanel, PageHeader } from '../../components/ui';
import { formatPeriod } from '../../domain/format-period';
import { useSettings } from '../../hooks/data';
import { PERIOD_LABEL, usePartnersUi, type PeriodKey } from './store';

/** Shown when a link points at a partner that was deleted. */
export function PartnerNotFound() {
  return (
    <>
      <PageHeader title="Partner not found" />
      <ErrorPanel title="This partner does not exist any more">
        It may have been deleted. <a href={href('partners')}>Back to partners</a>
      </ErrorPanel>
    </>
  );
}

/** The period money figures cover; shared by the list and the detail page. */
export function PeriodSelect({ label }: { label: string }) {
  const period = usePartnersUi((s) => s.period);
  const custom = usePartnersUi((s) => s.custom);
  const setPeriod = usePartnersUi((s) => s.setPeriod);
  const locale = useSettings().locale;
  return (
    <label className="pl-inline">
      <span>{label}</span>
      <select
        aria-label={label}
        value={period}
        onChange={(e) => setPeriod(e.target.value as PeriodKey)}
      >
        {Object.entries(PERIOD_LABEL).map(([k, v]) =>
          k !== 'custom' ? (
            <option key={k} value={k}>
              {v}
            </option>
          ) : custom ? (
            <option key={k} value={k}>
              {formatPeriod(custom, locale)}
            </option>
          ) : null,
        )}
      </select>
    </label>
  );
}

/** The chosen period in words for a sentence: "last 12 months", or the dates offered. */
export function usePeriodWords(): string {
  const period = usePartnersUi((s) => s.period);
  const custom = usePartnersUi((s) => s.custom);
  const locale = useSettings().locale;
  return period === 'custom' && custom
    ? formatPeriod(custom, locale)
    : PERIOD_LABEL[period].toLowerCase();
}

import { href } from '../../navigation/router';
import { ErrorPanel, PageHeader } from '../../components/ui';
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
  const setPeriod = usePartnersUi((s) => s.setPeriod);
  return (
    <label className="pl-inline">
      <span>{label}</span>
      <select
        aria-label={label}
        value={period}
        onChange={(e) => setPeriod(e.target.value as PeriodKey)}
      >
        {Object.entries(PERIOD_LABEL).map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}

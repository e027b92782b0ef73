import type { ReactNode } from 'react';
import { Card } from '../../components/ui';
import { ORDER_STATUSES, type Partner } from '../../domain/schemas';
import { PartnerOptions } from './OrderDialogs';
import { NO_FILTERS, ONLY_WORDS, type Filters, type OnlySet } from './order-filters';

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
  partners: readonly Partner[];
  /** The currencies the selected orders are in (and the one filtered by). */
  currencies: readonly string[];
}

/** The filters of the orders list: dates, partner, kind, status, attribution, set, currency. */
export function SalesFilters({ filters, onChange, partners, currencies }: Props) {
  const field = <K extends keyof Filters>(key: K, label: string, options: ReactNode) => (
    <div className="field">
      <label htmlFor={`f-${key}`}>{label}</label>
      <select
        id={`f-${key}`}
        value={filters[key]}
        onChange={(e) => onChange({ ...filters, [key]: e.target.value })}
      >
        {options}
      </select>
    </div>
  );
  const date = (key: 'from' | 'to', label: string) => (
    <div className="field">
      <label htmlFor={`f-${key}`}>{label}</label>
      <input
        id={`f-${key}`}
        type="date"
        value={filters[key]}
        onChange={(e) => onChange({ ...filters, [key]: e.target.value })}
      />
    </div>
  );
  const each = (values: readonly string[], words: (v: string) => string = (v) => v) =>
    values.map((v) => (
      <option key={v} value={v}>
        {words(v)}
      </option>
    ));
  return (
    <Card
      title="Filter orders"
      actions={
        <button
          type="button"
          className="btn btn-small"
          disabled={filters === NO_FILTERS}
          onClick={() => onChange(NO_FILTERS)}
        >
          Clear filters
        </button>
      }
    >
      <div className="sales-filters">
        {date('from', 'From')}
        {date('to', 'To')}
        {field(
          'partner',
          'Partner',
          <>
            <option value="">All partners</option>
            <option value="none">Unattributed</option>
            <PartnerOptions partners={partners} />
          </>,
        )}
        {field(
          'kind',
          'Kind',
          <>
            <option value="">All kinds</option>
            <option value="ambassador">Brand ambassadors</option>
            <option value="affiliate">Micro-affiliates</option>
          </>,
        )}
        {field(
          'status',
          'Status',
          <>
            <option value="">Any status</option>
            {each(ORDER_STATUSES)}
          </>,
        )}
        {field(
          'method',
          'Attribution',
          <>
            <option value="">Any</option>
            <option value="code">By code</option>
            <option value="referral">By referral / UTM</option>
            <option value="manual">By hand</option>
            <option value="none">Not credited</option>
          </>,
        )}
        {field(
          'only',
          'Show',
          <>
            <option value="">Every order</option>
            {each(Object.keys(ONLY_WORDS), (k) => `Orders ${ONLY_WORDS[k as OnlySet]}`)}
          </>,
        )}
        {field(
          'currency',
          'Currency',
          <>
            <option value="">All currencies</option>
            {each(currencies)}
          </>,
        )}
      </div>
    </Card>
  );
}

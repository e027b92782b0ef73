import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useMemo, useState } from 'react';
import { Chart } from 'react-chartjs-2';
import { Field } from '../../components/form';
import { Card, KIND_LABEL } from '../../components/ui';
import { saveBrandFollowers } from '../../db/brand';
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { useSettings } from '../../hooks/data';
import { safeLocale } from '../../domain/intl';
import { formatMoney } from '../../domain/money';
import { PARTNER_KINDS, PLATFORMS, type PartnerKind, type Platform } from '../../domain/schemas';
import { parseBrandFollowersCsv } from '../../io/brand-followers-csv';
import { openFile } from '../../platform/bridge';
import { useUi } from '../../store/ui';
import { useGrowthData, type GrowthData } from './useGrowthData';
import './growth.css';
import { TableHead } from '../../components/table';

ChartJS.register(
  BarController,
  LineController,
  BarElement,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

const LINE_COLOURS = ['#6d28d9', '#db2777', '#2563eb', '#65a30d', '#0891b2', '#9333ea', '#475569'];

const PLURAL: Record<PartnerKind, string> = {
  ambassador: 'Brand ambassadors',
  affiliate: 'Micro-affiliates',
};

function pct(v: number | null, locale: string): string {
  return v === null
    ? 'Not enough data'
    : new Intl.NumberFormat(safeLocale(locale), {
        style: 'percent',
        maximumFractionDigits: 1,
      }).format(v);
}

function CustomerValueTable({ data }: { data: GrowthData }) {
  const s = useSettings();
  const money = (c: number | null) =>
    c === null ? 'Not enough data' : formatMoney(c, s.currency, s.locale);
  const rows: { label: string; cell: (k: GrowthData['kinds'][number]) => string }[] = [
    {
      label: 'New customers acquired',
      cell: (k) => k.value.newCustomers.toLocaleString(safeLocale(s.locale)),
    },
    ...([90, 180, 365] as const).map((w) => ({
      label: `Came back within ${w} days`,
      cell: (k: GrowthData['kinds'][number]) =>
        `${pct(k.value.repeatRate[w], s.locale)} (${k.value.eligible[w]} customers old enough)`,
    })),
    {
      label: 'Customer lifetime value (12 months after first order)',
      cell: (k) => money(k.value.lifetimeValueCents),
    },
    { label: 'Value per customer', cell: (k) => money(k.value.valuePerCustomerCents) },
    { label: 'Cost of the partnerships', cell: (k) => money(k.roi.costCents) },
    { label: 'ROI on first orders', cell: (k) => pct(k.roi.firstOrderRoi, s.locale) },
    { label: 'ROI with 12-month customer value', cell: (k) => pct(k.roi.lifetimeRoi, s.locale) },
  ];
  return (
    <table className="table growth-table" aria-label="Customer value by partner kind">
      <thead>
        <tr>
          <th scope="col">Last 12 months</th>
          {data.kinds.map((k) => (
            <th scope="col" key={k.kind} className={`num head-${k.kind}`}>
              {PLURAL[k.kind]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            {data.kinds.map((k) => (
              <td key={k.kind} className="num">
                {r.cell(k)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CohortTable({ data }: { data: GrowthData }) {
  const s = useSettings();
  const [kind, setKind] = useState<PartnerKind>('ambassador');
  const rows = data.kinds.find((k) => k.kind === kind)!.cohorts;
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  return (
    <>
      <div className="row" role="group" aria-label="Cohorts of">
        {PARTNER_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className={k === kind ? 'btn btn-small btn-primary' : 'btn btn-small'}
            aria-pressed={k === kind}
            onClick={() => setKind(k)}
          >
            {PLURAL[k]}
          </button>
        ))}
      </div>
      {rows.length === 0 ? (
        <p className="muted">
          No customers acquired by {PLURAL[kind].toLowerCase()} in the last 12 months.
        </p>
      ) : (
        <div className="cohort-wrap">
          <table className="table cohort" aria-label={`Cohort retention, ${PLURAL[kind]}`}>
            <thead>
              <tr>
                <th scope="col">Acquired in</th>
                <th scope="col" className="num">
                  Customers
                </th>
                {months.map((m) => (
                  <th scope="col" key={m} className="num">
                    +{m} mo
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.month}>
                  <th scope="row">{r.month}</th>
                  <td className="num">{r.size}</td>
                  {r.retained.map((v, i) => (
                    <td
                      key={i}
                      className={`num cohort-cell cohort-${kind}`}
                      style={{ ['--level' as string]: v === null ? 0 : Math.min(1, v * 4) }}
                    >
                      {v === null ? '' : pct(v, s.locale)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function Regions({ data }: { data: GrowthData }) {
  const s = useSettings();
  const money = (c: number) => formatMoney(c, s.currency, s.locale);
  return (
    <div className="grid-2">
      <table className="table" aria-label="Sales by region">
        <TableHead cols={['City']} num={['Orders', 'Revenue', 'New customers']} />
        <tbody>
          {data.regions.slice(0, 12).map((r) => (
            <tr key={r.key} className={r.hyperlocal.length ? 'hyperlocal-row' : undefined}>
              <th scope="row">
                {[r.city, r.province, r.country].filter(Boolean).join(', ') || 'Unknown'}
                {r.hyperlocal.length ? (
                  <span
                    className="tag hyperlocal-tag"
                    title={`Hyperlocal: ${r.hyperlocal.join(', ')}`}
                  >
                    hyperlocal
                  </span>
                ) : null}
              </th>
              <td className="num">{r.orders.toLocaleString(safeLocale(s.locale))}</td>
              <td className="num">{money(r.revenueCents)}</td>
              <td className="num">{r.newCustomers.toLocaleString(safeLocale(s.locale))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <h3 className="sub">Hyperlocal partners: sales in their city</h3>
        <p className="muted small">
          Each partner&apos;s own attributed sales in its city while active, against its own
          attributed sales there in the same number of days just before (the baseline). Never the
          whole city&apos;s revenue, so two partners in one city never claim the same sale. An
          estimate: other things change too.
        </p>
        {data.hyperlocal.length === 0 ? (
          <p className="muted">
            No partner is tagged &quot;hyperlocal influencer&quot; with a city yet.
          </p>
        ) : (
          <ul className="uplift-list">
            {data.hyperlocal.map(({ partner, uplift }) => (
              <li key={partner.id}>
                <strong>{partner.name}</strong>{' '}
                <span className="muted">({partner.location.city})</span>
                <div className="small">
                  Its own attributed sales there: {money(uplift.duringCents)} from{' '}
                  {uplift.during.start} to {uplift.during.end}, vs {money(uplift.beforeCents)} in
                  the same number of days before:{' '}
                  <strong>
                    {uplift.uplift === null
                      ? 'no sales before to compare with'
                      : `${uplift.uplift >= 0 ? '+' : ''}${pct(uplift.uplift, s.locale)} (estimate)`}
                  </strong>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function Awareness({ data }: { data: GrowthData }) {
  return (
    <>
      <p className="muted small">
        Your own follower counts beside your partners&apos; posting. Rising together is a
        correlation, not proof that one caused the other.
      </p>
      <AwarenessChart data={data} />
      <FollowerForm today={data.today} />
    </>
  );
}

/** Posts per kind (bars) and the brand's followers per platform (lines), with the same as a table. */
function AwarenessChart({ data }: { data: GrowthData }) {
  const s = useSettings();
  const css = getComputedStyle(document.documentElement);
  const amb = css.getPropertyValue('--amb').trim() || '#d97706';
  const aff = css.getPropertyValue('--aff').trim() || '#0d9488';
  const chartData = useMemo(
    () => ({
      labels: data.months,
      datasets: [
        ...PARTNER_KINDS.map((k) => ({
          type: 'bar' as const,
          label: `Posts published, ${PLURAL[k].toLowerCase()}`,
          data: data.postsByKind[k],
          backgroundColor: k === 'ambassador' ? amb : aff,
          yAxisID: 'posts',
          stack: 'posts',
        })),
        ...[...data.followers.entries()].map(([p, series], i) => ({
          type: 'line' as const,
          label: `Brand followers, ${p}`,
          data: data.months.map((m) => series.find((x) => x.month === m)?.followers ?? null),
          borderColor: LINE_COLOURS[i % LINE_COLOURS.length],
          backgroundColor: LINE_COLOURS[i % LINE_COLOURS.length],
          yAxisID: 'followers',
          spanGaps: true,
        })),
      ],
    }),
    [data, amb, aff],
  );

  return (
    <>
      <div className="awareness-chart">
        <Chart
          type="bar"
          aria-label="Brand followers and posts published per month"
          role="img"
          data={chartData}
          options={{
            responsive: true,
            maintainAspectRatio: false,
            scales: {
              posts: {
                type: 'linear',
                position: 'left',
                stacked: true,
                title: { display: true, text: 'Posts' },
              },
              followers: {
                type: 'linear',
                position: 'right',
                grid: { drawOnChartArea: false },
                title: { display: true, text: 'Followers' },
              },
              x: { stacked: true },
            },
          }}
        />
      </div>
      <details className="mt">
        <summary>Table of this chart</summary>
        <table className="table" aria-label="Posts and brand followers per month">
          <thead>
            <tr>
              <th scope="col">Month</th>
              {PARTNER_KINDS.map((k) => (
                <th scope="col" key={k} className="num">
                  Posts, {KIND_LABEL[k].toLowerCase()}s
                </th>
              ))}
              {[...data.followers.keys()].map((p) => (
                <th scope="col" key={p} className="num">
                  Followers, {p}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.months.map((m, i) => (
              <tr key={m}>
                <th scope="row">{m}</th>
                {PARTNER_KINDS.map((k) => (
                  <td key={k} className="num">
                    {data.postsByKind[k][i]}
                  </td>
                ))}
                {[...data.followers.entries()].map(([p, series]) => (
                  <td key={p} className="num">
                    {series
                      .find((x) => x.month === m)
                      ?.followers.toLocaleString(safeLocale(s.locale)) ?? '–'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

/** Type one month's follower count, or import a CSV of them. */
function FollowerForm({ today }: { today: string }) {
  const showToast = useUi((st) => st.showToast);
  const [month, setMonth] = useState(today.slice(0, 7));
  const [platform, setPlatform] = useState<Platform>('instagram');
  const [followers, setFollowers] = useState('');
  const [error, setError] = useState<string | undefined>();

  async function add(e: React.FormEvent) {
    e.preventDefault();
    const n = Number(followers.replace(/[,\s]/g, ''));
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return setError('Month must look like 2025-03');
    if (!/^\d+$/.test(followers.replace(/[,\s]/g, '')) || !Number.isSafeInteger(n))
      return setError('Enter a whole number of followers, 0 or more');
    setError(undefined);
    try {
      await saveBrandFollowers(getDb(), [{ month, platform, followers: n }]);
    } catch (err) {
      setError(saveErrorMessage(err));
      return;
    }
    setFollowers('');
    showToast({ tone: 'success', message: `Saved ${platform} followers for ${month}` });
  }

  async function importCsv() {
    const file = await openFile('csv');
    if (!file) return;
    const r = parseBrandFollowersCsv(file.text);
    if (r.errors.length) {
      showToast({
        tone: 'error',
        message: `${file.name}: ${r.errors.slice(0, 3).join('; ')}`,
        timeoutMs: 12_000,
      });
      return;
    }
    try {
      await saveBrandFollowers(getDb(), r.rows);
    } catch (err) {
      showToast({
        tone: 'error',
        message: `${file.name}: ${saveErrorMessage(err)}`,
        timeoutMs: 12_000,
      });
      return;
    }
    showToast({ tone: 'success', message: `Imported ${r.rows.length} follower counts` });
  }

  return (
    <form className="follower-form" onSubmit={add} aria-label="Add brand follower count">
      <Field id="bf-month" label="Month">
        {(id) => (
          <input id={id} type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        )}
      </Field>
      <Field id="bf-platform" label="Platform">
        {(id) => (
          <select
            id={id}
            value={platform}
            onChange={(e) => setPlatform(e.target.value as Platform)}
          >
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="bf-followers" label="Followers" error={error}>
        {(id, describedBy) => (
          <input
            id={id}
            inputMode="numeric"
            value={followers}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => setFollowers(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="btn btn-primary">
        Save count
      </button>
      <button type="button" className="btn" onClick={importCsv}>
        Import CSV…
      </button>
    </form>
  );
}

/** "Customers & growth": what partners build over time (lifetime value, repeat customers, regions, awareness). */
export function GrowthView() {
  const data = useGrowthData();
  if (!data)
    return (
      <p className="muted" role="status">
        Adding up your customers…
      </p>
    );
  return (
    <div className="stack growth">
      <Card title="Customers each kind brings">
        <p className="muted small">
          A customer belongs to the partner credited with their first order; their later orders
          count toward that partner&apos;s customer value even without a code. Customers are known
          only by a salted fingerprint of their email; orders without an email are never merged.
        </p>
        {data.hasCustomers ? (
          <CustomerValueTable data={data} />
        ) : (
          <p className="muted">
            Import orders that include customer emails to see repeat customers and lifetime value.
          </p>
        )}
      </Card>
      <Card title="Cohort retention">
        <p className="muted small">
          Share of each month&apos;s new customers who ordered again 1 to 12 months later.
        </p>
        <CohortTable data={data} />
      </Card>
      <Card title="Regions">
        <Regions data={data} />
      </Card>
      <Card title="Brand awareness">
        <Awareness data={data} />
      </Card>
    </div>
  );
}

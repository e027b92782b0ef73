import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  type ChartOptions,
  type TooltipItem,
} from 'chart.js';
import { useMemo, useState, type ReactNode } from 'react';
import { Bar, Line, Scatter } from 'react-chartjs-2';
import { href } from '../../navigation/router';
import { Card } from '../../components/ui';
import { useDrawnTheme } from '../../components/theme';
import {
  KIND_NAMES,
  leaderboard,
  type Comparison,
  type GroupResult,
  type SpendMix,
  formatFigure,
  formatMoneyCached as formatMoney,
  formatValue,
} from '../../domain/compare';
import { safeLocale } from '../../domain/intl';
import { isPartialMonth } from '../../domain/dates';
import { convertedSentence, type CurrencyMonths } from '../../domain/currency-totals';
import { formatMoneyShort } from '../../domain/money';
import { PARTNER_KINDS, type PartnerKind, type Settings } from '../../domain/schemas';
import { TableHead } from '../../components/table';

// Only the pieces these charts use, to keep the bundle small.
ChartJS.register(
  CategoryScale,
  LinearScale,
  PointElement,
  LineElement,
  BarElement,
  Tooltip,
  Legend,
);

type Locale = Pick<Settings, 'currency' | 'locale'>;

interface Palette {
  /** The theme the colours were read in. */
  theme: string;
  amb: string;
  aff: string;
  text: string;
  grid: string;
}

/** The kind colours from the stylesheet, so charts follow light and dark themes. */
function usePalette(): Palette {
  const theme = useDrawnTheme();
  return useMemo(() => {
    const css = getComputedStyle(document.documentElement);
    const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    return {
      theme,
      amb: v('--amb', '#d97706'),
      aff: v('--aff', '#0d9488'),
      text: v('--muted', '#5b6169'),
      grid: v('--border', '#e4ddd2'),
    };
    // Read again when the theme changes: the variables hold the other theme's colours then.
  }, [theme]);
}

const kindColor = (p: Palette, k: PartnerKind) => (k === 'ambassador' ? p.amb : p.aff);

const COMMON = { animation: false, responsive: true, maintainAspectRatio: false } as const;

/** One axis in the theme's colours, with an optional tick formatter and title. */
function axis(p: Palette, format?: (v: number) => string, title?: string) {
  return {
    ticks: {
      color: p.text,
      ...(format ? { callback: (v: string | number) => format(Number(v)) } : {}),
    },
    grid: { color: p.grid },
    ...(title ? { title: { display: true, text: title, color: p.text } } : {}),
  };
}

const legend = (p: Palette) => ({ labels: { color: p.text } });
const pct = (v: number) => `${Math.round(v * 100)}%`;

/**
 * The options every chart here shares (no animation, the theme's colours), with its legend or
 * none, a title, a tooltip line, bars drawn sideways, stacked, and its two axes.
 */
function chartOptions<T extends 'bar' | 'line' | 'scatter'>(
  p: Palette,
  o: {
    legend?: boolean;
    title?: string;
    label?: (ctx: TooltipItem<T>) => string;
    horizontal?: boolean;
    stacked?: boolean;
    x: ReturnType<typeof axis>;
    y: ReturnType<typeof axis>;
  },
): ChartOptions<T> {
  const stacked = o.stacked ? { stacked: true } : {};
  // chart.js types its options per chart type; these keys are valid for all three.
  return {
    ...COMMON,
    ...(o.horizontal ? { indexAxis: 'y' as const } : {}),
    plugins: {
      legend: o.legend === false ? { display: false } : legend(p),
      ...(o.title ? { title: { display: true, text: o.title, color: p.text } } : {}),
      ...(o.label ? { tooltip: { callbacks: { label: o.label } } } : {}),
    },
    scales: { x: { ...o.x, ...stacked }, y: { ...o.y, ...stacked } },
  } as unknown as ChartOptions<T>;
}

/** A tooltip line "<series>: $12.34" for money drawn in whole units along `along`. */
function moneyLabel(s: Locale, along: 'x' | 'y') {
  return (ctx: { dataset: { label?: string }; parsed: { x: number | null; y: number | null } }) =>
    `${ctx.dataset.label}: ${formatMoney(Math.round((ctx.parsed[along] ?? 0) * 100), s.currency, s.locale)}`;
}

/**
 * "Show as a table": the rows are only built while it is open (the scatter chart's table has a
 * row per partner, thousands on a big brand, and nobody sees them while it is closed).
 */
function TableDetails({ table }: { table: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="chart-table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Show as a table</summary>
      {open ? table() : null}
    </details>
  );
}

/**
 * A chart's numbers as a table: a header row, then one row per entry whose first cell names it.
 * Columns hold numbers (right-aligned) but those listed in `text`.
 */
function ChartTable(props: {
  head: readonly string[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
  text?: readonly number[];
}) {
  const num = (i: number) => (i > 0 && !props.text?.includes(i) ? 'num' : undefined);
  return (
    <table className="table">
      <thead>
        <tr>
          {props.head.map((h, i) => (
            <th scope="col" className={num(i)} key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((c, i) =>
              i === 0 ? (
                <th scope="row" key={i}>
                  {c}
                </th>
              ) : (
                <td className={num(i)} key={i}>
                  {c}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A chart with its text equivalent (a table) for screen readers and for exact numbers. */
function ChartCard(props: {
  title: string;
  summary: string;
  chart: ReactNode;
  table: () => ReactNode;
  tall?: boolean;
}) {
  return (
    <Card title={props.title} className="chart-card">
      <p className="muted chart-summary">{props.summary}</p>
      <div className={`chart-box ${props.tall ? 'tall' : ''}`}>{props.chart}</div>
      <TableDetails table={props.table} />
    </Card>
  );
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** "Nov 26" for 2026-11; the formatter is made once per locale (making one is the slow part). */
function monthLabel(m: string, locale: string): string {
  let f = monthFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(safeLocale(locale), {
      month: 'short',
      year: '2-digit',
      timeZone: 'UTC',
    });
    monthFormats.set(locale, f);
  }
  return f.format(new Date(`${m}-01T00:00:00Z`));
}

export function RevenueCostChart({ c, s }: { c: Comparison; s: Locale }) {
  const p = usePalette();
  const money = (v: number) => formatMoney(v, s.currency, s.locale);
  // In the brand's currency; orders kept apart in others are listed on their own (c.apart).
  const { monthly } = c;
  // The month the period ends in, if cut short, is labelled "so far" and drawn dotted, not as a
  // collapse in sales.
  const last = monthly.length - 1;
  const partial = last >= 0 && isPartialMonth(monthly[last]!.month, c.range.end);
  const labels = monthly.map(
    (m, i) => `${monthLabel(m.month, s.locale)}${partial && i === last ? ' (so far)' : ''}`,
  );
  const segment = {
    borderDash: (ctx: { p1DataIndex: number }) =>
      partial && ctx.p1DataIndex === last ? [2, 4] : undefined,
  };
  const series = PARTNER_KINDS.flatMap((k) => [
    {
      label: `${KIND_NAMES[k]} revenue`,
      data: monthly.map((m) => m.revenueCents[k] / 100),
      borderColor: kindColor(p, k),
      backgroundColor: kindColor(p, k),
      segment,
    },
    {
      label: `${KIND_NAMES[k]} cost`,
      data: monthly.map((m) => m.costCents[k] / 100),
      borderColor: kindColor(p, k),
      backgroundColor: kindColor(p, k),
      borderDash: [6, 4],
    },
  ]);
  const opts = useMemo(
    () =>
      chartOptions<'line'>(p, {
        label: moneyLabel(s, 'y'),
        x: axis(p),
        y: axis(p, (v) => formatMoneyShort(v * 100, s.currency, s.locale)),
      }),
    [p, s],
  );
  const total = (k: PartnerKind, f: 'revenueCents' | 'costCents') =>
    monthly.reduce((a, m) => a + m[f][k], 0);
  return (
    <ChartCard
      title="Revenue and cost over time"
      summary={`Solid lines are revenue, dashed lines cost, in ${s.currency}.${partial ? ' The last month is not over yet (dotted).' : ''} Ambassadors: ${money(total('ambassador', 'revenueCents'))} revenue for ${money(total('ambassador', 'costCents'))} cost; micro-affiliates: ${money(total('affiliate', 'revenueCents'))} for ${money(total('affiliate', 'costCents'))}.${apartWords(c.apart, s)}${c.converted.length ? ` ${convertedSentence(c.converted, s.locale, 'These lines include', true)}` : ''}`}
      chart={
        <Line
          role="img"
          aria-label="Line chart of monthly revenue and cost per kind"
          data={{ labels, datasets: series }}
          options={opts}
        />
      }
      table={() => (
        <ChartTable
          head={['Month', ...series.map((d) => d.label)]}
          rows={monthly.map((m, i) => ({
            key: m.month,
            cells: [
              labels[i],
              money(m.revenueCents.ambassador),
              money(m.costCents.ambassador),
              money(m.revenueCents.affiliate),
              money(m.costCents.affiliate),
            ],
          }))}
        />
      )}
    />
  );
}

/**
 * The orders kept apart in other currencies, each amount in its own currency: " Orders kept apart
 * in GBP (not in these figures): ambassadors £120.00 revenue for £12.00 commission; …".
 */
export function apartWords(apart: readonly CurrencyMonths[], s: Locale): string {
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  return apart
    .map((t) => {
      const parts = PARTNER_KINDS.map(
        (k) =>
          `${k === 'ambassador' ? 'ambassadors' : 'micro-affiliates'} ${formatMoney(sum(t.revenueCents[k]), t.currency, s.locale)} revenue for ${formatMoney(sum(t.commissionCents[k]), t.currency, s.locale)} commission`,
      );
      return ` Orders kept apart in ${t.currency} (not in these figures): ${parts.join('; ')}.`;
    })
    .join('');
}

export function RoiCpaChart({ kinds, s }: { kinds: readonly GroupResult[]; s: Locale }) {
  const p = usePalette();
  const colors = kinds.map((g) => kindColor(p, g.key as PartnerKind));
  const labels = kinds.map((g) => g.label);
  const [roiOpts, cpaOpts] = useMemo(() => {
    const barOpts = (title: string, format: (v: number) => string) =>
      chartOptions<'bar'>(p, { legend: false, title, x: axis(p), y: axis(p, format) });
    return [
      barOpts('ROI', pct),
      barOpts('Cost per order', (v) => formatMoney(v * 100, s.currency, s.locale)),
    ];
  }, [p, s.currency, s.locale]);
  const summary = kinds
    .map(
      (g) =>
        `${g.label}: ROI ${formatFigure('roi', g.figures.roi, s)}, CPA ${formatFigure('cpa', g.figures.cpa, s)}`,
    )
    .join('; ');
  return (
    <ChartCard
      title="ROI and cost per order"
      summary={`${summary}. Bars are missing where there is not enough data.`}
      chart={
        <div className="grid-2 chart-pair">
          <div className="chart-box">
            <Bar
              role="img"
              aria-label="Bar chart of ROI per kind"
              data={{
                labels,
                datasets: [
                  {
                    label: 'ROI',
                    data: kinds.map((g) => g.figures.roi.value),
                    backgroundColor: colors,
                  },
                ],
              }}
              options={roiOpts}
            />
          </div>
          <div className="chart-box">
            <Bar
              role="img"
              aria-label="Bar chart of cost per order per kind"
              data={{
                labels,
                datasets: [
                  {
                    label: 'CPA',
                    data: kinds.map((g) =>
                      g.figures.cpa.value === null ? null : g.figures.cpa.value / 100,
                    ),
                    backgroundColor: colors,
                  },
                ],
              }}
              options={cpaOpts}
            />
          </div>
        </div>
      }
      table={() => (
        <ChartTable
          head={['Kind', 'ROI', 'CPA']}
          rows={kinds.map((g) => ({
            key: g.key,
            cells: [
              g.label,
              formatFigure('roi', g.figures.roi, s),
              formatFigure('cpa', g.figures.cpa, s),
            ],
          }))}
        />
      )}
    />
  );
}

export function QuantityQualityChart({ c, s }: { c: Comparison; s: Locale }) {
  const p = usePalette();
  const points = c.partners.filter((x) => x.engagementPerPost !== null);
  const opts = chartOptions<'scatter'>(p, {
    label: (ctx) =>
      `${(ctx.raw as { name?: string }).name ?? ''}: ${formatValue(ctx.parsed.x ?? 0, 'decimal', s)} posts/month, ${formatValue(ctx.parsed.y ?? 0, 'decimal', s)} per post`,
    x: axis(p, undefined, 'Posts per month (quantity)'),
    y: axis(p, undefined, 'Engagement per post (quality)'),
  });
  return (
    <ChartCard
      title="Content quantity vs engagement quality"
      summary={`One dot per partner with measured posts (${points.length}). Right means more posts, up means more engagement per post.`}
      tall
      chart={
        <Scatter
          role="img"
          aria-label="Scatter chart of posts per month against engagement per post, one dot per partner"
          data={{
            datasets: PARTNER_KINDS.map((k) => ({
              label: KIND_NAMES[k],
              data: points
                .filter((x) => x.kind === k)
                .map((x) => ({ x: x.postsPerMonth, y: x.engagementPerPost!, name: x.name })),
              backgroundColor: kindColor(p, k),
              pointRadius: 5,
            })),
          }}
          options={opts}
        />
      }
      table={() => (
        <ChartTable
          head={['Partner', 'Kind', 'Posts per month', 'Engagement per post']}
          text={[1]}
          rows={points.map((x) => ({
            key: x.partnerId,
            cells: [
              x.name,
              KIND_NAMES[x.kind],
              formatValue(x.postsPerMonth, 'decimal', s),
              formatValue(x.engagementPerPost!, 'decimal', s),
            ],
          }))}
        />
      )}
    />
  );
}

const MIX: { key: keyof SpendMix; label: string; color: string }[] = [
  { key: 'retainerCents', label: 'Retainer', color: '#7c3aed' },
  { key: 'commissionCents', label: 'Commission', color: '#2563eb' },
  { key: 'feesCents', label: 'Post fees', color: '#db2777' },
  { key: 'perksCents', label: 'Perks', color: '#65a30d' },
  { key: 'giftedCents', label: 'Gifted product', color: '#0d9488' },
  { key: 'bonusCents', label: 'Bonuses', color: '#ca8a04' },
  { key: 'discountCents', label: 'Discounts', color: '#64748b' },
];

export function SpendMixChart({ kinds, s }: { kinds: readonly GroupResult[]; s: Locale }) {
  const p = usePalette();
  const money = (v: number) => formatMoney(v, s.currency, s.locale);
  const used = MIX.filter((m) => kinds.some((g) => g.spendMix[m.key] > 0));
  const opts = useMemo(
    () =>
      chartOptions<'bar'>(p, {
        label: moneyLabel(s, 'x'),
        horizontal: true,
        stacked: true,
        x: axis(p, (v) => formatMoneyShort(v * 100, s.currency, s.locale)),
        y: axis(p),
      }),
    [p, s],
  );
  return (
    <ChartCard
      title="Spend mix"
      summary={kinds
        .map(
          (g) =>
            `${g.label}: ${used.map((m) => `${m.label.toLowerCase()} ${money(g.spendMix[m.key])}`).join(', ')}`,
        )
        .join('. ')}
      chart={
        <Bar
          role="img"
          aria-label="Stacked bar chart of spend by type per kind"
          data={{
            labels: kinds.map((g) => g.label),
            datasets: used.map((m) => ({
              label: m.label,
              data: kinds.map((g) => g.spendMix[m.key] / 100),
              backgroundColor: m.color,
            })),
          }}
          options={opts}
        />
      }
      table={() => (
        <ChartTable
          head={['Kind', ...used.map((m) => m.label)]}
          rows={kinds.map((g) => ({
            key: g.key,
            cells: [g.label, ...used.map((m) => money(g.spendMix[m.key]))],
          }))}
        />
      )}
    />
  );
}

export function LeaderboardChart({
  c,
  s,
  periodLabel,
}: {
  c: Comparison;
  s: Locale;
  periodLabel: string;
}) {
  const p = usePalette();
  const top = leaderboard(c.partners, 10).filter((x) => x.roi !== null);
  const opts = useMemo(
    () => chartOptions<'bar'>(p, { legend: false, horizontal: true, x: axis(p, pct), y: axis(p) }),
    [p],
  );
  const money = (v: number) => formatMoney(v, s.currency, s.locale);
  return (
    <Card title={`Partner leaderboard by ROI, ${periodLabel}`} className="chart-card">
      <p className="muted chart-summary">
        The ten partners with the best return on what they cost in this period. Change the period
        above to see another date range.
      </p>
      <div className="grid-2">
        <div className="chart-box tall">
          <Bar
            role="img"
            aria-label="Bar chart of the ten partners with the best ROI"
            data={{
              labels: top.map((x) => x.name),
              datasets: [
                {
                  label: 'ROI',
                  data: top.map((x) => x.roi),
                  backgroundColor: top.map((x) => kindColor(p, x.kind)),
                },
              ],
            }}
            options={opts}
          />
        </div>
        <table className="table leaderboard" aria-label="Partner leaderboard by ROI">
          <TableHead cols={['#', 'Partner']} num={['Revenue', 'Cost', 'ROI']} />
          <tbody>
            {top.map((x, i) => (
              <tr key={x.partnerId}>
                <td className="num">{i + 1}</td>
                <td>
                  <a href={href(`partners/${x.partnerId}`)}>{x.name}</a>{' '}
                  <span
                    className={`dot dot-${x.kind}`}
                    aria-label={KIND_NAMES[x.kind]}
                    role="img"
                  />
                </td>
                <td className="num">{money(x.earnings.revenueCents)}</td>
                <td className="num">{money(x.earnings.costCents)}</td>
                <td className="num">{formatValue(x.roi!, 'percent', s)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

/**
 * The Compare screen's verdict in words and numbers, and the infographic's headline figure:
 * "every $1 on micro-affiliates came back as $6.28". Pure: a comparison's two kinds in, text out.
 */
import type { Figure } from './compare';
import { safeCurrency, safeLocale } from './intl';
import type { PartnerKind, Settings } from './schemas';

type Locale = Pick<Settings, 'currency' | 'locale'>;

/** What the verdict reads of each kind: revenue and spend in cents, ROAS (revenue ÷ spend). */
export interface KindFigures {
  figures: { revenue: Figure; spend: Figure; roas: Figure };
}

const PLURAL: Record<PartnerKind, string> = {
  ambassador: 'ambassadors',
  affiliate: 'micro-affiliates',
};

function money(cents: number, s: Locale, wholeUnits = false): string {
  return new Intl.NumberFormat(safeLocale(s.locale), {
    style: 'currency',
    currency: safeCurrency(s.currency),
    ...(wholeUnits ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
  }).format(cents / 100);
}

function percent(fraction: number, s: Locale): string {
  return new Intl.NumberFormat(safeLocale(s.locale), {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(fraction);
}

/** Revenue per 1 unit of spend, or null when there was no spend or not enough data. */
export function returnPerUnit(k: KindFigures): number | null {
  const spend = k.figures.spend.value;
  const roas = k.figures.roas.value;
  return spend !== null && spend > 0 && roas !== null && Number.isFinite(roas) ? roas : null;
}

/** The kind that returned more per unit of spend, or null when neither can be said. */
export function bestReturn(kinds: Record<PartnerKind, KindFigures>): PartnerKind | null {
  const a = returnPerUnit(kinds.ambassador);
  const f = returnPerUnit(kinds.affiliate);
  if (a === null && f === null) return null;
  if (f === null || (a !== null && a > f)) return 'ambassador';
  return 'affiliate';
}

/** "Every $1 on micro-affiliates came back as $6.28", or null without spend on either kind. */
export function headline(kinds: Record<PartnerKind, KindFigures>, s: Locale): string | null {
  const best = bestReturn(kinds);
  if (best === null) return null;
  const back = Math.round(returnPerUnit(kinds[best])! * 100);
  return `Every ${money(100, s, true)} on ${PLURAL[best]} came back as ${money(back, s)}`;
}

/**
 * One sentence for the period: what each kind returned per unit of spend, and the ambassadors'
 * share of the partners' revenue. `period` is a label such as "Last 30 days".
 */
export function verdictSentence(
  kinds: Record<PartnerKind, KindFigures>,
  s: Locale,
  period: string,
): string {
  const revA = kinds.ambassador.figures.revenue.value ?? 0;
  const revF = kinds.affiliate.figures.revenue.value ?? 0;
  const unit = money(100, s, true);
  const back = (k: PartnerKind): string | null => {
    const r = returnPerUnit(kinds[k]);
    return r === null ? null : money(Math.round(r * 100), s);
  };
  const best = bestReturn(kinds);
  const other: PartnerKind = best === 'affiliate' ? 'ambassador' : 'affiliate';
  const returned =
    best === null
      ? 'neither kind had spend to measure a return on'
      : `${PLURAL[best]} returned ${back(best)} per ${unit}, ${PLURAL[other]} ${back(other) ?? 'had no spend to measure'}`;
  const total = revA + revF;
  const share =
    total > 0
      ? `ambassadors brought ${percent(revA / total, s)} of the partners' revenue (${money(revA, s)} of ${money(total, s)})`
      : 'no sales were credited to partners';
  return `${period}: ${returned}; ${share}.`;
}

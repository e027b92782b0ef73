import { FIGURES, type Figure, type FigureKey, type FigureFormat } from '../../domain/compare';
import { formatMoney } from '../../domain/money';
import type { Settings } from '../../domain/schemas';

type Locale = Pick<Settings, 'currency' | 'locale'>;

/** A figure's value for display, in the brand's currency and locale. */
export function formatValue(value: number, format: FigureFormat, s: Locale): string {
  switch (format) {
    case 'money':
      return formatMoney(Math.round(value), s.currency, s.locale);
    case 'percent':
      return new Intl.NumberFormat(s.locale, {
        style: 'percent',
        maximumFractionDigits: 1,
      }).format(value);
    case 'ratio':
      return `${new Intl.NumberFormat(s.locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(value)}×`;
    case 'decimal':
      return new Intl.NumberFormat(s.locale, { maximumFractionDigits: 1 }).format(value);
    case 'count':
      return Math.round(value).toLocaleString(s.locale);
    case 'days':
      return `${Math.round(value).toLocaleString(s.locale)} days`;
  }
}

const RECORD_WORDS = {
  partners: 'partners',
  postsWithMetrics: 'posts with metrics',
  posts: 'published posts',
  orders: 'orders',
} as const;

/** "Not enough data" with what is missing, e.g. "2 of 3 posts with metrics". */
export function notEnoughNote(key: FigureKey, f: Figure): string {
  return `${f.records} of ${f.min} ${RECORD_WORDS[FIGURES[key].records]} needed`;
}

export function formatFigure(key: FigureKey, f: Figure, s: Locale): string {
  return f.value === null ? 'Not enough data' : formatValue(f.value, FIGURES[key].format, s);
}

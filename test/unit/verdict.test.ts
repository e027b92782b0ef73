import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/domain/compare';
import { bestReturn, headline, verdictSentence, type KindFigures } from '../../src/domain/verdict';

const fig = (value: number | null): Figure => ({ value, records: 5, min: 1 });
/** A kind with revenue and spend in cents; ROAS as the comparison computes it (revenue ÷ spend). */
const kind = (revenue: number, spend: number): KindFigures => ({
  figures: {
    revenue: fig(revenue),
    spend: fig(spend),
    roas: fig(spend > 0 ? revenue / spend : null),
  },
});
const usd = { currency: 'USD', locale: 'en-US' };

describe('headline and verdict', () => {
  // Micro-affiliates: $6,798.86 back on $1,082.62 spent = 6.28 per dollar (6.2800...).
  const kinds = { ambassador: kind(275_355, 919_700), affiliate: kind(679_886, 108_262) };

  it('names the kind with the higher return per dollar, rounded to the cent', () => {
    expect(bestReturn(kinds)).toBe('affiliate');
    expect(headline(kinds, usd)).toBe('Every $1 on micro-affiliates came back as $6.28');
  });

  it('says both returns and the ambassadors’ share of revenue in one sentence', () => {
    // 275355 / (275355 + 679886) = 0.2882... → 29 %
    expect(verdictSentence(kinds, usd, 'Last 30 days')).toBe(
      "Last 30 days: micro-affiliates returned $6.28 per $1, ambassadors $0.30; ambassadors brought 29% of the partners' revenue ($2,753.55 of $9,552.41).",
    );
  });

  it('picks ambassadors when they return more, and formats in the brand’s currency', () => {
    const k = { ambassador: kind(50_000, 10_000), affiliate: kind(20_000, 10_000) };
    expect(headline(k, { currency: 'EUR', locale: 'de-DE' })).toBe(
      'Every 1\u00a0€ on ambassadors came back as 5,00\u00a0€', // Intl puts a no-break space before €
    );
  });

  it('handles a kind without spend, and a period without any spend or sales', () => {
    const oneSided = { ambassador: kind(0, 0), affiliate: kind(30_000, 10_000) };
    expect(headline(oneSided, usd)).toBe('Every $1 on micro-affiliates came back as $3.00');
    expect(verdictSentence(oneSided, usd, 'May 2026')).toBe(
      "May 2026: micro-affiliates returned $3.00 per $1, ambassadors had no spend to measure; ambassadors brought 0% of the partners' revenue ($0.00 of $300.00).",
    );
    const nothing = { ambassador: kind(0, 0), affiliate: kind(0, 0) };
    expect(bestReturn(nothing)).toBeNull();
    expect(headline(nothing, usd)).toBeNull();
    expect(verdictSentence(nothing, usd, 'May 2026')).toBe(
      'May 2026: neither kind had spend to measure a return on; no sales were credited to partners.',
    );
  });

  it('treats "not enough data" (null ROAS) like no spend', () => {
    const k = {
      ambassador: { figures: { revenue: fig(1000), spend: fig(500), roas: fig(null) } },
      affiliate: kind(2000, 1000),
    };
    expect(bestReturn(k)).toBe('affiliate');
  });
});

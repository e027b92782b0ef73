import { describe, expect, it } from 'vitest';
import {
  assessCode,
  detectLeaks,
  dismissalKey,
  LEAK_THRESHOLDS,
  type CodeHistory,
  type LeakOrder,
} from '../../src/domain/code-leaks';
import { addDays } from '../../src/domain/dates';
import { seededRandom } from '../../src/domain/ids';

const TODAY = '2026-12-05';
const DAYS = LEAK_THRESHOLDS.recentDays + LEAK_THRESHOLDS.baselineDays;

const USUAL = ['us|ny', 'us|nj', 'us|ct'];
const FAR = ['us|ca', 'us|tx', 'us|fl', 'us|wa', 'us|il', 'gb|', 'ca|on', 'us|az', 'us|co'];

interface Shape {
  /** Redemptions per day over the whole history. */
  rate: number;
  leak?: { perDay: number; firstTime: number; far: number };
  /** Extra recent orders from a post that went viral: usual places, usual customers. */
  viral?: number;
  clicks?: number | null;
}

function history(seed: number, shape: Shape): CodeHistory {
  const r = seededRandom(seed);
  const orders: LeakOrder[] = [];
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const usualOrder = (day: string): LeakOrder => ({
    day,
    firstTime: r() < 0.35,
    region: r() < 0.97 ? pick(USUAL) : pick(FAR),
  });
  for (let i = 0; i < DAYS; i++) {
    const day = addDays(TODAY, -i);
    // A Poisson-ish count per day around `rate`.
    let n = 0;
    for (let k = 0; k < 6; k++) if (r() < shape.rate / 6) n++;
    for (let k = 0; k < n; k++) orders.push(usualOrder(day));
    if (i < LEAK_THRESHOLDS.recentDays && shape.leak) {
      const m = Math.round(shape.leak.perDay * (0.5 + r()));
      for (let k = 0; k < m; k++)
        orders.push({
          day,
          firstTime: r() < shape.leak.firstTime,
          region: r() < shape.leak.far ? pick(FAR) : pick(USUAL),
        });
    }
    if (i < 4 && shape.viral) for (let k = 0; k < shape.viral; k++) orders.push(usualOrder(day));
  }
  return {
    partnerId: `p${seed}`,
    partnerName: `Partner ${seed}`,
    code: `CODE${seed}`,
    orders,
    clicks: shape.clicks === undefined ? null : shape.clicks,
  };
}

const SEEDS = Array.from({ length: 60 }, (_, i) => 1000 + i);

describe('code-leak watch on generated histories', () => {
  it('flags no code with a steady history (no false alarms), at several usual rates', () => {
    for (const seed of SEEDS)
      for (const rate of [0.2, 0.6, 1.5])
        expect(assessCode(history(seed, { rate, clicks: 200 }), TODAY), `seed ${seed}`).toBeNull();
  });

  it('flags every leaked code, whatever its own usual rate', () => {
    for (const seed of SEEDS)
      for (const rate of [0.2, 0.6])
        expect(
          assessCode(
            history(seed, { rate, leak: { perDay: 4, firstTime: 0.9, far: 0.85 } }),
            TODAY,
          ),
          `seed ${seed}`,
        ).not.toBeNull();
  });

  it('does not flag a post that went viral: a jump from the usual customers and places, with clicks', () => {
    for (const seed of SEEDS)
      expect(
        assessCode(history(seed, { rate: 0.3, viral: 6, clicks: 400 }), TODAY),
        `seed ${seed}`,
      ).toBeNull();
  });

  it('flags a jump far above the clicks of the partner’s posts even from usual places', () => {
    const h = history(7, { rate: 0.3, viral: 6, clicks: 3 });
    const flag = assessCode(h, TODAY);
    expect(flag).not.toBeNull();
    expect(flag!.reasons.at(-1)).toMatch(
      /^\d+ redemptions against only 3 clicks on the partner’s posts\.$/,
    );
  });

  it('says why in words with numbers', () => {
    const usual = Array.from({ length: 12 }, (_, i) => ({
      day: addDays(TODAY, -20 - i * 6),
      firstTime: i < 3,
      region: 'us|ny',
    }));
    const leak = Array.from({ length: 20 }, (_, i) => ({
      day: addDays(TODAY, -(i % 14)),
      firstTime: i !== 0,
      region: i < 2 ? 'us|ny' : `far|${i % 5}`,
    }));
    const flag = assessCode(
      {
        partnerId: 'p',
        partnerName: 'Maya',
        code: 'MAYA10',
        orders: [...usual, ...leak],
        clicks: null,
      },
      TODAY,
    );
    // Usual: 12 in 84 days = 2 per 14 days; 20 now = 10 times that.
    expect(flag?.reasons).toEqual([
      '20 redemptions in the last 14 days, 10 times the usual 2.',
      '95% of them were first-time customers (usually 25%).',
      '90% came from 5 regions where this partner’s buyers rarely are.',
    ]);
  });

  it('remembers a dismissal for the flag’s window, and flags a later window again', () => {
    const h = history(3, { rate: 0.3, leak: { perDay: 4, firstTime: 0.9, far: 0.9 } });
    expect(detectLeaks([h], TODAY, [])).toHaveLength(1);
    expect(detectLeaks([h], TODAY, [dismissalKey('code3', TODAY)])).toHaveLength(0);
    expect(detectLeaks([h], TODAY, [dismissalKey('CODE3', addDays(TODAY, -20))])).toHaveLength(1);
    expect(detectLeaks([h], TODAY, [dismissalKey('OTHER', TODAY)])).toHaveLength(1);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_EPOCH_MS, dateInZone, isInstantMs, isIsoInstant } from '../../src/domain/dates';
import { isPlainValidOrder } from '../../src/domain/order-check';
import { epochMs, isoInstant, orderSchema } from '../../src/domain/schemas';
import { formatProblem, parseBackup } from '../../src/io/backup';
import { parseOrderDate } from '../../src/io/orders-common';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The instant an ISO text names, by a different road (Date arithmetic), or null if none. */
function oracle(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  offsetMin: number,
): number | null {
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59 || Math.abs(offsetMin) > 18 * 60)
    return null;
  const dt = new Date(0);
  dt.setUTCFullYear(y, mo - 1, d);
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d)
    return null;
  dt.setUTCHours(h, mi, s, 0);
  const ms = dt.getTime() - offsetMin * 60_000;
  return ms >= 0 && ms <= MAX_EPOCH_MS ? ms : null;
}

const zoneText = (offsetMin: number, z: boolean) =>
  offsetMin === 0 && z
    ? 'Z'
    : `${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offsetMin) / 60))}:${pad(Math.abs(offsetMin) % 60)}`;

describe('instants in stored data are real dates', () => {
  it('accepts every instant from 1970 to the end of 9999, as written by toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_EPOCH_MS }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(isIsoInstant(iso)).toBe(true);
        expect(isoInstant.safeParse(iso).success).toBe(true);
        expect(isInstantMs(ms)).toBe(true);
        expect(epochMs.safeParse(ms).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('date and time parts across (and past) their range: accepted exactly when they name a real instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1960, max: 10_000 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        fc.oneof(fc.integer({ min: -20 * 60, max: 20 * 60 }), fc.constant(0)),
        fc.boolean(),
        (y, mo, d, h, mi, s, off, z) => {
          if (y > 9999) return; // five digits are not the format at all
          const iso = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${zoneText(off, z)}`;
          const want = oracle(y, mo, d, h, mi, s, off);
          expect(isIsoInstant(iso), iso).toBe(want !== null);
          if (want !== null) expect(Date.parse(iso)).toBe(want);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it.each([
    '2026-02-30T10:00:00Z',
    '2025-02-29T10:00:00-05:00',
    '2025-04-31T10:00:00Z',
    '2025-13-01T10:00:00Z',
    '2025-00-10T10:00:00Z',
    '2025-03-01T24:00:00Z',
    '2025-03-01T10:60:00Z',
    '2025-03-01T10:00:60Z',
    '2025-03-01T10:00:00+19:00',
    '2025-03-01T10:00:00+05:60',
    '2025-03-01T10:00:00',
    '2025-03-01T10:00Z',
    '2025-03-01 10:00:00Z',
    '2025-03-01t10:00:00z',
    '2025-03-01T10:00:00+0500',
    '1969-12-31T23:59:59Z',
    '+010000-01-01T00:00:00Z',
    '',
    'yesterday',
    'NaN',
  ])('refuses %j as an instant', (text) => {
    expect(isIsoInstant(text)).toBe(false);
    expect(isoInstant.safeParse(text).success).toBe(false);
  });

  it.each([0, MAX_EPOCH_MS, Date.UTC(2026, 1, 28, 12)])('accepts %d epoch ms', (n) => {
    expect(epochMs.safeParse(n).success).toBe(true);
  });

  it.each([NaN, Infinity, -Infinity, -1, 0.5, MAX_EPOCH_MS + 1, 8.64e15 + 1, 2 ** 53, 1e300])(
    'refuses %d epoch ms',
    (n) => {
      expect(epochMs.safeParse(n).success).toBe(false);
      expect(isInstantMs(n)).toBe(false);
    },
  );

  it('an instant out of range never breaks a screen that shows its day', () => {
    for (const n of [NaN, Infinity, -1, 9e15, 1e300, 2 ** 53])
      expect(dateInZone(n, 'America/New_York')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('orders with impossible dates', () => {
  const fixture = () =>
    JSON.parse(
      readFileSync(path.join(__dirname, '../fixtures/backups/backup-v1.json'), 'utf8'),
    ) as { data: { orders: Record<string, unknown>[] } };

  it.each([
    ['placedAt', '2026-02-30T10:00:00-05:00', 'orders[0].placedAt: must be a real date and time'],
    ['placedAt', '', 'orders[0].placedAt: must be a real date and time'],
    ['placedAtMs', 2 ** 53, 'orders[0].placedAtMs: must be an instant from 1970 to 9999'],
    ['placedAtMs', 9e15, 'orders[0].placedAtMs: must be an instant from 1970 to 9999'],
    ['placedAtMs', 1e300, 'orders[0].placedAtMs: must be an instant from 1970 to 9999'],
    ['createdAt', MAX_EPOCH_MS + 1, 'orders[0].createdAt: must be an instant from 1970 to 9999'],
    ['updatedAt', -5, 'orders[0].updatedAt: must be an instant from 1970 to 9999'],
  ])('a backup whose order has %s %j is refused', (field, value, message) => {
    const o = fixture();
    o.data.orders[0]![field] = value;
    expect(isPlainValidOrder(o.data.orders[0])).toBe(false);
    expect(orderSchema.safeParse(o.data.orders[0]).success).toBe(false);
    const r = parseBackup(JSON.stringify(o));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(formatProblem)[0]).toMatch(
      new RegExp(`^${message.replace(/[[\]]/g, '\\$&')}`),
    );
  });

  it('importers never produce an order date the schema refuses', () => {
    expect(parseOrderDate('2025-03-01 10:00:00 +99:00', 'auto', 'UTC')).toBeNull();
    expect(parseOrderDate('2025-03-01 10:00:00 +19:00', 'auto', 'UTC')).toBeNull();
    expect(parseOrderDate('1969-07-20 20:17:00 +00:00', 'auto', 'UTC')).toBeNull();
    expect(parseOrderDate('2025-03-01 10:00:00 +14:00', 'auto', 'UTC')?.iso).toBe(
      '2025-03-01T10:00:00+14:00',
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom('+', '-'),
        fc.constantFrom('America/New_York', 'Asia/Kolkata', 'Pacific/Kiritimati'),
        (y, mo, d, h, offH, sign, zone) => {
          const withOffset = `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:30:15 ${sign}${pad(offH)}:00`;
          const noOffset = `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:30:15`;
          for (const text of [withOffset, noOffset]) {
            const r = parseOrderDate(text, 'auto', zone);
            if (r) {
              expect(isIsoInstant(r.iso), r.iso).toBe(true);
              expect(isInstantMs(r.ms)).toBe(true);
              expect(Date.parse(r.iso)).toBe(r.ms);
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

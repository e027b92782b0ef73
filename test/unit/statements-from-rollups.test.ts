import { describe, expect, it } from 'vitest';
import { addMonths, endOfMonth } from '../../src/domain/dates';
import {
  buildStatements,
  carriedFromStats,
  periodEarnings,
  periodEarningsFromStats,
  statementsFrom,
} from '../../src/domain/payout-statements';
import { generateSampleData } from '../../src/domain/sample-data';
import { buildAllStats } from '../../src/domain/stats';

const NOW = Date.UTC(2026, 10, 24, 15);
const data = generateSampleData('2026-11-24', NOW);
const tz = data.settings[0]!.timeZone;
const stats = buildAllStats(
  data.partners.map((p) => p.id),
  data.orders,
  data.contentItems,
  data.contracts,
  tz,
);

describe('Payouts statements from the rollups', () => {
  for (const countDiscountAsCost of [false, true])
    it(`equal the statements from the orders in every month of the sample brand (discount as cost: ${countDiscountAsCost})`, () => {
      const opts = { timeZone: tz, countDiscountAsCost };
      for (let m = 0; m < 14; m++) {
        const start = addMonths('2025-10-01', m);
        const range = { start, end: endOfMonth(start) };
        const fromOrders = periodEarnings({ ...data, content: data.contentItems }, range, opts);
        const fromStats = periodEarningsFromStats({ ...data, stats }, range, opts);
        expect(fromStats, range.start).toEqual(fromOrders);
        const basis = { ...data, stats };
        const statements = statementsFrom(
          fromStats,
          data.payouts,
          range,
          carriedFromStats(basis, data.payouts, range, opts),
        );
        expect(statements).toEqual(
          buildStatements({ ...data, content: data.contentItems }, range, opts),
        );
        if (m === 13) expect(statements.length).toBeGreaterThan(0);
      }
    });
});

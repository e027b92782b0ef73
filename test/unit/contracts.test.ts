import { describe, expect, it } from 'vitest';
import {
  activeContractAt,
  contractActiveOn,
  findContractOverlap,
} from '../../src/domain/contracts';

const k = (id: string, startDate: string, endDate: string | null, partnerId = 'p1') => ({
  id,
  partnerId,
  startDate,
  endDate,
});

describe('contracts', () => {
  const history = [k('a', '2025-01-01', '2025-06-30'), k('b', '2025-07-01', null)];
  it('finds the contract active on a date, ends inclusive', () => {
    expect(activeContractAt(history, '2024-12-31')).toBeNull();
    expect(activeContractAt(history, '2025-01-01')?.id).toBe('a');
    expect(activeContractAt(history, '2025-06-30')?.id).toBe('a');
    expect(activeContractAt(history, '2025-07-01')?.id).toBe('b');
    expect(activeContractAt(history, '2030-01-01')?.id).toBe('b');
    expect(contractActiveOn(k('x', '2025-01-01', '2025-01-01'), '2025-01-01')).toBe(true);
  });
  it('detects overlaps per partner only', () => {
    expect(findContractOverlap(history)).toBeNull();
    expect(
      findContractOverlap([...history, k('c', '2025-06-30', '2025-08-01')])?.map((c) => c.id),
    ).toEqual(['a', 'c']);
    expect(
      findContractOverlap([k('a', '2025-01-01', null), k('b', '2026-01-01', null)])?.map(
        (c) => c.id,
      ),
    ).toEqual(['a', 'b']);
    expect(
      findContractOverlap([k('a', '2025-01-01', null, 'p1'), k('b', '2025-01-01', null, 'p2')]),
    ).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { paypalReference } from '../../src/features/payouts/payout-files';

describe('the PayPal reference reads as a period and partner name', () => {
  it('is the period and the name, within PayPal’s 30 characters, unique in one file', () => {
    const used = new Set<string>();
    expect(paypalReference('2024-03', 'Maya  Chen ', used)).toBe('2024-03 Maya Chen');
    expect(paypalReference('2024-03', 'Maya Chen', used)).toBe('2024-03 Maya Chen #2');
    expect(paypalReference('2024-03', 'maya chen', used)).toBe('2024-03 maya chen #3');
    const long = paypalReference('2024-03', 'Bartholomew Featherstonehaugh-Smythe', used);
    expect(long).toBe('2024-03 Bartholomew Feathersto');
    expect(long).toHaveLength(30);
    const again = paypalReference('2024-03', 'Bartholomew Featherstonehaugh-Smythe', used);
    expect(again).toBe('2024-03 Bartholomew Feather #2');
    expect(again.length).toBeLessThanOrEqual(30);
  });
});

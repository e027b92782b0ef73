/** Maya Chen, a micro-affiliate on 10 % of the order total from 2026-01-01 (payout tests). */
import { generateSampleData } from '../../src/domain/sample-data';
import type { Contract, Partner } from '../../src/domain/schemas';

export const stamp = { createdAt: 0, updatedAt: 0 };
export const sample = generateSampleData('2026-11-24', Date.UTC(2026, 10, 24, 15));
export const partner: Partner = {
  ...sample.partners[0]!,
  id: 'p1',
  name: 'Maya Chen',
  kind: 'affiliate',
};
export const contract: Contract = {
  id: 'k1',
  ...stamp,
  partnerId: 'p1',
  startDate: '2026-01-01',
  endDate: null,
  retainerCents: 0,
  retainerPeriod: 'monthly',
  commissionRate: 10,
  commissionBase: 'total',
  commissionOnRepeat: false,
  flatFeePerPostCents: 0,
  perksCentsPerMonth: 0,
  deliverablesPerMonth: 0,
  notes: '',
};

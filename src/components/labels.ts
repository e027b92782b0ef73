import type { Payout } from '../domain/schemas';

/** How a payout was sent, in words (Partners, Payouts). */
export const PAYOUT_METHOD_LABEL: Record<Payout['method'], string> = {
  paypal: 'PayPal',
  venmo: 'Venmo',
  bank: 'Bank transfer',
  other: 'Other',
};

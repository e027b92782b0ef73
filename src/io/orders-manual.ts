/**
 * Orders typed in by hand (market stalls, wholesale through a partner): the form's strings become
 * an order like an imported one, with every problem named by field.
 */
import { parseMoney } from '../domain/money';
import { isKnownCurrency, parseOrderDate, splitList, type ParsedOrder } from './orders-common';

export interface ManualOrderDraft {
  source: string;
  orderId: string;
  /** `YYYY-MM-DD` (noon in the brand zone) or `YYYY-MM-DDTHH:MM`. */
  date: string;
  currency: string;
  subtotal: string;
  discount: string;
  shipping: string;
  tax: string;
  codes: string;
  note: string;
  email: string;
  city: string;
  province: string;
  country: string;
}

export type ManualOrderErrors = Partial<Record<keyof ManualOrderDraft, string>>;

export function emptyManualOrder(currency: string, today: string): ManualOrderDraft {
  return {
    source: 'manual',
    orderId: '',
    date: today,
    currency,
    subtotal: '',
    discount: '',
    shipping: '',
    tax: '',
    codes: '',
    note: '',
    email: '',
    city: '',
    province: '',
    country: '',
  };
}

/** Check a hand-entered order; the total is subtotal + shipping + tax. */
export function parseManualOrder(
  d: ManualOrderDraft,
  ctx: { timeZone: string; now: number },
): { order?: ParsedOrder; errors: ManualOrderErrors } {
  const errors: ManualOrderErrors = {};
  const amount = (k: 'subtotal' | 'discount' | 'shipping' | 'tax', required: boolean): number => {
    const raw = d[k].trim();
    if (raw === '') {
      if (required) errors[k] = 'Enter an amount like 49.90';
      return 0;
    }
    const v = parseMoney(raw);
    if (v === null || v < 0) errors[k] = 'Enter an amount like 49.90';
    return v ?? 0;
  };
  const source = d.source.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9 _-]{0,39}$/.test(source))
    errors.source = 'Use letters, digits, spaces or dashes (e.g. market)';
  const orderId = d.orderId.trim();
  if (orderId === '') errors.orderId = 'Enter an order number or receipt number';
  const date = parseOrderDate(d.date.replace('T', ' '), 'auto', ctx.timeZone);
  if (!date) errors.date = 'Enter a date like 2024-03-05';
  else if (date.ms > ctx.now + 24 * 3_600_000) errors.date = 'The date is in the future';
  const currency = d.currency.trim().toUpperCase();
  if (!isKnownCurrency(currency)) errors.currency = 'Unknown currency code (e.g. USD)';
  const subtotalCents = amount('subtotal', true);
  const discountCents = amount('discount', false);
  const shippingCents = amount('shipping', false);
  const taxCents = amount('tax', false);
  const email = d.email.trim();
  if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    errors.email = 'Not a valid email (or leave it empty)';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    order: {
      source,
      orderId,
      placedAt: date!.iso,
      placedAtMs: date!.ms,
      currency,
      subtotalCents,
      discountCents,
      shippingCents,
      taxCents,
      totalCents: subtotalCents + shippingCents + taxCents,
      refundedCents: 0,
      status: 'paid',
      codes: splitList(d.codes),
      tags: [],
      note: d.note.trim(),
      email: email === '' ? null : email,
      region: { country: d.country.trim(), province: d.province.trim(), city: d.city.trim() },
      line: 0,
    },
  };
}

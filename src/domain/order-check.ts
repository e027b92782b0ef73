/**
 * orderSchema's checks written out by hand, for the hot paths of big imports (an order CSV, a
 * backup): zod took about half a second per 75,000 orders. test/unit/order-check.test.ts checks
 * that both agree.
 */
import { isInstantMs, isIsoInstant } from './dates';
import { ATTRIBUTION_METHODS, ORDER_LIMITS, ORDER_STATUSES, orderSchema } from './schemas';

const ORDER_KEYS = new Set(Object.keys(orderSchema.shape));
/** Fields an order may lack (added after 0.1.0: discountLabels, fx). */
const OPTIONAL_KEYS = new Set(
  Object.entries(orderSchema.shape)
    .filter(([, rule]) => rule.safeParse(undefined).success)
    .map(([k]) => k),
);
const REQUIRED_COUNT = ORDER_KEYS.size - OPTIONAL_KEYS.size;
const STATUSES: ReadonlySet<unknown> = new Set(ORDER_STATUSES);
const METHODS: ReadonlySet<unknown> = new Set(ATTRIBUTION_METHODS);
const CURRENCY = /^[A-Z]{3}$/;

const isText = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max;
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
const hasKeys = (v: Record<string, unknown>, keys: readonly string[]) => {
  const own = Object.keys(v);
  return own.length === keys.length && keys.every((k) => own.includes(k));
};
const isTextList = (v: unknown, maxItems: number, min: number, max: number) =>
  Array.isArray(v) && v.length <= maxItems && v.every((x) => isText(x, min, max));

/**
 * orderSchema's checks written out by hand, for the hot path of a big import (zod took about
 * half a second per 75,000 orders). False when the order fails or might fail them; then zod
 * decides and words the error. test/unit/order-check.test.ts checks that both agree.
 */
export function isPlainValidOrder(o: unknown): boolean {
  if (!isPlain(o)) return false;
  const own = Object.keys(o);
  let optional = 0;
  for (const k of own) {
    if (!ORDER_KEYS.has(k)) return false;
    if (!OPTIONAL_KEYS.has(k)) continue;
    optional += 1;
    const v = o[k];
    if (v === undefined) continue;
    // Discount labels are checked here; any other optional field (a conversion) goes to zod.
    if (k !== 'discountLabels' || !isTextList(v, ORDER_LIMITS.codes, 1, ORDER_LIMITS.code))
      return false;
  }
  if (own.length - optional !== REQUIRED_COUNT) return false;
  const { region, attribution } = o;
  if (
    !isText(o.id, 1, 128) ||
    !isInstantMs(o.createdAt) ||
    !isInstantMs(o.updatedAt) ||
    !isText(o.source, 1, 40) ||
    !isText(o.orderId, 1, ORDER_LIMITS.orderId) ||
    !isIsoInstant(o.placedAt) ||
    !isInstantMs(o.placedAtMs) ||
    typeof o.currency !== 'string' ||
    !CURRENCY.test(o.currency) ||
    !isCount(o.subtotalCents) ||
    !isCount(o.discountCents) ||
    !isCount(o.shippingCents) ||
    !isCount(o.taxCents) ||
    !isCount(o.totalCents) ||
    !isCount(o.refundedCents) ||
    !STATUSES.has(o.status) ||
    !isTextList(o.codes, ORDER_LIMITS.codes, 1, ORDER_LIMITS.code) ||
    !isTextList(o.tags, ORDER_LIMITS.tags, 0, ORDER_LIMITS.tag) ||
    !isText(o.note, 0, 20_000) ||
    !(o.partnerId === null || isText(o.partnerId, 1, 128)) ||
    !(o.customerKey === null || isText(o.customerKey, 0, 128)) ||
    !(o.email === null || isText(o.email, 0, ORDER_LIMITS.email)) ||
    !isPlain(region) ||
    !hasKeys(region, ['country', 'province', 'city']) ||
    !isText(region.country, 0, ORDER_LIMITS.region) ||
    !isText(region.province, 0, ORDER_LIMITS.region) ||
    !isText(region.city, 0, ORDER_LIMITS.region)
  )
    return false;
  if (attribution === null) return true;
  return (
    isPlain(attribution) &&
    hasKeys(attribution, ['method', 'reason']) &&
    METHODS.has(attribution.method) &&
    isText(attribution.reason, 0, 500)
  );
}

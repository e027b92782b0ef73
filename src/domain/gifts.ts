/**
 * What gift shipments (product seeding) cost, as the money code counts it: no zod, types only, so
 * Compare and the Dashboard can use it without the record schemas. The rule is in seeding.ts.
 */
import type { GiftCost } from './earnings';
import type { Shipment } from './schemas';

/** Whether a shipment has left and counts in the partner's cost. */
export function shipmentCounts(s: Pick<Shipment, 'status'>): boolean {
  return s.status !== 'to-send';
}

/** Products at cost, shipping and retail value of one shipment (counted or not). */
export function shipmentValue(s: Pick<Shipment, 'items' | 'shippingCents' | 'swapOf'>): {
  productCents: number;
  shippingCents: number;
  retailCents: number;
} {
  if (s.swapOf !== null) return { productCents: 0, shippingCents: s.shippingCents, retailCents: 0 };
  let productCents = 0;
  let retailCents = 0;
  for (const it of s.items) {
    productCents += it.unitCostCents * it.quantity;
    retailCents += it.retailCents * it.quantity;
  }
  return { productCents, shippingCents: s.shippingCents, retailCents };
}

/** The counted shipments as gift costs, by partner id. */
export function giftCostsByPartner(shipments: readonly Shipment[]): Map<string, GiftCost[]> {
  const out = new Map<string, GiftCost[]>();
  for (const s of shipments) {
    if (!shipmentCounts(s)) continue;
    const v = shipmentValue(s);
    let list = out.get(s.partnerId);
    if (!list) out.set(s.partnerId, (list = []));
    list.push({
      date: s.date,
      costCents: v.productCents + v.shippingCents,
      retailCents: v.retailCents,
    });
  }
  return out;
}

/** Etsy "EtsySoldOrders": one row per order, `Sale Date` as MM/DD/YY (read as noon, brand zone). */
import { parseMappedOrders, type ColumnMap, type OrderImporter } from './orders-common';

export const ETSY_COLUMNS: ColumnMap = {
  orderId: ['Order ID'],
  date: ['Sale Date'],
  total: ['Order Total'],
  currency: ['Currency'],
  // Etsy's Order Value is the items before the coupon; the importer subtracts the discount.
  subtotal: ['Order Value'],
  discount: ['Discount Amount'],
  shipping: ['Shipping'],
  tax: ['Sales Tax'],
  refunded: ['Refunded Amount'],
  adjustedTotal: ['Adjusted Order Total'],
  status: ['Status'],
  codes: ['Coupon Code'],
  email: ['Buyer Email', 'Email'],
  note: ['Order Notes', 'Notes'],
  country: ['Ship Country'],
  province: ['Ship State'],
  city: ['Ship City'],
};

export const etsyImporter: OrderImporter = {
  source: 'etsy',
  label: 'Etsy sold orders',
  detect: (header) =>
    header.includes('Sale Date') && header.includes('Order ID') && header.includes('Order Total'),
  parse: (csv, ctx) =>
    parseMappedOrders(
      csv,
      {
        source: 'etsy',
        columns: ETSY_COLUMNS,
        dateStyle: 'us-short',
        subtotalBeforeDiscount: true,
      },
      ctx,
    ),
};

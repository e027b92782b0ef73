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
  shippingDiscount: ['Shipping Discount'],
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
        sumCheck: 'etsy',
      },
      ctx,
    ),
};

/**
 * Etsy "EtsySoldOrderItems": one row per item. Rows are grouped by Order ID and the items' totals
 * summed; the coupon, discount, shipping and sales tax are the order's (read once). Same source as
 * the orders file, so an order in both files is one order (see `keepsStored`).
 */
export const ETSY_ITEM_COLUMNS: ColumnMap = {
  orderId: ['Order ID'],
  date: ['Sale Date'],
  // Summed over the order's rows (itemRows): each item's Quantity x Price.
  total: ['Item Total'],
  currency: ['Currency'],
  discount: ['Discount Amount'],
  shipping: ['Order Shipping'],
  tax: ['Order Sales Tax'],
  codes: ['Coupon Code'],
  email: ['Buyer Email', 'Email'],
  country: ['Ship Country'],
  province: ['Ship State'],
  city: ['Ship City'],
};

export const etsyItemsImporter: OrderImporter = {
  source: 'etsy',
  label: 'Etsy sold order items',
  // The items file holds less than the orders file (no refunds, no status): an order already
  // stored is kept as it is, only orders not stored yet are added.
  keepsStored: true,
  detect: (header) =>
    header.includes('Order ID') && header.includes('Item Name') && header.includes('Item Total'),
  parse: (csv, ctx) =>
    parseMappedOrders(
      csv,
      { source: 'etsy', columns: ETSY_ITEM_COLUMNS, dateStyle: 'us-short', itemRows: true },
      ctx,
    ),
};

/** Shopify admin "Export orders": one row per line item, grouped by `Name`. */
import { parseMappedOrders, type ColumnMap, type OrderImporter } from './orders-common';

export const SHOPIFY_COLUMNS: ColumnMap = {
  orderId: ['Name'],
  date: ['Created at', 'Paid at'],
  total: ['Total'],
  currency: ['Currency'],
  subtotal: ['Subtotal'],
  discount: ['Discount Amount'],
  shipping: ['Shipping'],
  tax: ['Taxes'],
  refunded: ['Refunded Amount'],
  status: ['Financial Status'],
  cancelledAt: ['Cancelled at'],
  codes: ['Discount Code'],
  email: ['Email'],
  tags: ['Tags'],
  note: ['Notes', 'Note Attributes'],
  country: ['Shipping Country', 'Billing Country'],
  province: ['Shipping Province', 'Billing Province'],
  city: ['Shipping City', 'Billing City'],
};

export const shopifyImporter: OrderImporter = {
  source: 'shopify',
  label: 'Shopify orders export',
  detect: (header) =>
    header.includes('Name') && header.includes('Financial Status') && header.includes('Created at'),
  parse: (csv, ctx) =>
    parseMappedOrders(
      csv,
      { source: 'shopify', columns: SHOPIFY_COLUMNS, dateStyle: 'shopify', sumCheck: 'shopify' },
      ctx,
    ),
};

/**
 * What the command palette offers and how typing narrows it: screens, actions and partners,
 * best matches first; orders and content items found in the database. Pure (no React, no
 * database).
 */
import { dateInZone } from '../domain/dates';
import { formatMoney } from '../domain/money';
import type { ContentItem, Order, Partner, Settings } from '../domain/schemas';

export interface PaletteItem {
  id: string;
  group: 'Screens' | 'Actions' | 'Partners' | 'Orders' | 'Content';
  label: string;
  /** Extra words it is found by (a partner's handle and codes, a screen's synonyms). */
  keywords?: string;
  /** Where it goes (a hash route), or an action id the palette runs. */
  route?: string;
  action?: 'theme-light' | 'theme-dark' | 'theme-system';
}

/**
 * Items matching `query` (case- and accent-insensitive, every word must appear), at most `limit`:
 * a label starting with the query first, then a word of the label, then anything else; groups
 * keep their order among equals.
 */
export function matchItems(
  items: readonly PaletteItem[],
  query: string,
  limit = 12,
): PaletteItem[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return items.slice(0, limit);
  const scored: { item: PaletteItem; score: number; at: number }[] = [];
  items.forEach((item, at) => {
    const label = fold(item.label);
    const hay = `${label} ${fold(item.keywords ?? '')}`;
    if (!words.every((w) => hay.includes(w))) return;
    const q = words.join(' ');
    const score = label.startsWith(q)
      ? 0
      : label.split(/\s+/).some((w) => w.startsWith(words[0]!))
        ? 1
        : 2;
    scored.push({ item, score, at });
  });
  scored.sort((a, b) => a.score - b.score || a.at - b.at);
  return scored.slice(0, limit).map((s) => s.item);
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

type Brand = Pick<Settings, 'timeZone' | 'locale'>;

function shortDay(date: string, locale: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(locale, {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Orders found by number: they open Sales on the order's day. */
export function orderItems(
  orders: readonly Order[],
  names: ReadonlyMap<string, Pick<Partner, 'name'>>,
  brand: Brand,
): PaletteItem[] {
  return orders.map((o) => {
    const day = dateInZone(o.placedAtMs, brand.timeZone);
    const who = o.partnerId ? (names.get(o.partnerId)?.name ?? 'a partner') : 'nobody';
    return {
      id: `order-${o.id}`,
      group: 'Orders',
      label: `Order ${o.orderId} · ${formatMoney(o.totalCents, o.currency, brand.locale)} · ${shortDay(day, brand.locale)} · ${who}`,
      route: `sales/day/${day}`,
    };
  });
}

/** Content items found by title: they open the calendar's week with the item. */
export function contentItems(
  items: readonly ContentItem[],
  names: ReadonlyMap<string, Pick<Partner, 'name'>>,
  brand: Brand,
): PaletteItem[] {
  return items.map((c) => ({
    id: `content-${c.id}`,
    group: 'Content',
    label: `${c.title || c.format} · ${names.get(c.partnerId)?.name ?? '?'} · ${shortDay(c.plannedDate, brand.locale)}`,
    route: `calendar/day/${c.plannedDate}`,
  }));
}

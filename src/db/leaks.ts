/**
 * The reads behind the code-leak watch (issue 21), all through indexes: the recent orders by
 * `placedAtMs`, customers' earlier orders by `customerKey` (only for codes whose redemptions
 * jumped), the partner's posts by `[partnerId+plannedDate]`; and the dismissals, kept in settings.
 */
import {
  detectLeaks,
  dismissalKey,
  LEAK_THRESHOLDS,
  leakWindows,
  redemptionJump,
  type CodeHistory,
  type LeakFlag,
  type LeakOrder,
} from '../domain/code-leaks';
import { orderCodes } from '../domain/codes';
import { addDays, dateInZone } from '../domain/dates';
import { normalizeCode } from '../domain/ids';
import type { Order } from '../domain/schemas';
import type { PawtnersDb } from './db';
import { forEachOrder } from './orders';
import { readSettings, rowsWithAnyOf } from './repo';
import { writesDone } from './write-gate';

const DAY_MS = 86_400_000;
/** Orders per read of the watch's windows. */
const LEAK_CHUNK = 2000;

interface Group {
  partnerId: string;
  code: string;
  /** Oldest first, with each order's day in the brand's time zone. */
  orders: Order[];
  days: string[];
  /** Where its oldest order came in the walk (newest first) and that order's code: for sorting. */
  at: number;
  codeAt: number;
}

/** The redemptions of each partner code over the watch's windows; the walk ends once `stopped()`. */
async function codeGroups(db: PawtnersDb, today: string, timeZone: string, stopped: () => boolean) {
  const w = leakWindows(today);
  const fromMs = Date.parse(`${w.baseline.start}T00:00:00Z`) - DAY_MS;
  await writesDone();
  const partners = await db.partners.toArray();
  // Per partner, its codes compared case-insensitively, shown as the owner typed them.
  const own = new Map(
    partners.map((p) => [p.id, new Map(p.codes.map((c) => [normalizeCode(c), c]))]),
  );
  const groups = new Map<string, Group>();
  let seen = 0;
  const add = (o: Order) => {
    const at = seen++;
    if (o.partnerId === null || o.status === 'cancelled') return;
    const codes = own.get(o.partnerId);
    const day = dateInZone(o.placedAtMs, timeZone);
    if (!codes || day < w.baseline.start || day > today) return;
    orderCodes(o.codes).forEach((c, codeAt) => {
      const code = codes.get(normalizeCode(c));
      if (code === undefined) return;
      const key = `${o.partnerId}\u0000${code}`;
      const g = groups.get(key) ?? {
        partnerId: o.partnerId!,
        code,
        orders: [],
        days: [],
        at,
        codeAt,
      };
      g.orders.push(o);
      g.days.push(day);
      g.at = at;
      g.codeAt = codeAt;
      groups.set(key, g);
    });
  };
  // A background read: 2,000 orders at a time (about 30,000 in the windows of a big shop), each
  // read once no edit is waiting and each worked through as it comes (no long task at the end).
  // Once stopped (the owner left the screen) no further chunk is read.
  await forEachOrder(db, { fromMs }, (rows) => rows.forEach(add), LEAK_CHUNK, stopped, writesDone);
  // The walk went newest first: each code's orders oldest first, the codes in the order of
  // their oldest redemption (as a walk oldest first would have met them).
  const list = [...groups.values()].sort((a, b) => b.at - a.at || a.codeAt - b.codeAt);
  for (const g of list) {
    g.orders.reverse();
    g.days.reverse();
  }
  return { groups: list, names: new Map(partners.map((p) => [p.id, p.name])) };
}

/** Each customer's first order instant, for the given customers (customerKey index). */
async function firstOrders(db: PawtnersDb, keys: string[]): Promise<Map<string, number>> {
  const first = new Map<string, number>();
  if (keys.length === 0) return first;
  for (const o of await rowsWithAnyOf(db.orders, 'customerKey', keys)) {
    if (o.status === 'cancelled' || !o.customerKey) continue;
    const was = first.get(o.customerKey);
    if (was === undefined || o.placedAtMs < was) first.set(o.customerKey, o.placedAtMs);
  }
  return first;
}

/** Clicks recorded on a partner's posts of the recent window and the same span before it. */
async function partnerClicks(db: PawtnersDb, partnerId: string, today: string) {
  const w = leakWindows(today);
  const from = addDays(w.recent.start, -LEAK_THRESHOLDS.recentDays);
  const posts = await db.contentItems
    .where('[partnerId+plannedDate]')
    .between([partnerId, from], [partnerId, today], true, true)
    .toArray();
  const measured = posts.filter((p) => p.metrics !== null);
  return measured.length === 0 ? null : measured.reduce((s, p) => s + p.metrics!.clicks, 0);
}

/**
 * The histories of the codes whose redemptions jumped (the only ones that can be flagged). Once
 * `stopped()` it reads no more and returns none (the caller drops a stopped run's result).
 */
export async function readLeakHistories(
  db: PawtnersDb,
  today: string,
  timeZone: string,
  stopped: () => boolean = () => false,
): Promise<CodeHistory[]> {
  const { groups, names } = await codeGroups(db, today, timeZone, stopped);
  if (stopped()) return [];
  const jumped = groups.filter((g) => redemptionJump(g.days, today).fires);
  const keys = new Set<string>();
  for (const g of jumped) for (const o of g.orders) if (o.customerKey) keys.add(o.customerKey);
  const first = await firstOrders(db, [...keys]);
  const out: CodeHistory[] = [];
  for (const g of jumped) {
    if (stopped()) return [];
    const orders: LeakOrder[] = g.orders.map((o, i) => ({
      day: g.days[i]!,
      firstTime: o.customerKey ? first.get(o.customerKey) === o.placedAtMs : null,
      region: regionKey(o),
    }));
    out.push({
      partnerId: g.partnerId,
      partnerName: names.get(g.partnerId) ?? g.partnerId,
      code: g.code,
      orders,
      clicks: await partnerClicks(db, g.partnerId, today),
    });
  }
  return out;
}

function regionKey(o: Pick<Order, 'region'>): string {
  const c = o.region.country.trim().toLowerCase();
  const p = o.region.province.trim().toLowerCase();
  return c || p ? `${c}|${p}` : '';
}

/** The flags to show today (dismissed ones left out); none once `stopped()`. */
export async function codeLeakFlags(
  db: PawtnersDb,
  now = Date.now(),
  stopped: () => boolean = () => false,
): Promise<LeakFlag[]> {
  const settings = await readSettings(db);
  const today = dateInZone(now, settings.timeZone);
  const histories = await readLeakHistories(db, today, settings.timeZone, stopped);
  return detectLeaks(histories, today, settings.dismissedLeakFlags ?? []);
}

/** Remember that the owner dismissed the flag of `code` today. */
export async function dismissLeakFlag(
  db: PawtnersDb,
  code: string,
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const s = await readSettings(db);
    const key = dismissalKey(code, dateInZone(now, s.timeZone));
    const rest = (s.dismissedLeakFlags ?? []).filter((k) => k !== key);
    // The oldest dismissals go first when the list is full.
    const next = [...rest, key].slice(-2000);
    await db.settings.put({ ...s, dismissedLeakFlags: next, updatedAt: now });
  });
}

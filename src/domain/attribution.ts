/**
 * Which partner an order is credited to. Order of evidence: a partner's promo code (case-
 * insensitive), then a referral slug or utm_source written into the order's note attributes or
 * tags by a checkout app. An order is credited to at most one partner. When an order carries codes
 * of several partners, the brand's rule decides (first listed code wins, or the owner reviews it).
 * An owner's manual assignment is never overridden by an import.
 */
import { orderCodes } from './codes';
import { netRevenueCents } from './earnings';
import { matchKey, normalizeCode } from './ids';
import type { Order, Partner, Settings } from './schemas';

export type AttributionPartner = Pick<
  Partner,
  'id' | 'name' | 'codes' | 'referralSlug' | 'referralAliases'
> & {
  accounts?: Pick<Partner['accounts'][number], 'handle'>[];
};

export interface AttributionIndex {
  /** normalized code -> partner */
  byCode: Map<string, AttributionPartner>;
  /** normalized referral slug or social handle -> partner */
  bySlug: Map<string, AttributionPartner>;
}

export type OrderEvidence = Pick<Order, 'codes' | 'tags' | 'note'>;

export interface AttributionResult {
  partnerId: string | null;
  attribution: Order['attribution'];
  /** Set when the order waits for the owner (codes of several partners under manual review). */
  review: string | null;
}

const slugKey = matchKey;

export function buildAttributionIndex(partners: readonly AttributionPartner[]): AttributionIndex {
  const byCode = new Map<string, AttributionPartner>();
  const bySlug = new Map<string, AttributionPartner>();
  for (const p of partners) {
    for (const c of p.codes) if (!byCode.has(normalizeCode(c))) byCode.set(normalizeCode(c), p);
    if (p.referralSlug.trim() !== '') bySlug.set(slugKey(p.referralSlug), p);
  }
  // Values the owner mapped by hand, where no slug claims them.
  for (const p of partners)
    for (const a of p.referralAliases ?? []) {
      const k = slugKey(a);
      if (k !== '' && !bySlug.has(k)) bySlug.set(k, p);
    }
  // Handles only where no slug claims the same word: a slug is the owner's explicit choice.
  for (const p of partners)
    for (const a of p.accounts ?? []) {
      const k = slugKey(a.handle);
      if (k !== '' && !bySlug.has(k)) bySlug.set(k, p);
    }
  return { byCode, bySlug };
}

const REFERRAL_KEYS = ['utm_source', 'ref', 'referral', 'referral_slug', 'referrer', 'affiliate'];
// A value is what creators put in handles: letters, digits, `_`, `.` and `-`, never ending in a
// dot (so "utm_source: maya." at the end of a sentence reads as maya).
const PAIR = new RegExp(`\\b(${REFERRAL_KEYS.join('|')})\\s*[:=]\\s*@?([\\w.-]*[\\w-])`, 'gi');

/** Referral values (`utm_source: lucy`, `ref=lucy`) found in a note or tags, in order. */
export function referralValues(
  order: Pick<Order, 'tags' | 'note'>,
): { key: string; value: string; where: string }[] {
  const out: { key: string; value: string; where: string }[] = [];
  for (const [text, where] of [
    [order.note, 'note attributes'],
    ...order.tags.map((t) => [t, 'tags'] as const),
  ] as const) {
    for (const m of text.matchAll(PAIR))
      out.push({ key: m[1]!.toLowerCase(), value: m[2]!, where });
  }
  return out;
}

/** Credit one order by its evidence (codes first, then referral). */
export function attributeOrder(
  order: OrderEvidence,
  index: AttributionIndex,
  rule: Settings['multiCodeRule'],
): AttributionResult {
  const matches: { code: string; partner: AttributionPartner }[] = [];
  // Split at read time: orders stored before the split hold stacked codes as one value.
  for (const code of orderCodes(order.codes)) {
    const p = index.byCode.get(normalizeCode(code));
    if (p) matches.push({ code, partner: p });
  }
  const distinct = [...new Set(matches.map((m) => m.partner.id))];
  if (distinct.length === 1) {
    const m = matches[0]!;
    return {
      partnerId: m.partner.id,
      attribution: { method: 'code', reason: `Used code ${m.code}` },
      review: null,
    };
  }
  if (distinct.length > 1) {
    const list = matches.map((m) => `${m.code} (${m.partner.name})`).join(', ');
    if (rule === 'manual-review')
      return {
        partnerId: null,
        attribution: null,
        review: `Codes of ${distinct.length} partners: ${list}. Assign it by hand.`,
      };
    const m = matches[0]!;
    return {
      partnerId: m.partner.id,
      attribution: {
        method: 'code',
        reason: `Used code ${m.code}; codes of ${distinct.length} partners (${list}): the first code wins`,
      },
      review: null,
    };
  }
  for (const r of referralValues(order)) {
    const p = index.bySlug.get(slugKey(r.value));
    if (p)
      return {
        partnerId: p.id,
        attribution: { method: 'referral', reason: `${r.key}=${r.value} in ${r.where}` },
        review: null,
      };
  }
  return { partnerId: null, attribution: null, review: null };
}

/** The credit an order keeps or gets: a manual assignment stays; otherwise the evidence decides. */
export function creditFor(
  order: OrderEvidence,
  existing: Pick<Order, 'partnerId' | 'attribution'> | null | undefined,
  index: AttributionIndex,
  rule: Settings['multiCodeRule'],
): AttributionResult {
  if (existing?.attribution?.method === 'manual')
    return { partnerId: existing.partnerId, attribution: existing.attribution, review: null };
  return attributeOrder(order, index, rule);
}

/** A manual assignment (or un-assignment) with the owner's reason. */
export function manualCredit(partnerId: string | null, reason: string): AttributionResult {
  return {
    partnerId,
    attribution: { method: 'manual', reason: reason.trim() || 'Assigned by hand' },
    review: null,
  };
}

export interface UnknownCode {
  /** The code (or referral value) as customers wrote it most often. */
  code: string;
  orders: number;
  /**
   * Totals net of refunds (cancelled count zero), one sum per currency of the orders, in the order
   * the currencies were first met: amounts in different currencies are never added together.
   */
  revenue: { currency: string; cents: number }[];
}

type TalliedOrder = Pick<
  Order,
  'partnerId' | 'codes' | 'tags' | 'note' | 'status' | 'totalCents' | 'refundedCents' | 'currency'
>;

/**
 * Values (`valuesOf` an order) on uncredited orders that no partner owns and the owner did not
 * mark as not a partner's, most used first, each in the spelling used most (first seen on a tie).
 */
function tallyUnknown(
  orders: readonly TalliedOrder[],
  valuesOf: (o: TalliedOrder) => readonly string[],
  owned: (key: string) => boolean,
  notPartner: readonly string[],
): UnknownCode[] {
  const skip = new Set(notPartner.map(matchKey));
  const map = new Map<string, UnknownCode>();
  const spellings = new Map<string, Map<string, number>>();
  for (const o of orders) {
    if (o.partnerId !== null) continue;
    for (const k of new Set(valuesOf(o).map(matchKey))) {
      if (k === '' || owned(k) || skip.has(k)) continue;
      const written = valuesOf(o)
        .find((v) => matchKey(v) === k)!
        .trim();
      const e = map.get(k) ?? { code: written, orders: 0, revenue: [] };
      const counts = spellings.get(k) ?? new Map<string, number>();
      counts.set(written, (counts.get(written) ?? 0) + 1);
      spellings.set(k, counts);
      if ((counts.get(written) ?? 0) > (counts.get(e.code) ?? 0)) e.code = written;
      e.orders += 1;
      let sum = e.revenue.find((r) => r.currency === o.currency);
      if (!sum) e.revenue.push((sum = { currency: o.currency, cents: 0 }));
      sum.cents += netRevenueCents(o);
      map.set(k, e);
    }
  }
  return [...map.values()].sort((a, b) => b.orders - a.orders || a.code.localeCompare(b.code));
}

/**
 * Codes on uncredited orders that belong to no partner, most used first: the owner maps each one
 * to a partner in one step, or marks it as not a partner's (`notPartner`).
 */
export function unknownCodes(
  orders: readonly Pick<
    Order,
    'partnerId' | 'codes' | 'status' | 'totalCents' | 'refundedCents' | 'currency'
  >[],
  index: AttributionIndex,
  notPartner: readonly string[] = [],
): UnknownCode[] {
  return tallyUnknown(
    orders.map((o) => ({ ...o, tags: [], note: '' })),
    (o) => orderCodes(o.codes),
    (k) => index.byCode.has(k),
    notPartner,
  );
}

/** Referral values (utm_source, ref...) on uncredited orders that no partner's slug or handle matches. */
export function unknownReferrals(
  orders: readonly TalliedOrder[],
  index: AttributionIndex,
  notPartner: readonly string[] = [],
): UnknownCode[] {
  return tallyUnknown(
    orders,
    (o) => referralValues(o).map((r) => r.value),
    (k) => index.bySlug.has(k),
    notPartner,
  );
}

/** One order whose credit the current codes, slugs and handles change. */
export interface CreditMove {
  orderId: string;
  fromId: string | null;
  toId: string | null;
  attribution: Order['attribution'];
  /** Net revenue of the order (cancelled count zero), for the preview. */
  revenueCents: number;
}

type MovableOrder = Pick<
  Order,
  | 'id'
  | 'codes'
  | 'tags'
  | 'note'
  | 'partnerId'
  | 'attribution'
  | 'status'
  | 'totalCents'
  | 'refundedCents'
>;

/**
 * The orders the partners' current codes, slugs and handles would credit differently from how
 * they are credited now. Manual credits (the owner's, with a reason) never move.
 */
export function reattributionMoves(
  orders: readonly MovableOrder[],
  index: AttributionIndex,
  rule: Settings['multiCodeRule'],
): CreditMove[] {
  const out: CreditMove[] = [];
  for (const o of orders) {
    if (o.attribution?.method === 'manual') continue;
    const r = attributeOrder(o, index, rule);
    if (r.partnerId === o.partnerId) continue;
    out.push({
      orderId: o.id,
      fromId: o.partnerId,
      toId: r.partnerId,
      attribution: r.attribution,
      revenueCents: netRevenueCents(o),
    });
  }
  return out;
}

const ordersWord = (n: number) => `${n.toLocaleString('en-US')} order${n === 1 ? '' : 's'}`;

/**
 * The preview of moves in the owner's words, one line per partner that gains orders, e.g.
 * "12 orders will move to Biscuit Bakes: 3 from unattributed, 9 from Lucy Loaf", then one per
 * partner that loses orders to nobody. Most orders first.
 */
export function describeMoves(
  moves: readonly CreditMove[],
  nameOf: (partnerId: string) => string,
): string[] {
  const into = new Map<string | null, Map<string | null, number>>();
  for (const m of moves) {
    const from = into.get(m.toId) ?? new Map<string | null, number>();
    from.set(m.fromId, (from.get(m.fromId) ?? 0) + 1);
    into.set(m.toId, from);
  }
  const total = (from: Map<string | null, number>) => [...from.values()].reduce((a, b) => a + b, 0);
  const gains = [...into].filter(([to]) => to !== null) as [string, Map<string | null, number>][];
  const lines = gains
    .sort((a, b) => total(b[1]) - total(a[1]) || nameOf(a[0]).localeCompare(nameOf(b[0])))
    .map(([to, from]) => {
      const parts = [...from]
        .sort((a, b) => b[1] - a[1])
        .map(
          ([f, n]) =>
            `${n.toLocaleString('en-US')} from ${f === null ? 'unattributed' : nameOf(f)}`,
        );
      return `${ordersWord(total(from))} will move to ${nameOf(to)}: ${parts.join(', ')}`;
    });
  const lost = into.get(null);
  if (lost)
    for (const [f, n] of [...lost].sort((a, b) => b[1] - a[1]))
      if (f !== null)
        lines.push(
          `${ordersWord(n)} of ${nameOf(f)} will be unattributed (no code or referral of theirs matches any more)`,
        );
  return lines;
}

type KeyedPartner = Pick<Partner, 'codes' | 'referralSlug'> & {
  accounts: Pick<Partner['accounts'][number], 'handle'>[];
};

/** Whether what credits orders to a partner (codes, slug, handles, compared as matched) differs. */
export function matchingKeysChanged(before: KeyedPartner | null, after: KeyedPartner): boolean {
  const keys = (p: KeyedPartner | null) =>
    p === null
      ? ''
      : JSON.stringify([
          [...new Set(p.codes.map(normalizeCode))].sort(),
          slugKey(p.referralSlug),
          [...new Set(p.accounts.map((a) => slugKey(a.handle)))].sort(),
        ]);
  const empty = keys({ codes: [], referralSlug: '', accounts: [] });
  return keys(before ?? null) !== keys(after) && !(before === null && keys(after) === empty);
}

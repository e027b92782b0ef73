/**
 * The preview of an order import: what is new, already stored unchanged, changed since (a refund,
 * a cancellation), uncredited, and which rows could not be read. What the owner confirms is exactly
 * `toWrite`; `baseVersions` lets the writer refuse if stored orders changed in between.
 */
import { creditFor, type AttributionIndex } from './attribution';
import { orderRecordId } from './ids';
import { formatMoney } from './money';
import type { Order, Settings } from './schemas';

/** An order read from a file, with its customer key already computed. */
export type IncomingOrder = Omit<
  Order,
  'id' | 'createdAt' | 'updatedAt' | 'partnerId' | 'attribution'
> & { line: number };

export type PlanKind = 'new' | 'unchanged' | 'changed';

export interface PlanEntry {
  kind: PlanKind;
  line: number;
  order: Order;
  before: Order | null;
  /** What differs from the stored order, in words ("status paid → refunded"). */
  changes: string[];
  /** Why the order waits for the owner (several partners' codes), or null. */
  review: string | null;
}

export interface PlanProblem {
  line: number;
  orderId?: string;
  message: string;
}

/** What a changed order changed in, for the preview's "Changed" count. */
export type ChangeKind = 'refund' | 'status' | 'partner' | 'amounts' | 'other';

export interface ImportPlan {
  source: string;
  entries: PlanEntry[];
  problems: PlanProblem[];
  /** Lines the owner should know about that are not errors (orders not paid yet, sums off). */
  warnings: PlanProblem[];
  /** New and changed orders: exactly what confirming writes. */
  toWrite: Order[];
  /** updatedAt of each written order as stored when the plan was made (null = not stored). */
  baseVersions: Record<string, number | null>;
  counts: {
    new: number;
    unchanged: number;
    changed: number;
    unattributed: number;
    errors: number;
    /** Changed orders by what changed (an order may count under several). */
    changedBy: Record<ChangeKind, number>;
  };
}

const COMPARED = [
  'status',
  'refundedCents',
  'totalCents',
  'subtotalCents',
  'discountCents',
  'shippingCents',
  'taxCents',
  'currency',
  'placedAtMs',
  'codes',
  'tags',
  'note',
  'customerKey',
  'email',
  'region',
  'partnerId',
] as const satisfies readonly (keyof Order)[];

const LABEL: Partial<Record<(typeof COMPARED)[number], string>> = {
  refundedCents: 'refunded',
  totalCents: 'total',
  subtotalCents: 'subtotal',
  discountCents: 'discount',
  shippingCents: 'shipping',
  taxCents: 'tax',
  placedAtMs: 'date',
  customerKey: 'customer',
  partnerId: 'partner',
};

/** How the preview names partners and money (the owner's words, never ids or cents). */
export interface PlanWording {
  locale: string;
  partnerName: (id: string) => string | undefined;
}

const PLAIN: PlanWording = { locale: 'en-US', partnerName: () => undefined };

function show(k: (typeof COMPARED)[number], v: unknown, o: Order, w: PlanWording): string {
  if (k === 'partnerId')
    return v === null ? 'no partner' : (w.partnerName(v as string) ?? 'a partner not in your list');
  if (typeof v === 'number')
    return k === 'placedAtMs'
      ? o.placedAt.slice(0, 16).replace('T', ' ')
      : formatMoney(v, o.currency, w.locale);
  if (v === null) return 'none';
  if (k === 'region') {
    const r = v as Order['region'];
    return [r.city, r.province, r.country].filter((x) => x !== '').join(', ') || 'none';
  }
  if (Array.isArray(v)) return v.length === 0 ? 'none' : v.join(', ');
  if (typeof v === 'string') return v === '' ? 'none' : v.length > 40 ? `${v.slice(0, 40)}…` : v;
  return JSON.stringify(v);
}

/** What each compared field counts as in the "Changed" breakdown. */
function kindOf(k: (typeof COMPARED)[number]): ChangeKind {
  if (k === 'refundedCents') return 'refund';
  if (k === 'status') return 'status';
  if (k === 'partnerId') return 'partner';
  if (k.endsWith('Cents') || k === 'currency') return 'amounts';
  return 'other';
}

/** Differences between a stored order and its re-imported version, in the owner's words. */
export function orderChanges(before: Order, after: Order, wording: PlanWording = PLAIN): string[] {
  return orderChangeList(before, after, wording).map((c) => c.text);
}

function orderChangeList(
  before: Order,
  after: Order,
  w: PlanWording,
): { kind: ChangeKind; text: string }[] {
  const out: { kind: ChangeKind; text: string }[] = [];
  for (const k of COMPARED) {
    const a = before[k];
    const b = after[k];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    // A customer key only changes with the email; "customer changed" says nothing more useful.
    if (k === 'customerKey' && JSON.stringify(before.email) !== JSON.stringify(after.email))
      continue;
    const label = LABEL[k] ?? k;
    const text =
      k === 'customerKey'
        ? 'customer changed'
        : `${label} ${show(k, a, before, w)} → ${show(k, b, after, w)}`;
    out.push({ kind: kindOf(k), text });
  }
  return out;
}

/**
 * The record for an incoming order, written out field by field: spreading the incoming order
 * (`{ ...rest, id }`) took V8's slow path, over a second for a 75,000-order import.
 */
function toOrder(
  inc: IncomingOrder,
  id: string,
  createdAt: number,
  updatedAt: number,
  credit: Pick<Order, 'partnerId' | 'attribution'>,
): Order {
  return {
    id,
    createdAt,
    updatedAt,
    source: inc.source,
    orderId: inc.orderId,
    placedAt: inc.placedAt,
    placedAtMs: inc.placedAtMs,
    currency: inc.currency,
    subtotalCents: inc.subtotalCents,
    discountCents: inc.discountCents,
    shippingCents: inc.shippingCents,
    taxCents: inc.taxCents,
    totalCents: inc.totalCents,
    refundedCents: inc.refundedCents,
    status: inc.status,
    codes: inc.codes,
    discountLabels: inc.discountLabels,
    tags: inc.tags,
    note: inc.note,
    partnerId: credit.partnerId,
    attribution: credit.attribution,
    customerKey: inc.customerKey,
    email: inc.email,
    region: inc.region,
    fx: inc.fx,
  } satisfies Record<keyof Order, unknown>;
}

/**
 * Compare incoming orders with stored ones (by record id) and attribute them. Stored orders keep
 * their createdAt and any manual credit; only new or changed orders are written.
 */
export function buildImportPlan(input: {
  source: string;
  incoming: readonly IncomingOrder[];
  problems: readonly PlanProblem[];
  stored: ReadonlyMap<string, Order>;
  index: AttributionIndex;
  rule: Settings['multiCodeRule'];
  now: number;
  /** Notes on lines that are not errors (see ImportPlan.warnings). */
  warnings?: readonly PlanProblem[];
  /**
   * The file holds less than a stored order (Etsy's items file): stored orders are kept as they
   * are (counted as already imported), only orders not stored yet are added.
   */
  keepStored?: boolean;
  /** Partner names and locale for the change lists; names are also read from `index`. */
  wording?: PlanWording;
}): ImportPlan {
  const entries: PlanEntry[] = [];
  const toWrite: Order[] = [];
  const baseVersions: Record<string, number | null> = {};
  const counts = {
    new: 0,
    unchanged: 0,
    changed: 0,
    unattributed: 0,
    errors: input.problems.length,
    changedBy: { refund: 0, status: 0, partner: 0, amounts: 0, other: 0 },
  };
  const names = new Map<string, string>();
  for (const m of [input.index.byCode, input.index.bySlug])
    for (const p of m.values()) names.set(p.id, p.name);
  const wording: PlanWording = {
    locale: input.wording?.locale ?? PLAIN.locale,
    partnerName: (id) => input.wording?.partnerName(id) ?? names.get(id),
  };
  const seen = new Set<string>();
  const problems = [...input.problems];
  for (const inc of input.incoming) {
    const { line } = inc;
    const id = orderRecordId(inc.source, inc.orderId);
    if (seen.has(id)) {
      problems.push({
        line,
        orderId: inc.orderId,
        message: `Line ${line}: order ${inc.orderId} appears twice in the file`,
      });
      counts.errors += 1;
      continue;
    }
    seen.add(id);
    const before = input.stored.get(id) ?? null;
    if (before && input.keepStored) {
      counts.unchanged += 1;
      if (before.partnerId === null) counts.unattributed += 1;
      entries.push({ kind: 'unchanged', line, order: before, before, changes: [], review: null });
      continue;
    }
    const credit = creditFor(inc, before, input.index, input.rule);
    const candidate = toOrder(inc, id, before?.createdAt ?? input.now, input.now, credit);
    const list = before ? orderChangeList(before, candidate, wording) : [];
    const changes = list.map((c) => c.text);
    const kind: PlanKind = !before ? 'new' : changes.length > 0 ? 'changed' : 'unchanged';
    const order = kind === 'unchanged' ? before! : candidate;
    counts[kind] += 1;
    for (const k of new Set(list.map((c) => c.kind))) counts.changedBy[k] += 1;
    if (order.partnerId === null) counts.unattributed += 1;
    if (kind !== 'unchanged') {
      toWrite.push(order);
      baseVersions[id] = before ? before.updatedAt : null;
    }
    entries.push({ kind, line, order, before, changes, review: credit.review });
  }
  return {
    source: input.source,
    entries,
    problems,
    warnings: [...(input.warnings ?? [])],
    toWrite,
    baseVersions,
    counts,
  };
}

/** A capped list of plan entries and how many there are in all. */
export interface EntryList {
  total: number;
  entries: PlanEntry[];
}

/**
 * What the preview shows of a plan: the counts, and the first `limit` entries of each list. The
 * plan itself (up to 100,000 orders) stays where it was made, in the import worker.
 */
export interface PlanSummary {
  source: string;
  counts: ImportPlan['counts'];
  /** How many orders confirming writes. */
  toWrite: number;
  problems: { total: number; items: PlanProblem[] };
  warnings: { total: number; items: PlanProblem[] };
  /** How many of the file's orders are in each currency, most first. */
  currencies: { currency: string; orders: number }[];
  changed: EntryList;
  unattributed: EntryList;
  fresh: EntryList;
}

export function summarizePlan(plan: ImportPlan, limit: number): PlanSummary {
  const pick = (keep: (e: PlanEntry) => boolean): EntryList => {
    const entries: PlanEntry[] = [];
    let total = 0;
    for (const e of plan.entries)
      if (keep(e)) {
        total += 1;
        if (entries.length < limit) entries.push(e);
      }
    return { total, entries };
  };
  return {
    source: plan.source,
    counts: plan.counts,
    toWrite: plan.toWrite.length,
    problems: { total: plan.problems.length, items: plan.problems.slice(0, limit) },
    warnings: { total: plan.warnings.length, items: plan.warnings.slice(0, limit) },
    currencies: currencyCounts(plan.entries),
    changed: pick((e) => e.kind === 'changed'),
    unattributed: pick((e) => e.order.partnerId === null),
    fresh: pick((e) => e.kind === 'new'),
  };
}

function currencyCounts(entries: readonly PlanEntry[]): PlanSummary['currencies'] {
  const n = new Map<string, number>();
  for (const e of entries) n.set(e.order.currency, (n.get(e.order.currency) ?? 0) + 1);
  return [...n]
    .map(([currency, orders]) => ({ currency, orders }))
    .sort((a, b) => b.orders - a.orders || a.currency.localeCompare(b.currency));
}

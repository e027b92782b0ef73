/**
 * The partners repository. Every write validates first and then happens in ONE transaction, so a
 * refused save leaves nothing half-written; deletes hand back everything they removed for Undo.
 */
import {
  findCodeConflicts,
  PartnerKeys,
  referralSlugOf,
  splitList,
  validatePartnerDraft,
  withStatus,
  withTag,
} from '../domain/partners';
import { normalizeCode } from '../domain/ids';
import type { FieldErrors, PartnerDraft } from '../domain/partners';
import type {
  Bonus,
  BonusRule,
  Campaign,
  ContentItem,
  Contract,
  Order,
  Partner,
  PartnerStatus,
  Payout,
  Pet,
  Settings,
  Shipment,
} from '../domain/schemas';
import type { PawtnersDb } from './db';
import { readSettings, rowsWithAnyOf } from './repo';
import { newId } from './ids';
import { checkVersion } from './stale';

/** A save refused by validation; `errors` are keyed by field like the form's. */
export class PartnerValidationError extends Error {
  constructor(readonly errors: FieldErrors) {
    super(Object.values(errors)[0] ?? 'The partner is not valid');
    this.name = 'PartnerValidationError';
  }
}

export interface SaveOptions {
  /** Id of the partner being edited, or null to create one. */
  id: string | null;
  /** The partner's updatedAt when the form was opened: a save over a newer version is refused. */
  expectedUpdatedAt?: number;
  today: string;
  now?: number;
}

/**
 * Validate a draft against the stored data (codes and slugs of every other partner) and store the
 * partner with its whole contract history. Contracts no longer in the draft are removed.
 */
export async function savePartner(
  db: PawtnersDb,
  draft: PartnerDraft,
  opts: SaveOptions,
): Promise<Partner> {
  return (await savePartnerWithContracts(db, draft, opts)).partner;
}

/** savePartner, also handing back the contracts as stored. */
export async function savePartnerWithContracts(
  db: PawtnersDb,
  draft: PartnerDraft,
  opts: SaveOptions,
): Promise<{ partner: Partner; contracts: Contract[] }> {
  const now = opts.now ?? Date.now();
  return db.transaction('rw', [db.partners, db.contracts], async () => {
    const existing = opts.id ? ((await db.partners.get(opts.id)) ?? null) : null;
    if (opts.id && !existing) throw new Error('This partner no longer exists.');
    checkVersion('this partner', existing ?? undefined, opts.expectedUpdatedAt);
    // Only the partners that could clash: those holding one of the draft's codes (any case) or
    // its referral slug, through the codes and slug indexes (not all 2,000 partners per save).
    const codes = splitList(draft.codes).filter((c) => c !== '');
    // Codes match ignoring a leading @, so look both spellings up.
    const spellings = codes.flatMap((c) => [c.replace(/^@/, ''), `@${c.replace(/^@/, '')}`]);
    const slug = referralSlugOf(draft.referralSlug);
    const [byCode, bySlug] = await Promise.all([
      codes.length ? db.partners.where('codes').anyOfIgnoreCase(spellings).toArray() : [],
      slug
        ? db.partners
            .where('referralSlug')
            .anyOfIgnoreCase([slug, `@${slug}`])
            .toArray()
        : [],
    ]);
    const others = [...new Map([...byCode, ...bySlug].map((p) => [p.id, p])).values()];
    const r = validatePartnerDraft(draft, {
      existing,
      others,
      today: opts.today,
      now,
      newId,
    });
    if (!r.ok) throw new PartnerValidationError(r.errors);
    const keep = new Set(r.contracts.map((c) => c.id));
    const old = await db.contracts.where('partnerId').equals(r.partner.id).toArray();
    const oldById = new Map(old.map((c) => [c.id, c]));
    await db.contracts.bulkDelete(old.filter((c) => !keep.has(c.id)).map((c) => c.id));
    const contracts = r.contracts.map((c) => ({
      ...c,
      createdAt: oldById.get(c.id)?.createdAt ?? c.createdAt,
    }));
    await db.contracts.bulkPut(contracts);
    await db.partners.put(r.partner);
    return { partner: r.partner, contracts };
  });
}

/** Everything a delete removed or changed, exactly as it was, so Undo can put it back. */
export interface DeletedPartner {
  partner: Partner;
  contracts: Contract[];
  contentItems: ContentItem[];
  payouts: Payout[];
  bonuses: Bonus[];
  /** Orders credited to the partner, before they were un-credited. */
  orders: Order[];
  /** Campaigns the partner belonged to, before the partner was taken out. */
  campaigns: Campaign[];
  /** Their pets and gift shipments (absent in snapshots made before these existed). */
  pets?: Pet[];
  shipments?: Shipment[];
}

/** A partner's row and every table that holds rows of theirs (deleting one, and its Undo). */
function partnerAndTheirs(db: PawtnersDb) {
  return [
    db.partners,
    db.contracts,
    db.contentItems,
    db.payouts,
    db.orders,
    db.bonuses,
    db.campaigns,
    db.pets,
    db.shipments,
  ];
}

/**
 * Delete a partner with their contracts, content, payouts, bonuses, pets and gift shipments. Orders stay (they are the
 * shop's sales) but are no longer credited to anyone; campaigns drop the partner.
 */
export async function deletePartner(
  db: PawtnersDb,
  id: string,
  now = Date.now(),
): Promise<DeletedPartner> {
  const range = (table: 'orders' | 'contentItems' | 'payouts', index: string) =>
    db
      .table(table)
      .where(index)
      .between([id, -Infinity], [id, [[]]]);
  return db.transaction('rw', partnerAndTheirs(db), async () => {
    const partner = await db.partners.get(id);
    if (!partner) throw new Error('This partner no longer exists.');
    const snapshot: DeletedPartner = {
      partner,
      contracts: await db.contracts.where('partnerId').equals(id).toArray(),
      contentItems: (await range(
        'contentItems',
        '[partnerId+plannedDate]',
      ).toArray()) as ContentItem[],
      payouts: (await range('payouts', '[partnerId+paidDate]').toArray()) as Payout[],
      bonuses: await db.bonuses.where('partnerId').equals(id).toArray(),
      orders: (await range('orders', '[partnerId+placedAtMs]').toArray()) as Order[],
      campaigns: await db.campaigns.filter((c) => c.partnerIds.includes(id)).toArray(),
      pets: await db.pets.where('partnerId').equals(id).toArray(),
      shipments: await db.shipments.where('partnerId').equals(id).toArray(),
    };
    await db.pets.bulkDelete(snapshot.pets!.map((c) => c.id));
    await db.shipments.bulkDelete(snapshot.shipments!.map((c) => c.id));
    await db.contracts.bulkDelete(snapshot.contracts.map((c) => c.id));
    await db.contentItems.bulkDelete(snapshot.contentItems.map((c) => c.id));
    await db.payouts.bulkDelete(snapshot.payouts.map((c) => c.id));
    await db.bonuses.bulkDelete(snapshot.bonuses.map((c) => c.id));
    // The orders stay, credited to nobody; they changed, so their updatedAt moves too.
    await db.orders.bulkPut(
      snapshot.orders.map((o) => ({ ...o, partnerId: null, attribution: null, updatedAt: now })),
    );
    await db.campaigns.bulkPut(
      snapshot.campaigns.map((c) => ({
        ...c,
        partnerIds: c.partnerIds.filter((p) => p !== id),
        updatedAt: now,
      })),
    );
    await db.partners.delete(id);
    return snapshot;
  });
}

/**
 * Undo a delete: put every record back as it was. Refused when one of the partner's codes was
 * taken by someone else in the meantime (two partners must never share a code).
 */
export async function restorePartner(db: PawtnersDb, s: DeletedPartner): Promise<void> {
  await db.transaction('rw', partnerAndTheirs(db), async () => {
    const others = (await db.partners.toArray()).filter((p) => p.id !== s.partner.id);
    const clash = findCodeConflicts(s.partner.codes, others).find((c) => c.ownerName);
    if (clash)
      throw new Error(`Cannot undo: the code ${clash.code} now belongs to ${clash.ownerName}.`);
    await db.partners.put(s.partner);
    await db.contracts.bulkPut(s.contracts);
    await db.contentItems.bulkPut(s.contentItems);
    await db.payouts.bulkPut(s.payouts);
    await db.bonuses.bulkPut(s.bonuses);
    await db.pets.bulkPut(s.pets ?? []);
    await db.shipments.bulkPut(s.shipments ?? []);
    // Orders credited to someone else since the delete keep that credit.
    const now = await db.orders.bulkGet(s.orders.map((o) => o.id));
    await db.orders.bulkPut(s.orders.filter((_, i) => now[i] && now[i]!.partnerId === null));
    // Campaigns may have changed since: add the partner back rather than overwrite them.
    for (const c of s.campaigns) {
      const cur = await db.campaigns.get(c.id);
      if (cur && !cur.partnerIds.includes(s.partner.id))
        await db.campaigns.put({ ...cur, partnerIds: [...cur.partnerIds, s.partner.id] });
    }
  });
}

/** Archive (hide from the list, keep every record) or bring back. */
export async function setArchived(
  db: PawtnersDb,
  id: string,
  archived: boolean,
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.partners, async () => {
    const p = await db.partners.get(id);
    if (!p) throw new Error('This partner no longer exists.');
    await db.partners.put({ ...p, archived, updatedAt: now });
  });
}

async function bulkUpdate(
  db: PawtnersDb,
  ids: readonly string[],
  change: (p: Partner) => Partner,
): Promise<number> {
  return db.transaction('rw', db.partners, async () => {
    const found = (await db.partners.bulkGet([...ids])).filter((p): p is Partner => !!p);
    const changed = found.map((p) => [p, change(p)] as const).filter(([a, b]) => a !== b);
    await db.partners.bulkPut(changed.map(([, b]) => b));
    return changed.length;
  });
}

/** Move several partners to a status (recorded with today's date). Returns how many changed. */
export function bulkSetStatus(
  db: PawtnersDb,
  ids: readonly string[],
  status: PartnerStatus,
  today: string,
  now = Date.now(),
): Promise<number> {
  return bulkUpdate(db, ids, (p) => withStatus(p, status, today, now));
}

/** Add a tag to several partners. Returns how many changed. */
export function bulkAddTag(
  db: PawtnersDb,
  ids: readonly string[],
  tag: string,
  now = Date.now(),
): Promise<number> {
  if (!tag.trim() || tag.trim().length > 60) throw new Error('A tag needs 1 to 60 characters.');
  return bulkUpdate(db, ids, (p) => withTag(p, tag, now));
}

/** Partners and contracts to write from an import, already validated. */
export interface PartnerWrite {
  partner: Partner;
  contracts: Contract[];
}

/**
 * Write a confirmed import in one transaction. Codes are checked again against what is stored now,
 * in case something changed between the preview and the confirmation.
 */
export async function commitPartnerImport(
  db: PawtnersDb,
  writes: readonly PartnerWrite[],
  /** Save the file's column mapping in the same transaction (all or nothing). */
  remember?: (settings: Settings) => Settings,
): Promise<void> {
  await db.transaction('rw', [db.partners, db.contracts, db.settings], async () => {
    const ids = new Set(writes.map((w) => w.partner.id));
    // One index of every partner's codes (stored ones, replaced by the written versions), so
    // each write is checked in time that does not grow with the number of partners.
    const keys = new PartnerKeys((await db.partners.toArray()).filter((p) => !ids.has(p.id)));
    for (const w of writes) keys.put(w.partner);
    for (const w of writes) {
      const seen = new Set<string>();
      for (const code of w.partner.codes) {
        const n = normalizeCode(code);
        const owner = keys.codeOwner(n, w.partner.id);
        if (owner !== null || seen.has(n))
          throw new Error(
            `The code ${code} of ${w.partner.name} is already used${owner ? ` by ${owner}` : ''}. Nothing was imported.`,
          );
        seen.add(n);
      }
    }
    // Contracts no longer in the file go: one read of the written partners' contracts.
    const keep = new Set(writes.flatMap((w) => w.contracts.map((c) => c.id)));
    const old = await db.contracts
      .where('partnerId')
      .anyOf([...ids])
      .primaryKeys();
    await db.contracts.bulkDelete(old.filter((k) => !keep.has(k)));
    await db.partners.bulkPut(writes.map((w) => w.partner));
    await db.contracts.bulkPut(writes.flatMap((w) => w.contracts));
    if (remember) await db.settings.put(remember(await readSettings(db)));
  });
}

// ---------------------------------------------------------------------------------------------
// Reads

export function allPartners(db: PawtnersDb): Promise<Partner[]> {
  return db.partners.toArray();
}

export function getPartner(db: PawtnersDb, id: string): Promise<Partner | undefined> {
  return db.partners.get(id);
}

export function countPartners(db: PawtnersDb): Promise<number> {
  return db.partners.count();
}

export function contractsOfPartner(db: PawtnersDb, id: string): Promise<Contract[]> {
  return db.contracts.where('partnerId').equals(id).toArray();
}

export function allContracts(db: PawtnersDb): Promise<Contract[]> {
  return db.contracts.toArray();
}

export function bonusesOfPartner(db: PawtnersDb, id: string): Promise<Bonus[]> {
  return db.bonuses.where('partnerId').equals(id).toArray();
}

/** Every manual bonus (a small table), for figures over all partners. */
export function allBonuses(db: PawtnersDb): Promise<Bonus[]> {
  return db.bonuses.toArray();
}

/** The milestone bonus rules (a handful of records). */
export function allBonusRules(db: PawtnersDb): Promise<BonusRule[]> {
  return db.bonusRules.toArray();
}

/**
 * Every order of every customer who ever ordered through this partner (by the customerKey
 * index): what acquisitions and repeat purchases need, without reading all orders.
 */
export async function customerOrdersOfPartner(db: PawtnersDb, id: string): Promise<Order[]> {
  const own = await db.orders
    .where('[partnerId+placedAtMs]')
    .between([id, -Infinity], [id, Infinity], true, true)
    .toArray();
  const keys = [...new Set(own.flatMap((o) => (o.customerKey ? [o.customerKey] : [])))];
  return rowsWithAnyOf(db.orders, 'customerKey', keys);
}

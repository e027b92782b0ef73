/**
 * Codes and referral values nobody owns yet: reading them, giving a referral value to a partner
 * (crediting the uncredited orders that carry it), and marking a value as not a partner's
 * (remembered in the settings, listed there, can be un-marked).
 */
import {
  buildAttributionIndex,
  reattributionMoves,
  referralValues,
  unknownReferrals,
  type UnknownCode,
} from '../domain/attribution';
import { matchKey } from '../domain/ids';
import type { Order, Partner } from '../domain/schemas';
import type { PawtnersDb } from './db';
import { forEachOrder, writeOrders } from './orders';
import { writesDone } from './write-gate';
import { readSettings } from './repo';

/** Orders per read when looking for referral values. */
const REFERRAL_CHUNK = 1000;

/** Referral values on uncredited orders that no partner's slug, handle or mapped value matches. */
export async function readUnknownReferrals(
  db: PawtnersDb,
  partners: readonly Partner[],
  notPartner: readonly string[],
  stopped: () => boolean = () => false,
): Promise<UnknownCode[]> {
  const withReferral: Order[] = [];
  // Uncredited orders have no index (a null partner is not a key): every order is read, in
  // short chunks, each once no edit is waiting (a background read, never a live query).
  await forEachOrder(
    db,
    { partnerId: null, keep: (o) => o.note !== '' || o.tags.length > 0 },
    (rows) => {
      for (const o of rows) if (referralValues(o).length) withReferral.push(o);
    },
    REFERRAL_CHUNK,
    stopped,
    writesDone,
  );
  return unknownReferrals(withReferral, buildAttributionIndex(partners), notPartner);
}

const MAX_VALUE = 80;

function checkedValue(value: string, what: string): string {
  const v = value.trim().replace(/^@/, '');
  if (v === '') throw new Error(`The ${what} is empty.`);
  if (v.length > MAX_VALUE) throw new Error(`The ${what} is longer than ${MAX_VALUE} characters.`);
  return v;
}

/**
 * Give a referral value to a partner (as its referral slug when it has none, otherwise as a
 * further mapped value) and credit the uncredited orders that carry it, in one transaction.
 * Refused when another partner's slug, handle or mapped value already matches it.
 */
export async function mapReferralToPartner(
  db: PawtnersDb,
  value: string,
  partnerId: string,
  now = Date.now(),
): Promise<number> {
  const v = checkedValue(value, 'referral value');
  const k = matchKey(v);
  return db.transaction('rw', [db.partners, db.orders, db.settings], async () => {
    const partners = await db.partners.toArray();
    const partner = partners.find((p) => p.id === partnerId);
    if (!partner) throw new Error('That partner no longer exists.');
    const owner = buildAttributionIndex(partners).bySlug.get(k);
    if (owner && owner.id !== partnerId)
      throw new Error(`Referral value ${v} already belongs to ${owner.name}.`);
    const updated: Partner = owner
      ? partner
      : partner.referralSlug.trim() === ''
        ? { ...partner, referralSlug: v, updatedAt: now }
        : { ...partner, referralAliases: [...(partner.referralAliases ?? []), v], updatedAt: now };
    if (updated !== partner) await db.partners.put(updated);
    const settings = await readSettings(db);
    const index = buildAttributionIndex(partners.map((p) => (p.id === partnerId ? updated : p)));
    const carrying = await db.orders
      .filter((o) => o.partnerId === null && referralValues(o).some((r) => matchKey(r.value) === k))
      .toArray();
    const byId = new Map(carrying.map((o) => [o.id, o]));
    const credited: Order[] = reattributionMoves(carrying, index, settings.multiCodeRule).map(
      (m) => ({
        ...byId.get(m.orderId)!,
        partnerId: m.toId,
        attribution: m.attribution,
        updatedAt: now,
      }),
    );
    await writeOrders(db, credited);
    return credited.length;
  });
}

/**
 * Mark a code or referral value as not a partner's (a newsletter code, BLACKFRIDAY, google), or
 * un-mark it. Compared in any case, `@` ignored; the owner's spelling is kept.
 */
export async function setNotPartner(
  db: PawtnersDb,
  value: string,
  marked: boolean,
  now = Date.now(),
): Promise<void> {
  const v = checkedValue(value, 'code');
  await db.transaction('rw', db.settings, async () => {
    const s = await readSettings(db);
    const rest = (s.notPartnerKeys ?? []).filter((x) => matchKey(x) !== matchKey(v));
    const next = marked ? [...rest, v] : rest;
    if (next.length > 500) throw new Error('At most 500 codes can be marked as not a partner’s.');
    await db.settings.put({ ...s, notPartnerKeys: next, updatedAt: now });
  });
}

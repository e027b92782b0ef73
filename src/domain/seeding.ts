/**
 * Product seeding (gifting) and partners' pets: turning what the owner types into records, the
 * cost a gift shipment adds to a partner, allergy warnings and the follow-up list. Pure.
 *
 * Cost rule (docs/metrics.md, "perks and gifted product at cost"): a shipment counts on its ship
 * date once it has left (status sent, delivered or posted; "to send" counts nothing yet), at the
 * unit cost copied onto each line when it was added, plus its shipping. A size swap counts only its
 * shipping (the first item comes back to stock). The retail value is shown beside the cost, never
 * added to it.
 */
import { addDays, daysBetween } from './dates';
import type { GiftCost } from './earnings';
import { parseMoney } from './money';
import { splitList, type FieldErrors } from './partners';
import {
  PET_SIZES,
  PET_SPECIES,
  SHIPMENT_STATUSES,
  petSchema,
  productSchema,
  shipmentSchema,
  type Partner,
  type Pet,
  type PetSize,
  type PetSpecies,
  type Product,
  type Shipment,
  type ShipmentStatus,
} from './schemas';

export const SHIPMENT_STATUS_LABELS: Record<ShipmentStatus, string> = {
  'to-send': 'To send',
  sent: 'Sent',
  delivered: 'Delivered',
  posted: 'Posted about',
};

export const PET_SPECIES_LABELS: Record<PetSpecies, string> = {
  dog: 'Dog',
  cat: 'Cat',
  rabbit: 'Rabbit',
  bird: 'Bird',
  other: 'Other',
};

export const PET_SIZE_LABELS: Record<PetSize, string> = {
  '': 'Not given',
  toy: 'Toy',
  small: 'Small',
  medium: 'Medium',
  large: 'Large',
  giant: 'Giant',
};

export type { GiftCost };
export { giftCostsByPartner, shipmentCounts, shipmentValue } from './gifts';

/** Tags as stored: lower case, trimmed, no repeats. */
export function normalizeTags(text: string | readonly string[]): string[] {
  const list = typeof text === 'string' ? splitList(text, /[,;]+/) : text;
  return [...new Set(list.map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

const words = (t: string) =>
  t
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * Whether an allergy matches a product tag: the same words, or every word of the allergy in the
 * tag ("chicken" matches "chicken fat"; "grain" matches "grain"; "grain" does not match "grain-free"
 * because a free-from tag says the opposite).
 */
export function allergyMatches(allergy: string, tag: string): boolean {
  const a = words(allergy);
  const t = words(tag);
  if (a.length === 0 || t.includes('free')) return false;
  return a.every((w) => t.includes(w) || t.includes(`${w}s`) || t.includes(w.replace(/s$/, '')));
}

export interface AllergyWarning {
  pet: Pick<Pet, 'name' | 'species'>;
  product: Pick<Product, 'name'>;
  allergy: string;
}

/** Every (pet, product) pair where a product tag matches one of the pet's allergies. */
export function allergyWarnings(
  products: readonly Pick<Product, 'name' | 'tags'>[],
  pets: readonly Pick<Pet, 'name' | 'species' | 'allergies'>[],
): AllergyWarning[] {
  const out: AllergyWarning[] = [];
  for (const pet of pets)
    for (const product of products) {
      const allergy = pet.allergies.find((a) => product.tags.some((t) => allergyMatches(a, t)));
      if (allergy) out.push({ pet, product, allergy });
    }
  return out;
}

/** A partner who got product and has not posted about it yet. */
export interface FollowUp {
  partnerId: string;
  shipmentId: string;
  shipDate: string;
  /** Days since the ship date. */
  days: number;
}

/**
 * Shipments that left at least `days` days before `today` and are still not marked posted about
 * (size swaps left out: the post is owed for the first shipment). One row per partner: the oldest.
 */
export function followUps(
  shipments: readonly Pick<Shipment, 'id' | 'partnerId' | 'date' | 'status' | 'swapOf'>[],
  today: string,
  days: number,
): FollowUp[] {
  const due = addDays(today, -days);
  const byPartner = new Map<string, FollowUp>();
  for (const s of shipments) {
    if (s.status !== 'sent' && s.status !== 'delivered') continue;
    if (s.swapOf !== null || s.date > due) continue;
    const prev = byPartner.get(s.partnerId);
    if (prev && prev.shipDate <= s.date) continue;
    byPartner.set(s.partnerId, {
      partnerId: s.partnerId,
      shipmentId: s.id,
      shipDate: s.date,
      days: daysBetween(s.date, today),
    });
  }
  return [...byPartner.values()].sort((a, b) => b.days - a.days);
}

// ---------------------------------------------------------------------------------------------
// Forms: what the owner typed, checked field by field; a record only when everything is right.

const stamp = (id: string, createdAt: number, now: number) => ({ id, createdAt, updatedAt: now });

type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** A money field: required, not negative, whole cents. */
function money(text: string, label: string, errors: FieldErrors, key: string): number {
  const v = parseMoney(text.trim() === '' ? '0' : text);
  if (v === null) errors[key] = `${label} is not an amount (for example 4.50).`;
  else if (v < 0) errors[key] = `${label} must not be negative.`;
  return v ?? 0;
}

export interface ProductDraft {
  name: string;
  sku: string;
  unitCost: string;
  retail: string;
  tags: string;
}

export function productFromDraft(
  d: ProductDraft,
  rec: { id: string; createdAt: number; now: number; archived?: boolean },
): Result<Product> {
  const errors: FieldErrors = {};
  if (d.name.trim() === '') errors.name = 'Name is required.';
  const unitCostCents = money(d.unitCost, 'Unit cost', errors, 'unitCost');
  const retailCents = money(d.retail, 'Retail price', errors, 'retail');
  if (Object.keys(errors).length) return { ok: false, errors };
  const parsed = productSchema.safeParse({
    ...stamp(rec.id, rec.createdAt, rec.now),
    name: d.name.trim(),
    sku: d.sku.trim(),
    unitCostCents,
    retailCents,
    tags: normalizeTags(d.tags),
    archived: rec.archived ?? false,
  });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: { [String(parsed.error.issues[0]?.path[0])]: issueText(parsed.error) } };
}

const issueText = (e: { issues: { path: PropertyKey[]; message: string }[] }) =>
  `${e.issues[0]?.path.join(' ')} ${e.issues[0]?.message}`.trim();

export interface ShipmentLineDraft {
  productId: string;
  quantity: string;
  size: string;
}

export interface ShipmentDraft {
  partnerId: string;
  date: string;
  status: ShipmentStatus;
  lines: ShipmentLineDraft[];
  shipping: string;
  lot: string;
  bestBefore: string;
  swapOf: string | null;
  note: string;
}

export interface ShipmentContext {
  id: string;
  createdAt: number;
  now: number;
  partner: Pick<Partner, 'id' | 'name' | 'status'> | undefined;
  products: ReadonlyMap<string, Product>;
  /** The stored shipment being edited (its lines keep the cost they were sent at). */
  existing: Shipment | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Check a shipment form; every problem names its field. Nothing is built unless all pass. */
export function shipmentFromDraft(d: ShipmentDraft, ctx: ShipmentContext): Result<Shipment> {
  const errors: FieldErrors = {};
  if (!ctx.partner) errors.partnerId = 'Choose the partner this goes to.';
  else if (ctx.partner.status === 'ended' && !ctx.existing)
    errors.partnerId = `${ctx.partner.name}'s partnership has ended: reopen it before sending product.`;
  if (!DATE.test(d.date)) errors.date = 'Ship date must be a date like 2026-03-01.';
  if (!SHIPMENT_STATUSES.includes(d.status)) errors.status = 'Choose a status.';
  const shippingCents = money(d.shipping, 'Shipping cost', errors, 'shipping');
  const bestBefore = d.bestBefore.trim() === '' ? null : d.bestBefore.trim();
  if (bestBefore !== null && !DATE.test(bestBefore))
    errors.bestBefore = 'Best-before date must be a date like 2026-06-30.';
  else if (bestBefore !== null && DATE.test(d.date) && bestBefore < d.date)
    errors.bestBefore = `Best-before date (${bestBefore}) is before the ship date (${d.date}).`;
  if (d.lines.length === 0) errors.lines = 'Add at least one product.';
  const items = d.lines.map((line, i) => {
    const p = ctx.products.get(line.productId);
    const label = p ? `Quantity of ${p.name}` : `Quantity on line ${i + 1}`;
    if (!p) errors[`lines.${i}.productId`] = `Choose a product on line ${i + 1}.`;
    const q = line.quantity.trim();
    const quantity = /^-?\d+$/.test(q) ? Number(q) : NaN;
    if (!Number.isInteger(quantity))
      errors[`lines.${i}.quantity`] = `${label} must be a whole number.`;
    else if (quantity < 1) errors[`lines.${i}.quantity`] = `${label} must be at least 1.`;
    const before = ctx.existing?.items.find((it) => it.productId === line.productId);
    return {
      productId: line.productId,
      name: before?.name ?? p?.name ?? '',
      sku: before?.sku ?? p?.sku ?? '',
      quantity,
      unitCostCents: before?.unitCostCents ?? p?.unitCostCents ?? 0,
      retailCents: before?.retailCents ?? p?.retailCents ?? 0,
      size: line.size.trim(),
    };
  });
  if (Object.keys(errors).length) return { ok: false, errors };
  const parsed = shipmentSchema.safeParse({
    ...stamp(ctx.id, ctx.createdAt, ctx.now),
    partnerId: d.partnerId,
    date: d.date,
    status: d.status,
    items,
    shippingCents,
    lot: d.lot.trim(),
    bestBefore,
    swapOf: d.swapOf,
    note: d.note,
  });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: { form: `This shipment is not valid: ${issueText(parsed.error)}.` } };
}

export interface PetDraft {
  name: string;
  species: PetSpecies;
  breed: string;
  size: PetSize;
  age: string;
  allergies: string;
  dietNotes: string;
}

export function petFromDraft(
  d: PetDraft,
  rec: { id: string; createdAt: number; now: number; partnerId: string },
): Result<Pet> {
  const errors: FieldErrors = {};
  if (d.name.trim() === '') errors.name = "Pet's name is required.";
  if (!PET_SPECIES.includes(d.species)) errors.species = 'Choose a species.';
  if (!PET_SIZES.includes(d.size)) errors.size = 'Choose a size.';
  const ageText = d.age.trim().replace(',', '.');
  const ageYears = ageText === '' ? null : Number(ageText);
  if (ageYears !== null && (!Number.isFinite(ageYears) || !/^-?\d+(\.\d+)?$/.test(ageText)))
    errors.age = 'Age must be a number of years (0.5 for six months).';
  else if (ageYears !== null && ageYears < 0) errors.age = 'Age must not be negative.';
  else if (ageYears !== null && ageYears > 40) errors.age = 'Age must be at most 40 years.';
  if (Object.keys(errors).length) return { ok: false, errors };
  const parsed = petSchema.safeParse({
    ...stamp(rec.id, rec.createdAt, rec.now),
    partnerId: rec.partnerId,
    name: d.name.trim(),
    species: d.species,
    breed: d.breed.trim(),
    size: d.size,
    ageYears,
    allergies: normalizeTags(d.allergies),
    dietNotes: d.dietNotes.trim(),
  });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: { form: `This pet is not valid: ${issueText(parsed.error)}.` } };
}

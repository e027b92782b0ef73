/**
 * Product seeding and pets: products, gift shipments to partners and partners' pets. Every write
 * is checked first (src/domain/seeding.ts) and happens in one transaction: a refused save leaves
 * nothing behind. Deletes go through the deletions middleware like every synced table.
 */
import type { FieldErrors } from '../domain/partners';
import {
  petFromDraft,
  productFromDraft,
  shipmentFromDraft,
  type PetDraft,
  type ProductDraft,
  type ShipmentDraft,
} from '../domain/seeding';
import type { Pet, Product, Shipment } from '../domain/schemas';
import type { PawtnersDb } from './db';
import { newId } from './ids';

/** A save refused by validation; `errors` are keyed by field like the form's. */
export class SeedingValidationError extends Error {
  constructor(readonly errors: FieldErrors) {
    super(Object.values(errors)[0] ?? 'Not valid');
    this.name = 'SeedingValidationError';
  }
}

// ---- products ---------------------------------------------------------------------------------

export function allProducts(db: PawtnersDb): Promise<Product[]> {
  return db.products.toArray().then((ps) => ps.sort((a, b) => a.name.localeCompare(b.name)));
}

/** Create (id null) or update a product. */
export async function saveProduct(
  db: PawtnersDb,
  id: string | null,
  draft: ProductDraft,
  now = Date.now(),
): Promise<Product> {
  return db.transaction('rw', db.products, async () => {
    const before = id ? await db.products.get(id) : undefined;
    if (id && !before) throw new Error('This product no longer exists.');
    const r = productFromDraft(draft, {
      id: before?.id ?? newId(),
      createdAt: before?.createdAt ?? now,
      now,
      archived: before?.archived,
    });
    if (!r.ok) throw new SeedingValidationError(r.errors);
    await db.products.put(r.value);
    return r.value;
  });
}

export async function deleteProduct(db: PawtnersDb, id: string): Promise<void> {
  await db.products.delete(id);
}

/** A product as a file gives it, amounts already in cents. */
export interface ProductRow {
  name: string;
  sku: string;
  unitCostCents: number;
  retailCents: number;
  tags: readonly string[];
}

/**
 * Add imported products, all or none: a product whose SKU is already stored is updated (name,
 * cost, price, tags), the others are added. Returns how many were added and updated.
 */
export async function importProducts(
  db: PawtnersDb,
  rows: readonly ProductRow[],
  now = Date.now(),
): Promise<{ added: number; updated: number }> {
  return db.transaction('rw', db.products, async () => {
    const stored = await db.products.toArray();
    const bySku = new Map(stored.filter((p) => p.sku).map((p) => [p.sku.toLowerCase(), p]));
    const out: Product[] = [];
    let updated = 0;
    for (const [i, row] of rows.entries()) {
      const before = row.sku ? bySku.get(row.sku.toLowerCase()) : undefined;
      if (before) updated += 1;
      const r = productFromDraft(
        {
          name: row.name,
          sku: row.sku,
          unitCost: (row.unitCostCents / 100).toFixed(2),
          retail: (row.retailCents / 100).toFixed(2),
          tags: row.tags.join(', '),
        },
        {
          id: before?.id ?? newId(),
          createdAt: before?.createdAt ?? now,
          now,
          archived: before?.archived,
        },
      );
      if (!r.ok) throw new Error(`Product ${i + 1} (${row.name}): ${Object.values(r.errors)[0]}`);
      out.push(r.value);
      if (row.sku) bySku.set(row.sku.toLowerCase(), r.value);
    }
    await db.products.bulkPut(out);
    return { added: out.length - updated, updated };
  });
}

// ---- shipments --------------------------------------------------------------------------------

export function allShipments(db: PawtnersDb): Promise<Shipment[]> {
  return db.shipments.orderBy('date').reverse().toArray();
}

export function shipmentsOfPartner(db: PawtnersDb, partnerId: string): Promise<Shipment[]> {
  return db.shipments
    .where('partnerId')
    .equals(partnerId)
    .toArray()
    .then((s) => s.sort((a, b) => b.date.localeCompare(a.date)));
}

/**
 * Create (id null) or update a shipment. Checked against the partner (an ended partnership takes
 * no new shipment) and the products as they are stored, inside the transaction that writes it.
 */
export async function saveShipment(
  db: PawtnersDb,
  id: string | null,
  draft: ShipmentDraft,
  now = Date.now(),
): Promise<Shipment> {
  return db.transaction('rw', [db.shipments, db.partners, db.products], async () => {
    const existing = id ? ((await db.shipments.get(id)) ?? null) : null;
    if (id && !existing) throw new Error('This shipment no longer exists.');
    const partner = draft.partnerId ? await db.partners.get(draft.partnerId) : undefined;
    const ids = [...new Set(draft.lines.map((l) => l.productId).filter(Boolean))];
    const found = await db.products.bulkGet(ids);
    const products = new Map(found.filter((p) => p !== undefined).map((p) => [p.id, p]));
    const r = shipmentFromDraft(draft, {
      id: existing?.id ?? newId(),
      createdAt: existing?.createdAt ?? now,
      now,
      partner,
      products,
      existing,
    });
    if (!r.ok) throw new SeedingValidationError(r.errors);
    await db.shipments.put(r.value);
    return r.value;
  });
}

/** Move a shipment along (sent, delivered, posted about). */
export async function setShipmentStatus(
  db: PawtnersDb,
  id: string,
  status: Shipment['status'],
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.shipments, async () => {
    const s = await db.shipments.get(id);
    if (!s) throw new Error('This shipment no longer exists.');
    await db.shipments.put({ ...s, status, updatedAt: now });
  });
}

export async function deleteShipment(db: PawtnersDb, id: string): Promise<void> {
  await db.shipments.delete(id);
}

// ---- pets -------------------------------------------------------------------------------------

export function allPets(db: PawtnersDb): Promise<Pet[]> {
  return db.pets.toArray();
}

export function petsOfPartner(db: PawtnersDb, partnerId: string): Promise<Pet[]> {
  return db.pets
    .where('partnerId')
    .equals(partnerId)
    .toArray()
    .then((ps) => ps.sort((a, b) => a.name.localeCompare(b.name)));
}

/** Create (id null) or update one of a partner's pets. */
export async function savePet(
  db: PawtnersDb,
  partnerId: string,
  id: string | null,
  draft: PetDraft,
  now = Date.now(),
): Promise<Pet> {
  return db.transaction('rw', [db.pets, db.partners], async () => {
    if (!(await db.partners.get(partnerId))) throw new Error('This partner no longer exists.');
    const before = id ? await db.pets.get(id) : undefined;
    if (id && !before) throw new Error('This pet is no longer stored.');
    const r = petFromDraft(draft, {
      id: before?.id ?? newId(),
      createdAt: before?.createdAt ?? now,
      now,
      partnerId,
    });
    if (!r.ok) throw new SeedingValidationError(r.errors);
    await db.pets.put(r.value);
    return r.value;
  });
}

export async function deletePet(db: PawtnersDb, id: string): Promise<void> {
  await db.pets.delete(id);
}

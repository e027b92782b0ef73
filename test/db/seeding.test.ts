/**
 * Products, gift shipments and pets in the database: the upgrade from version 5, refused saves
 * that write nothing, deletions recorded, a partner's delete and undo, and backups carrying them.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyImport } from '../../src/db/backup';
import { PawtnersDb, SCHEMA_V1, SCHEMA_V5, SCHEMA_V6 } from '../../src/db/db';
import { deletePartner, restorePartner } from '../../src/db/partners';
import { replaceAllData } from '../../src/db/repo';
import {
  deletePet,
  deleteShipment,
  importProducts,
  petsOfPartner,
  saveProduct,
  savePet,
  saveShipment,
  SeedingValidationError,
  shipmentsOfPartner,
} from '../../src/db/seeding';
import { generateSampleData } from '../../src/domain/sample-data';
import type { ShipmentDraft } from '../../src/domain/seeding';
import { exportBackupText, importBackupText } from '../../src/features/settings/backup-file';
import { parseBackup } from '../../src/io/backup';
import { dump, sorted } from './backup-helpers';

vi.setConfig({ testTimeout: 60_000 });

const NOW = Date.UTC(2026, 2, 15, 12);
const sample = generateSampleData('2026-03-15', NOW);
let db: PawtnersDb;
let name = '';
let n = 0;
beforeEach(async () => {
  name = `test-seeding-${n++}`;
  db = new PawtnersDb(name);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const draft = (over: Partial<ShipmentDraft> = {}): ShipmentDraft => ({
  partnerId: 'p-001',
  date: '2026-03-10',
  status: 'sent',
  lines: [{ productId: 'prd-jerky', quantity: '2', size: '' }],
  shipping: '6.50',
  lot: '',
  bestBefore: '',
  swapOf: null,
  note: '',
  ...over,
});

async function refusal(p: Promise<unknown>): Promise<Record<string, string>> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SeedingValidationError);
  return (e as SeedingValidationError).errors;
}

describe('upgrade from version 6', () => {
  it('keeps every row and adds empty products, shipments and pets tables', async () => {
    db.close();
    await Dexie.delete(name);
    const v6 = new Dexie(name);
    v6.version(1).stores(SCHEMA_V1);
    v6.version(2).stores({ partnerStats: 'partnerId' });
    v6.version(5).stores(SCHEMA_V5);
    v6.version(6).stores(SCHEMA_V6);
    await v6.open();
    const old = generateSampleData('2026-03-15', NOW);
    await v6.transaction('rw', v6.tables, async () => {
      for (const t of ['settings', 'partners', 'contracts', 'orders', 'contentItems', 'payouts'])
        await v6.table(t).bulkPut(old[t as 'partners']);
    });
    v6.close();
    db = new PawtnersDb(name);
    await db.open();
    expect(db.verno).toBe(11);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(await db.partners.toArray()).toEqual([...old.partners].sort(byId));
    expect(await db.orders.count()).toBe(old.orders.length);
    expect(await db.contentItems.count()).toBe(old.contentItems.length);
    expect(await db.products.count()).toBe(0);
    expect(await db.shipments.count()).toBe(0);
    expect(await db.pets.count()).toBe(0);
    await db.pets.put(old.pets[0]!);
    expect(await db.pets.where('partnerId').equals(old.pets[0]!.partnerId).count()).toBe(1);
  });
});

describe('shipments', () => {
  beforeEach(() => replaceAllData(db, sample));

  it('saves a shipment with each line at the unit cost of its product', async () => {
    const s = await saveShipment(db, null, draft(), NOW);
    expect(s.items).toEqual([
      {
        productId: 'prd-jerky',
        name: 'Chicken Jerky Bites 200 g',
        sku: 'BTC-JRK-200',
        quantity: 2,
        unitCostCents: 420,
        retailCents: 1499,
        size: '',
      },
    ]);
    expect(s.shippingCents).toBe(650);
    // A later price change leaves what was sent alone.
    await saveProduct(
      db,
      'prd-jerky',
      {
        name: 'Chicken Jerky Bites 200 g',
        sku: 'BTC-JRK-200',
        unitCost: '5',
        retail: '16',
        tags: 'chicken',
      },
      NOW + 1,
    );
    const again = await saveShipment(db, s.id, draft({ status: 'delivered' }), NOW + 2);
    expect(again.items[0]!.unitCostCents).toBe(420);
    expect(again.createdAt).toBe(NOW);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await db.shipments.count();
    const q = await refusal(
      saveShipment(
        db,
        null,
        draft({ lines: [{ productId: 'prd-jerky', quantity: '-2', size: '' }] }),
      ),
    );
    expect(q['lines.0.quantity']).toBe('Quantity of Chicken Jerky Bites 200 g must be at least 1.');
    expect((await refusal(saveShipment(db, null, draft({ shipping: '-4.00' })))).shipping).toBe(
      'Shipping cost must not be negative.',
    );
    expect(
      (
        await refusal(
          saveShipment(db, null, draft({ date: '2026-03-10', bestBefore: '2026-03-01' })),
        )
      ).bestBefore,
    ).toBe('Best-before date (2026-03-01) is before the ship date (2026-03-10).');
    // p-013 (Olivia Hart) has ended in the sample brand.
    expect(sample.partners.find((p) => p.id === 'p-013')!.status).toBe('ended');
    expect(
      (await refusal(saveShipment(db, null, draft({ partnerId: 'p-013' })))).partnerId,
    ).toMatch(/Olivia Hart's partnership has ended/);
    expect(await db.shipments.count()).toBe(before);
  });

  it('records a deletion, so a Merge carries it', async () => {
    const s = await saveShipment(db, null, draft(), NOW);
    await deleteShipment(db, s.id);
    expect(await db.deletions.get(`shipments/${s.id}`)).toMatchObject({ rowId: s.id });
  });
});

describe('pets and products', () => {
  beforeEach(() => replaceAllData(db, sample));

  it('saves a pet and refuses a negative age', async () => {
    const pet = await savePet(
      db,
      'p-010',
      null,
      {
        name: 'Juniper',
        species: 'dog',
        breed: 'Beagle',
        size: 'medium',
        age: '2.5',
        allergies: 'Chicken, beef',
        dietNotes: '',
      },
      NOW,
    );
    expect(pet.allergies).toEqual(['chicken', 'beef']);
    expect(pet.ageYears).toBe(2.5);
    const errors = await refusal(savePet(db, 'p-010', null, { ...pet, age: '-1', allergies: '' }));
    expect(errors.age).toBe('Age must not be negative.');
    expect((await petsOfPartner(db, 'p-010')).map((p) => p.name)).toEqual(['Juniper']);
    await deletePet(db, pet.id);
    expect(await db.deletions.get(`pets/${pet.id}`)).toBeDefined();
  });

  it('imports products all or none, updating those whose SKU is stored', async () => {
    const r = await importProducts(
      db,
      [
        {
          name: 'Chicken Jerky Bites 200 g',
          sku: 'btc-jrk-200',
          unitCostCents: 450,
          retailCents: 1599,
          tags: ['chicken'],
        },
        {
          name: 'Duck Neck Chews',
          sku: 'BTC-DCK',
          unitCostCents: 300,
          retailCents: 1099,
          tags: ['duck'],
        },
      ],
      NOW,
    );
    expect(r).toEqual({ added: 1, updated: 1 });
    expect((await db.products.get('prd-jerky'))!.unitCostCents).toBe(450);
    const count = await db.products.count();
    await expect(
      importProducts(db, [
        { name: 'Good', sku: 'G-1', unitCostCents: 1, retailCents: 2, tags: [] },
        { name: '', sku: 'G-2', unitCostCents: 1, retailCents: 2, tags: [] },
      ]),
    ).rejects.toThrow(/Product 2/);
    expect(await db.products.count()).toBe(count);
  });
});

describe('partner delete', () => {
  beforeEach(() => replaceAllData(db, sample));

  it('takes their pets and shipments along, and Undo puts them back', async () => {
    const pets = await petsOfPartner(db, 'p-002');
    const shipments = await shipmentsOfPartner(db, 'p-002');
    expect(pets.length).toBeGreaterThan(0);
    expect(shipments.length).toBeGreaterThan(0);
    const snap = await deletePartner(db, 'p-002', NOW);
    expect(await petsOfPartner(db, 'p-002')).toEqual([]);
    expect(await shipmentsOfPartner(db, 'p-002')).toEqual([]);
    // The backup of what is left still checks (nothing points at the deleted partner).
    const text = await exportBackupText(db, { appVersion: '0.1.0', now: NOW });
    expect(parseBackup(text).ok).toBe(true);
    await restorePartner(db, snap);
    expect(await petsOfPartner(db, 'p-002')).toEqual(pets);
    expect(await shipmentsOfPartner(db, 'p-002')).toEqual(shipments);
  });
});

describe('backups', () => {
  it('round-trip products, shipments and pets (Replace), and Merge brings new ones', async () => {
    await replaceAllData(db, sample);
    await saveShipment(db, null, draft(), NOW);
    const text = await exportBackupText(db, { appVersion: '0.1.0', now: NOW });
    const r = parseBackup(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.backup.meta.counts.products).toBe(sample.products.length);
    expect(r.backup.meta.counts.shipments).toBe(sample.shipments.length + 1);
    expect(r.backup.meta.counts.pets).toBe(sample.pets.length);
    const before = await dump(db);
    expect(sorted(r.backup.data)).toEqual(before);

    const other = `${name}-other`;
    const db2 = new PawtnersDb(other);
    await db2.open();
    try {
      await importBackupText(db2, text, 'replace', { now: NOW, reason: 't' });
      expect(await dump(db2)).toEqual(before);
      // Merge into a brand that has the sample but not the new shipment: it arrives.
      await replaceAllData(db2, sample);
      await applyImport(db2, r.backup.data, 'merge', { now: NOW + 1, reason: 't' });
      expect((await dump(db2)).shipments).toEqual(before.shipments);
    } finally {
      db2.close();
      await Dexie.delete(other);
    }
  });
});

/**
 * The sample brand's product seeding: a few products, pets on some partners (one dog allergic to
 * chicken) and gift shipments in every state, one of them overdue for a follow-up. Fixed, no
 * randomness: dates count back from `today`.
 */
import { addDays } from './dates';
import type { Partner, Pet, Product, Shipment, ShipmentItem } from './schemas';

interface Stamp {
  createdAt: number;
  updatedAt: number;
}

const PRODUCTS: [
  id: string,
  name: string,
  sku: string,
  cost: number,
  retail: number,
  tags: string[],
][] = [
  ['prd-jerky', 'Chicken Jerky Bites 200 g', 'BTC-JRK-200', 420, 1499, ['chicken']],
  ['prd-salmon', 'Salmon Skin Rolls', 'BTC-SAL-150', 510, 1699, ['fish', 'salmon', 'grain-free']],
  ['prd-liver', 'Beef Liver Crunch', 'BTC-BLC-120', 380, 1299, ['beef']],
  ['prd-pumpkin', 'Pumpkin Oat Biscuits', 'BTC-PMP-300', 260, 999, ['pumpkin', 'oat', 'grain']],
  ['prd-harness', 'Trail No-Pull Harness', 'BTC-HRN', 1150, 3900, []],
  ['prd-catnip', 'Catnip Kicker Toy', 'BTC-CAT-KCK', 190, 899, ['catnip']],
];

const PETS: [
  partner: string,
  name: string,
  species: Pet['species'],
  breed: string,
  size: Pet['size'],
  age: number | null,
  allergies: string[],
  diet: string,
][] = [
  ['p-001', 'Biscuit', 'dog', 'Golden Retriever', 'large', 4, [], ''],
  [
    'p-002',
    'Pepper',
    'dog',
    'Border Collie',
    'medium',
    3,
    ['chicken'],
    'Chicken allergy: fish or beef treats only',
  ],
  ['p-003', 'Mochi', 'dog', 'Shiba Inu', 'medium', 6, [], ''],
  ['p-003', 'Tofu', 'dog', 'Shiba Inu', 'medium', 1.5, ['grain'], 'Grain-free diet'],
  ['p-004', 'Luna', 'cat', 'Maine Coon', 'large', 5, [], ''],
  ['p-005', 'Olive', 'cat', 'Domestic shorthair', 'small', 2, ['fish'], ''],
  ['p-006', 'Rocket', 'dog', 'Vizsla', 'large', 2, [], 'Raw-fed'],
  ['p-007', 'Clover', 'rabbit', 'Holland Lop', 'small', 1, [], 'Hay and greens'],
];

const item = (p: Product, quantity: number, size = ''): ShipmentItem => ({
  productId: p.id,
  name: p.name,
  sku: p.sku,
  quantity,
  unitCostCents: p.unitCostCents,
  retailCents: p.retailCents,
  size,
});

export function makeSeeding(
  today: string,
  partners: readonly Partner[],
  stamp: Stamp,
): { products: Product[]; pets: Pet[]; shipments: Shipment[] } {
  const products: Product[] = PRODUCTS.map(([id, name, sku, cost, retail, tags]) => ({
    ...stamp,
    id,
    name,
    sku,
    unitCostCents: cost,
    retailCents: retail,
    tags,
    archived: false,
  }));
  const ids = new Set(partners.map((p) => p.id));
  const pets: Pet[] = PETS.filter(([pid]) => ids.has(pid)).map(
    ([partnerId, name, species, breed, size, ageYears, allergies, dietNotes], i) => ({
      ...stamp,
      id: `pet-${i + 1}`,
      partnerId,
      name,
      species,
      breed,
      size,
      ageYears,
      allergies,
      dietNotes,
    }),
  );
  const [jerky, salmon, liver, pumpkin, harness, catnip] = products as [
    Product,
    Product,
    Product,
    Product,
    Product,
    Product,
  ];
  const ship = (
    n: number,
    partnerId: string,
    daysAgo: number,
    status: Shipment['status'],
    items: ShipmentItem[],
    shippingCents: number,
    extra: Partial<Shipment> = {},
  ): Shipment => ({
    ...stamp,
    id: `shp-${n}`,
    partnerId,
    date: addDays(today, -daysAgo),
    status,
    items,
    shippingCents,
    lot: '',
    bestBefore: null,
    swapOf: null,
    note: '',
    ...extra,
  });
  const shipments = [
    ship(1, 'p-001', 70, 'posted', [item(jerky, 2), item(harness, 1, 'L')], 895, {
      lot: 'L2411',
      bestBefore: addDays(today, 200),
    }),
    ship(2, 'p-001', 60, 'delivered', [item(harness, 1, 'XL')], 650, {
      swapOf: 'shp-1',
      note: 'Harness swapped from L to XL',
    }),
    ship(3, 'p-002', 45, 'posted', [item(salmon, 2), item(liver, 1)], 795),
    ship(4, 'p-003', 30, 'delivered', [item(salmon, 2), item(jerky, 1)], 795, {
      lot: 'P0925',
      bestBefore: addDays(today, 120),
    }),
    ship(5, 'p-004', 12, 'sent', [item(catnip, 3)], 495),
    ship(7, 'p-007', 40, 'delivered', [item(pumpkin, 2)], 595),
    ship(6, 'p-006', 2, 'to-send', [item(liver, 2), item(harness, 1, 'M')], 895),
  ].filter((s) => ids.has(s.partnerId));
  return { products, pets, shipments };
}

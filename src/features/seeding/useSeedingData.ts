import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { allPartners } from '../../db/partners';
import { allProducts, allShipments, petsOfPartner } from '../../db/seeding';
import type { Partner, Pet, Product, Shipment } from '../../domain/schemas';

export interface SeedingData {
  partners: Partner[];
  products: Product[];
  shipments: Shipment[];
}

/** Partners, products and shipments (small tables), live. Undefined while loading. */
export function useSeedingData(): SeedingData | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [partners, products, shipments] = await Promise.all([
      allPartners(db),
      allProducts(db),
      allShipments(db),
    ]);
    return { partners, products, shipments };
  }, []);
}

/** One partner's pets (for the allergy warning), live; [] without a partner. */
export function usePets(partnerId: string): Pet[] {
  return (
    useLiveQuery(() => (partnerId ? petsOfPartner(getDb(), partnerId) : []), [partnerId]) ?? []
  );
}

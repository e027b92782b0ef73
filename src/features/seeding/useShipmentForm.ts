import { useMemo, useState } from 'react';
import { getDb } from '../../db/db';
import { saveShipment, SeedingValidationError } from '../../db/seeding';
import { centsToDecimal } from '../../domain/money';
import { allergyWarnings, type ShipmentDraft } from '../../domain/seeding';
import type { Product, Shipment } from '../../domain/schemas';
import { useUi } from '../../store/ui';
import { usePets } from './useSeedingData';

export function draftOf(s: Shipment | null, partnerId: string, today: string): ShipmentDraft {
  if (!s)
    return {
      partnerId,
      date: today,
      status: 'to-send',
      lines: [{ productId: '', quantity: '1', size: '' }],
      shipping: '',
      lot: '',
      bestBefore: '',
      swapOf: null,
      note: '',
    };
  return {
    partnerId: s.partnerId,
    date: s.date,
    status: s.status,
    lines: s.items.map((it) => ({
      productId: it.productId,
      quantity: String(it.quantity),
      size: it.size,
    })),
    shipping: centsToDecimal(s.shippingCents),
    lot: s.lot,
    bestBefore: s.bestBefore ?? '',
    swapOf: s.swapOf,
    note: s.note,
  };
}

/** The shipment form's state, its allergy warnings and its save (all or nothing). */
export function useShipmentForm(
  shipment: Shipment | null,
  partnerId: string,
  today: string,
  products: readonly Product[],
  onSaved: () => void,
) {
  const [d, setD] = useState<ShipmentDraft>(() => draftOf(shipment, partnerId, today));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const showToast = useUi((s) => s.showToast);
  const pets = usePets(d.partnerId);
  const warnings = useMemo(() => {
    const chosen = products.filter((p) => d.lines.some((l) => l.productId === p.id));
    return allergyWarnings(chosen, pets);
  }, [products, pets, d.lines]);
  const setLine = (i: number, patch: Partial<ShipmentDraft['lines'][number]>) =>
    setD({ ...d, lines: d.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  const addLine = () =>
    setD({ ...d, lines: [...d.lines, { productId: '', quantity: '1', size: '' }] });
  const removeLine = (i: number) => setD({ ...d, lines: d.lines.filter((_, j) => j !== i) });
  const save = async () => {
    try {
      await saveShipment(getDb(), shipment?.id ?? null, d);
      showToast({ message: 'Shipment saved.', tone: 'success' });
      onSaved();
    } catch (e) {
      if (e instanceof SeedingValidationError) setErrors(e.errors);
      else setErrors({ form: e instanceof Error ? e.message : String(e) });
    }
  };
  return { d, setD, errors, warnings, setLine, addLine, removeLine, save };
}

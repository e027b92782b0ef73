import { InputField, SelectField } from '../../components/form';
import { Dialog, DialogButtons } from '../../components/ui';
import { PET_SPECIES_LABELS, SHIPMENT_STATUS_LABELS } from '../../domain/seeding';
import { SHIPMENT_STATUSES, type Partner, type Product, type Shipment } from '../../domain/schemas';
import { ShipmentLines } from './ShipmentLines';
import { useShipmentForm } from './useShipmentForm';

/**
 * Send product to a partner: who, when, what (quantities, sizes), shipping, lot and best-before.
 * Warns when a product's ingredient matches an allergy of one of the partner's pets.
 */
export function ShipmentDialog(props: {
  shipment: Shipment | null;
  partnerId: string;
  today: string;
  partners: readonly Partner[];
  products: readonly Product[];
  shipments: readonly Shipment[];
  onClose: () => void;
}) {
  const f = useShipmentForm(
    props.shipment,
    props.partnerId,
    props.today,
    props.products,
    props.onClose,
  );
  const { d, setD, errors } = f;
  const earlier = props.shipments.filter(
    (s) => s.partnerId === d.partnerId && s.id !== props.shipment?.id && s.swapOf === null,
  );
  const text = (k: 'date' | 'shipping' | 'lot' | 'bestBefore', label: string, hint?: string) => (
    <InputField
      id={`ship-${k}`}
      label={label}
      error={errors[k]}
      hint={hint}
      type={k === 'date' || k === 'bestBefore' ? 'date' : 'text'}
      inputMode={k === 'shipping' ? 'decimal' : undefined}
      value={d[k]}
      onChange={(v) => setD({ ...d, [k]: v })}
    />
  );
  return (
    <Dialog
      open
      wide
      title={props.shipment ? 'Edit shipment' : 'Send product'}
      onClose={props.onClose}
      footer={
        <DialogButtons
          onCancel={props.onClose}
          onConfirm={() => void f.save()}
          confirmLabel="Save shipment"
        />
      }
    >
      <ShipmentNotices errors={errors} warnings={f.warnings} />
      <div className="form-grid">
        <SelectField
          id="ship-partner"
          label="Partner"
          error={errors.partnerId}
          value={d.partnerId}
          empty="Choose a partner"
          options={props.partners.map((p) => ({
            value: p.id,
            label: p.status === 'ended' ? `${p.name} (ended)` : p.name,
          }))}
          onChange={(v) => setD({ ...d, partnerId: v, swapOf: null })}
        />
        {text('date', 'Ship date')}
        <SelectField
          id="ship-status"
          label="Status"
          error={errors.status}
          value={d.status}
          options={SHIPMENT_STATUSES.map((s) => ({ value: s, label: SHIPMENT_STATUS_LABELS[s] }))}
          onChange={(v) => setD({ ...d, status: v })}
        />
      </div>
      <ShipmentLines
        lines={d.lines}
        products={props.products}
        errors={errors}
        setLine={f.setLine}
        addLine={f.addLine}
        removeLine={f.removeLine}
      />
      <div className="form-grid">
        {text('shipping', 'Shipping cost', 'What you paid to send it, e.g. 8.95')}
        {text('lot', 'Lot number', 'Optional, for treats and food')}
        {text('bestBefore', 'Best before', 'Optional, for treats and food')}
        <SelectField
          id="ship-swap"
          label="Size swap of"
          hint="Replaces an item of an earlier shipment; only its shipping adds to the cost"
          value={d.swapOf ?? ''}
          empty="Not a swap"
          options={earlier.map((s) => ({
            value: s.id,
            label: `${s.date}: ${s.items.map((it) => it.name).join(', ')}`,
          }))}
          onChange={(v) => setD({ ...d, swapOf: v || null })}
        />
      </div>
      <InputField
        id="ship-note"
        label="Note"
        hint="Optional"
        value={d.note}
        onChange={(v) => setD({ ...d, note: v })}
      />
    </Dialog>
  );
}

/** Why nothing was saved, and allergy warnings for the partner's pets. */
function ShipmentNotices({
  errors,
  warnings,
}: {
  errors: Record<string, string | undefined>;
  warnings: ReturnType<typeof useShipmentForm>['warnings'];
}) {
  const marked = Object.keys(errors).length;
  return (
    <>
      {errors.form ? (
        <p role="alert" className="field-error">
          {errors.form}
        </p>
      ) : marked ? (
        <p className="field-error">
          Nothing was saved: fix the {marked === 1 ? 'field' : 'fields'} marked below.
        </p>
      ) : null}
      {warnings.length ? (
        <div role="alert" className="allergy-warning">
          <strong>Allergy warning</strong>
          <ul>
            {warnings.map((w) => (
              <li key={`${w.pet.name}-${w.product.name}`}>
                {w.pet.name} ({PET_SPECIES_LABELS[w.pet.species].toLowerCase()}) is allergic to{' '}
                {w.allergy}: {w.product.name} contains it.
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

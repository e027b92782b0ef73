import { useState } from 'react';
import { getDb } from '../../db/db';
import { saveProduct, SeedingValidationError } from '../../db/seeding';
import { centsToDecimal } from '../../domain/money';
import type { ProductDraft } from '../../domain/seeding';
import type { Product } from '../../domain/schemas';
import { Field } from '../../components/form';
import { Dialog, DialogButtons } from '../../components/ui';
import { useUi } from '../../store/ui';

const draftOf = (p: Product | null): ProductDraft =>
  p
    ? {
        name: p.name,
        sku: p.sku,
        unitCost: centsToDecimal(p.unitCostCents),
        retail: centsToDecimal(p.retailCents),
        tags: p.tags.join(', '),
      }
    : { name: '', sku: '', unitCost: '', retail: '', tags: '' };

/** Add or edit a product: name, SKU, unit cost, retail price, ingredient and allergen tags. */
export function ProductDialog(props: { product: Product | null; onClose: () => void }) {
  const [d, setD] = useState<ProductDraft>(() => draftOf(props.product));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const showToast = useUi((s) => s.showToast);
  const set = (k: keyof ProductDraft) => (e: { target: { value: string } }) =>
    setD({ ...d, [k]: e.target.value });
  const save = async () => {
    try {
      const p = await saveProduct(getDb(), props.product?.id ?? null, d);
      showToast({ message: `${p.name} saved.`, tone: 'success' });
      props.onClose();
    } catch (e) {
      if (e instanceof SeedingValidationError) setErrors(e.errors);
      else setErrors({ form: e instanceof Error ? e.message : String(e) });
    }
  };
  const input = (k: keyof ProductDraft, label: string, hint?: string, decimal = false) => (
    <Field id={`product-${k}`} label={label} error={errors[k]} hint={hint}>
      {(id, describedBy) => (
        <input
          id={id}
          value={d[k]}
          onChange={set(k)}
          aria-describedby={describedBy}
          aria-invalid={errors[k] ? true : undefined}
          inputMode={decimal ? 'decimal' : undefined}
        />
      )}
    </Field>
  );
  return (
    <Dialog
      open
      title={props.product ? `Edit ${props.product.name}` : 'Add a product'}
      onClose={props.onClose}
      footer={
        <DialogButtons
          onCancel={props.onClose}
          onConfirm={() => void save()}
          confirmLabel="Save product"
        />
      }
    >
      {errors.form ? (
        <p role="alert" className="field-error">
          {errors.form}
        </p>
      ) : null}
      <div className="form-grid">
        {input('name', 'Name')}
        {input('sku', 'SKU', 'Optional; matches the Shopify SKU on import')}
        {input('unitCost', 'Unit cost (what it costs you)', 'e.g. 4.20', true)}
        {input('retail', 'Retail price', 'e.g. 14.99', true)}
        {input('tags', 'Ingredients and allergens', 'Separated by commas: chicken, grain')}
      </div>
    </Dialog>
  );
}

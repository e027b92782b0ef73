import type { ShipmentDraft } from '../../domain/seeding';
import type { Product } from '../../domain/schemas';

/** The products of a shipment: one row per product with quantity and size. */
export function ShipmentLines(props: {
  lines: ShipmentDraft['lines'];
  products: readonly Product[];
  errors: Record<string, string>;
  setLine: (i: number, patch: Partial<ShipmentDraft['lines'][number]>) => void;
  addLine: () => void;
  removeLine: (i: number) => void;
}) {
  const { lines, products, errors } = props;
  return (
    <fieldset className="ship-lines">
      <legend>Products</legend>
      {errors.lines ? <p className="field-error">{errors.lines}</p> : null}
      {lines.map((l, i) => {
        const n = i + 1;
        const qErr = errors[`lines.${i}.quantity`];
        const pErr = errors[`lines.${i}.productId`];
        return (
          <div className="ship-line" key={i}>
            <label>
              <span>Product {n}</span>
              <select
                value={l.productId}
                aria-invalid={pErr ? true : undefined}
                onChange={(e) => props.setLine(i, { productId: e.target.value })}
              >
                <option value="">Choose a product</option>
                {products.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                    {p.sku ? ` (${p.sku})` : ''}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>Quantity {n}</span>
              <input
                inputMode="numeric"
                value={l.quantity}
                aria-invalid={qErr ? true : undefined}
                onChange={(e) => props.setLine(i, { quantity: e.target.value })}
              />
            </label>
            <label>
              <span>Size {n}</span>
              <input
                value={l.size}
                placeholder="Harness, apparel"
                onChange={(e) => props.setLine(i, { size: e.target.value })}
              />
            </label>
            {lines.length > 1 ? (
              <button
                type="button"
                className="btn btn-small"
                aria-label={`Remove product ${n}`}
                onClick={() => props.removeLine(i)}
              >
                Remove
              </button>
            ) : null}
            {pErr || qErr ? <p className="field-error ship-line-error">{pErr ?? qErr}</p> : null}
          </div>
        );
      })}
      <button type="button" className="btn btn-small" onClick={props.addLine}>
        Add another product
      </button>
    </fieldset>
  );
}

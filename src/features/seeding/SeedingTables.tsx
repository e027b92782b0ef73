import { getDb } from '../../db/db';
import { deleteProduct, deleteShipment, setShipmentStatus } from '../../db/seeding';
import { href } from '../../navigation/router';
import { SHIPMENT_STATUS_LABELS, shipmentValue } from '../../domain/seeding';
import { SHIPMENT_STATUSES, type Partner, type Product, type Shipment } from '../../domain/schemas';

type Money = (cents: number) => string;

const itemsText = (s: Shipment) =>
  s.items.map((it) => `${it.quantity} × ${it.name}${it.size ? ` (${it.size})` : ''}`).join(', ');

/** Gift shipments, newest first: what went to whom, what it cost and its retail value. */
export function ShipmentsTable(props: {
  shipments: readonly Shipment[];
  partners: ReadonlyMap<string, Partner>;
  money: Money;
  onEdit: (s: Shipment) => void;
  showPartner?: boolean;
}) {
  const showPartner = props.showPartner ?? true;
  return (
    <div className="table-wrap">
      <table className="table ship-table">
        <thead>
          <tr>
            <th scope="col">Ship date</th>
            {showPartner ? <th scope="col">Partner</th> : null}
            <th scope="col">Products</th>
            <th scope="col" className="num">
              Cost
            </th>
            <th scope="col" className="num wide-only">
              Retail value
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {props.shipments.map((s) => {
            const v = shipmentValue(s);
            const who = props.partners.get(s.partnerId)?.name ?? 'Unknown partner';
            return (
              <tr key={s.id}>
                <td>{s.date}</td>
                {showPartner ? (
                  <td>
                    <a href={href(`partners/${s.partnerId}`)}>{who}</a>
                  </td>
                ) : null}
                <td>
                  {itemsText(s)}
                  {s.swapOf ? <span className="muted"> · size swap</span> : null}
                  <div className="muted small narrow-only">
                    {props.money(v.retailCents)} at retail
                  </div>
                  {s.lot || s.bestBefore ? (
                    <div className="muted small">
                      {s.lot ? <span className="nowrap">Lot {s.lot}</span> : null}
                      {s.lot && s.bestBefore ? ' · ' : ''}
                      {s.bestBefore ? (
                        <span className="nowrap">best before {s.bestBefore}</span>
                      ) : null}
                    </div>
                  ) : null}
                </td>
                <td className="num">{props.money(v.productCents + v.shippingCents)}</td>
                <td className="num wide-only">{props.money(v.retailCents)}</td>
                <td>
                  <select
                    aria-label={`Status of the shipment to ${who} on ${s.date}`}
                    value={s.status}
                    onChange={(e) =>
                      void setShipmentStatus(getDb(), s.id, e.target.value as Shipment['status'])
                    }
                  >
                    {SHIPMENT_STATUSES.map((x) => (
                      <option key={x} value={x}>
                        {SHIPMENT_STATUS_LABELS[x]}
                      </option>
                    ))}
                  </select>
                  <EditDelete
                    className="row-actions ship-actions"
                    deleteLabel={`Delete the shipment to ${who} on ${s.date}`}
                    onEdit={() => props.onEdit(s)}
                    onDelete={() => void deleteShipment(getDb(), s.id)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The products the brand sends, with cost and retail price. */
export function ProductsTable(props: {
  products: readonly Product[];
  money: Money;
  onEdit: (p: Product) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col" className="wide-only">
              SKU
            </th>
            <th scope="col" className="num">
              Unit cost
            </th>
            <th scope="col" className="num">
              Retail
            </th>
            <th scope="col" className="wide-only">
              Ingredients, allergens
            </th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.products.map((p) => (
            <tr key={p.id}>
              <td>
                {p.name}
                <div className="muted small narrow-only">
                  {[p.sku, p.tags.join(', ')].filter(Boolean).join(' · ')}
                </div>
              </td>
              <td className="wide-only">{p.sku || '—'}</td>
              <td className="num">{props.money(p.unitCostCents)}</td>
              <td className="num">{props.money(p.retailCents)}</td>
              <td className="wide-only">{p.tags.join(', ') || '—'}</td>
              <td>
                <EditDelete
                  className="row-actions"
                  deleteLabel={`Delete ${p.name}`}
                  onEdit={() => props.onEdit(p)}
                  onDelete={() => void deleteProduct(getDb(), p.id)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A row's Edit and Delete buttons; Delete names what it deletes for screen readers. */
function EditDelete(props: {
  className: string;
  deleteLabel: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <span className={props.className}>
      <button type="button" className="btn btn-small" onClick={props.onEdit}>
        Edit
      </button>
      <button
        type="button"
        className="btn btn-small"
        aria-label={props.deleteLabel}
        onClick={props.onDelete}
      >
        Delete
      </button>
    </span>
  );
}

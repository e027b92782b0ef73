import { useMemo, useState } from 'react';
import { Gift } from 'lucide-react';
import { Card, EmptyState, PageHeader } from '../../components/ui';
import { useSettings } from '../../hooks/data';
import { dateInZone } from '../../domain/dates';
import { formatMoney } from '../../domain/money';
import { shipmentCounts, shipmentValue } from '../../domain/seeding';
import type { Product, Shipment } from '../../domain/schemas';
import { navigate } from '../../navigation/router';
import { FollowUpCard } from './FollowUpCard';
import { ImportProductsButton } from './ImportProducts';
import { ProductDialog } from './ProductDialog';
import { ProductsTable, ShipmentsTable } from './SeedingTables';
import { ShipmentDialog } from './ShipmentDialog';
import { useSeedingData } from './useSeedingData';
import './seeding.css';

type Editing =
  | { kind: 'shipment'; shipment: Shipment | null; partnerId: string }
  | { kind: 'product'; product: Product | null }
  | null;

/** Seeding: products, gift shipments to partners, and who to follow up. `#/seeding/new/<id>` opens a new shipment to that partner. */
export function SeedingScreen({ rest }: { rest: string[] }) {
  const settings = useSettings();
  const data = useSeedingData();
  const [editing, setEditing] = useState<Editing>(null);
  const today = dateInZone(Date.now(), settings.timeZone);
  const money = (c: number) => formatMoney(c, settings.currency, settings.locale);
  const partners = useMemo(() => new Map(data?.partners.map((p) => [p.id, p]) ?? []), [data]);
  const fromRoute =
    rest[0] === 'new'
      ? { kind: 'shipment' as const, shipment: null, partnerId: rest[1] ?? '' }
      : null;
  const open = editing ?? fromRoute;
  const close = () => {
    setEditing(null);
    if (fromRoute) navigate('seeding');
  };
  if (!data) return null;
  const sent = data.shipments.filter(shipmentCounts);
  const totals = sent.reduce(
    (a, s) => {
      const v = shipmentValue(s);
      return { cost: a.cost + v.productCents + v.shippingCents, retail: a.retail + v.retailCents };
    },
    { cost: 0, retail: 0 },
  );
  const newShipment = (
    <button
      type="button"
      className="btn btn-primary"
      disabled={data.products.length === 0}
      onClick={() => setEditing({ kind: 'shipment', shipment: null, partnerId: '' })}
    >
      Send product
    </button>
  );
  return (
    <div className="screen seeding">
      <PageHeader
        title="Seeding"
        subtitle={`Product you gift to partners counts in their cost at unit cost plus shipping. Sent so far: ${money(totals.cost)} at cost (${money(totals.retail)} at retail).`}
        actions={
          <>
            {newShipment}
            <button
              type="button"
              className="btn"
              onClick={() => setEditing({ kind: 'product', product: null })}
            >
              Add product
            </button>
            <ImportProductsButton />
          </>
        }
      />
      <FollowUpCard
        shipments={data.shipments}
        partners={partners}
        today={today}
        days={settings.followUpDays}
      />
      <Card title="Shipments">
        {data.shipments.length ? (
          <ShipmentsTable
            shipments={data.shipments}
            partners={partners}
            money={money}
            onEdit={(s) => setEditing({ kind: 'shipment', shipment: s, partnerId: s.partnerId })}
          />
        ) : (
          <EmptyState icon={Gift} title="No shipments yet">
            {data.products.length
              ? 'Send product to a partner: it counts in their cost, and you can follow up on their post.'
              : 'Add the products you send first (or import them from Shopify).'}
          </EmptyState>
        )}
      </Card>
      <Card title="Products">
        {data.products.length ? (
          <ProductsTable
            products={data.products}
            money={money}
            onEdit={(p) => setEditing({ kind: 'product', product: p })}
          />
        ) : (
          <p className="muted">No products yet.</p>
        )}
      </Card>
      {open?.kind === 'shipment' ? (
        <ShipmentDialog
          shipment={open.shipment}
          partnerId={open.partnerId}
          today={today}
          partners={data.partners}
          products={data.products}
          shipments={data.shipments}
          onClose={close}
        />
      ) : null}
      {open?.kind === 'product' ? <ProductDialog product={open.product} onClose={close} /> : null}
    </div>
  );
}

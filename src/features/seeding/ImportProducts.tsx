import { useState } from 'react';
import { getDb } from '../../db/db';
import { importProducts } from '../../db/seeding';
import { readShopifyProducts, type ProductFileResult } from '../../io/products-shopify';
import { openFile } from '../../platform/bridge';
import { Dialog, DialogButtons } from '../../components/ui';
import { useUi } from '../../store/ui';

/** Products from Shopify's products export: a preview, then all added (or updated by SKU) at once. */
export function ImportProductsButton() {
  const [preview, setPreview] = useState<(ProductFileResult & { name: string }) | null>(null);
  const showToast = useUi((s) => s.showToast);
  const pick = async () => {
    const file = await openFile('csv');
    if (!file) return;
    try {
      setPreview({ ...readShopifyProducts(file.text), name: file.name });
    } catch (e) {
      showToast({ message: e instanceof Error ? e.message : String(e), tone: 'error' });
    }
  };
  const run = async () => {
    if (!preview) return;
    try {
      const r = await importProducts(getDb(), preview.products);
      showToast({
        message: `${r.added} products added, ${r.updated} updated from ${preview.name}.`,
        tone: 'success',
      });
      setPreview(null);
    } catch (e) {
      showToast({ message: e instanceof Error ? e.message : String(e), tone: 'error' });
    }
  };
  return (
    <>
      <button type="button" className="btn" onClick={() => void pick()}>
        Import Shopify products…
      </button>
      {preview ? (
        <Dialog
          open
          title="Import these products?"
          onClose={() => setPreview(null)}
          footer={
            <DialogButtons
              onCancel={() => setPreview(null)}
              onConfirm={() => void run()}
              disabled={preview.products.length === 0}
              confirmLabel={`Import ${preview.products.length} products`}
            />
          }
        >
          <p>
            {preview.products.length} products in {preview.name}. A product whose SKU you already
            have is updated (name, cost, price, tags); the others are added.
          </p>
          {preview.problems.length ? (
            <>
              <p>These lines are skipped:</p>
              <ul className="problems">
                {preview.problems.slice(0, 20).map((p, i) => (
                  <li key={i}>
                    Line {p.line}: {p.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Dialog>
      ) : null}
    </>
  );
}

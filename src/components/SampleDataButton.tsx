import { useState } from 'react';
import { getDb } from '../db/db';
import { useUi } from '../store/ui';

/** "Load sample data": fills the demo pet brand so every screen has something to show. */
export function SampleDataButton({ primary = true }: { primary?: boolean }) {
  const [loading, setLoading] = useState(false);
  const showToast = useUi((s) => s.showToast);
  return (
    <button
      type="button"
      className={primary ? 'btn btn-primary' : 'btn'}
      disabled={loading}
      onClick={async () => {
        setLoading(true);
        try {
          // The generator is only needed on this click: it stays out of the start-up bundle.
          const { loadSampleData } = await import('../db/repo');
          await loadSampleData(getDb());
          showToast({ tone: 'success', message: 'Sample data loaded: meet Barkside Treat Co.' });
        } catch (e) {
          showToast({
            tone: 'error',
            message: `Could not load sample data: ${(e as Error).message}`,
          });
        } finally {
          setLoading(false);
        }
      }}
    >
      {loading ? 'Loading…' : 'Load sample data'}
    </button>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { getDb } from '../../db/db';
import { applyOrderImport, ensureCustomerSalt, planOrderImport } from '../../db/orders';
import type { ImportPlan } from '../../domain/import-plan';
import { openFileBlob } from '../../platform/bridge';
import { useUi } from '../../store/ui';
import type { ImportMessage, ImportRequest } from './import-protocol';

export type ImportState =
  | { step: 'idle' }
  | { step: 'working'; fileName: string; label: string; done: number; total: number }
  | {
      step: 'mapping';
      fileName: string;
      header: string[];
      sample: Record<string, string>[];
    }
  | {
      step: 'preview';
      fileName: string;
      formatLabel: string;
      rowCount: number;
      plan: ImportPlan;
      remember: { source: string; mapping: Record<string, string> } | undefined;
    }
  | { step: 'failed'; fileName: string; messages: string[] };

/**
 * The import flow: pick a file, parse it in a worker (progress, Cancel), map columns when the
 * format is unknown, preview against stored orders, and only then write, all or nothing.
 */
export function useOrderImport() {
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const worker = useRef<Worker | null>(null);
  const file = useRef<{ name: string; blob: Blob } | null>(null);
  const showToast = useUi((s) => s.showToast);

  const stopWorker = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stopWorker, [stopWorker]);

  const runWorker = useCallback(
    async (mapping: ImportRequest['mapping']) => {
      const f = file.current;
      if (!f) return;
      stopWorker();
      setState({ step: 'working', fileName: f.name, label: 'Reading file', done: 0, total: 1 });
      const db = getDb();
      const settings = await ensureCustomerSalt(db);
      const w = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
      w.onmessage = async (e: MessageEvent<ImportMessage>) => {
        const m = e.data;
        if (m.type === 'progress') {
          setState({
            step: 'working',
            fileName: f.name,
            label: m.label,
            done: m.done,
            total: m.total,
          });
          return;
        }
        stopWorker();
        if (m.type === 'needs-mapping') {
          setState({ step: 'mapping', fileName: f.name, header: m.header, sample: m.sample });
        } else if (m.type === 'failed') {
          setState({ step: 'failed', fileName: f.name, messages: [m.message] });
        } else if (m.fatal.length > 0) {
          setState({ step: 'failed', fileName: f.name, messages: m.fatal });
        } else {
          try {
            const plan = await planOrderImport(db, m.source, m.orders, m.problems);
            setState({
              step: 'preview',
              fileName: f.name,
              formatLabel: m.formatLabel,
              rowCount: m.rowCount,
              plan,
              remember: mapping ? { source: mapping.source, mapping: mapping.columns } : undefined,
            });
          } catch (err) {
            setState({ step: 'failed', fileName: f.name, messages: [(err as Error).message] });
          }
        }
      };
      w.onerror = (e) => {
        stopWorker();
        setState({
          step: 'failed',
          fileName: f.name,
          messages: [e.message || 'The import stopped unexpectedly.'],
        });
      };
      const req: ImportRequest = {
        blob: f.blob,
        timeZone: settings.timeZone,
        defaultCurrency: settings.currency,
        now: Date.now(),
        salt: settings.customerSalt,
        keepRawEmails: settings.keepRawEmails,
        mapping,
      };
      w.postMessage(req);
    },
    [stopWorker],
  );

  const start = useCallback(async () => {
    const f = await openFileBlob('orders-csv');
    if (!f) return;
    file.current = f;
    await runWorker(null);
  }, [runWorker]);

  const cancel = useCallback(() => {
    stopWorker();
    file.current = null;
    setState({ step: 'idle' });
  }, [stopWorker]);

  const confirm = useCallback(async () => {
    if (state.step !== 'preview') return;
    try {
      const n = await applyOrderImport(getDb(), state.plan, state.remember);
      const { counts } = state.plan;
      showToast({
        tone: 'success',
        message: `Imported ${n} order${n === 1 ? '' : 's'}: ${counts.new} new, ${counts.changed} updated, ${counts.unchanged} already up to date.`,
      });
      file.current = null;
      setState({ step: 'idle' });
    } catch (err) {
      setState({
        step: 'failed',
        fileName: state.fileName,
        messages: [
          (err as Error).message,
          'Nothing was imported; your stored orders are unchanged.',
        ],
      });
    }
  }, [state, showToast]);

  return { state, start, cancel, confirm, mapColumns: runWorker };
}

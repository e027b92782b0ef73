import { useCallback, useEffect, useRef, useState } from 'react';
import { progressStep, type ProgressStep } from '../../components/labels';
import { undoImport } from '../../db/backup';
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { ensureCustomerSalt } from '../../db/orders';
import { holdBackgroundReads } from '../../db/write-gate';
import type { PlanSummary } from '../../domain/import-plan';
import { DEFAULT_LOCALE, safeCurrency, safeLocale, safeTimeZone } from '../../domain/intl';
import { newCustomerSalt } from '../../io/customer-key';
import type { Conversion } from '../../io/orders-common';
import { openFileBlob } from '../../platform/bridge';
import { useUi } from '../../store/ui';
import type { ImportMessage, ImportRequest, ParseRequest } from './import-protocol';

export type ImportState =
  | { step: 'idle' }
  | ({ step: 'working'; fileName: string } & ProgressStep)
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
      plan: PlanSummary;
      remember: { source: string; mapping: Record<string, string> } | undefined;
      /** The currencies converted in this preview, at the owner's rates. */
      conversions: Conversion[];
    }
  | { step: 'failed'; fileName: string; messages: string[] };

type Applied = Extract<ImportMessage, { type: 'applied' }>;

/** What the dialog shows after a message of the worker (other than 'applied'). */
function nextState(
  m: Exclude<ImportMessage, Applied>,
  fileName: string,
  remember: Extract<ImportState, { step: 'preview' }>['remember'],
  conversions: Conversion[],
): ImportState {
  switch (m.type) {
    case 'progress':
      return { step: 'working', fileName, ...progressStep(m) };
    case 'preview':
      // The worker keeps the plan until the owner confirms or cancels.
      return {
        step: 'preview',
        fileName,
        formatLabel: m.formatLabel,
        rowCount: m.rowCount,
        plan: m.summary,
        remember,
        conversions,
      };
    case 'needs-mapping':
      return { step: 'mapping', fileName, header: m.header, sample: m.sample };
    case 'fatal':
      return { step: 'failed', fileName, messages: m.messages };
    case 'failed':
      return {
        step: 'failed',
        fileName,
        messages: [m.message, 'Nothing was imported; your stored orders are unchanged.'],
      };
  }
}

/** This import's result, with Undo; returns the toast's id (a new import replaces it). */
function showImportedToast(
  m: Applied,
  showToast: ReturnType<typeof useUi.getState>['showToast'],
  locale: string,
) {
  const n = (x: number) => x.toLocaleString(locale);
  return showToast({
    tone: 'success',
    message: `Imported ${n(m.written)} order${m.written === 1 ? '' : 's'}: ${n(m.counts.new)} new, ${n(m.counts.changed)} updated, ${n(m.counts.unchanged)} already up to date.`,
    timeoutMs: 15_000,
    action: {
      label: 'Undo import',
      run: () => {
        undoImport(getDb(), m.undoId).then(
          () =>
            showToast({
              tone: 'success',
              message: 'Import undone: your orders are back as they were.',
            }),
          (e: unknown) => showToast({ tone: 'error', message: saveErrorMessage(e) }),
        );
      },
    },
  });
}

const newImportWorker = () =>
  new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });

/**
 * The import flow: pick a file; a worker parses it and plans it against the stored orders
 * (progress, Cancel); map columns when the format is unknown; preview; on confirm the same
 * worker writes exactly the previewed plan, all or nothing. The main thread never holds the
 * orders, so a 100,000-row file does not freeze the window.
 */
export function useOrderImport() {
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const worker = useRef<Worker | null>(null);
  /** Started when the file picker opens, so its code has loaded by the time a file is chosen. */
  const spare = useRef<Worker | null>(null);
  const file = useRef<{ name: string; blob: Blob } | null>(null);
  const applied = useRef<(() => void) | null>(null);
  const showToast = useUi((s) => s.showToast);
  const dismissToast = useUi((s) => s.dismissToast);
  /** The last import's result toast: a new import replaces it, so the message shown is its own. */
  const lastToast = useRef<number | null>(null);
  /** The mapping of the file being previewed, so a currency choice re-reads it the same way. */
  const lastMapping = useRef<ParseRequest['mapping']>(null);
  /** The owner's locale as the import read the settings, for the result's counts. */
  const locale = useRef(DEFAULT_LOCALE);

  /** Background reads wait while the import works (src/db/write-gate.ts). */
  const hold = useRef<(() => void) | null>(null);

  const stopWorker = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    applied.current?.();
    applied.current = null;
    hold.current?.();
    hold.current = null;
  }, []);
  useEffect(() => stopWorker, [stopWorker]);
  useEffect(() => () => spare.current?.terminate(), []);

  const runWorker = useCallback(
    async (mapping: ParseRequest['mapping'], conversions: Conversion[] = []) => {
      const f = file.current;
      if (!f) return;
      lastMapping.current = mapping;
      stopWorker();
      setState({
        step: 'working',
        fileName: f.name,
        label: 'Reading file',
        done: 0,
        total: f.blob.size,
        unit: 'bytes',
      });
      const w = spare.current ?? newImportWorker();
      spare.current = null;
      worker.current = w;
      hold.current = holdBackgroundReads();
      const remember = mapping ? { source: mapping.source, mapping: mapping.columns } : undefined;
      w.onmessage = (e: MessageEvent<ImportMessage>) => {
        const m = e.data;
        if (m.type === 'applied') {
          stopWorker();
          file.current = null;
          if (lastToast.current !== null) dismissToast(lastToast.current);
          lastToast.current = showImportedToast(m, showToast, locale.current);
          setState({ step: 'idle' });
          return;
        }
        if (m.type !== 'progress' && m.type !== 'preview') stopWorker();
        // While the owner reads the preview, the background may read again; not while writing.
        if (m.type === 'preview') {
          hold.current?.();
          hold.current = null;
        }
        setState(nextState(m, f.name, remember, conversions));
      };
      w.onerror = (e) => {
        stopWorker();
        setState({
          step: 'failed',
          fileName: f.name,
          messages: [e.message || 'The import stopped unexpectedly.'],
        });
      };
      const settings = await ensureCustomerSalt(getDb(), newCustomerSalt).catch((e: unknown) => {
        if (worker.current === w) {
          stopWorker();
          setState({ step: 'failed', fileName: f.name, messages: [saveErrorMessage(e)] });
        }
        return null;
      });
      if (!settings || worker.current !== w) return; // failed, or cancelled meanwhile
      locale.current = safeLocale(settings.locale);
      const req: ImportRequest = {
        type: 'parse',
        blob: f.blob,
        timeZone: safeTimeZone(settings.timeZone),
        defaultCurrency: safeCurrency(settings.currency),
        locale: locale.current,
        now: Date.now(),
        salt: settings.customerSalt,
        keepRawEmails: settings.keepRawEmails,
        mapping,
        conversions,
      };
      w.postMessage(req);
    },
    [stopWorker, showToast, dismissToast],
  );

  const start = useCallback(async () => {
    if (lastToast.current !== null) dismissToast(lastToast.current);
    lastToast.current = null;
    spare.current?.terminate();
    spare.current = newImportWorker();
    const f = await openFileBlob('orders-csv');
    if (!f) {
      spare.current?.terminate();
      spare.current = null;
      return;
    }
    file.current = f;
    await runWorker(null);
  }, [runWorker, dismissToast]);

  const cancel = useCallback(() => {
    stopWorker();
    file.current = null;
    setState({ step: 'idle' });
  }, [stopWorker]);

  /** Write the previewed plan; resolves once the worker has finished (or failed). */
  const confirm = useCallback(async () => {
    const w = worker.current;
    if (state.step !== 'preview' || !w) return;
    const done = new Promise<void>((resolve) => {
      applied.current = resolve;
    });
    const req: ImportRequest = { type: 'apply', remember: state.remember };
    hold.current ??= holdBackgroundReads();
    w.postMessage(req);
    await done;
  }, [state]);

  /** Read the file again with these currencies converted (the preview then shows the result). */
  const convert = useCallback(
    (conversions: Conversion[]) => runWorker(lastMapping.current, conversions),
    [runWorker],
  );

  return { state, start, cancel, confirm, mapColumns: runWorker, convert };
}

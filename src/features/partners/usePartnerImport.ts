import { useCallback, useEffect, useRef, useState } from 'react';
import { progressStep, type ProgressStep } from '../../components/labels';
import { openFileBlob } from '../../platform/bridge';
import { useUi } from '../../store/ui';
import type { ColumnChoice } from '../../domain/import-mappings';
import type { PartnerKind } from '../../domain/schemas';
import type {
  ColumnStep,
  PartnerImportMessage,
  PartnerImportRequest,
  PartnerPreview,
} from './partner-import-protocol';

/** The owner's choices in the column step (null when the file uses our own column names). */
export interface ColumnChoices {
  columns: ColumnStep;
  mapping: ColumnChoice[];
  defaultKind: PartnerKind;
}

export type PartnerImportState =
  | { step: 'idle' }
  | ({ step: 'working'; fileName: string } & ProgressStep)
  | { step: 'columns'; fileName: string; columns: ColumnStep }
  | {
      step: 'preview';
      fileName: string;
      preview: PartnerPreview;
      saving: boolean;
      choices: ColumnChoices | null;
    };

/** The column step again, from a preview of a file that had one (as the owner left it). */
function columnsAgain(s: PartnerImportState): PartnerImportState {
  if (s.step !== 'preview' || !s.choices) return s;
  const { columns, mapping, defaultKind } = s.choices;
  return { step: 'columns', fileName: s.fileName, columns: { ...columns, mapping, defaultKind } };
}

const newWorker = () =>
  new Worker(new URL('./partner-import.worker.ts', import.meta.url), { type: 'module' });

/**
 * The partners CSV import: pick a file; a worker reads and plans it (progress, Cancel) while the
 * window stays responsive; preview; on confirm the same worker writes exactly the previewed plan,
 * all at once. The main thread never holds the rows.
 */
export function usePartnerImport(today: string, remembered: unknown, locale: string) {
  const [state, setState] = useState<PartnerImportState>({ step: 'idle' });
  /** The column choices the plan being made follows. */
  const choices = useRef<ColumnChoices | null>(null);
  const worker = useRef<Worker | null>(null);
  /** The confirmed plan is being written (a failure then keeps the preview for a retry). */
  const saving = useRef(false);
  const showToast = useUi((s) => s.showToast);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const start = useCallback(async () => {
    // Started while the picker is open, so its code has loaded by the time a file is chosen.
    const w = newWorker();
    const file = await openFileBlob('partners-csv').catch((e: unknown) => {
      showToast({ tone: 'error', message: `Could not read the file: ${(e as Error).message}` });
      return null;
    });
    if (!file) {
      w.terminate();
      return;
    }
    stop();
    worker.current = w;
    saving.current = false;
    const fileName = file.name;
    w.onmessage = (e: MessageEvent<PartnerImportMessage>) => {
      if (worker.current !== w) return;
      const m = e.data;
      switch (m.type) {
        case 'progress':
          // While saving, the preview stays up with its button saying so.
          setState((s) =>
            s.step === 'preview' ? s : { step: 'working', fileName, ...progressStep(m) },
          );
          return;
        case 'columns':
          setState({ step: 'columns', fileName, columns: m.columns });
          return;
        case 'preview':
          setState({
            step: 'preview',
            fileName,
            preview: m.preview,
            saving: false,
            choices: choices.current,
          });
          return;
        case 'applied':
          saving.current = false;
          stop();
          setState({ step: 'idle' });
          showToast({
            tone: 'success',
            message: `Imported ${m.written.toLocaleString(locale)} partner${m.written === 1 ? '' : 's'} from ${fileName}`,
          });
          return;
        case 'failed':
          if (saving.current) {
            // The worker keeps its plan: the owner may try again.
            saving.current = false;
            setState((s) => (s.step === 'preview' ? { ...s, saving: false } : s));
            showToast({ tone: 'error', message: m.message });
          } else {
            stop();
            setState({ step: 'idle' });
            showToast({ tone: 'error', message: `Could not read the file: ${m.message}` });
          }
      }
    };
    w.onerror = (e) => {
      if (worker.current !== w) return;
      stop();
      setState({ step: 'idle' });
      showToast({
        tone: 'error',
        message: `Could not read the file: ${e.message || 'the import stopped unexpectedly'}`,
      });
    };
    setState({
      step: 'working',
      fileName,
      label: 'Reading file',
      done: 0,
      total: file.blob.size,
      unit: 'bytes',
    });
    choices.current = null;
    const req: PartnerImportRequest = {
      type: 'read',
      blob: file.blob,
      today,
      now: Date.now(),
      remembered,
    };
    w.postMessage(req);
  }, [showToast, stop, today, remembered, locale]);

  /** Plan the file through the owner's column choices (the preview follows). */
  const chooseColumns = useCallback((c: ColumnChoices) => {
    const w = worker.current;
    if (!w) return;
    choices.current = c;
    setState((s) =>
      s.step === 'idle' ? s : { step: 'working', fileName: s.fileName, label: 'Checking rows' },
    );
    const req: PartnerImportRequest = {
      type: 'plan',
      mapping: c.mapping,
      defaultKind: c.defaultKind,
    };
    w.postMessage(req);
  }, []);

  /** From the preview back to the column step, as the owner left it. */
  const backToColumns = useCallback(() => setState(columnsAgain), []);

  /** Stop reading or checking (terminates the worker) and close; nothing was written. */
  const cancel = useCallback(() => {
    stop();
    setState({ step: 'idle' });
  }, [stop]);

  /** Write the previewed plan (the worker answers 'applied' or 'failed'). */
  const confirm = useCallback(() => {
    const w = worker.current;
    if (state.step !== 'preview' || !state.preview.ok || state.saving || !w) return;
    saving.current = true;
    setState({ ...state, saving: true });
    const c = state.choices;
    const req: PartnerImportRequest = {
      type: 'apply',
      remember: c ? { source: c.columns.source, mapping: c.mapping } : null,
    };
    w.postMessage(req);
  }, [state]);

  return { state, start, cancel, confirm, chooseColumns, backToColumns };
}

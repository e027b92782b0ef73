import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupProblem, ImportMode } from '../../io/backup';
import { openFileBlob } from '../../platform/bridge';
import { useUi } from '../../store/ui';
import type { BackupMessage, BackupRequest } from './backup-parse-protocol';
import type { PendingImport } from './ImportPreviewDialog';

export interface Refused {
  source: string;
  problems: BackupProblem[];
}

/** A backup being read and checked in the worker. */
export interface Checking {
  source: string;
  label: string;
  done: number;
  total: number;
}

/** How a confirmed import ended: what it changed, or why it did not happen. */
type Applied = { totalChanges: number; undoId: string } | { failure: string };

const newBackupWorker = () =>
  new Worker(new URL('./backup-parse.worker.ts', import.meta.url), { type: 'module' });

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Put back what the import `undoId` replaced, in a worker (a restore's copy is a whole backup). */
export async function undoImportInWorker(undoId: string): Promise<void> {
  const { setBusy, showToast } = useUi.getState();
  const w = newBackupWorker();
  try {
    setBusy({ label: 'Undoing the import' });
    await new Promise<void>((resolve, reject) => {
      w.onmessage = (e: MessageEvent<BackupMessage>) => {
        const m = e.data;
        if (m.type === 'progress') setBusy({ label: m.label, done: m.done, total: m.total });
        else if (m.type === 'undone') resolve();
        else if (m.type === 'failed') reject(new Error(m.message));
      };
      w.onerror = (e) => reject(new Error(e.message || 'the undo stopped unexpectedly'));
      const req: BackupRequest = { type: 'undo', undoId, appVersion: __APP_VERSION__ };
      w.postMessage(req);
    });
    showToast({ tone: 'success', message: 'Import undone: your data is back as it was' });
  } catch (e) {
    showToast({ tone: 'error', message: errorText(e) });
  } finally {
    w.terminate();
    setBusy(null);
  }
}

/**
 * The backup worker: it holds the backup from the check until the import (or Cancel), so the
 * main thread never parses it nor holds its rows.
 */
function useBackupWorker() {
  const showToast = useUi((s) => s.showToast);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [refused, setRefused] = useState<Refused | null>(null);
  const [checking, setChecking] = useState<Checking | null>(null);
  const [progress, setProgress] = useState<{ label: string; done: number; total: number } | null>(
    null,
  );
  const worker = useRef<Worker | null>(null);
  /** Settles the confirmed import that is running. */
  const applying = useRef<((r: Applied) => void) | null>(null);
  const stopWorker = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    applying.current?.({ failure: 'The import stopped before it finished; nothing was changed.' });
    applying.current = null;
  }, []);
  useEffect(() => stopWorker, [stopWorker]);

  /**
   * Validate the whole file in the worker (progress, Cancel), then show what it would change or
   * why it is refused. Nothing is written here.
   */
  const review = useCallback(
    (source: string, file: Blob | string) => {
      stopWorker();
      setPending(null);
      const w = newBackupWorker();
      worker.current = w;
      setChecking({ source, label: 'Reading file', done: 0, total: 0 });
      w.onmessage = (e: MessageEvent<BackupMessage>) => {
        if (worker.current !== w) return;
        const m = e.data;
        const settle = applying.current;
        switch (m.type) {
          case 'progress':
            if (settle) setProgress({ label: m.label, done: m.done, total: m.total });
            else setChecking({ source, label: m.label, done: m.done, total: m.total });
            return;
          case 'refused':
            stopWorker();
            setChecking(null);
            setRefused({ source, problems: m.problems });
            return;
          case 'preview':
            setChecking(null);
            setPending({ source, preview: m.preview });
            return;
          case 'applied':
            applying.current = null;
            stopWorker();
            settle?.({ totalChanges: m.totalChanges, undoId: m.undoId });
            return;
          case 'failed':
            if (settle) {
              // The worker keeps the backup: the owner may try again.
              applying.current = null;
              settle({ failure: m.message });
            } else {
              stopWorker();
              setChecking(null);
              showToast({ tone: 'error', message: `The file could not be read: ${m.message}` });
            }
        }
      };
      w.onerror = (e) => {
        if (worker.current !== w) return;
        stopWorker();
        setChecking(null);
        setPending(null);
        showToast({
          tone: 'error',
          message: `The backup could not be checked: ${e.message || 'the check stopped unexpectedly'}`,
        });
      };
      const req: BackupRequest = { type: 'review', file, appVersion: __APP_VERSION__ };
      w.postMessage(req);
    },
    [showToast, stopWorker],
  );

  /** Ask the worker to write the backup it holds; resolves once it has, or why it did not. */
  const apply = (mode: ImportMode, reason: string): Promise<Applied> | null => {
    const w = worker.current;
    if (!w) return null;
    const done = new Promise<Applied>((resolve) => {
      applying.current = resolve;
    });
    const req: BackupRequest = { type: 'apply', mode, now: Date.now(), reason };
    w.postMessage(req);
    return done;
  };

  return {
    pending,
    setPending,
    refused,
    setRefused,
    checking,
    setChecking,
    progress,
    setProgress,
    isApplying: () => applying.current !== null,
    stopWorker,
    review,
    apply,
  };
}

/** Import a backup: pick a file, check it, preview, confirm (Replace or Merge), undo after. */
export function useBackupImport(locale: string) {
  const showToast = useUi((s) => s.showToast);
  const w = useBackupWorker();
  const { review, stopWorker, setChecking } = w;

  const cancelCheck = useCallback(() => {
    stopWorker();
    setChecking(null);
  }, [stopWorker, setChecking]);

  const importFromFile = useCallback(async () => {
    try {
      const file = await openFileBlob('backup');
      if (file) review(file.name, file.blob);
    } catch (e) {
      showToast({ tone: 'error', message: `The file could not be read: ${errorText(e)}` });
    }
  }, [review, showToast]);

  const confirm = async (mode: ImportMode): Promise<string | null> => {
    const { pending } = w;
    if (!pending) return null;
    const done = w.apply(
      mode,
      `Before ${mode === 'replace' ? 'restoring' : 'merging'} ${pending.source}`,
    );
    if (!done) return null;
    const r = await done;
    w.setProgress(null);
    if ('failure' in r) return r.failure;
    w.setPending(null);
    showToast({
      tone: 'success',
      message: `Backup ${mode === 'replace' ? 'restored' : 'merged'}: ${r.totalChanges.toLocaleString(locale)} records changed`,
      timeoutMs: 15_000,
      action: { label: 'Undo import', run: () => void undoImportInWorker(r.undoId) },
    });
    return null;
  };

  const cancelPreview = () => {
    // An import under way finishes (or rolls back) whole: it is not cut off from here.
    if (w.isApplying()) return;
    stopWorker();
    w.setPending(null);
  };

  return { ...w, cancelCheck, importFromFile, confirm, cancelPreview };
}

export type BackupImport = ReturnType<typeof useBackupImport>;

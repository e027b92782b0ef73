/**
 * Reading a backup off the main thread: read the file (with progress), parse and validate it
 * table by table, compare it with the stored data (this worker opens the same IndexedDB
 * database), keep it, and import it when the owner confirms. Cancel = the card terminates this
 * worker; nothing is written before "apply", and an import cut short rolls back whole.
 */
import { applyImport, mostRowsDiffer, previewImport, undoImport } from '../../db/backup';
import { getDb } from '../../db/db';
import type { ImportPlan } from '../../domain/backup-plan';
import { parseBackup, type BackupData } from '../../io/backup';
import { backupCopySink, backupDataOf } from './backup-file';
import type {
  ApplyRequest,
  BackupMessage,
  BackupRequest,
  PlanSummary,
  ReviewRequest,
  UndoRequest,
} from './backup-parse-protocol';

const post = (m: BackupMessage) => self.postMessage(m);

/** The validated backup the owner is looking at; "apply" imports exactly this. */
let data: BackupData | null = null;
/** Whether the previewed Replace changes most rows (then it rewrites every table). */
let replaceRewrites = false;
/** The app's version, from the review (the copy a Replace keeps is written in it). */
let appVersion = '';

/** Bytes read between two progress reports. */
const REPORT_BYTES = 8 * 1024 * 1024;

/** The file's text, read in pieces so the owner sees how far it got. */
async function readText(blob: Blob): Promise<string> {
  const total = blob.size;
  post({ type: 'progress', label: 'Reading file', done: 0, total });
  const reader = blob.stream().getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let done = 0;
  let reported = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    parts.push(decoder.decode(chunk.value, { stream: true }));
    done += chunk.value.byteLength;
    if (done - reported >= REPORT_BYTES) {
      reported = done;
      post({ type: 'progress', label: 'Reading file', done, total });
    }
  }
  parts.push(decoder.decode());
  post({ type: 'progress', label: 'Reading file', done: total, total });
  return parts.join('');
}

function summary(p: ImportPlan): PlanSummary {
  return {
    changes: p.changes,
    collisions: p.collisions,
    totalChanges: p.totalChanges,
    otherCustomerSalt: p.otherCustomerSalt,
  };
}

async function review(req: ReviewRequest): Promise<void> {
  data = null;
  appVersion = req.appVersion;
  const text = typeof req.file === 'string' ? req.file : await readText(req.file);
  const r = parseBackup(text, req.appVersion, (p) => post({ type: 'progress', ...p }));
  if (!r.ok) return post({ type: 'refused', problems: r.problems });
  post({ type: 'progress', label: 'Comparing with the data here', done: 0, total: 1 });
  const preview = await previewImport(getDb(), r.backup.data);
  data = r.backup.data;
  replaceRewrites = mostRowsDiffer(preview.replace);
  post({
    type: 'preview',
    preview: {
      meta: r.backup.meta,
      fromVersion: r.backup.fromVersion,
      brandName: r.backup.data.settings[0]?.brandName ?? null,
      replace: summary(preview.replace),
      merge: summary(preview.merge),
    },
  });
}

async function apply(req: ApplyRequest): Promise<void> {
  if (!data) return post({ type: 'failed', message: 'There is no backup to import.' });
  const { plan, undoId } = await applyImport(getDb(), data, req.mode, {
    now: req.now,
    reason: req.reason,
    onProgress: (label, done, total) => post({ type: 'progress', label, done, total }),
    // What is stored now, kept as one backup file: Undo puts it back whole.
    keepCopy: () => backupCopySink({ appVersion, now: req.now }),
    mostRowsDiffer: replaceRewrites,
  });
  data = null;
  post({ type: 'applied', totalChanges: plan.totalChanges, undoId });
}

async function undo(req: UndoRequest): Promise<void> {
  await undoImport(getDb(), req.undoId, {
    readFile: async (file) =>
      backupDataOf(await readText(file), req.appVersion, (p) => post({ type: 'progress', ...p })),
    onProgress: (label, done, total) => post({ type: 'progress', label, done, total }),
  });
  post({ type: 'undone' });
}

self.onmessage = (e: MessageEvent<BackupRequest>) => {
  const req = e.data;
  const job = req.type === 'review' ? review(req) : req.type === 'apply' ? apply(req) : undo(req);
  job.catch((err: unknown) =>
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
  );
};

/**
 * The renderer's only door to the operating system. In Electron it calls the preload's
 * `window.api`; in a plain browser it falls back to a file input, a download, and its own
 * IndexedDB store for automatic backups, so the same UI runs (and is tested) in Chromium.
 */
import type {
  AppApi,
  AppInfo,
  AutoBackupEntry,
  MenuAction,
  OpenFileKind,
  OpenedFile,
  SaveFileRequest,
  SavedFile,
  ReminderNote,
} from '../shared/ipc';
import {
  browserBackupStore,
  type BackupTextInput,
  type BrowserBackupStore,
} from './browser-backups';

declare global {
  interface Window {
    api?: AppApi;
  }
}

const electronApi: AppApi | undefined = typeof window !== 'undefined' ? window.api : undefined;

export const isDesktop = electronApi !== undefined;

const ACCEPT: Record<OpenFileKind, string> = {
  backup: '.json,application/json',
  'orders-csv': '.csv,.txt,text/csv',
  'partners-csv': '.csv,.txt,text/csv',
  csv: '.csv,.txt,text/csv',
};

const MIME: Record<SaveFileRequest['kind'], string> = {
  backup: 'application/json',
  csv: 'text/csv;charset=utf-8',
  ics: 'text/calendar;charset=utf-8',
  png: 'image/png',
  pdf: 'application/pdf',
  zip: 'application/zip',
};

function pickFileInBrowser(kind: OpenFileKind): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT[kind];
    input.style.display = 'none';
    input.setAttribute('aria-hidden', 'true');
    document.body.appendChild(input);
    const done = (f: File | null) => {
      input.remove();
      resolve(f);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    input.click();
  });
}

/** Ask the owner for a file and return its name and text (null when cancelled). */
export async function openFile(kind: OpenFileKind): Promise<OpenedFile | null> {
  if (electronApi) return electronApi.openFile(kind);
  const file = await pickFileInBrowser(kind);
  if (!file) return null;
  return { name: file.name, text: await file.text() };
}

/** Like openFile, but hands back the File itself (browser) so big files can be streamed. */
export async function openFileBlob(
  kind: OpenFileKind,
): Promise<{ name: string; blob: Blob } | null> {
  if (electronApi) {
    const f = await electronApi.openFile(kind);
    return f ? { name: f.name, blob: new Blob([f.text], { type: 'text/plain' }) } : null;
  }
  const file = await pickFileInBrowser(kind);
  return file ? { name: file.name, blob: file } : null;
}

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * What the window saves: the IPC request, except that big text may also come as Blobs (a backup's
 * stored pages), which a browser download takes as they are.
 */
export type SaveFileInput = Omit<SaveFileRequest, 'data'> & {
  data: string | (string | Uint8Array<ArrayBuffer> | Blob)[];
};

/** Save text (or base64 bytes) where the owner chooses; a download in a browser. */
export async function saveFile(request: SaveFileInput): Promise<SavedFile | null> {
  const { data } = request;
  const parts = typeof data === 'string' ? [data] : data;
  if (electronApi) {
    // Electron's IPC cannot carry a Blob: its bytes are read here and sent as they are.
    const inMemory = await Promise.all(
      parts.map((p) => (p instanceof Blob ? p.arrayBuffer().then((b) => new Uint8Array(b)) : p)),
    );
    return electronApi.saveFile({ ...request, data: inMemory });
  }
  const body =
    request.encoding === 'base64'
      ? [base64ToBytes(parts.filter((p) => typeof p === 'string').join(''))]
      : parts;
  const blob = await blobInSteps(body, MIME[request.kind]);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = request.suggestedName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { location: request.suggestedName };
}

/** Text encoded into one Blob per task, at most about this many characters (tens of ms). */
export const BLOB_STEP_CHARS = 1 << 20;

/**
 * One Blob of `parts`, built a step at a time: `new Blob(parts)` encodes all its text in one task
 * (2-3 s for a large shop's 170 MB backup, the window frozen). Each step encodes about
 * BLOB_STEP_CHARS of text into a Blob of its own and lets the window run before the next; the
 * Blob of those Blobs only refers to them.
 */
export async function blobInSteps(
  parts: readonly BlobPart[],
  type: string,
  stepChars = BLOB_STEP_CHARS,
): Promise<Blob> {
  const steps: Blob[] = [];
  let group: BlobPart[] = [];
  let chars = 0;
  for (const part of parts) {
    group.push(part);
    chars += typeof part === 'string' ? part.length : 0;
    if (chars >= stepChars) {
      steps.push(new Blob(group));
      group = [];
      chars = 0;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  if (group.length) steps.push(new Blob(group));
  return new Blob(steps, { type });
}

export async function appInfo(): Promise<AppInfo> {
  if (electronApi) return electronApi.appInfo();
  return {
    name: 'Pawtners',
    version: __APP_VERSION__,
    runtime: 'browser',
    platform: navigator.platform,
  };
}

/** Menu actions (Electron only; a browser has no application menu). */
export function onMenu(listener: (action: MenuAction) => void): () => void {
  return electronApi ? electronApi.onMenu(listener) : () => undefined;
}

/**
 * Reminders as desktop notifications (Electron, through the main process); in a browser nothing
 * is shown (the in-app list is there) and it resolves to 0.
 */
export async function notifyReminders(notes: ReminderNote[]): Promise<number> {
  return electronApi ? electronApi.notifyReminders(notes) : 0;
}

/** A reminder notification was clicked (Electron); never in a browser. */
export function onOpenReminders(listener: () => void): () => void {
  return electronApi ? electronApi.onOpenReminders(listener) : () => undefined;
}

/** Print the current screen: a PDF file in Electron, the print dialog in a browser. */
export async function printToPdf(suggestedName: string): Promise<SavedFile | null> {
  if (electronApi) return electronApi.printToPdf(suggestedName);
  window.print();
  return null;
}

// In a browser, automatic backups are kept in their own IndexedDB database (browser-backups.ts)
// under the desktop app's rules.
let browserBackups: BrowserBackupStore | null = null;
const browserStore = () => (browserBackups ??= browserBackupStore());

/** Whether this build keeps automatic backups: the desktop app, and any browser with IndexedDB. */
export const hasAutoBackups = electronApi !== undefined || typeof indexedDB !== 'undefined';

const AUTO_BACKUPS_CHANGED = 'pawtners:auto-backups-changed';
const autoBackupEvents = new EventTarget();
// Other tabs of the same browser share the store: they hear about a new backup too.
const autoBackupChannel =
  !electronApi && typeof BroadcastChannel !== 'undefined'
    ? new BroadcastChannel(AUTO_BACKUPS_CHANGED)
    : null;
autoBackupChannel?.addEventListener('message', () =>
  autoBackupEvents.dispatchEvent(new Event(AUTO_BACKUPS_CHANGED)),
);

/** Called after an automatic backup was written (in this window or another tab). */
export function onAutoBackupsChanged(listener: () => void): () => void {
  autoBackupEvents.addEventListener(AUTO_BACKUPS_CHANGED, listener);
  return () => autoBackupEvents.removeEventListener(AUTO_BACKUPS_CHANGED, listener);
}

/**
 * Store an automatic backup (the desktop app's data folder, or the browser's backup store); both
 * refuse anything but a whole backup as the app writes it, and apply the 7-daily / 4-weekly
 * retention only after the new copy is safely stored.
 */
export async function writeAutoBackup(backup: BackupTextInput): Promise<void> {
  if (electronApi)
    // IPC carries one string; main checks it whole before it writes.
    await electronApi.writeAutoBackup(
      typeof backup === 'string' ? backup : await new Blob(backup).text(),
    );
  // The browser stores the writer's parts as one Blob, never joined into a string here.
  else await browserStore().write(backup);
  autoBackupEvents.dispatchEvent(new Event(AUTO_BACKUPS_CHANGED));
  autoBackupChannel?.postMessage('written');
}

/** The automatic backups, newest first. */
export async function listAutoBackups(): Promise<AutoBackupEntry[]> {
  return electronApi ? electronApi.listAutoBackups() : browserStore().list();
}

export async function readAutoBackup(name: string): Promise<string> {
  return electronApi ? electronApi.readAutoBackup(name) : browserStore().read(name);
}

export async function showDataFolder(): Promise<void> {
  if (electronApi) await electronApi.showDataFolder();
}

export function onBackupRequest(provider: () => Promise<string>): () => void {
  return electronApi ? electronApi.onBackupRequest(provider) : () => undefined;
}

/** Open an https link outside the app. */
export async function openExternal(url: string): Promise<void> {
  if (electronApi) await electronApi.openExternal(url);
  else window.open(url, '_blank', 'noopener,noreferrer');
}

/**
 * The renderer's only door to the operating system. In Electron it calls the preload's
 * `window.api`; in a plain browser it falls back to a file input and a download, so the same UI
 * runs (and is tested) in Chromium.
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
} from '../shared/ipc';

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
  const blob = new Blob(body, { type: MIME[request.kind] });
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

/** Print the current screen: a PDF file in Electron, the print dialog in a browser. */
export async function printToPdf(suggestedName: string): Promise<SavedFile | null> {
  if (electronApi) return electronApi.printToPdf(suggestedName);
  window.print();
  return null;
}

export async function writeAutoBackup(json: string): Promise<void> {
  if (electronApi) await electronApi.writeAutoBackup(json);
}

export async function listAutoBackups(): Promise<AutoBackupEntry[]> {
  return electronApi ? electronApi.listAutoBackups() : [];
}

export async function readAutoBackup(name: string): Promise<string> {
  if (!electronApi) throw new Error('Automatic backups exist only in the desktop app.');
  return electronApi.readAutoBackup(name);
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

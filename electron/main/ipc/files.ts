import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { IPC, type OpenFileKind, type SaveFileKind } from '../../../src/shared/ipc';
import { OPEN_FILTERS, SAVE_FILTERS, readTextFile, writeFileAtomic } from '../services/files';
import { isSafeExternalUrl } from '../security';
import type { Handler, IpcMainLike } from './types';
import {
  externalUrlArgs,
  isTrustedSender,
  openFileArgs,
  parseArgs,
  printToPdfArgs,
  saveFileArgs,
} from './validate';

/** Wrap a handler so it runs only for the app's own frames. */
export function guarded<S>(origin: string, handler: Handler<S>): Handler<S> {
  return (event, ...args) => {
    if (!isTrustedSender(event, origin)) throw new Error('Refused: message from an unknown frame');
    return handler(event, ...args);
  };
}

/** The operating system as the file handlers use it (Electron's dialog and shell in the app). */
export interface FileIpcDeps<S> {
  /** A native open dialog, attached to the sender's window when it has one. */
  showOpenDialog(
    sender: S,
    options: OpenDialogOptions,
  ): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(
    sender: S,
    options: SaveDialogOptions,
  ): Promise<{ canceled: boolean; filePath?: string }>;
  /** The sender's page as a PDF. */
  printToPdf(sender: S): Promise<Uint8Array>;
  openExternal(url: string): Promise<void>;
}

export function registerFileIpc<S>(
  ipcMain: IpcMainLike<S>,
  origin: string,
  deps: FileIpcDeps<S>,
): void {
  ipcMain.handle(
    IPC.openFile,
    guarded(origin, async (event, ...args) => {
      const [kind] = parseArgs(openFileArgs, args);
      const spec = OPEN_FILTERS[kind as OpenFileKind];
      const res = await deps.showOpenDialog(event.sender, {
        title: spec.title,
        filters: spec.filters,
        properties: ['openFile'],
      });
      const file = res.filePaths[0];
      if (res.canceled || !file) return null;
      return readTextFile(file);
    }),
  );
  ipcMain.handle(
    IPC.saveFile,
    guarded(origin, async (event, ...args) => {
      const [req] = parseArgs(saveFileArgs, args);
      const res = await deps.showSaveDialog(event.sender, {
        defaultPath: req.suggestedName,
        filters: SAVE_FILTERS[req.kind as SaveFileKind],
      });
      if (res.canceled || !res.filePath) return null;
      const { data: parts } = req;
      const data =
        typeof parts === 'string'
          ? req.encoding === 'base64'
            ? Buffer.from(parts, 'base64')
            : parts
          : Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
      await writeFileAtomic(res.filePath, data);
      return { location: res.filePath };
    }),
  );
  ipcMain.handle(
    IPC.printToPdf,
    guarded(origin, async (event, ...args) => {
      const [name] = parseArgs(printToPdfArgs, args);
      const res = await deps.showSaveDialog(event.sender, {
        defaultPath: name,
        filters: SAVE_FILTERS.pdf,
      });
      if (res.canceled || !res.filePath) return null;
      await writeFileAtomic(res.filePath, await deps.printToPdf(event.sender));
      return { location: res.filePath };
    }),
  );
  ipcMain.handle(
    IPC.openExternal,
    guarded(origin, async (_event, ...args) => {
      const [url] = parseArgs(externalUrlArgs, args);
      if (!isSafeExternalUrl(url))
        throw new Error('Refused: only https links open outside the app');
      await deps.openExternal(url);
    }),
  );
}

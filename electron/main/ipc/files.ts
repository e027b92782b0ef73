import { BrowserWindow, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import { IPC, type OpenFileKind, type SaveFileKind } from '../../../src/shared/ipc';
import { OPEN_FILTERS, SAVE_FILTERS, readTextFile, writeFileAtomic } from '../services/files';
import { isSafeExternalUrl } from '../security';
import {
  externalUrlArgs,
  isTrustedSender,
  openFileArgs,
  parseArgs,
  printToPdfArgs,
  saveFileArgs,
} from './validate';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** Wrap a handler so it runs only for the app's own frames. */
export function guarded(origin: string, handler: Handler): Handler {
  return (event, ...args) => {
    if (!isTrustedSender(event, origin)) throw new Error('Refused: message from an unknown frame');
    return handler(event, ...args);
  };
}

export function registerFileIpc(origin: string): void {
  ipcMain.handle(
    IPC.openFile,
    guarded(origin, async (event, ...args) => {
      const [kind] = parseArgs(openFileArgs, args);
      const win = BrowserWindow.fromWebContents(event.sender);
      const spec = OPEN_FILTERS[kind as OpenFileKind];
      const opts = { title: spec.title, filters: spec.filters, properties: ['openFile' as const] };
      const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      const file = res.filePaths[0];
      if (res.canceled || !file) return null;
      return readTextFile(file);
    }),
  );
  ipcMain.handle(
    IPC.saveFile,
    guarded(origin, async (event, ...args) => {
      const [req] = parseArgs(saveFileArgs, args);
      const win = BrowserWindow.fromWebContents(event.sender);
      const opts = {
        defaultPath: req.suggestedName,
        filters: SAVE_FILTERS[req.kind as SaveFileKind],
      };
      const res = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
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
      const win = BrowserWindow.fromWebContents(event.sender);
      const opts = { defaultPath: name, filters: SAVE_FILTERS.pdf };
      const res = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      if (res.canceled || !res.filePath) return null;
      const pdf = await event.sender.printToPDF({ printBackground: true, pageSize: 'A4' });
      await writeFileAtomic(res.filePath, pdf);
      return { location: res.filePath };
    }),
  );
  ipcMain.handle(
    IPC.openExternal,
    guarded(origin, async (_event, ...args) => {
      const [url] = parseArgs(externalUrlArgs, args);
      if (!isSafeExternalUrl(url))
        throw new Error('Refused: only https links open outside the app');
      await shell.openExternal(url);
    }),
  );
}

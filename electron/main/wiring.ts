/**
 * The main process's wiring, each piece a function of the Electron objects it configures, so unit
 * tests drive it with small fakes (index.ts only composes them). Types only from 'electron'.
 */
import type {
  CustomScheme,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { IPC } from '../../src/shared/ipc';
import { registerAppIpc, type AppIpcDeps } from './ipc/app';
import { registerFileIpc, type FileIpcDeps } from './ipc/files';
import { registerRemindersIpc, type RemindersIpcDeps } from './ipc/reminders';
import type { IpcMainLike } from './ipc/types';
import { isTrustedSender } from './ipc/validate';
import { APP_SCHEME, mimeTypeOf, resolveAppRequest } from './protocol';
import { isAppUrl, isSafeExternalUrl } from './security';

// ---------------------------------------------------------------------------------------------
// app:// protocol

/** app:// behaves like https (IndexedDB, fetch, secure context); codeCache keeps compiled code. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** Must run before `ready`. */
export function registerAppScheme(protocol: {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
}): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/**
 * The app:// handler: a file of `rendererDir` (never outside it) with its type and the CSP, else
 * 404. `fetchFile` reads a file:// URL (Electron's net.fetch in the app).
 */
export function appProtocolHandler(
  rendererDir: string,
  fetchFile: (fileUrl: string) => Promise<Response>,
  toFileUrl: (filePath: string) => string,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response('Method not allowed', { status: 405 });
    const file = resolveAppRequest(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    let res: Response;
    try {
      res = await fetchFile(toFileUrl(file));
    } catch {
      return new Response('Not found', { status: 404 });
    }
    if (!res.ok) return new Response('Not found', { status: 404 });
    return new Response(res.body, {
      headers: {
        'content-type': mimeTypeOf(file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  };
}

/** Serve the renderer on app:// (after `ready`). */
export function serveAppProtocol(
  protocol: {
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
  },
  opts: {
    rendererDir: string;
    fetchFile: (fileUrl: string) => Promise<Response>;
    toFileUrl: (filePath: string) => string;
  },
): void {
  protocol.handle(APP_SCHEME, appProtocolHandler(opts.rendererDir, opts.fetchFile, opts.toFileUrl));
}

// ---------------------------------------------------------------------------------------------
// Navigation, new windows, permissions

export interface PreventableEvent {
  preventDefault(): void;
}

/** A web contents as lockNavigation configures it. */
export interface NavigableContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: PreventableEvent, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Keep a web contents on the app's origin: navigations and redirects elsewhere are blocked,
 * webviews never attach, and `window.open` opens nothing inside the app (an https link goes to
 * the system browser through `openExternal`).
 */
export function lockNavigation(
  contents: NavigableContents,
  appOrigin: string,
  openExternal: (url: string) => void,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** A session as denyPermissions configures it. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void;
  setDevicePermissionHandler?(handler: (...args: unknown[]) => boolean): void;
}

/** The app needs no camera, microphone, notifications, devices...: every request is refused. */
export function denyPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
}

// ---------------------------------------------------------------------------------------------
// IPC

export interface IpcDeps<S> {
  files: FileIpcDeps<S>;
  app: AppIpcDeps;
  reminders: RemindersIpcDeps;
}

/** Every invoke handler of the contract (src/shared/ipc.ts), each checking its sender. */
export function registerAllIpc<S>(ipcMain: IpcMainLike<S>, origin: string, deps: IpcDeps<S>): void {
  registerFileIpc(ipcMain, origin, deps.files);
  registerAppIpc(ipcMain, origin, deps.app);
  registerRemindersIpc(ipcMain, origin, deps.reminders);
}

/** Electron's dialogs, attached to the window of the sender when it has one. */
export function windowDialogs<S, W>(
  windowOf: (sender: S) => W | null,
  dialog: {
    showOpenDialog(window: W, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
    showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
    showSaveDialog(window: W, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
    showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  },
): Pick<FileIpcDeps<S>, 'showOpenDialog' | 'showSaveDialog'> {
  return {
    showOpenDialog: (sender, options) => {
      const win = windowOf(sender);
      return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
    },
    showSaveDialog: (sender, options) => {
      const win = windowOf(sender);
      return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
    },
  };
}

/** Electron's Notification class as the reminders use it. */
export interface NotificationClass {
  isSupported(): boolean;
  new (options: { title: string; body: string; silent?: boolean }): {
    on(event: 'click', listener: () => void): unknown;
    show(): void;
  };
}

/**
 * Show a reminder as a desktop notification; a click brings the window to the front and opens
 * the reminders list there. False when the system has no notifications.
 */
export function reminderNotifier(
  Notification: NotificationClass,
  getWindow: () => (FocusableWindow & { webContents: { send(channel: string): void } }) | null,
): RemindersIpcDeps['notify'] {
  return ({ title, body }) => {
    if (!Notification.isSupported()) return false;
    const n = new Notification({ title, body });
    n.on('click', () => {
      const win = getWindow();
      if (!win) return;
      if (win.isMinimized()) win.restore();
      win.focus();
      win.webContents.send(IPC.openReminders);
    });
    n.show();
    return true;
  };
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

/** The app object as the lifecycle hooks use it. */
export interface LifecycleApp {
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'second-instance', listener: () => void): unknown;
  requestSingleInstanceLock(): boolean;
  quit(): void;
}

export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

/**
 * One instance owns the database: a second launch quits and brings the first one's window to
 * the front. Returns false in the instance that must quit.
 */
export function enforceSingleInstance(
  app: LifecycleApp,
  getWindow: () => FocusableWindow | null,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = getWindow();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  return true;
}

type MessageListener = (event: { senderFrame: { url: string } | null }, value: unknown) => void;

/** ipcMain as the quit hook listens on it (one-way messages, not invoke). */
export interface MessageChannel {
  on(channel: string, listener: MessageListener): unknown;
  removeListener(channel: string, listener: MessageListener): unknown;
}

/**
 * On quit, ask the renderer for a last backup and store it before quitting: at most once, within
 * `timeoutMs`; answers from other frames are ignored, an empty answer (nothing to back up) or a
 * refused or failed write still quits. The store's own checks decide what is written.
 */
export function installQuitBackup(
  app: LifecycleApp,
  ipcMain: MessageChannel,
  opts: {
    origin: string;
    getWindow: () => { webContents: { send(channel: string): void } } | null;
    write: (text: string) => Promise<unknown>;
    onError?: (error: unknown) => void;
    timeoutMs?: number;
  },
): void {
  let asked = false;
  app.on('before-quit', (event) => {
    const win = opts.getWindow();
    if (asked || !win) return;
    asked = true;
    event.preventDefault();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      ipcMain.removeListener(IPC.backupResponse, onResponse);
      app.quit();
    };
    const onResponse: MessageListener = (e, text) => {
      if (done || !isTrustedSender(e, opts.origin)) return;
      if (typeof text !== 'string' || text === '') return finish();
      done = true;
      clearTimeout(timer);
      ipcMain.removeListener(IPC.backupResponse, onResponse);
      void opts
        .write(text)
        .catch((err: unknown) => opts.onError?.(err))
        .finally(() => app.quit());
    };
    const timer = setTimeout(finish, opts.timeoutMs ?? 5000);
    ipcMain.on(IPC.backupResponse, onResponse);
    win.webContents.send(IPC.backupRequest);
  });
}

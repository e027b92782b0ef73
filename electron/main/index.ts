import { app, BrowserWindow, ipcMain, Menu, net, protocol, screen, session, shell } from 'electron';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { IPC, type MenuAction } from '../../src/shared/ipc';
import { registerAppIpc, writeAutoBackup } from './ipc/app';
import { registerFileIpc } from './ipc/files';
import { buildMenuTemplate } from './menu';
import { APP_ENTRY, APP_SCHEME, mimeTypeOf, resolveAppRequest } from './protocol';
import { allowedOrigin, isAppUrl, isSafeExternalUrl } from './security';
import { buildWindowOptions } from './window-options';
import { restoreBounds, serializeBounds } from './window-state';

// Must run before `ready`: app:// behaves like https (IndexedDB, fetch, secure context). With
// codeCache, V8 keeps the compiled bundle between launches (Electron caches only http(s) by
// default), so a start after the first skips compiling the app's code.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);

const devUrl = process.env.ELECTRON_RENDERER_URL;
const origin = allowedOrigin(devUrl);
const rendererDir = path.join(__dirname, '../renderer');
let mainWindow: BrowserWindow | null = null;

function stateFile(): string {
  return path.join(app.getPath('userData'), 'window-state.json');
}

function createWindow(): void {
  let saved: string | null = null;
  try {
    saved = readFileSync(stateFile(), 'utf8');
  } catch {
    saved = null;
  }
  const bounds = restoreBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow(
    buildWindowOptions(path.join(__dirname, '../preload/index.js'), bounds),
  );
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    void fs.writeFile(stateFile(), serializeBounds(win.getBounds())).catch(() => undefined);
  });
  win.on('closed', () => {
    mainWindow = null;
  });
  const send = (action: MenuAction) => win.webContents.send(IPC.menu, action);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate(send, process.platform === 'darwin')),
  );
  void win.loadURL(devUrl ?? APP_ENTRY);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, origin)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, origin)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    protocol.handle(APP_SCHEME, async (request) => {
      const file = resolveAppRequest(rendererDir, request.url);
      if (!file) return new Response('Not found', { status: 404 });
      const res = await net.fetch(pathToFileURL(file).toString());
      if (!res.ok) return new Response('Not found', { status: 404 });
      return new Response(res.body, {
        headers: {
          'content-type': mimeTypeOf(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
        },
      });
    });
    registerFileIpc(origin);
    registerAppIpc(origin);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  // On quit, ask the renderer for a last backup (bounded wait) and store it with retention.
  let finalBackupDone = false;
  app.on('before-quit', (event) => {
    if (finalBackupDone || !mainWindow) return;
    event.preventDefault();
    finalBackupDone = true;
    const wc = mainWindow.webContents;
    const timer = setTimeout(() => app.quit(), 5000);
    ipcMain.once(IPC.backupResponse, (e, json: unknown) => {
      clearTimeout(timer);
      const ok =
        e.senderFrame &&
        isAppUrl(e.senderFrame.url, origin) &&
        typeof json === 'string' &&
        json.length > 2;
      void (ok ? writeAutoBackup(json) : Promise.resolve()).finally(() => app.quit());
    });
    wc.send(IPC.backupRequest);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

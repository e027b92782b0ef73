import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  Notification,
  protocol,
  screen,
  session,
  shell,
  type WebContents,
} from 'electron';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC, type MenuAction } from '../../src/shared/ipc';
import { buildMenuTemplate } from './menu';
import { APP_ENTRY } from './protocol';
import { allowedOrigin } from './security';
import { autoBackupStore } from './services/auto-backups';
import { buildWindowOptions } from './window-options';
import { restoreBounds, serializeBounds } from './window-state';
import {
  denyPermissions,
  enforceSingleInstance,
  installQuitBackup,
  lockNavigation,
  registerAllIpc,
  reminderNotifier,
  registerAppScheme,
  serveAppProtocol,
  windowDialogs,
} from './wiring';

// Composition only: each piece lives in wiring.ts (unit-tested with fakes) or a pure module.

registerAppScheme(protocol);

const devUrl = process.env.ELECTRON_RENDERER_URL;
const origin = allowedOrigin(devUrl);
const rendererDir = path.join(__dirname, '../renderer');
let mainWindow: BrowserWindow | null = null;

const stateFile = () => path.join(app.getPath('userData'), 'window-state.json');

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

if (enforceSingleInstance(app, () => mainWindow)) {
  app.on('web-contents-created', (_e, contents) =>
    lockNavigation(contents, origin, (url) => void shell.openExternal(url)),
  );

  void app.whenReady().then(() => {
    const backups = autoBackupStore(path.join(app.getPath('userData'), 'backups'));
    denyPermissions(session.defaultSession);
    serveAppProtocol(protocol, {
      rendererDir,
      fetchFile: (url) => net.fetch(url),
      toFileUrl: (file) => pathToFileURL(file).toString(),
    });
    registerAllIpc<WebContents>(ipcMain, origin, {
      files: {
        ...windowDialogs((sender: WebContents) => BrowserWindow.fromWebContents(sender), dialog),
        printToPdf: (sender) => sender.printToPDF({ printBackground: true, pageSize: 'A4' }),
        openExternal: (url) => shell.openExternal(url),
      },
      app: {
        appInfo: () => ({
          name: app.getName(),
          version: app.getVersion(),
          runtime: 'electron',
          platform: process.platform,
        }),
        backups,
        showDataFolder: async () => {
          await fs.mkdir(path.join(app.getPath('userData'), 'backups'), { recursive: true });
          await shell.openPath(app.getPath('userData'));
        },
      },
      reminders: { notify: reminderNotifier(Notification, () => mainWindow) },
    });
    installQuitBackup(app, ipcMain, {
      origin,
      getWindow: () => mainWindow,
      write: (text) => backups.write(text),
      onError: (e) => console.error('The backup on quit was not written:', e),
    });
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

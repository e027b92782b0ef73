import { IPC, type AppInfo } from '../../../src/shared/ipc';
import type { AutoBackupStore } from '../services/auto-backups';
import { guarded } from './files';
import type { IpcMainLike } from './types';
import { autoBackupNameArgs, autoBackupWriteArgs, noArgs, parseArgs } from './validate';

/** What the app handlers need from the main process (Electron's app and shell in the app). */
export interface AppIpcDeps {
  appInfo(): AppInfo;
  backups: AutoBackupStore;
  /** Open the data folder (userData) in the system's file manager. */
  showDataFolder(): Promise<void>;
}

export function registerAppIpc<S>(ipcMain: IpcMainLike<S>, origin: string, deps: AppIpcDeps): void {
  ipcMain.handle(
    IPC.appInfo,
    guarded(origin, (_e, ...args): AppInfo => {
      parseArgs(noArgs, args);
      return deps.appInfo();
    }),
  );
  ipcMain.handle(
    IPC.writeAutoBackup,
    guarded(origin, async (_e, ...args) => {
      const [json] = parseArgs(autoBackupWriteArgs, args);
      // The store refuses anything but a whole backup as the app writes it (header, tables,
      // counts, closing), and applies retention only after the new file is safely in place.
      await deps.backups.write(json);
    }),
  );
  ipcMain.handle(
    IPC.listAutoBackups,
    guarded(origin, async (_e, ...args) => {
      parseArgs(noArgs, args);
      return deps.backups.list();
    }),
  );
  ipcMain.handle(
    IPC.readAutoBackup,
    guarded(origin, async (_e, ...args) => {
      const [name] = parseArgs(autoBackupNameArgs, args);
      return deps.backups.read(name);
    }),
  );
  ipcMain.handle(
    IPC.showDataFolder,
    guarded(origin, async (_e, ...args) => {
      parseArgs(noArgs, args);
      await deps.showDataFolder();
    }),
  );
}

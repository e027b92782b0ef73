import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, MENU_ACTIONS, type AppApi, type MenuAction } from '../../src/shared/ipc';

// Named functions only: the renderer never sees ipcRenderer or raw events.
const api = {
  openFile: (kind) => ipcRenderer.invoke(IPC.openFile, kind),
  saveFile: (request) => ipcRenderer.invoke(IPC.saveFile, request),
  appInfo: () => ipcRenderer.invoke(IPC.appInfo),
  onMenu: (listener) => {
    const wrapped = (_e: IpcRendererEvent, action: unknown) => {
      if (MENU_ACTIONS.includes(action as MenuAction)) listener(action as MenuAction);
    };
    ipcRenderer.on(IPC.menu, wrapped);
    return () => ipcRenderer.removeListener(IPC.menu, wrapped);
  },
  printToPdf: (name) => ipcRenderer.invoke(IPC.printToPdf, name),
  writeAutoBackup: (json) => ipcRenderer.invoke(IPC.writeAutoBackup, json),
  listAutoBackups: () => ipcRenderer.invoke(IPC.listAutoBackups),
  readAutoBackup: (name) => ipcRenderer.invoke(IPC.readAutoBackup, name),
  showDataFolder: () => ipcRenderer.invoke(IPC.showDataFolder),
  openExternal: (url) => ipcRenderer.invoke(IPC.openExternal, url),
  notifyReminders: (notes) => ipcRenderer.invoke(IPC.notifyReminders, notes),
  onOpenReminders: (listener) => {
    const wrapped = () => listener();
    ipcRenderer.on(IPC.openReminders, wrapped);
    return () => ipcRenderer.removeListener(IPC.openReminders, wrapped);
  },
  onBackupRequest: (provider) => {
    const wrapped = () => {
      void provider()
        .then((json) => ipcRenderer.send(IPC.backupResponse, json))
        .catch(() => ipcRenderer.send(IPC.backupResponse, ''));
    };
    ipcRenderer.on(IPC.backupRequest, wrapped);
    return () => ipcRenderer.removeListener(IPC.backupRequest, wrapped);
  },
} satisfies AppApi;

contextBridge.exposeInMainWorld('api', api);

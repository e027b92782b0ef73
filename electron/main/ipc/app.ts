import { app, ipcMain, shell } from 'electron';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { IPC, type AppInfo, type AutoBackupEntry } from '../../../src/shared/ipc';
import { autoBackupName, parseAutoBackupTime, selectBackupsToKeep } from '../services/auto-backups';
import { writeFileAtomic } from '../services/files';
import { guarded } from './files';
import { autoBackupNameArgs, autoBackupWriteArgs, noArgs, parseArgs } from './validate';

export function backupDir(): string {
  return path.join(app.getPath('userData'), 'backups');
}

export async function listBackups(): Promise<AutoBackupEntry[]> {
  const dir = backupDir();
  await fs.mkdir(dir, { recursive: true });
  const names = await fs.readdir(dir);
  const out: AutoBackupEntry[] = [];
  for (const name of names) {
    const t = parseAutoBackupTime(name);
    if (t === null) continue;
    const st = await fs.stat(path.join(dir, name));
    out.push({ name, createdAt: t, size: st.size });
  }
  return out.sort((a, b) => b.createdAt - a.createdAt);
}

/** Write one automatic backup and apply the 7-daily / 4-weekly retention. */
export async function writeAutoBackup(json: string, now = new Date()): Promise<void> {
  const dir = backupDir();
  await fs.mkdir(dir, { recursive: true });
  await writeFileAtomic(path.join(dir, autoBackupName(now)), json);
  const names = (await fs.readdir(dir)).filter((n) => parseAutoBackupTime(n) !== null);
  const keep = selectBackupsToKeep(names);
  await Promise.all(names.filter((n) => !keep.has(n)).map((n) => fs.rm(path.join(dir, n))));
}

export function registerAppIpc(origin: string): void {
  ipcMain.handle(
    IPC.appInfo,
    guarded(origin, (_e, ...args): AppInfo => {
      parseArgs(noArgs, args);
      return {
        name: app.getName(),
        version: app.getVersion(),
        runtime: 'electron',
        platform: process.platform,
      };
    }),
  );
  ipcMain.handle(
    IPC.writeAutoBackup,
    guarded(origin, async (_e, ...args) => {
      const [json] = parseArgs(autoBackupWriteArgs, args);
      await writeAutoBackup(json);
    }),
  );
  ipcMain.handle(
    IPC.listAutoBackups,
    guarded(origin, async (_e, ...args) => {
      parseArgs(noArgs, args);
      return listBackups();
    }),
  );
  ipcMain.handle(
    IPC.readAutoBackup,
    guarded(origin, async (_e, ...args) => {
      const [name] = parseArgs(autoBackupNameArgs, args);
      return fs.readFile(path.join(backupDir(), name), 'utf8');
    }),
  );
  ipcMain.handle(
    IPC.showDataFolder,
    guarded(origin, async (_e, ...args) => {
      parseArgs(noArgs, args);
      await fs.mkdir(backupDir(), { recursive: true });
      await shell.openPath(app.getPath('userData'));
    }),
  );
}

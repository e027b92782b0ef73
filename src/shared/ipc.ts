/**
 * The one contract between the Electron main process, the preload and the renderer.
 * Types only (plus channel names): both sides import it, neither imports the other.
 */

/** What kind of file the owner is opening; picks the dialog's title and filters. */
export type OpenFileKind = 'backup' | 'orders-csv' | 'partners-csv' | 'csv';
export const OPEN_FILE_KINDS: readonly OpenFileKind[] = [
  'backup',
  'orders-csv',
  'partners-csv',
  'csv',
];

/** What kind of file the owner is saving. */
export type SaveFileKind = 'backup' | 'csv' | 'ics' | 'png' | 'pdf' | 'zip';
export const SAVE_FILE_KINDS: readonly SaveFileKind[] = [
  'backup',
  'csv',
  'ics',
  'png',
  'pdf',
  'zip',
];

export interface OpenedFile {
  name: string;
  text: string;
}

export interface SaveFileRequest {
  kind: SaveFileKind;
  suggestedName: string;
  /**
   * UTF-8 text, or base64 when `encoding` is 'base64' (images). Big text may come as parts, in
   * order, some already as UTF-8 bytes: a 200 MB backup is never joined into one string.
   */
  data: string | (string | Uint8Array<ArrayBuffer>)[];
  encoding: 'utf8' | 'base64';
}

export interface SavedFile {
  /** Where it went (a path in Electron, the download name in a browser). */
  location: string;
}

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' in the desktop app, 'browser' in a plain browser. */
  runtime: 'electron' | 'browser';
  platform: string;
}

export type MenuAction =
  'import-backup' | 'export-backup' | 'import-orders' | 'about' | 'undo' | 'redo';
export const MENU_ACTIONS: readonly MenuAction[] = [
  'import-backup',
  'export-backup',
  'import-orders',
  'about',
  'undo',
  'redo',
];

export interface AutoBackupEntry {
  name: string;
  createdAt: number;
  size: number;
}

/** One reminder as a desktop notification shows it; `id` stays the same while it is due. */
export interface ReminderNote {
  id: string;
  title: string;
  body: string;
}
/** At most this many reminders go to the main process at a time. */
export const MAX_REMINDER_NOTES = 100;

/** The object the preload exposes as `window.api`. */
export interface AppApi {
  openFile(kind: OpenFileKind): Promise<OpenedFile | null>;
  saveFile(request: SaveFileRequest): Promise<SavedFile | null>;
  appInfo(): Promise<AppInfo>;
  /** Subscribe to application-menu actions; returns an unsubscribe function. */
  onMenu(listener: (action: MenuAction) => void): () => void;
  /** Render the current window to PDF and save it where the owner chooses. */
  printToPdf(suggestedName: string): Promise<SavedFile | null>;
  /**
   * Store an automatic backup in the app's data folder. Main refuses anything but a whole backup
   * as the writer lays it out (checkAutoBackupText in auto-backups.ts), and applies retention only
   * once the new file is written, read back and renamed into place.
   */
  writeAutoBackup(json: string): Promise<void>;
  listAutoBackups(): Promise<AutoBackupEntry[]>;
  readAutoBackup(name: string): Promise<string>;
  showDataFolder(): Promise<void>;
  /** Open an https link in the system browser. */
  openExternal(url: string): Promise<void>;
  /**
   * Show the reminders not shown yet in this session as desktop notifications (a few at most,
   * else one that sums them up). Resolves to how many notifications were shown.
   */
  notifyReminders(notes: ReminderNote[]): Promise<number>;
  /** A reminder notification was clicked: open the reminders list. */
  onOpenReminders(listener: () => void): () => void;
  /** Main asks for a final backup on quit; the renderer answers with the JSON. */
  onBackupRequest(provider: () => Promise<string>): () => void;
}

export const IPC = {
  openFile: 'pawtners:open-file',
  saveFile: 'pawtners:save-file',
  appInfo: 'pawtners:app-info',
  menu: 'pawtners:menu',
  printToPdf: 'pawtners:print-to-pdf',
  writeAutoBackup: 'pawtners:auto-backup-write',
  listAutoBackups: 'pawtners:auto-backup-list',
  readAutoBackup: 'pawtners:auto-backup-read',
  showDataFolder: 'pawtners:show-data-folder',
  openExternal: 'pawtners:open-external',
  backupRequest: 'pawtners:backup-request',
  notifyReminders: 'pawtners:notify-reminders',
  openReminders: 'pawtners:open-reminders',
  backupResponse: 'pawtners:backup-response',
} as const;

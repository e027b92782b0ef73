import { IPC } from '../../../src/shared/ipc';
import { planNotices, type Notice } from '../reminders';
import { guarded } from './files';
import type { IpcMainLike } from './types';
import { parseArgs, reminderNotesArgs } from './validate';

/** What the reminders handler needs: a way to show one notification. */
export interface RemindersIpcDeps {
  /** Show a desktop notification (Electron's Notification in the app); false when unsupported. */
  notify(notice: Notice): boolean;
}

/**
 * The renderer sends the reminders due now; main shows those not shown yet this session (the
 * owner opted in in Settings: the renderer sends nothing otherwise).
 */
export function registerRemindersIpc<S>(
  ipcMain: IpcMainLike<S>,
  origin: string,
  deps: RemindersIpcDeps,
): void {
  const shown = new Set<string>();
  ipcMain.handle(
    IPC.notifyReminders,
    guarded(origin, (_e, ...args): number => {
      const [notes] = parseArgs(reminderNotesArgs, args);
      let count = 0;
      for (const notice of planNotices(notes, shown)) if (deps.notify(notice)) count += 1;
      return count;
    }),
  );
}

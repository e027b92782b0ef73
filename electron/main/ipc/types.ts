/**
 * The slice of Electron's IPC objects the handlers use, so they can be registered on a fake in
 * unit tests. `S` is the sender (Electron's WebContents in the app).
 */

/** What a handler reads from an invoke event: the frame that sent it (null when gone), the sender. */
export interface InvokeEvent<S> {
  senderFrame: { url: string } | null;
  sender: S;
}

export type Handler<S> = (event: InvokeEvent<S>, ...args: unknown[]) => unknown;

/** ipcMain as the handlers register on it. */
export interface IpcMainLike<S> {
  handle(channel: string, listener: Handler<S>): void;
}

/**
 * index.ts is composition only: loaded against a fake 'electron' module, it must register the
 * scheme before ready, then lock permissions, serve app://, register every IPC handler, hook the
 * quit backup and open the one locked-down window.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { IPC } from '../../src/shared/ipc';

const log: string[] = [];
const appListeners = new Map<string, (...a: unknown[]) => void>();
const handled = new Set<string>();
const windows: { options: Record<string, unknown>; url?: string }[] = [];
let ready!: () => void;
const userData = mkdtempSync(path.join(tmpdir(), 'pawtners-index-'));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { send: () => undefined };
    constructor(public options: Record<string, unknown>) {
      windows.push({ options });
    }
    once() {}
    on() {}
    getBounds() {
      return { x: 0, y: 0, width: 1360, height: 860 };
    }
    loadURL(url: string) {
      windows.at(-1)!.url = url;
      return Promise.resolve();
    }
    static getAllWindows = () => windows;
    static fromWebContents = () => null;
  }
  return {
    app: {
      on: (event: string, l: (...a: unknown[]) => void) => void appListeners.set(event, l),
      requestSingleInstanceLock: () => true,
      quit: () => void log.push('quit'),
      whenReady: () => new Promise<void>((r) => (ready = r)),
      getPath: () => userData,
      getName: () => 'Pawtners',
      getVersion: () => '0.1.0',
    },
    BrowserWindow,
    dialog: {},
    ipcMain: {
      handle: (channel: string) => void handled.add(channel),
      on: () => undefined,
      removeListener: () => undefined,
    },
    Menu: {
      buildFromTemplate: (t: unknown[]) => t,
      setApplicationMenu: () => void log.push('menu'),
    },
    net: { fetch: () => Promise.resolve(new Response('')) },
    Notification: { isSupported: () => false },
    protocol: {
      registerSchemesAsPrivileged: () => void log.push('schemes'),
      handle: (scheme: string) => void log.push(`handle:${scheme}`),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => void log.push('permission-request'),
        setPermissionCheckHandler: () => void log.push('permission-check'),
        setDevicePermissionHandler: () => void log.push('device-permission'),
      },
    },
    shell: { openExternal: () => Promise.resolve(), openPath: () => Promise.resolve('') },
  };
});

afterAll(() => rmSync(userData, { recursive: true, force: true }));

describe('electron/main/index.ts', () => {
  it('composes the wiring in order', async () => {
    await import('../../electron/main/index');
    // Before ready: only the scheme, the single-instance lock and the listeners.
    expect(log).toEqual(['schemes']);
    expect([...appListeners.keys()].sort()).toEqual([
      'second-instance',
      'web-contents-created',
      'window-all-closed',
    ]);
    ready();
    await vi.waitFor(() => expect(windows).toHaveLength(1));
    expect(log).toEqual([
      'schemes',
      'permission-request',
      'permission-check',
      'device-permission',
      'handle:app',
      'menu',
    ]);
    const oneWay: string[] = [IPC.menu, IPC.backupRequest, IPC.backupResponse, IPC.openReminders];
    expect([...handled].sort()).toEqual(
      Object.values(IPC)
        .filter((c) => !oneWay.includes(c))
        .sort(),
    );
    expect(appListeners.has('before-quit')).toBe(true);
    expect(appListeners.has('activate')).toBe(true);
    const [win] = windows;
    expect(win!.url).toBe('app://bundle/index.html');
    expect(win!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });

    // Every web contents created is locked to the app's origin.
    const on = vi.fn();
    const setWindowOpenHandler = vi.fn();
    appListeners.get('web-contents-created')!({}, { on, setWindowOpenHandler });
    expect(on.mock.calls.map((c) => c[0])).toEqual([
      'will-navigate',
      'will-redirect',
      'will-attach-webview',
    ]);
    expect(setWindowOpenHandler).toHaveBeenCalledOnce();
  });
});

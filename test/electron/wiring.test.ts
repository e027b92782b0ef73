/**
 * The main process's wiring driven with small fakes of Electron's objects (the Electron binary
 * cannot run here): what index.ts composes is exactly what these functions set up.
 */
import { promises as fs, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerRemindersIpc } from '../../electron/main/ipc/reminders';
import type { InvokeEvent } from '../../electron/main/ipc/types';
import { APP_ORIGIN } from '../../electron/main/protocol';
import { AutoBackupRefused, autoBackupStore } from '../../electron/main/services/auto-backups';
import {
  APP_SCHEME_PRIVILEGES,
  denyPermissions,
  enforceSingleInstance,
  installQuitBackup,
  lockNavigation,
  registerAllIpc,
  registerAppScheme,
  reminderNotifier,
  serveAppProtocol,
  windowDialogs,
  type IpcDeps,
  type NavigableContents,
  type PreventableEvent,
} from '../../electron/main/wiring';
import { autoBackupName } from '../../src/shared/auto-backups';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { IPC } from '../../src/shared/ipc';

const GOOD = readFileSync(path.join(__dirname, '../fixtures/backups/backup-v2.json'), 'utf8');

function preventable(): PreventableEvent & { prevented: boolean } {
  const e = {
    prevented: false,
    preventDefault() {
      e.prevented = true;
    },
  };
  return e;
}

describe('app:// protocol', () => {
  it('is registered privileged like https, before ready', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (s) => registered.push(...s) });
    expect(registered).toEqual([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  describe('serving the renderer folder', () => {
    let root: string;
    let handler: (r: Request) => Response | Promise<Response>;
    const fetched: string[] = [];
    beforeEach(async () => {
      // The renderer folder inside a temp folder that also holds a file it must never serve.
      root = path.join(await fs.mkdtemp(path.join(tmpdir(), 'pawtners-renderer-')), 'renderer');
      await fs.mkdir(path.join(root, 'assets'), { recursive: true });
      await fs.writeFile(path.join(root, 'index.html'), '<!doctype html><title>P</title>');
      await fs.writeFile(path.join(root, 'assets/app.js'), 'console.log(1)');
      await fs.writeFile(path.join(path.dirname(root), 'secret.txt'), 'secret');
      const schemes: string[] = [];
      serveAppProtocol(
        {
          handle: (scheme, h) => {
            schemes.push(scheme);
            handler = h;
          },
        },
        {
          rendererDir: root,
          // net.fetch of a file:// URL, played by the file system.
          fetchFile: async (url) => {
            fetched.push(url);
            try {
              return new Response(await fs.readFile(new URL(url)));
            } catch {
              return new Response('', { status: 404 });
            }
          },
          toFileUrl: (f) => pathToFileURL(f).toString(),
        },
      );
      expect(schemes).toEqual(['app']);
    });
    afterEach(async () => {
      await fs.rm(path.dirname(root), { recursive: true, force: true });
    });

    it('serves files with their type, the CSP and nosniff', async () => {
      const res = await handler(new Request('app://bundle/index.html'));
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>P</title>');
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const js = await handler(new Request('app://bundle/assets/app.js'));
      expect(js.headers.get('content-type')).toMatch(/javascript/);
      expect((await handler(new Request('app://bundle/'))).status).toBe(200);
    });

    it.each([
      'app://bundle/%2e%2e/secret.txt',
      'app://bundle/assets/..%2f..%2fsecret.txt',
      'app://other/index.html',
      'app://bundle/missing.js',
    ])('answers 404 to %s without reading outside the folder', async (url) => {
      fetched.length = 0;
      const res = await handler(new Request(url));
      expect(res.status).toBe(404);
      for (const f of fetched) expect(f.startsWith(pathToFileURL(root).toString())).toBe(true);
    });

    it('refuses anything but GET and HEAD', async () => {
      const res = await handler(new Request('app://bundle/index.html', { method: 'POST' }));
      expect(res.status).toBe(405);
    });

    it('answers 404 when reading the file throws', async () => {
      let h!: (r: Request) => Response | Promise<Response>;
      serveAppProtocol(
        { handle: (_s, fn) => (h = fn) },
        {
          rendererDir: root,
          fetchFile: () => Promise.reject(new Error('gone')),
          toFileUrl: (f) => pathToFileURL(f).toString(),
        },
      );
      expect((await h(new Request('app://bundle/index.html'))).status).toBe(404);
    });
  });
});

/** A web contents that records its listeners, so a test can fire its events. */
function fakeContents() {
  const listeners = new Map<string, (e: PreventableEvent, url?: string) => void>();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  const contents: NavigableContents = {
    on: (event: string, listener: (e: PreventableEvent, url: string) => void) => {
      listeners.set(event, listener as (e: PreventableEvent, url?: string) => void);
      return contents;
    },
    setWindowOpenHandler: (h) => {
      openHandler = h;
    },
  };
  const fire = (event: string, url?: string) => {
    const e = preventable();
    listeners.get(event)!(e, url);
    return e.prevented;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('navigation lock', () => {
  it('blocks navigation and redirects off the app origin', () => {
    const { contents, fire } = fakeContents();
    lockNavigation(contents, APP_ORIGIN, () => undefined);
    expect(fire('will-navigate', 'app://bundle/index.html#/partners')).toBe(false);
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'app://bundle.evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'app://bundle/index.html')).toBe(false);
    expect(fire('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('uses the dev server origin when there is one', () => {
    const { contents, fire } = fakeContents();
    lockNavigation(contents, 'http://localhost:5173', () => undefined);
    expect(fire('will-navigate', 'http://localhost:5173/#/sales')).toBe(false);
    expect(fire('will-navigate', 'http://localhost:5174/')).toBe(true);
  });

  it('denies every new window; only https links go to the system browser', () => {
    const opened: string[] = [];
    const { contents, open } = fakeContents();
    lockNavigation(contents, APP_ORIGIN, (url) => opened.push(url));
    for (const url of [
      'https://help.example/a',
      'http://help.example/a',
      'file:///etc/passwd',
      'app://bundle/index.html',
      'javascript:alert(1)',
      'https://user:pw@x.example/',
    ])
      expect(open(url)).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://help.example/a']);
  });
});

describe('permissions', () => {
  it('denies every request and check, devices too', () => {
    let request!: (c: unknown, p: string, cb: (granted: boolean) => void) => void;
    let check!: (...a: unknown[]) => boolean;
    let device!: (...a: unknown[]) => boolean;
    denyPermissions({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
      setDevicePermissionHandler: (h) => (device = h),
    });
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      request({}, p, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(check({}, p, 'app://bundle')).toBe(false);
    }
    expect(device({ deviceType: 'usb' })).toBe(false);
  });
});

type Sender = { id: number };
type Listener = (event: InvokeEvent<Sender>, ...args: unknown[]) => unknown;

describe('IPC registration', () => {
  let dir: string;
  let handlers: Map<string, Listener>;
  let deps: IpcDeps<Sender>;
  const calls: string[] = [];
  const trusted: InvokeEvent<Sender> = {
    senderFrame: { url: 'app://bundle/index.html#/settings' },
    sender: { id: 1 },
  };
  const invoke = (channel: string, event: InvokeEvent<Sender>, ...args: unknown[]) =>
    Promise.resolve().then(() => handlers.get(channel)!(event, ...args));

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(tmpdir(), 'pawtners-ipc-'));
    calls.length = 0;
    handlers = new Map();
    deps = {
      files: {
        showOpenDialog: async (sender, o) => {
          calls.push(`open:${sender.id}:${o.title}`);
          return { canceled: false, filePaths: [path.join(dir, 'in.csv')] };
        },
        showSaveDialog: async (sender, o) => {
          calls.push(`save:${sender.id}:${o.defaultPath}`);
          return { canceled: false, filePath: path.join(dir, String(o.defaultPath)) };
        },
        printToPdf: async (sender) => {
          calls.push(`pdf:${sender.id}`);
          return new TextEncoder().encode('%PDF-1.7');
        },
        openExternal: async (url) => void calls.push(`external:${url}`),
      },
      app: {
        appInfo: () => ({ name: 'Pawtners', version: '0.1.0', runtime: 'electron', platform: 'x' }),
        backups: autoBackupStore(path.join(dir, 'backups'), () => new Date(Date.UTC(2026, 0, 2))),
        showDataFolder: async () => void calls.push('folder'),
      },
      reminders: {
        notify: ({ title }) => {
          calls.push(`notify:${title}`);
          return true;
        },
      },
    };
    registerAllIpc({ handle: (channel, l) => void handlers.set(channel, l) }, APP_ORIGIN, deps);
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('handles every invoke channel of the contract, and only those', () => {
    const oneWay: string[] = [IPC.menu, IPC.backupRequest, IPC.backupResponse, IPC.openReminders];
    const invokeChannels = Object.values(IPC).filter((c) => !oneWay.includes(c));
    expect([...handlers.keys()].sort()).toEqual(invokeChannels.sort());
  });

  it.each([
    ['another origin', { url: 'https://evil.example/' }],
    ['a look-alike host', { url: 'app://bundle.evil.example/index.html' }],
    ['a frame that is gone', null],
  ])('refuses every channel from %s', async (_what, frame) => {
    const event = { senderFrame: frame, sender: { id: 2 } };
    for (const channel of handlers.keys())
      await expect(invoke(channel, event, 'backup')).rejects.toThrow(/unknown frame/);
    expect(calls).toEqual([]);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('validates arguments before doing anything', async () => {
    await expect(invoke(IPC.openFile, trusted, 'exe')).rejects.toThrow(/Invalid arguments/);
    await expect(invoke(IPC.appInfo, trusted, 'extra')).rejects.toThrow(/Invalid arguments/);
    await expect(
      invoke(IPC.saveFile, trusted, {
        kind: 'csv',
        suggestedName: '../../.bashrc',
        data: 'x',
        encoding: 'utf8',
      }),
    ).rejects.toThrow(/Invalid arguments/);
    await expect(invoke(IPC.readAutoBackup, trusted, '../window-state.json')).rejects.toThrow(
      /Invalid arguments/,
    );
    await expect(invoke(IPC.openExternal, trusted, 'http://plain.example/')).rejects.toThrow(
      /only https/,
    );
    expect(calls).toEqual([]);
  });

  it('opens, saves and prints through the dialogs of the sender', async () => {
    await fs.writeFile(path.join(dir, 'in.csv'), 'a,b\n1,2\n');
    expect(await invoke(IPC.openFile, trusted, 'orders-csv')).toEqual({
      name: 'in.csv',
      text: 'a,b\n1,2\n',
    });
    const saved = await invoke(IPC.saveFile, trusted, {
      kind: 'csv',
      suggestedName: 'out.csv',
      data: ['a,', new TextEncoder().encode('b')],
      encoding: 'utf8',
    });
    expect(saved).toEqual({ location: path.join(dir, 'out.csv') });
    expect(await fs.readFile(path.join(dir, 'out.csv'), 'utf8')).toBe('a,b');
    await invoke(IPC.printToPdf, trusted, 'report.pdf');
    expect(await fs.readFile(path.join(dir, 'report.pdf'), 'utf8')).toBe('%PDF-1.7');
    await invoke(IPC.openExternal, trusted, 'https://help.example/');
    await invoke(IPC.showDataFolder, trusted);
    expect(calls).toEqual([
      'open:1:Import orders',
      'save:1:out.csv',
      'save:1:report.pdf',
      'pdf:1',
      'external:https://help.example/',
      'folder',
    ]);
    expect(await invoke(IPC.appInfo, trusted)).toMatchObject({ runtime: 'electron' });
  });

  it('stores a whole backup, refuses anything else, lists and reads them back', async () => {
    for (const bad of ['{}', 'xx', GOOD.slice(0, -10), 42])
      await expect(invoke(IPC.writeAutoBackup, trusted, bad)).rejects.toThrow(
        bad === 42 ? /Invalid arguments/ : AutoBackupRefused,
      );
    expect(await invoke(IPC.listAutoBackups, trusted)).toEqual([]);
    await invoke(IPC.writeAutoBackup, trusted, GOOD);
    const name = autoBackupName(new Date(Date.UTC(2026, 0, 2)));
    expect(await invoke(IPC.listAutoBackups, trusted)).toEqual([
      { name, createdAt: Date.UTC(2026, 0, 2), size: Buffer.byteLength(GOOD) },
    ]);
    expect(await invoke(IPC.readAutoBackup, trusted, name)).toBe(GOOD);
  });
});

describe('reminder notifications', () => {
  it('shows each reminder once per session, after checking its arguments', async () => {
    const shown: string[] = [];
    const handlers = new Map<string, Listener>();
    registerRemindersIpc({ handle: (c, l) => void handlers.set(c, l) }, APP_ORIGIN, {
      notify: ({ title, body }) => {
        shown.push(`${title} | ${body}`);
        return true;
      },
    });
    const send = (...args: unknown[]) =>
      Promise.resolve().then(() =>
        handlers.get(IPC.notifyReminders)!(
          { senderFrame: { url: 'app://bundle/index.html' }, sender: { id: 1 } },
          ...args,
        ),
      );
    const note = (id: string) => ({ id, title: `Title ${id}`, body: `Body ${id}` });
    await expect(send([{ id: 'x', title: 'T' }])).rejects.toThrow(/Invalid arguments/);
    await expect(send([{ ...note('a'), html: '<b>' }])).rejects.toThrow(/Invalid arguments/);
    await expect(send(Array.from({ length: 101 }, (_, i) => note(String(i))))).rejects.toThrow(
      /Invalid arguments/,
    );
    expect(await send([note('a'), note('b')])).toBe(2);
    // Again with one new: only the new one.
    expect(await send([note('a'), note('b'), note('c')])).toBe(1);
    expect(shown).toEqual(['Title a | Body a', 'Title b | Body b', 'Title c | Body c']);
    expect(await send([])).toBe(0);
  });

  it('a click brings the window forward and opens the reminders list', () => {
    const events: string[] = [];
    let click = () => undefined as void;
    class FakeNotification {
      static isSupported() {
        return true;
      }
      constructor(readonly options: { title: string; body: string }) {
        events.push(`new:${options.title}`);
      }
      on(_e: 'click', l: () => void) {
        click = l;
      }
      show() {
        events.push('show');
      }
    }
    const win = {
      isMinimized: () => true,
      restore: () => void events.push('restore'),
      focus: () => void events.push('focus'),
      webContents: { send: (c: string) => void events.push(`send:${c}`) },
    };
    const notify = reminderNotifier(FakeNotification, () => win);
    expect(notify({ title: 'Due', body: 'b' })).toBe(true);
    click();
    expect(events).toEqual(['new:Due', 'show', 'restore', 'focus', `send:${IPC.openReminders}`]);
    class Unsupported extends FakeNotification {
      static override isSupported() {
        return false;
      }
    }
    expect(reminderNotifier(Unsupported, () => win)({ title: 'x', body: '' })).toBe(false);
  });
});

describe('dialogs', () => {
  it('attach to the sender window when there is one', async () => {
    const seen: unknown[][] = [];
    const ret = { canceled: true, filePaths: [], filePath: '' };
    const dialog = {
      showOpenDialog: async (...a: unknown[]) => (seen.push(['open', ...a]), ret),
      showSaveDialog: async (...a: unknown[]) => (seen.push(['save', ...a]), ret),
    };
    const d = windowDialogs((s: string) => (s === 'with' ? 'WIN' : null), dialog);
    await d.showOpenDialog('with', { title: 't' });
    await d.showOpenDialog('without', { title: 't' });
    await d.showSaveDialog('with', {});
    await d.showSaveDialog('without', {});
    expect(seen).toEqual([
      ['open', 'WIN', { title: 't' }],
      ['open', { title: 't' }],
      ['save', 'WIN', {}],
      ['save', {}],
    ]);
  });
});

/** The app object: records listeners and quits. */
function fakeApp(lock = true) {
  const listeners = new Map<string, (e: PreventableEvent) => void>();
  const app = {
    quits: 0,
    on: (event: string, l: (e: PreventableEvent) => void) => {
      listeners.set(event, l);
      return app;
    },
    requestSingleInstanceLock: () => lock,
    quit: () => {
      app.quits++;
    },
  };
  const fire = (event: string) => {
    const e = preventable();
    listeners.get(event)?.(e);
    return e.prevented;
  };
  return { app, fire, has: (event: string) => listeners.has(event) };
}

describe('single instance', () => {
  it('the second instance quits', () => {
    const { app, has } = fakeApp(false);
    expect(enforceSingleInstance(app, () => null)).toBe(false);
    expect(app.quits).toBe(1);
    expect(has('second-instance')).toBe(false);
  });
  it('the first brings its window back when another launch is tried', () => {
    const { app, fire } = fakeApp(true);
    const win = { minimized: true, focused: false };
    expect(
      enforceSingleInstance(app, () => ({
        isMinimized: () => win.minimized,
        restore: () => void (win.minimized = false),
        focus: () => void (win.focused = true),
      })),
    ).toBe(true);
    fire('second-instance');
    expect(win).toEqual({ minimized: false, focused: true });
    expect(app.quits).toBe(0);
  });
});

describe('backup on quit', () => {
  type Msg = (e: { senderFrame: { url: string } | null }, v: unknown) => void;
  function setup(opts: { write?: (t: string) => Promise<unknown>; hasWindow?: boolean } = {}) {
    const { app, fire } = fakeApp();
    const listeners = new Set<Msg>();
    const ipcMain = {
      on: (_c: string, l: Msg) => void listeners.add(l),
      removeListener: (_c: string, l: Msg) => void listeners.delete(l),
    };
    const sent: string[] = [];
    const written: string[] = [];
    const errors: unknown[] = [];
    installQuitBackup(app, ipcMain, {
      origin: APP_ORIGIN,
      getWindow: () =>
        opts.hasWindow === false ? null : { webContents: { send: (c) => void sent.push(c) } },
      write:
        opts.write ??
        (async (t) => {
          written.push(t);
        }),
      onError: (e) => errors.push(e),
      timeoutMs: 50,
    });
    const answer = (url: string | null, v: unknown) =>
      [...listeners].forEach((l) => l({ senderFrame: url === null ? null : { url } }, v));
    return { app, fire, sent, written, errors, answer, listeners };
  }
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('asks the window once, writes the answer, then quits', async () => {
    const s = setup();
    expect(s.fire('before-quit')).toBe(true);
    expect(s.sent).toEqual([IPC.backupRequest]);
    s.answer('app://bundle/index.html', GOOD);
    await settle();
    expect(s.written).toEqual([GOOD]);
    expect(s.app.quits).toBe(1);
    expect(s.listeners.size).toBe(0);
    // The quit this causes goes through.
    expect(s.fire('before-quit')).toBe(false);
  });

  it('ignores answers from other frames and quits after the timeout', async () => {
    const s = setup();
    s.fire('before-quit');
    s.answer('https://evil.example/', GOOD);
    s.answer(null, GOOD);
    await settle();
    expect(s.written).toEqual([]);
    expect(s.app.quits).toBe(0);
    await new Promise((r) => setTimeout(r, 80));
    expect(s.app.quits).toBe(1);
    expect(s.listeners.size).toBe(0);
    s.answer('app://bundle/index.html', GOOD);
    await settle();
    expect(s.written).toEqual([]);
  });

  it('an empty answer (nothing to back up) quits without writing', async () => {
    const s = setup();
    s.fire('before-quit');
    s.answer('app://bundle/index.html', '');
    await settle();
    expect(s.written).toEqual([]);
    expect(s.app.quits).toBe(1);
  });

  it('a refused write is reported and still quits', async () => {
    const s = setup({ write: () => Promise.reject(new AutoBackupRefused('it is cut off')) });
    s.fire('before-quit');
    s.answer('app://bundle/index.html', '{}');
    await settle();
    await settle();
    expect(s.errors).toHaveLength(1);
    expect(s.app.quits).toBe(1);
  });

  it('with no window there is nothing to ask', () => {
    const s = setup({ hasWindow: false });
    expect(s.fire('before-quit')).toBe(false);
    expect(s.sent).toEqual([]);
  });
});

import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { buildWindowOptions } from '../../electron/main/window-options';
import { resolveAppRequest, mimeTypeOf, APP_ENTRY } from '../../electron/main/protocol';
import { allowedOrigin, isAppUrl, isSafeExternalUrl } from '../../electron/main/security';
import { restoreBounds, serializeBounds } from '../../electron/main/window-state';
import { buildMenuTemplate } from '../../electron/main/menu';
import {
  autoBackupNameArgs,
  isTrustedSender,
  openFileArgs,
  parseArgs,
  saveFileArgs,
} from '../../electron/main/ipc/validate';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';

describe('window options', () => {
  it('locks the renderer down', () => {
    const o = buildWindowOptions('/app/preload.js');
    expect(o.webPreferences).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(o.webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });
  it('uses remembered bounds', () => {
    expect(buildWindowOptions('/p', { x: 10, y: 20, width: 1400, height: 900 })).toMatchObject({
      x: 10,
      y: 20,
      width: 1400,
      height: 900,
    });
  });
});

describe('app:// protocol', () => {
  const root = path.resolve('/opt/pawtners/renderer');
  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppRequest(root, APP_ENTRY)).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest(root, 'app://bundle/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest(root, 'app://bundle/assets/index-abc.js')).toBe(
      path.join(root, 'assets/index-abc.js'),
    );
  });
  it.each([
    'app://bundle/../../etc/passwd',
    'app://bundle/%2e%2e/%2e%2e/etc/passwd',
    'app://bundle/assets/..%2f..%2fsecret',
    'app://bundle/..%5c..%5cwindows',
    'app://bundle/a%00.js',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://bundle/%E0%A4%A',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppRequest(root, url)).toBeNull();
  });
  it('serves the right content types', () => {
    expect(mimeTypeOf('a/index.html')).toMatch(/text\/html/);
    expect(mimeTypeOf('a/x.js')).toMatch(/javascript/);
    expect(mimeTypeOf('a/x.unknown')).toBe('application/octet-stream');
  });
  it('has a strict CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});

describe('navigation and external links', () => {
  it('allows only the app origin', () => {
    const origin = allowedOrigin(undefined);
    expect(isAppUrl('app://bundle/index.html#/partners', origin)).toBe(true);
    expect(isAppUrl('app://bundle.evil.com/index.html', origin)).toBe(false);
    expect(isAppUrl('https://evil.example/app://bundle', origin)).toBe(false);
    expect(isAppUrl('javascript:alert(1)', origin)).toBe(false);
    const dev = allowedOrigin('http://localhost:5173/');
    expect(isAppUrl('http://localhost:5173/#/x', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173.evil.com/', dev)).toBe(false);
  });
  it('opens only https links outside', () => {
    expect(isSafeExternalUrl('https://help.example/a')).toBe(true);
    expect(isSafeExternalUrl('http://help.example/a')).toBe(false);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('https://user:pw@x.example/')).toBe(false);
  });
});

describe('IPC validation', () => {
  const origin = 'app://bundle';
  it('checks the sender frame', () => {
    expect(isTrustedSender({ senderFrame: { url: 'app://bundle/index.html' } }, origin)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'https://evil.example/' } }, origin)).toBe(false);
    expect(isTrustedSender({ senderFrame: null }, origin)).toBe(false);
  });
  it('validates arguments', () => {
    expect(parseArgs(openFileArgs, ['backup'])).toEqual(['backup']);
    expect(() => parseArgs(openFileArgs, ['exe'])).toThrow(/Invalid arguments/);
    expect(() => parseArgs(openFileArgs, [])).toThrow(/Invalid arguments/);
    const ok = { kind: 'csv', suggestedName: 'partners.csv', data: 'a,b', encoding: 'utf8' };
    expect(parseArgs(saveFileArgs, [ok])).toEqual([ok]);
    expect(() => parseArgs(saveFileArgs, [{ ...ok, suggestedName: '../../.bashrc' }])).toThrow();
    expect(() => parseArgs(saveFileArgs, [{ ...ok, extra: 1 }])).toThrow();
    // Big text may come in parts; images only as one base64 string.
    expect(parseArgs(saveFileArgs, [{ ...ok, data: ['a,', 'b'] }])).toHaveLength(1);
    const bytes = new TextEncoder().encode('b');
    expect(parseArgs(saveFileArgs, [{ ...ok, data: ['a,', bytes] }])).toHaveLength(1);
    expect(() => parseArgs(saveFileArgs, [{ ...ok, data: ['a', 1] }])).toThrow();
    expect(() =>
      parseArgs(saveFileArgs, [{ ...ok, kind: 'png', data: ['aGk='], encoding: 'base64' }]),
    ).toThrow();
    expect(() => parseArgs(autoBackupNameArgs, ['../../etc/passwd'])).toThrow();
    expect(parseArgs(autoBackupNameArgs, ['pawtners-auto-2026-01-02T03-04-05Z.json'])).toHaveLength(
      1,
    );
  });
});

describe('window state', () => {
  const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  it('restores saved bounds on a present display', () => {
    const b = { x: 100, y: 50, width: 1300, height: 800 };
    expect(restoreBounds(serializeBounds(b), displays)).toEqual(b);
  });
  it('re-centres a window from a monitor that is gone and survives junk', () => {
    expect(
      restoreBounds(JSON.stringify({ x: 4000, y: 50, width: 1300, height: 800 }), displays),
    ).toEqual({ width: 1300, height: 800 });
    expect(restoreBounds('{not json', displays)).toEqual({ width: 1360, height: 860 });
    expect(restoreBounds(JSON.stringify({ width: 10, height: 10 }), displays)).toEqual({
      width: 1024,
      height: 640,
    });
  });
});

describe('menu', () => {
  it('has File, Edit, View and Help with the import and export actions', () => {
    const sent: string[] = [];
    const t = buildMenuTemplate((a) => sent.push(a), false);
    expect(t.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const file = t[0]!.submenu as { label?: string; role?: string; click?: () => void }[];
    expect(file.map((i) => i.label ?? i.role).filter(Boolean)).toEqual([
      'Import backup...',
      'Export backup...',
      'Import orders...',
      'Quit',
    ]);
    file.forEach((i) => i.click?.());
    expect(sent).toEqual(['import-backup', 'export-backup', 'import-orders']);
  });

  it.each([
    [false, 'Ctrl+Y'],
    [true, 'Shift+Cmd+Z'],
  ])('sends Undo and Redo to the app (mac %s), keeping cut, copy and paste', (isMac, redoKey) => {
    const sent: string[] = [];
    const t = buildMenuTemplate((a) => sent.push(a), isMac);
    const edit = t.find((m) => m.label === 'Edit')!.submenu as {
      label?: string;
      role?: string;
      accelerator?: string;
      click?: () => void;
    }[];
    const undo = edit.find((i) => i.label === 'Undo')!;
    const redo = edit.find((i) => i.label === 'Redo')!;
    expect([undo.accelerator, redo.accelerator]).toEqual(['CmdOrCtrl+Z', redoKey]);
    expect(undo.role).toBeUndefined();
    undo.click?.();
    redo.click?.();
    expect(sent).toEqual(['undo', 'redo']);
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });
});

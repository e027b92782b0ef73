import { describe, expect, it } from 'vitest';
import { findBrowser, GET_A_BROWSER } from '../../scripts/find-browser';

const PW = '/home/me/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';
const has =
  (...paths: string[]) =>
  (p: string) =>
    paths.includes(p);

describe('findBrowser: CHROMIUM_PATH, then the system, then Playwright’s own', () => {
  it('uses CHROMIUM_PATH first, even when a system browser exists', () => {
    const r = findBrowser({
      env: { CHROMIUM_PATH: '/opt/chromium/chrome' },
      platform: 'linux',
      exists: has('/opt/chromium/chrome', '/usr/bin/chromium', PW),
      playwrightPath: PW,
    });
    expect(r).toEqual({ ok: true, path: '/opt/chromium/chrome', from: 'CHROMIUM_PATH' });
  });

  it('refuses a CHROMIUM_PATH that names no file instead of using another browser', () => {
    const r = findBrowser({
      env: { CHROMIUM_PATH: '/nowhere/chrome' },
      platform: 'linux',
      exists: has('/usr/bin/chromium'),
      playwrightPath: PW,
    });
    expect(r).toEqual({
      ok: false,
      message: 'CHROMIUM_PATH is set to /nowhere/chrome, but there is no file there.',
    });
  });

  it('ignores an empty CHROMIUM_PATH', () => {
    const r = findBrowser({
      env: { CHROMIUM_PATH: ' ' },
      platform: 'linux',
      exists: has('/usr/bin/chromium'),
      playwrightPath: null,
    });
    expect(r).toEqual({ ok: true, path: '/usr/bin/chromium', from: 'system' });
  });

  it('prefers the system Chromium over Chrome, and a system browser over Playwright’s', () => {
    const both = findBrowser({
      env: {},
      platform: 'linux',
      exists: has('/usr/bin/google-chrome', '/usr/bin/chromium', PW),
      playwrightPath: PW,
    });
    expect(both).toEqual({ ok: true, path: '/usr/bin/chromium', from: 'system' });
    const chrome = findBrowser({
      env: {},
      platform: 'darwin',
      exists: has('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', PW),
      playwrightPath: PW,
    });
    expect(chrome).toMatchObject({ ok: true, from: 'system' });
  });

  it('falls back to Playwright’s browser when it is installed', () => {
    const r = findBrowser({ env: {}, platform: 'linux', exists: has(PW), playwrightPath: PW });
    expect(r).toEqual({ ok: true, path: PW, from: 'playwright' });
  });

  it('without any browser, names the command that gets one', () => {
    const r = findBrowser({ env: {}, platform: 'win32', exists: has(), playwrightPath: PW });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(GET_A_BROWSER);
    const unknownOs = findBrowser({
      env: {},
      platform: 'aix',
      exists: has(),
      playwrightPath: null,
    });
    expect(unknownOs.ok).toBe(false);
  });
});

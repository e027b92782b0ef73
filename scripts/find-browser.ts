/**
 * Which Chromium the end-to-end tests drive, looked up in order: CHROMIUM_PATH, a Chromium or
 * Chrome installed on the system, then Playwright's own browser. Pure: the caller passes the
 * environment, the platform, a file check and where Playwright's browser would be.
 */

export const GET_A_BROWSER = 'npx playwright install chromium';

/** Where Chromium and Chrome are usually installed, per platform. */
export const SYSTEM_BROWSERS: Record<string, readonly string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

export type BrowserLookup =
  | { ok: true; path: string; from: 'CHROMIUM_PATH' | 'system' | 'playwright' }
  | { ok: false; message: string };

export function findBrowser(input: {
  env: Record<string, string | undefined>;
  platform: string;
  exists: (path: string) => boolean;
  /** Where `npx playwright install chromium` puts its browser (it may not be there). */
  playwrightPath: string | null;
}): BrowserLookup {
  const { env, platform, exists, playwrightPath } = input;
  const asked = env.CHROMIUM_PATH?.trim();
  if (asked) {
    // Named on purpose: a wrong path is an error, not a reason to quietly use another browser.
    return exists(asked)
      ? { ok: true, path: asked, from: 'CHROMIUM_PATH' }
      : { ok: false, message: `CHROMIUM_PATH is set to ${asked}, but there is no file there.` };
  }
  const system = (SYSTEM_BROWSERS[platform] ?? []).find(exists);
  if (system) return { ok: true, path: system, from: 'system' };
  if (playwrightPath && exists(playwrightPath))
    return { ok: true, path: playwrightPath, from: 'playwright' };
  return {
    ok: false,
    message:
      'No Chromium or Chrome found for the end-to-end tests. Run `' +
      GET_A_BROWSER +
      '` to get one, install Chromium or Chrome, or set CHROMIUM_PATH to a Chromium binary.',
  };
}

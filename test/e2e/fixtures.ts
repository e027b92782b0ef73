import { test as base, expect, _electron, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(__filename);

/** Path of the Electron binary, or null when it was never downloaded (as on CI machines here). */
export function electronBinary(): string | null {
  // Read electron's own path.txt rather than require('electron'): that would try a download.
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const rel = readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const bin = path.join(dir, 'dist', rel);
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/**
 * `page` is the app in Chromium (a fresh browser context, so a fresh database), or in the
 * `electron` project a real Electron window with a fresh profile. Console errors fail the test.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as an object
  consoleErrors: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, consoleErrors }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      const bin = electronBinary();
      testInfo.skip(bin === null, 'The Electron binary is not installed on this machine');
      const profile = mkdtempSync(path.join(tmpdir(), 'pawtners-e2e-'));
      const app = await _electron.launch({
        executablePath: bin!,
        args: [
          path.resolve(process.env.PAWTNERS_OUT ?? 'out', 'main/index.js'),
          `--user-data-dir=${profile}`,
        ],
      });
      const win = await app.firstWindow();
      win.on('pageerror', (e) => consoleErrors.push(e.message));
      await use(win);
      await app.close();
    } else {
      page.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(msg.text());
      });
      page.on('pageerror', (e) => consoleErrors.push(e.message));
      await use(page);
    }
    expect(consoleErrors, 'console errors during the test').toEqual([]);
  },
});

export { expect };

/** Open the app on a screen (`partners`, `partners/p-001`, ...) and wait for it to render. */
export async function openApp(page: Page, route = 'dashboard'): Promise<void> {
  if (page.url().startsWith('app://') || page.url().startsWith('http://localhost:5173')) {
    await page.evaluate((r) => (window.location.hash = `#/${r}`), route);
  } else {
    await page.goto(`/#/${route}`);
  }
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** Load the demo brand through the UI (Settings > Load sample data) and wait for it. */
export async function loadSampleData(page: Page): Promise<void> {
  await openApp(page, 'settings');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByText('Sample data loaded')).toBeVisible({ timeout: 30_000 });
}

let axeSource: string | null = null;

/** Run axe-core on the current page; returns serious and critical violations. */
export async function axeViolations(
  page: Page,
): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // evaluate() goes through the debugger protocol, so the page's CSP does not block it.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
  });
}

/**
 * From now on, IndexedDB refuses every write to `store` in this page as a full disk does
 * (QuotaExceededError): for the paths that must take back what they showed at once.
 */
export async function refuseWrites(page: Page, store: string): Promise<void> {
  await page.evaluate((name) => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
      if (this.name === name)
        throw new DOMException('The disk is full (test).', 'QuotaExceededError');
      return put.apply(this, args as Parameters<typeof put>);
    };
  }, store);
}

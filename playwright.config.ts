import { existsSync } from 'node:fs';
import { chromium as playwrightChromium, defineConfig } from '@playwright/test';
import { findBrowser } from './scripts/find-browser';

const port = Number(process.env.PORT ?? 5178);

/** CHROMIUM_PATH, else the system Chromium or Chrome, else Playwright's own browser. */
function browserPath(): string {
  let playwrightPath: string | null = null;
  try {
    playwrightPath = playwrightChromium.executablePath();
  } catch {
    // Playwright knows no browser for this platform: only the first two places count.
  }
  const found = findBrowser({
    env: process.env,
    platform: process.platform,
    exists: existsSync,
    playwrightPath,
  });
  if (!found.ok) throw new Error(found.message);
  return found.path;
}
const chromium = browserPath();

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    acceptDownloads: true,
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: /electron\.spec\.ts/ },
    // Runs the same UI inside Electron; every test skips when the Electron binary is absent.
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
  webServer: {
    command: 'node scripts/serve-web.mjs',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    env: { PORT: String(port) },
  },
});

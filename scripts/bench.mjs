// The performance benchmark (issue 8). Builds the renderer with the harness page, serves it on
// 127.0.0.1, drives Debian's Chromium through Playwright and prints a table + bench/results.json.
//   npm run bench            -> the "large" preset (2,000 partners, 300,000 orders, 30,000 posts)
//   npm run bench -- small   -> the sample data set, under a minute
import { chromium } from '@playwright/test';
import { spawn, execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const preset = process.argv.includes('small') ? 'small' : 'large';
const port = Number(process.env.BENCH_PORT ?? 5290);
const out = 'out-bench';
const base = `http://127.0.0.1:${port}`;
const results = {
  preset,
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '',
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  metrics: {},
  errors: {},
};
const m = results.metrics;

console.log(`building (${out})...`);
execSync('npx electron-vite build', {
  stdio: 'ignore',
  env: { ...process.env, PAWTNERS_BENCH: '1', PAWTNERS_OUT: out },
});
const server = spawn(process.execPath, ['scripts/serve-web.mjs'], {
  env: { ...process.env, PORT: String(port), PAWTNERS_OUT: out },
  stdio: 'ignore',
});
await new Promise((r) => setTimeout(r, 500));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--enable-precise-memory-info',
  ],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });

async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    console.log(`  ${name}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    results.errors[name] = String(e?.message ?? e).split('\n')[0];
    console.log(`  ${name}: FAILED ${results.errors[name]}`);
  }
}

const harness = await context.newPage();
await harness.goto(`${base}/bench/index.html`);
await harness.waitForSelector('body[data-ready="true"]');

await step('generate', async () => {
  const g = await harness.evaluate((p) => window.bench.generate(p), preset);
  m.generateMs = Math.round(g.ms);
  m.counts = g.counts;
  m.records = Object.values(g.counts).reduce((a, b) => a + b, 0);
});

await step('raw IndexedDB write', async () => {
  m.rawWriteMs = Math.round(await harness.evaluate(() => window.bench.rawWrite()));
  m.rawRecordsPerSec = Math.round(m.records / (m.rawWriteMs / 1000));
});

await step('app import (backup import path)', async () => {
  const r = await harness.evaluate(() => window.bench.appImport());
  m.appImportMs = Math.round(r.ms);
  m.appImportPeakHeapMb = r.peakHeapMb;
  m.appRecordsPerSec = Math.round(m.records / (m.appImportMs / 1000));
  m.appVsRawRatio = Number((m.rawWriteMs / m.appImportMs).toFixed(2));
});
await harness.close();

const page = await context.newPage();
const timeUntil = async (action, locatorFn) => {
  const t0 = performance.now();
  await action();
  await locatorFn().first().waitFor({ state: 'visible', timeout: 120_000 });
  return Math.round(performance.now() - t0);
};

await step('cold start', async () => {
  await page.goto(`${base}/`);
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await page.getByTestId('dashboard-ready').waitFor({ state: 'attached', timeout: 120_000 });
  m.coldStartMs = Math.round(await page.evaluate(() => performance.now()));
});

await step('compare', async () => {
  const nav = page.getByRole('navigation', { name: 'Main' });
  m.compareFirstMs = await timeUntil(
    () => nav.getByRole('link', { name: 'Compare', exact: true }).click(),
    () => page.getByRole('table', { name: 'Ambassadors vs micro-affiliates' }).getByRole('cell'),
  );
  const period = page.getByLabel('Period');
  const settle = async () =>
    page.getByTestId('compare-ready').waitFor({ state: 'attached', timeout: 120_000 });
  const t0 = performance.now();
  await period.selectOption({ label: 'All time' });
  await settle();
  m.compareAllTimeMs = Math.round(performance.now() - t0);
  const t1 = performance.now();
  await period.selectOption({ label: 'Last 12 months' });
  await settle();
  m.compareLast12Ms = Math.round(performance.now() - t1);
});

await step('partner search', async () => {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Partners', exact: true })
    .click();
  const search = page.getByRole('searchbox').first();
  await search.waitFor();
  const times = [];
  for (const q of ['M', 'Ma', 'May', 'Maya']) {
    const t0 = performance.now();
    await search.fill(q);
    await page.waitForFunction((val) => document.body.dataset.partnerQuery === val, q, {
      timeout: 30_000,
    });
    times.push(Math.round(performance.now() - t0));
  }
  m.partnerSearchMsPerKeystroke = times;
});

await step('calendar month view', async () => {
  m.calendarMonthMs = await timeUntil(
    () =>
      page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Calendar', exact: true })
        .click(),
    () => page.getByRole('grid'),
  );
});

await step('sales list scroll', async () => {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Sales', exact: true })
    .click();
  const list = page.getByTestId('orders-scroll');
  await list.waitFor({ timeout: 120_000 });
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (window.__frames.length < 100000) window.__raf = requestAnimationFrame(tick);
    };
    window.__raf = requestAnimationFrame(tick);
  });
  const box = await list.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 60; i++) {
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(16);
  }
  const frames = await page.evaluate(() => {
    cancelAnimationFrame(window.__raf);
    return window.__frames.slice(1);
  });
  m.salesScrollFrames = frames.length;
  m.salesScrollFramesOver50ms = frames.filter((f) => f > 50).length;
  m.salesScrollLongestFrameMs = Math.round(Math.max(...frames));
});

await browser.close();
server.kill();
mkdirSync('bench', { recursive: true });
writeFileSync(path.join('bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.table(Object.fromEntries(Object.entries(m).filter(([, v]) => typeof v !== 'object')));
console.log(JSON.stringify(results));

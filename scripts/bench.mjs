// The performance benchmark (issue 8). Builds the renderer with the harness page, serves it on
// 127.0.0.1, drives Debian's Chromium through Playwright, prints a table and writes
// bench/results.json.
//   npm run bench            -> the "large" preset (2,000 partners, 300,000 orders, 30,000 posts)
//   npm run bench -- small   -> the sample data set (about a minute)
import { chromium } from '@playwright/test';
import { execSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const preset = process.argv.includes('small') ? 'small' : 'large';
const csvRows = preset === 'large' ? 100_000 : 5_000;
const port = Number(process.env.BENCH_PORT ?? 5290);
const out = process.env.BENCH_OUT ?? 'out-bench';
// BENCH_ONLY=compare,partner-search,... runs only those steps (after generate + app import) and
// writes no results file: for quick measurements while working on one target.
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const ALWAYS = new Set(['generate', 'app import (backup import path)']);
const base = `http://127.0.0.1:${port}`;
const results = {
  preset,
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '',
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
  },
  metrics: {},
  targets: {},
  errors: {},
};
const m = results.metrics;

console.log(`building the renderer with the harness into ${out}/ ...`);
execSync('npx electron-vite build', {
  stdio: 'ignore',
  env: { ...process.env, PAWTNERS_BENCH: '1', PAWTNERS_OUT: out },
});
const server = spawn(process.execPath, ['scripts/serve-web.mjs'], {
  env: { ...process.env, PORT: String(port), PAWTNERS_OUT: out },
  stdio: 'ignore',
});
await new Promise((r) => setTimeout(r, 800));

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
    // Lets each heap measurement start from a collected heap (src/bench/bench.ts, withHeapPeak).
    '--js-flags=--expose-gc',
  ],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
context.setDefaultTimeout(300_000);

async function step(name, fn) {
  const key = name
    .replace(/ \(.*\)$/, '')
    .replace(/[^a-z0-9]+/gi, '-')
    .toLowerCase();
  if (only && !ALWAYS.has(name) && !only.has(key)) return;
  const t0 = Date.now();
  try {
    await fn();
    console.log(`  ${name}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    results.errors[name] = String(e?.message ?? e).split('\n')[0];
    console.log(`  ${name}: FAILED ${results.errors[name]}`);
  }
}

/** Time in the page from an input event to the next frame after React has rendered. */
async function inputLatency(page, selectorFn, value) {
  const handle = await selectorFn().elementHandle();
  return page.evaluate(
    async ({ el, value }) => {
      const proto =
        el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
      const setter = Object.getOwnPropertyDescriptor(proto, 'value').set;
      const t0 = performance.now();
      setter.call(el, value);
      el.dispatchEvent(
        new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
      );
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return Math.round(performance.now() - t0);
    },
    { el: handle, value },
  );
}

// --- 1-2. generate, raw IndexedDB limit, the app's import path -------------------------------
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
await step('raw IndexedDB write, app layout', async () => {
  m.rawPagedWriteMs = Math.round(await harness.evaluate(() => window.bench.rawWritePaged()));
  m.rawPagedRecordsPerSec = Math.round(m.records / (m.rawPagedWriteMs / 1000));
});
await step('app import (backup import path)', async () => {
  const r = await harness.evaluate(() => window.bench.appImport());
  m.appImportParseValidateMs = Math.round(r.parseMs);
  m.appImportWriteMs = Math.round(r.writeMs);
  m.appImportMs = Math.round(r.ms);
  m.appImportPeakHeapMb = r.peakHeapMb;
  m.appImportRecordsPerSec = Math.round(m.records / (m.appImportMs / 1000));
  m.appWriteRecordsPerSec = Math.round(m.records / (m.appImportWriteMs / 1000));
  m.appVsRawThroughput = Number((m.rawWriteMs / m.appImportMs).toFixed(2));
  m.appWriteVsRawThroughput = Number((m.rawWriteMs / m.appImportWriteMs).toFixed(2));
  if (m.rawPagedWriteMs) {
    m.appVsRawPagedThroughput = Number((m.rawPagedWriteMs / m.appImportMs).toFixed(2));
    m.appWriteVsRawPagedThroughput = Number((m.rawPagedWriteMs / m.appImportWriteMs).toFixed(2));
  }
});
// Only on request (BENCH_ONLY=csv-phases): the order import's phases one after the other on the
// harness page, to see where a CSV import's time goes. It stores the file's orders, so a full run
// (whose CSV step imports the same file) never runs it.
if (only?.has('csv-phases')) {
  await step('csv phases', async () => {
    const csv = shopifyCsv(csvRows);
    m.csvPhasesMs = await harness.evaluate(
      ({ csv, profile }) => window.bench.csvPhases(csv, profile),
      { csv, profile: process.env.BENCH_PROFILE ?? '' },
    );
    console.log('   ', JSON.stringify(m.csvPhasesMs));
  });
}
await harness.close();

// --- 3-4. the real app with this database ------------------------------------------------------
const page = await context.newPage();
const nav = () => page.getByRole('navigation', { name: 'Main' });

await step('cold start', async () => {
  await page.goto(`${base}/`);
  await page
    .getByRole('region', { name: 'Brand Ambassadors' })
    .locator('.stat-value')
    .first()
    .waitFor({ state: 'visible' });
  m.coldStartMs = Math.round(await page.evaluate(() => performance.now()));
});

await step('compare', async () => {
  const t0 = Date.now();
  await nav().getByRole('link', { name: 'Compare', exact: true }).click();
  await page.getByRole('table', { name: 'Ambassadors vs micro-affiliates' }).waitFor();
  m.compareFirstPaintMs = Date.now() - t0;
  const period = () => page.locator('#cmp-period');
  m.comparePeriodChangeAllTimeMs = await inputLatency(page, period, 'all-time');
  m.comparePeriodChangeLast12Ms = await inputLatency(page, period, 'last-12-months');
});

await step('partner search', async () => {
  await nav().getByRole('link', { name: 'Partners', exact: true }).click();
  const search = () => page.getByRole('searchbox', { name: 'Search partners' });
  await search().waitFor();
  await page.getByRole('table', { name: 'Partners' }).getByRole('row').nth(1).waitFor();
  m.partnerSearchMsPerKeystroke = [];
  for (const q of ['M', 'Ma', 'May', 'Maya', 'Maya ', 'Maya C']) {
    m.partnerSearchMsPerKeystroke.push(await inputLatency(page, search, q));
  }
  m.partnerSearchWorstMs = Math.max(...m.partnerSearchMsPerKeystroke);
});

await step('calendar month view', async () => {
  const t0 = Date.now();
  await nav().getByRole('link', { name: 'Calendar', exact: true }).click();
  await page.locator('.cal-month').waitFor();
  await page.locator('.cal-month [role="group"]').first().waitFor();
  m.calendarMonthMs = Date.now() - t0;
});

/** Frames while wheel-scrolling a list: count over 50 ms and the longest. */
async function scrollFrames(scroller) {
  await scroller.waitFor();
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      window.__raf = requestAnimationFrame(tick);
    };
    window.__raf = requestAnimationFrame(tick);
  });
  const box = await scroller.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
  for (let i = 0; i < 80; i++) {
    await page.mouse.wheel(0, 500);
    await page.waitForTimeout(16);
  }
  const frames = await page.evaluate(() => {
    cancelAnimationFrame(window.__raf);
    return window.__frames.slice(2);
  });
  return {
    frames: frames.length,
    over50: frames.filter((f) => f > 50).length,
    longest: Math.round(Math.max(...frames)),
  };
}

await step('partners list scroll', async () => {
  await nav().getByRole('link', { name: 'Partners', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search partners' }).fill('');
  const scroller = page
    .locator('.pl-table')
    .locator('xpath=ancestor-or-self::*[contains(@class,"pl-scroll")]')
    .first();
  const target =
    (await scroller.count()) > 0 ? scroller : page.getByRole('table', { name: 'Partners' });
  const r = await scrollFrames(target);
  m.partnerScrollFramesOver50ms = r.over50;
  m.partnerScrollLongestFrameMs = r.longest;
});

await step('sales list scroll', async () => {
  const t0 = Date.now();
  await nav().getByRole('link', { name: 'Sales', exact: true }).click();
  const scroller = page.getByRole('rowgroup', { name: 'Order rows' });
  await scroller.getByRole('row').first().waitFor();
  m.salesListLoadMs = Date.now() - t0;
  const r = await scrollFrames(scroller);
  m.salesScrollFrames = r.frames;
  m.salesScrollFramesOver50ms = r.over50;
  m.salesScrollLongestFrameMs = r.longest;
});

// --- 5. a big Shopify CSV through the Sales import ----------------------------------------------
function shopifyCsv(rows) {
  const header =
    'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Shipping City,Shipping Province,Shipping Country,Notes,Note Attributes,Cancelled at,Refunded Amount,Tags,Source';
  const lines = ['\ufeff' + header];
  let order = 0;
  let i = 0;
  while (i < rows) {
    order += 1;
    const items = 1 + (order % 3 === 0 ? 1 : 0);
    const sub = 2000 + ((order * 37) % 9000);
    const code = order % 4 === 0 ? `CODE${order % 2000}` : order % 9 === 0 ? 'WELCOME10' : '';
    const day = new Date(Date.UTC(2026, 0, 1) + (order % 300) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    for (let k = 0; k < items && i < rows; k++, i++) {
      const first = k === 0;
      const cells = [
        `#B${order}`,
        first ? `buyer${order % 40_000}@example.com` : '',
        first ? (order % 50 === 0 ? 'refunded' : 'paid') : '',
        '',
        '',
        '',
        '',
        first ? 'USD' : '',
        first ? (sub / 100).toFixed(2) : '',
        first ? '6.99' : '',
        first ? ((sub * 0.07) / 100).toFixed(2) : '',
        first ? ((sub * 1.07 + 699) / 100).toFixed(2) : '',
        first ? code : '',
        first && code ? '3.00' : '',
        first ? 'Standard' : '',
        first ? `${day} 14:${String(order % 60).padStart(2, '0')}:00 -0500` : '',
        '1',
        `"Peanut butter bites, ${k + 1}"`,
        '12.00',
        first ? 'Portland' : '',
        first ? 'OR' : '',
        first ? 'US' : '',
        '',
        '',
        '',
        first && order % 50 === 0 ? ((sub * 1.07 + 699) / 100).toFixed(2) : first ? '0.00' : '',
        '',
        first ? 'web' : '',
      ];
      lines.push(cells.join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}

await step('CSV import', async () => {
  const csv = shopifyCsv(csvRows);
  const file = path.join(os.tmpdir(), 'pawtners-bench-shopify.csv');
  writeFileSync(file, csv);
  await nav().getByRole('link', { name: 'Sales', exact: true }).click();
  await page.evaluate(() => {
    window.__longest = 0;
    window.__obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    });
    window.__obs.observe({ type: 'longtask', buffered: false });
    // The clock runs in the page: from each click to the next frame after the dialog or message
    // is in the document. Playwright's own waits poll (every 500 ms once a wait has gone on for a
    // second), which added 0-0.5 s to each of the two waits below.
    const t = (window.__csv = {});
    document.addEventListener(
      'click',
      (e) => {
        const text = e.target.closest?.('button')?.textContent?.trim() ?? '';
        if (text === 'Import orders' && t.start === undefined) t.start = performance.now();
        if (/^Import [\d,]+ orders?$/.test(text) && t.confirm === undefined)
          t.confirm = performance.now();
      },
      true,
    );
    const seen = new Set();
    const once = (k, present) => {
      if (present && !seen.has(k)) {
        seen.add(k);
        requestAnimationFrame(() => (t[k] = performance.now()));
      }
    };
    new MutationObserver(() => {
      const title = document.querySelector('dialog[open] h2')?.textContent ?? '';
      once('preview', title.startsWith('Preview:'));
      const toasts = [...document.querySelectorAll('.toast')];
      once(
        'done',
        t.confirm !== undefined && toasts.some((el) => el.textContent.startsWith('Imported ')),
      );
    }).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributeFilter: ['open'],
    });
  });
  const chooser = page.waitForEvent('filechooser');
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Import orders' }).click();
  await (await chooser).setFiles(file);
  const preview = page.getByRole('dialog', { name: /^Preview:/ });
  await preview.waitFor();
  m.csvPreviewWallMs = Date.now() - t0;
  const confirm = preview.getByRole('button', { name: /^Import [\d,]+ orders?$/ });
  const t1 = Date.now();
  await confirm.click();
  await page.getByText(/^Imported [\d,]+ orders?/).waitFor();
  m.csvWriteWallMs = Date.now() - t1;
  const c = await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return window.__csv;
  });
  if (!(c.start < c.preview && c.preview < c.confirm && c.confirm < c.done))
    throw new Error(`the in-page CSV clock missed a moment: ${JSON.stringify(c)}`);
  m.csvRows = csvRows;
  m.csvPreviewMs = Math.round(c.preview - c.start);
  m.csvWriteMs = Math.round(c.done - c.confirm);
  m.csvTotalMs = m.csvPreviewMs + m.csvWriteMs;
  m.csvRowsPerSec = Math.round(csvRows / (m.csvTotalMs / 1000));
  m.csvTotalWallMs = m.csvPreviewWallMs + m.csvWriteWallMs;
  m.csvRowsPerSecWall = Math.round(csvRows / (m.csvTotalWallMs / 1000));
  m.csvLongestMainThreadTaskMs = Math.round(await page.evaluate(() => window.__longest));
});

// --- 6. backup export and re-import of the full database ---------------------------------------
await step('backup export + re-import', async () => {
  const h = await context.newPage();
  await h.goto(`${base}/bench/index.html`);
  await h.waitForSelector('body[data-ready="true"]');
  const e = await h.evaluate(() => window.bench.exportBackup());
  m.backupExportMs = Math.round(e.ms);
  m.backupExportReadMs = Math.round(e.readMs);
  m.backupExportPeakHeapMb = e.peakHeapMb;
  m.backupSizeMb = e.mb;
  await page.close(); // the app page would be told to close its connection anyway
  const r = await h.evaluate(() => window.bench.reimportBackup());
  m.backupImportMs = Math.round(r.ms);
  m.backupImportPeakHeapMb = r.peakHeapMb;
  await h.close();
});

await browser.close();
server.kill();

const t = results.targets;
const ok = (v, pass) => (v === undefined ? 'not measured' : pass ? 'met' : 'MISSED');
t.appImportAtLeastHalfRaw = ok(m.appVsRawThroughput, m.appVsRawThroughput >= 0.5);
t.coldStartUnder1500ms = ok(m.coldStartMs, m.coldStartMs < 1500);
t.compareUnder150ms = ok(
  m.comparePeriodChangeAllTimeMs,
  Math.max(m.comparePeriodChangeAllTimeMs, m.comparePeriodChangeLast12Ms) < 150,
);
t.partnerSearchUnder50ms = ok(m.partnerSearchWorstMs, m.partnerSearchWorstMs < 50);
t.noScrollFrameOver50ms = ok(
  m.salesScrollFramesOver50ms,
  m.salesScrollFramesOver50ms === 0 && m.partnerScrollFramesOver50ms === 0,
);
t.csvOver20kRowsPerSec = ok(m.csvRowsPerSec, m.csvRowsPerSec > 20_000);
t.csvNoTaskOver200ms = ok(m.csvLongestMainThreadTaskMs, m.csvLongestMainThreadTaskMs <= 200);
t.backupExportUnder5s = ok(m.backupExportMs, m.backupExportMs < 5000);
t.backupImportUnder15s = ok(m.backupImportMs, m.backupImportMs < 15_000);
t.peakHeapUnder1GiB = ok(
  m.backupImportPeakHeapMb,
  Math.max(
    m.backupImportPeakHeapMb ?? 0,
    m.backupExportPeakHeapMb ?? 0,
    m.appImportPeakHeapMb ?? 0,
  ) < 1024,
);

mkdirSync('bench', { recursive: true });
if (!only)
  writeFileSync(
    path.join('bench', `results${preset === 'small' ? '-small' : ''}.json`),
    JSON.stringify(results, null, 2) + '\n',
  );
console.table(Object.fromEntries(Object.entries(m).filter(([, v]) => typeof v !== 'object')));
console.table(t);
console.log(JSON.stringify(results));

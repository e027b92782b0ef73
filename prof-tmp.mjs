import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
const port = 5391, base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['scripts/serve-web.mjs'], { env: { ...process.env, PORT: String(port), PAWTNERS_OUT: 'out-prof' }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync','--js-flags=--expose-gc'] });
const context = await browser.newContext();
context.setDefaultTimeout(300000);
const h = await context.newPage();
await h.goto(`${base}/bench/index.html`);
await h.waitForSelector('body[data-ready="true"]');
await h.evaluate(() => window.bench.generate('large'));
await h.evaluate(() => window.bench.appImport());
const csv = shopifyCsv(100000);
const cdp = await context.newCDPSession(h);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
await h.evaluate(() => { window.__t0 = 0; });
await cdp.send('Profiler.start');
const t = await h.evaluate(async (csv) => { const a = performance.now(); const r = await window.bench.csvPhases(csv); r.__start = a; return r; }, csv);
const { profile } = await cdp.send('Profiler.stop');
console.log(JSON.stringify(t));
writeFileSync('/tmp/prof/csv.cpuprofile', JSON.stringify(profile));
writeFileSync('/tmp/prof/phases.json', JSON.stringify(t));
await browser.close(); server.kill();
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

import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, loadSampleData, openApp, test } from './fixtures';

/**
 * Every screen, with the sample brand, at the sizes an owner's laptop shows: 1024x700, 1280x800,
 * 1440x900 and 200 % zoom of a 1280x800 window (640x400 CSS pixels at device scale 2). Each view
 * fails when the page scrolls sideways, when an element's content spills out of its box, or when
 * a button is cut off. With SHOTS=1 each view is also saved to /tmp/shots/layout-*.png.
 */
const ORDERS = path.resolve(__dirname, '../fixtures/orders');
const SIZES = [
  { name: '1024x700', width: 1024, height: 700, scale: 1 },
  { name: '1280x800', width: 1280, height: 800, scale: 1 },
  { name: '1440x900', width: 1440, height: 900, scale: 1 },
  { name: 'zoom200', width: 640, height: 400, scale: 2 },
];

interface Problem {
  what: string;
  el: string;
  by: number;
}

/** Layout problems on the page as it is now (run in the browser). */
function findProblems(): Problem[] {
  const problems: Problem[] = [];
  const describe = (el: Element): string => {
    const h = el as HTMLElement;
    const label = h.getAttribute('aria-label') ?? h.textContent?.trim().slice(0, 40) ?? '';
    const cls =
      typeof h.className === 'string' && h.className ? `.${h.className.split(' ')[0]}` : '';
    return `${el.tagName.toLowerCase()}${cls} "${label}"`;
  };
  const visible = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none';
  };
  const sideways = document.documentElement.scrollWidth - window.innerWidth;
  if (sideways > 0) problems.push({ what: 'page scrolls sideways', el: 'html', by: sideways });

  // Content spilling out of a box that shows it (overflow: visible), e.g. a KPI figure wider than
  // its card or a heading pushed past its column. Scrolling and clipping boxes are by design.
  // With a modal dialog open, only the dialog is checked (the page behind is inert).
  const dialog = document.querySelector('dialog[open]');
  const scope = dialog ?? document.body;
  for (const el of Array.from(scope.querySelectorAll<HTMLElement>('*'))) {
    if (el instanceof SVGElement || el.closest('svg, canvas')) continue;
    const s = getComputedStyle(el);
    if (s.display === 'inline' || s.display === 'contents' || s.position === 'fixed') continue;
    if (s.overflowX !== 'visible' || !visible(el)) continue;
    const by = el.scrollWidth - el.clientWidth;
    if (by > 1) problems.push({ what: 'content overflows its box', el: describe(el), by });
  }

  // Buttons: wholly inside the window and inside every box that clips or scrolls them.
  for (const b of Array.from(
    scope.querySelectorAll<HTMLElement>('button, [role="button"], a.btn'),
  )) {
    if (!visible(b) || b.closest('[inert], [aria-hidden="true"]')) continue;
    const r = b.getBoundingClientRect();
    let left = 0;
    let right = window.innerWidth;
    for (let p = b.parentElement; p; p = p.parentElement) {
      const ps = getComputedStyle(p);
      if (ps.overflowX !== 'visible') {
        const pr = p.getBoundingClientRect();
        left = Math.max(left, pr.left);
        right = Math.min(right, pr.right);
      }
    }
    const out = Math.max(left - r.left, r.right - right);
    if (out > 1) problems.push({ what: 'button cut off sideways', el: describe(b), by: out });
    if (dialog) {
      const below = r.bottom - window.innerHeight;
      const above = -r.top;
      if (b.closest('.dialog-footer') && (below > 1 || above > 1))
        problems.push({ what: 'dialog button off-screen', el: describe(b), by: below });
    }
  }
  return problems;
}

async function check(page: Page, size: string, view: string): Promise<void> {
  // Fonts and late layout settle before measuring.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(150);
  const problems = await page.evaluate(findProblems);
  if (process.env.SHOTS)
    await page.screenshot({ path: `/tmp/shots/layout-${size}-${view}.png`, fullPage: false });
  expect.soft(problems, `${view} at ${size}`).toEqual([]);
}

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

for (const size of SIZES) {
  test.describe(`layout at ${size.name}`, () => {
    test.use({
      viewport: { width: size.width, height: size.height },
      deviceScaleFactor: size.scale,
    });
    test.setTimeout(180_000);

    test('every screen fits', async ({ page }) => {
      await loadSampleData(page);
      const shot = (view: string) => check(page, size.name, view);

      await openApp(page, 'dashboard');
      await heading(page, 'Dashboard');
      await expect(page.getByText('Revenue').first()).toBeVisible();
      await shot('dashboard');

      await openApp(page, 'partners');
      const list = page.getByRole('table', { name: 'Partners' });
      await expect(list.getByRole('row').nth(1)).toBeVisible();
      await shot('partners');
      await openApp(page, 'partners/new');
      await heading(page, 'Add partner');
      await shot('partner-add');
      await openApp(page, 'partners');
      await page.getByLabel('Search partners').fill('maya');
      await list.getByRole('link', { name: 'Maya Chen' }).click();
      await heading(page, 'Maya Chen');
      await shot('partner-detail');

      await openApp(page, 'seeding');
      await heading(page, 'Seeding');
      await shot('seeding');

      await openApp(page, 'calendar');
      await heading(page, 'Calendar');
      for (const mode of ['Month', 'Week', 'Agenda']) {
        await page.getByRole('button', { name: mode, exact: true }).click();
        await shot(`calendar-${mode.toLowerCase()}`);
      }
      await openApp(page, 'calendar/deliverables');
      await heading(page, 'Calendar');
      await shot('calendar-deliverables');
      await openApp(page, 'calendar/campaigns');
      await heading(page, 'Calendar');
      await shot('calendar-campaigns');

      await openApp(page, 'sales');
      await expect(page.getByRole('table', { name: 'Orders' })).toBeVisible();
      await shot('sales');
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import orders' }).click();
      await (await chooser).setFiles(path.join(ORDERS, 'shopify-e2e.csv'));
      await expect(page.getByRole('dialog', { name: 'Preview: shopify-e2e.csv' })).toBeVisible();
      await shot('sales-import-dialog');
      await page.getByRole('button', { name: 'Cancel', exact: true }).click();

      await openApp(page, 'payouts');
      await heading(page, 'Payouts');
      await shot('payouts');

      await openApp(page, 'compare');
      await heading(page, 'Compare');
      await expect(page.getByRole('table').first()).toBeVisible();
      await shot('compare');
      for (const tab of ['infographic', 'advisor', 'growth', 'glossary']) {
        await openApp(page, `compare/${tab}`);
        await heading(page, 'Compare');
        await expect(page.getByText(/^(Adding up|Loading|Drawing)/)).toHaveCount(0);
        await shot(`compare-${tab}`);
      }

      await openApp(page, 'settings');
      await heading(page, 'Settings');
      await shot('settings');
    });
  });
}

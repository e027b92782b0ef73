import { readFileSync } from 'node:fs';
import {
  computeComparison,
  formatFigure,
  NO_FILTERS,
  type FigureKey,
} from '../../src/domain/compare';
import { addDays, addMonths, dateInZone } from '../../src/domain/dates';
import { generateSampleData } from '../../src/domain/sample-data';
import { axeViolations, expect, loadSampleData, openApp, test } from './fixtures';

/** The sample brand's comparison for the default period (last 12 months), computed in Node. */
function expected() {
  const now = Date.now();
  const today = dateInZone(now, 'America/New_York');
  const data = generateSampleData(today, now);
  const s = data.settings[0]!;
  const range = { start: addDays(addMonths(today, -12), 1), end: today };
  const c = computeComparison(data, range, NO_FILTERS, {
    timeZone: s.timeZone,
    countDiscountAsCost: s.countDiscountAsCost,
    cpmCents: s.cpmCents,
    today,
  });
  return { c, s };
}

const ASPECTS = [
  'Definition',
  'Engagement',
  'Audience reach',
  'Compensation',
  'Content control',
  'Brand loyalty',
  'Use case',
];

test('the comparison table has every aspect and the sample figures', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, 'compare');
  const table = page.getByRole('table', { name: 'Ambassadors vs micro-affiliates' });
  await expect(table).toBeVisible();
  for (const a of ASPECTS) await expect(table.getByRole('rowheader', { name: a })).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(7);
  const { c, s } = expected();
  const keys: FigureKey[] = ['partners', 'revenue', 'orders', 'aov', 'roi', 'roas', 'cpa', 'spend'];
  for (const [col, kind] of [
    [2, 'ambassador'],
    [3, 'affiliate'],
  ] as const) {
    for (const k of keys) {
      const cell = table.locator(`tbody tr td:nth-child(${col}) [data-figure="${k}"] .fig-value`);
      await expect(cell, `${kind} ${k}`).toHaveText(formatFigure(k, c.kinds[kind].figures[k], s));
    }
  }
  // The better of a pair is marked; sample affiliates have the lower CPA.
  await expect(
    table.locator('tbody tr td:nth-child(3) [data-figure="cpa"]').getByText('(better)'),
  ).toBeAttached();
  // Charts draw on canvases and each has a text table.
  const canvases = page.locator('canvas');
  await expect(canvases).toHaveCount(6);
  const box = await canvases.first().boundingBox();
  expect(box!.width).toBeGreaterThan(200);
  await page.getByText('Show as a table').first().click();
  await expect(page.getByRole('columnheader', { name: 'Brand Ambassadors revenue' })).toBeVisible();
});

test('sub-type columns, filters and "not enough data"', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, 'compare');
  await page.getByLabel('Columns').selectOption('subtype');
  const table = page.getByRole('table', { name: 'Ambassadors vs micro-affiliates' });
  for (const t of [
    'nano-ambassador',
    'hyperlocal influencer',
    'community ambassador',
    'peer-to-peer affiliate',
    'brand-advocate micro-tier',
  ])
    await expect(table.getByRole('columnheader', { name: new RegExp(t) })).toBeVisible();
  await page.getByLabel('Columns').selectOption('kind');
  // A custom period with no sales at all: figures say so instead of showing numbers.
  await page.getByLabel('From').fill('2001-01-01');
  await page.getByLabel('To').fill('2001-01-31');
  await expect(page.getByLabel('Period', { exact: true })).toHaveValue('custom');
  await expect(table.locator('[data-figure="cpa"] .fig-value').first()).toHaveText(
    'Not enough data',
  );
  await expect(table.getByText('0 of 5 orders needed').first()).toBeVisible();
});

test('the infographic exports a real PNG', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, 'compare/infographic');
  const ig = page.getByTestId('infographic');
  await expect(ig.getByText('Brand loyalty')).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect(width).toBeGreaterThan(1000); // 2x pixel ratio of a ~760 px card
  expect(height).toBeGreaterThan(1000);
  expect(width).toBeLessThan(4000);
  expect(bytes.length).toBeGreaterThan(20_000);
  expect(await axeViolations(page)).toEqual([]);
});

test('the strategy advisor recommends a split and updates live', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, 'compare/advisor');
  const projection = page.getByRole('table', { name: 'Projection by budget split' });
  await expect(projection.locator('tbody tr')).toHaveCount(11);
  await expect(projection.getByText('Recommended')).toHaveCount(1);
  await page.getByLabel('Awareness').check();
  await expect(page.getByRole('status').filter({ hasText: 'For awareness' })).toBeVisible();
  const split = page.getByLabel(/Share for brand ambassadors/);
  await split.fill('50');
  await expect(page.getByText('Share for brand ambassadors: 50%')).toBeVisible();
  const aov = page.getByLabel('Revenue per order, Brand Ambassadors');
  await aov.fill('100.00');
  await expect(aov.locator('xpath=..').getByText('Edited')).toBeVisible();
  await aov.fill('abc');
  await expect(page.getByText('Not a valid value')).toBeVisible();
  await expect(page.getByText(/Benchmark source:/)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('the glossary explains every related term and tags link to it', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, 'compare/glossary');
  for (const t of [
    'nano-ambassador',
    'hyperlocal influencer',
    'peer-to-peer affiliate',
    'brand-advocate micro-tier',
    'community ambassador',
    'ROI micro-partner',
    'authenticity affiliate',
    'social-proof amplifier',
    'engagement-centric ambassador',
    'conversion micro-driver',
  ])
    await expect(page.getByRole('heading', { name: new RegExp(`^${t}`, 'i') })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await openApp(page, 'compare');
  await page.getByLabel('Columns').selectOption('subtype');
  await page.getByRole('link', { name: 'nano-ambassador' }).click();
  await expect(page.getByRole('link', { name: 'Glossary' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.locator('#nano-ambassador')).toBeInViewport();
});

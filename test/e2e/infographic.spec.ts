import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, loadSampleData, openApp, test } from './fixtures';

/**
 * The infographic PNG is drawn from an off-screen copy at a fixed layout: the same image whatever
 * the window's size, whole up to its right edge. Compare opens with its verdict sentence.
 */

interface Png {
  width: number;
  height: number;
  bytes: Buffer;
}

async function exportPng(page: Page): Promise<Png> {
  await openApp(page, 'compare/infographic');
  await expect(page.getByTestId('infographic').getByText('Brand loyalty')).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const bytes = readFileSync((await (await downloadPromise).path())!);
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bytes };
}

/** Counts, down a pixel column `fromRight` px inside the image's right edge, pixels of `rgb`. */
async function pixelsNearRightEdge(
  page: Page,
  png: Png,
  fromRight: number,
  rgb: [number, number, number],
): Promise<number> {
  return page.evaluate(
    async ({ b64, fromRight, rgb }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(img.width - fromRight, 0, 1, img.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        const d =
          Math.abs(data[i]! - rgb[0]) +
          Math.abs(data[i + 1]! - rgb[1]) +
          Math.abs(data[i + 2]! - rgb[2]);
        if (d < 12) n++;
      }
      return n;
    },
    { b64: png.bytes.toString('base64'), fromRight, rgb },
  );
}

test('the infographic PNG is the same size at any window size and whole to its right edge', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await loadSampleData(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  const wide = await exportPng(page);
  await page.setViewportSize({ width: 640, height: 400 });
  const narrow = await exportPng(page);
  if (process.env.SHOTS) writeFileSync('/tmp/shots/infographic-export.png', narrow.bytes);

  // 760 CSS px at pixel ratio 2.
  expect(wide.width).toBe(1520);
  expect(narrow.width).toBe(1520);
  expect(narrow.height).toBe(wide.height);
  expect(wide.height).toBeGreaterThan(1400);

  // The micro-affiliate column (its soft teal, #ccfbf1) reaches to 30 CSS px (60 image px) from
  // the right edge: 70 image px in, a stretch of that colour runs down the image.
  const teal: [number, number, number] = [0xcc, 0xfb, 0xf1];
  expect(await pixelsNearRightEdge(page, narrow, 70, teal)).toBeGreaterThan(200);
  // Past the card's padding there is only white.
  expect(await pixelsNearRightEdge(page, narrow, 20, teal)).toBe(0);

  // The headline figure and the brand name are on it.
  const ig = page.getByTestId('infographic');
  await expect(
    ig.getByText(/^Every \$1 on (micro-affiliates|ambassadors) came back as \$\d/),
  ).toBeVisible();
  await expect(ig.getByText('Barkside Treat Co.')).toBeVisible();
});

test('Compare opens with a one-sentence verdict before the table', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, 'compare');
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toContainText(
    /returned \$\d+\.\d\d per \$1, (ambassadors|micro-affiliates) \$\d/,
  );
  await expect(verdict).toContainText(/ambassadors brought \d+% of the partners' revenue/);
  // It comes before the comparison table in reading order.
  const before = await verdict.evaluate((v) => {
    const table = document.querySelector('table');
    return !!table && !!(v.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(before).toBe(true);
});

test('a logo added in Settings shows on the infographic; a file that is not an image is refused', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, 'settings');
  // A 1x1 PNG.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const input = page.getByLabel('Add logo');
  await input.setInputFiles({
    name: 'notes.png',
    mimeType: 'image/png',
    buffer: Buffer.from('hello'),
  });
  await expect(page.getByRole('alert')).toContainText('notes.png is not a PNG, JPEG or SVG image.');
  await input.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByRole('img', { name: 'Your logo' })).toBeVisible();
  await openApp(page, 'compare/infographic');
  await expect(
    page.getByTestId('infographic').getByRole('img', { name: 'Barkside Treat Co. logo' }),
  ).toBeVisible();
});

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axeViolations, expect, loadSampleData, openApp, test } from './fixtures';
import { brandToday } from './calendar-helpers';
import { replaceWithBackup } from './partner-seed';
import { CONTENT_STATUSES } from '../../src/domain/constants';
import type { ContentItem, Partner } from '../../src/domain/schemas';

/** The first day of the month `delta` months from today's (brand time zone), `YYYY-MM-01`. */
function monthStart(delta: number): string {
  const [y, m] = brandToday().split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 10);
}

const day = (start: string, n: number) => `${start.slice(0, 8)}${String(n).padStart(2, '0')}`;

/**
 * Every look a chip can have: each status for an ambassador and an affiliate, last month (where
 * the open ones are overdue) and next month (where none is), two to a day so the month view shows
 * them all. The sample data's own items depend on the date the test runs; these do not.
 */
async function seedEveryChip(page: Page): Promise<void> {
  await loadSampleData(page);
  await openApp(page, 'settings');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export backup' }).click();
  const file = JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as {
    data: Record<string, unknown[]>;
  };
  const partners = file.data.partners as Partner[];
  const amb = partners.find((p) => p.kind === 'ambassador' && !p.archived)!;
  const aff = partners.find((p) => p.kind === 'affiliate' && !p.archived)!;
  const template = (file.data.contentItems as ContentItem[])[0]!;
  const items: ContentItem[] = [];
  for (const [m, start] of [monthStart(-1), monthStart(1)].entries()) {
    CONTENT_STATUSES.forEach((status, i) => {
      for (const p of [amb, aff]) {
        items.push({
          ...template,
          id: `chip-${m}-${i}-${p.kind}`,
          partnerId: p.id,
          campaignId: null,
          plannedDate: day(start, i + 1),
          plannedTime: p === amb ? '10:00' : '',
          status,
          title: `${status} post by ${p.name}`,
          publishedUrl: '',
          metrics: null,
          briefDetails: undefined,
          reviewTicks: undefined,
          usageRights: undefined,
        });
      }
    });
  }
  const data = { ...file.data, contentItems: items };
  const counts = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.length]));
  await replaceWithBackup(page, JSON.stringify({ ...file, counts, data }));
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every calendar chip, status and kind is readable (${scheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    await seedEveryChip(page);
    await openApp(page, 'calendar');
    const month = page.locator('.cal-month');
    await page.getByRole('button', { name: 'Previous month' }).click();
    // 12 chips, the open ones overdue, then the same 12 next month, none overdue.
    await expect(month.locator('.cal-chip')).toHaveCount(12);
    await expect(month.locator('.cal-chip.cal-overdue')).toHaveCount(8);
    await expect(month.locator('.cal-status-missed')).toHaveCount(2);
    expect(await axeViolations(page), `axe on last month (${scheme})`).toEqual([]);
    await month.screenshot({ path: `/tmp/shots/calendar-chips-${scheme}.png` });
    await page.getByRole('button', { name: 'Agenda', exact: true }).click();
    await expect(page.locator('.cal-agenda')).toBeVisible();
    expect(await axeViolations(page), `axe on last month's agenda (${scheme})`).toEqual([]);

    await page.getByRole('button', { name: 'Month', exact: true }).click();
    await page.getByRole('button', { name: 'Next month' }).click();
    await page.getByRole('button', { name: 'Next month' }).click();
    await expect(month.locator('.cal-chip')).toHaveCount(12);
    await expect(month.locator('.cal-chip.cal-overdue')).toHaveCount(0);
    expect(await axeViolations(page), `axe on next month (${scheme})`).toEqual([]);
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await expect(page.locator('.cal-week .cal-chip').first()).toBeVisible();
    expect(await axeViolations(page), `axe on a week of next month (${scheme})`).toEqual([]);
  });
}

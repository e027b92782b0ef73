import type { Page } from '@playwright/test';

/** Today in the sample brand's zone (America/New_York), as the app computes it. */
export function brandToday(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/New_York',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(Date.now());
}

export function dayOfThisMonth(day: number): string {
  return `${brandToday().slice(0, 8)}${String(day).padStart(2, '0')}`;
}

/** The day cell's accessible name, e.g. "Friday, March 14, 2025". */
export function longDay(date: string): string {
  return new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

export const dayCell = (page: Page, date: string) =>
  page.locator('.cal-month').getByRole('group', { name: longDay(date), exact: true });

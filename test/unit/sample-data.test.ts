import { describe, expect, it } from 'vitest';
import { deliverablesTracker } from '../../src/domain/content';
import { addMonths, monthOf, monthsInRange } from '../../src/domain/dates';
import { generateSampleData } from '../../src/domain/sample-data';

const NOW = Date.UTC(2026, 10, 24, 15);
const TODAY = '2026-11-24';

describe('the sample brand', () => {
  const data = generateSampleData(TODAY, NOW);

  it('runs its campaigns in their season', () => {
    const starts = new Map(data.campaigns.map((c) => [c.name, c.startDate]));
    // The 12 months from 2025-11-25 to 2026-11-24: spring, summer, back-to-school and
    // Howl-o-ween of 2026, and the holiday boxes running now (from November 20, 2026).
    expect(starts.get('Spring Sniff Walk')).toBe('2026-04-01');
    expect(starts.get('Summer Pupsicle Launch')).toBe('2026-06-01');
    expect(starts.get('Back-to-School Boredom Busters')).toBe('2026-08-15');
    expect(starts.get('Howl-o-ween Costume Contest')).toBe('2026-10-05');
    expect(starts.get('Holiday Gift Boxes')).toBe('2026-11-20');
    // A campaign's posts are in its dates and about it.
    const summer = data.campaigns.find((c) => c.name === 'Summer Pupsicle Launch')!;
    const posts = data.contentItems.filter((c) => c.campaignId === summer.id);
    expect(posts.length).toBeGreaterThan(5);
    for (const p of posts) {
      expect(p.plannedDate >= summer.startDate && p.plannedDate <= summer.endDate).toBe(true);
      expect(p.title).toMatch(
        /^(Pupsicle taste test|Beat-the-heat cooling mat nap|Frozen treat recipe) with /,
      );
    }
    // No gift guides in July outside the holiday campaign.
    expect(
      data.contentItems.filter(
        (c) => c.title.startsWith('Holiday') && c.plannedDate.slice(5, 7) === '07',
      ),
    ).toEqual([]);
  });

  it('most partners meet their contracted posts; a few are behind', () => {
    const finished = monthsInRange({ start: addMonths(TODAY, -11), end: addMonths(TODAY, -1) });
    expect(finished).toHaveLength(11);
    expect(finished.at(-1)).toBe(monthOf(addMonths(TODAY, -1)));
    const rows = deliverablesTracker(
      data.partners,
      data.contracts,
      data.contentItems,
      finished,
      TODAY,
    ).filter((r) => r.state !== 'no contract' && r.contracted > 0);
    const byPartner = new Map<string, { met: number; months: number }>();
    for (const r of rows) {
      const s = byPartner.get(r.partnerId) ?? { met: 0, months: 0 };
      s.months += 1;
      if (r.state === 'met') s.met += 1;
      byPartner.set(r.partnerId, s);
    }
    const shares = [...byPartner.values()].map((s) => s.met / s.months);
    const meeting = shares.filter((x) => x >= 0.8).length;
    const behind = shares.filter((x) => x < 0.6).length;
    expect(byPartner.size).toBeGreaterThan(25);
    // Most meet what they owe in at least 4 months of 5...
    expect(meeting / byPartner.size).toBeGreaterThanOrEqual(0.75);
    // ...and a few are clearly behind (not none, not many).
    expect(behind).toBeGreaterThanOrEqual(2);
    expect(behind / byPartner.size).toBeLessThanOrEqual(0.2);
  });
});

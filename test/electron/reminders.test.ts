import { describe, expect, it } from 'vitest';
import { MAX_NOTICES, planNotices } from '../../electron/main/reminders';

const note = (id: string) => ({ id, title: `Post ${id} is overdue`, body: `Body ${id}` });

describe('planNotices', () => {
  it('shows each new reminder on its own, once per session', () => {
    const shown = new Set<string>();
    expect(planNotices([note('a'), note('b')], shown)).toEqual([
      { title: 'Post a is overdue', body: 'Body a' },
      { title: 'Post b is overdue', body: 'Body b' },
    ]);
    expect(planNotices([note('a'), note('b')], shown)).toEqual([]);
    expect(planNotices([note('b'), note('c'), note('c')], shown)).toEqual([
      { title: 'Post c is overdue', body: 'Body c' },
    ]);
    expect([...shown]).toEqual(['a', 'b', 'c']);
  });

  it(`sums up more than ${MAX_NOTICES} new reminders in one notification`, () => {
    const shown = new Set<string>(['z']);
    const notes = ['z', 'a', 'b', 'c', 'd', 'e'].map(note);
    expect(planNotices(notes, shown)).toEqual([
      {
        title: '5 reminders from Pawtners',
        body: 'Post a is overdue; Post b is overdue; Post c is overdue; and 2 more. Open Pawtners to see them all.',
      },
    ]);
    expect(shown.size).toBe(6);
    expect(planNotices(notes, shown)).toEqual([]);
  });
});

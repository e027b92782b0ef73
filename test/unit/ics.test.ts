import { describe, expect, it } from 'vitest';
import {
  contentToIcs,
  escapeText,
  eventSummary,
  foldLine,
  utcStamp,
  zonedTimeToEpoch,
  type IcsOptions,
} from '../../src/io/ics';
import type { ContentItem } from '../../src/domain/schemas';

const enc = new TextEncoder();

function item(over: Partial<ContentItem> = {}): ContentItem {
  return {
    id: 'ci-0001',
    createdAt: 0,
    updatedAt: Date.UTC(2025, 2, 1, 9, 30),
    partnerId: 'p-1',
    campaignId: null,
    platform: 'instagram',
    format: 'reel',
    plannedDate: '2025-03-14',
    plannedTime: '10:00',
    status: 'planned',
    title: 'Treat taste test',
    brief: '',
    control: 'co-created',
    publishedUrl: '',
    costCents: 5000,
    metrics: null,
    ...over,
  };
}

const options: IcsOptions = {
  now: Date.UTC(2025, 2, 10, 12, 0, 0),
  timeZone: 'America/New_York',
  calendarName: 'Barkside content',
  partnerName: (id) => (id === 'p-1' ? 'Maya Lopez' : 'Unknown'),
  campaignName: (id) => (id === 'cmp-1' ? 'Spring Sniff Walk' : undefined),
};

/** RFC 5545 3.1: unfold by removing every CRLF followed by one space or tab. */
function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n');
}

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and every kind of line break', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });
  it('drops control characters other than tab', () => {
    expect(escapeText('bell\u0007 tab\t')).toBe('bell tab\t');
  });
});

describe('foldLine', () => {
  it('leaves lines of 75 octets alone and folds the 76th', () => {
    const exact = 'X'.repeat(75);
    expect(foldLine(exact)).toBe(exact);
    const folded = foldLine('X'.repeat(76));
    expect(folded).toBe(`${'X'.repeat(75)}\r\n X`);
  });

  it('keeps every physical line at most 75 octets, counting the leading space', () => {
    const folded = foldLine(`DESCRIPTION:${'abcdefghij'.repeat(40)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBe(6);
    for (const l of lines) expect(enc.encode(l).length).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(lines[1]!.length).toBe(75);
  });

  it('never splits a multi-byte UTF-8 character (é = 2, 🐶 = 4 octets)', () => {
    // 'SUMMARY:' is 8 octets, then 2-octet characters: a line of 75 would cut one in half.
    const line = `SUMMARY:${'é'.repeat(60)}${'🐶'.repeat(30)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    for (const l of physical) {
      const bytes = enc.encode(l);
      expect(bytes.length).toBeLessThanOrEqual(75);
      // Each physical line decodes on its own without replacement characters.
      expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(l);
    }
    expect(enc.encode(physical[0]!).length).toBe(74);
    expect(unfold(folded)).toEqual([line]);
  });
});

describe('times', () => {
  it('writes UTC stamps', () => {
    expect(utcStamp(Date.UTC(2025, 0, 2, 3, 4, 5))).toBe('20250102T030405Z');
  });
  it('converts brand wall time to UTC across daylight saving time', () => {
    expect(zonedTimeToEpoch('2025-01-15', '10:00', 'America/New_York')).toBe(
      Date.UTC(2025, 0, 15, 15, 0),
    );
    expect(zonedTimeToEpoch('2025-07-15', '10:00', 'America/New_York')).toBe(
      Date.UTC(2025, 6, 15, 14, 0),
    );
    expect(zonedTimeToEpoch('2025-07-15', '10:00', 'Asia/Kolkata')).toBe(
      Date.UTC(2025, 6, 15, 4, 30),
    );
  });
});

describe('contentToIcs', () => {
  const text = contentToIcs(
    [
      item(),
      item({
        id: 'ci-0002',
        plannedTime: '',
        status: 'published',
        campaignId: 'cmp-1',
        title: 'Walkies, treats; and a \\ backslash',
        brief: 'Line one\nLine two',
        publishedUrl: 'https://instagram.example/maya/2',
      }),
    ],
    options,
  );
  const lines = unfold(text);

  it('uses CRLF only, ends with CRLF, and keeps every line within 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const l of text.split('\r\n')) expect(enc.encode(l).length).toBeLessThanOrEqual(75);
  });

  it('has the calendar envelope and one VEVENT per item', () => {
    expect(lines.slice(0, 4)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Pawtners//Content calendar//EN',
      'CALSCALE:GREGORIAN',
    ]);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(2);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('writes a timed item in UTC and an all-day item as VALUE=DATE', () => {
    expect(lines).toContain('DTSTART:20250314T140000Z');
    expect(lines).toContain('DTEND:20250314T143000Z');
    expect(lines).toContain('DTSTART;VALUE=DATE:20250314');
    expect(lines).toContain('DTEND;VALUE=DATE:20250315');
    expect(lines.filter((l) => l === 'DTSTAMP:20250310T120000Z')).toHaveLength(2);
  });

  it('escapes text, lists categories and maps statuses', () => {
    expect(lines).toContain(
      'SUMMARY:Maya Lopez: Walkies\\, treats\\; and a \\\\ backslash (instagram reel)',
    );
    expect(lines.find((l) => l.startsWith('DESCRIPTION:') && l.includes('Line one'))).toContain(
      'Brief: Line one\\nLine two',
    );
    expect(lines).toContain('CATEGORIES:instagram,reel,Spring Sniff Walk');
    expect(lines).toContain('URL:https://instagram.example/maya/2');
    expect(lines).toContain('STATUS:TENTATIVE');
    expect(lines).toContain('STATUS:CONFIRMED');
  });

  it('keeps UIDs stable across exports so calendar apps update instead of duplicating', () => {
    const uids = (t: string) => unfold(t).filter((l) => l.startsWith('UID:'));
    expect(uids(text)).toEqual(['UID:ci-0001@pawtners', 'UID:ci-0002@pawtners']);
    const later = contentToIcs(
      [item({ plannedDate: '2025-03-20', updatedAt: Date.UTC(2025, 2, 12), sequence: 1 })],
      { ...options, now: Date.UTC(2025, 5, 1) },
    );
    expect(uids(later)).toEqual(['UID:ci-0001@pawtners']);
    // The moved copy carries a higher SEQUENCE so it wins over the first import.
    const seq = (t: string) =>
      Number(
        unfold(t)
          .find((l) => l.startsWith('SEQUENCE:'))!
          .slice(9),
      );
    expect(seq(later)).toBeGreaterThan(seq(text));
  });
});

describe('event summaries and sequence', () => {
  it('names the platform and format once, never repeating a word', () => {
    const s = (over: Partial<ContentItem>) => eventSummary('Maya', item(over));
    expect(s({})).toBe('Maya: Treat taste test (instagram reel)');
    expect(s({ title: '', platform: 'blog', format: 'blog' })).toBe('Maya: blog');
    expect(s({ title: '', platform: 'instagram', format: 'reel' })).toBe('Maya: reel (instagram)');
    expect(s({ title: 'New blog', platform: 'blog', format: 'blog' })).toBe('Maya: New blog');
    expect(s({ title: 'Unboxing', platform: 'youtube', format: 'long video' })).toBe(
      'Maya: Unboxing (youtube long video)',
    );
  });

  it("SEQUENCE is each item's own revision number, not a time", () => {
    const t = contentToIcs(
      [item({ id: 'a', sequence: 3 }), item({ id: 'b' }), item({ id: 'c', sequence: 0 })],
      options,
    );
    expect(unfold(t).filter((l) => l.startsWith('SEQUENCE:'))).toEqual([
      'SEQUENCE:3',
      'SEQUENCE:0',
      'SEQUENCE:0',
    ]);
  });
});

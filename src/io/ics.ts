/**
 * iCalendar (RFC 5545) export of the content calendar. One VEVENT per content item with a UID
 * derived from the item id, so re-importing an export into Google Calendar or Outlook updates the
 * events instead of duplicating them. Lines end in CRLF and are folded at 75 octets.
 */
import { addDays, zoneOffsetMs } from '../domain/dates';
import type { ContentItem, ContentStatus } from '../domain/schemas';

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // Other control characters are not allowed in TEXT (only HTAB is).
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

/**
 * Fold one content line (RFC 5545 3.1): no line longer than 75 octets, continuation lines start
 * with one space. Splits between code points so a multi-byte UTF-8 character is never cut.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The first line holds 75 octets; continuation lines 74 after their leading space.
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** An instant as a UTC DATE-TIME (`20250301T140000Z`). */
export function utcStamp(epochMs: number): string {
  const d = new Date(epochMs);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

/**
 * The instant of a wall-clock time (`YYYY-MM-DD`, `HH:MM`) in an IANA zone. In a spring-forward gap
 * the time moves forward by the gap, as calendar apps do.
 */
export function zonedTimeToEpoch(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  const first = asUtc - zoneOffsetMs(asUtc, timeZone);
  const second = asUtc - zoneOffsetMs(first, timeZone);
  return second;
}

const ICS_STATUS: Record<ContentStatus, 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'> = {
  idea: 'TENTATIVE',
  planned: 'TENTATIVE',
  'in review': 'TENTATIVE',
  approved: 'CONFIRMED',
  published: 'CONFIRMED',
  missed: 'CANCELLED',
};

export interface IcsOptions {
  /** DTSTAMP of every event: when the file was written. */
  now: number;
  /** The brand time zone that planned dates and times are in. */
  timeZone: string;
  calendarName: string;
  partnerName: (partnerId: string) => string;
  campaignName: (campaignId: string) => string | undefined;
  /** How long a timed post blocks in the calendar. */
  durationMinutes?: number;
}

function dateValue(date: string): string {
  return date.replace(/-/g, '');
}

/**
 * "Maya Lopez: Walkies (instagram reel)": the partner, the title (or the format) and, in
 * brackets, the platform and format, each word once ("blog" is both a platform and a format;
 * an untitled reel does not say "reel" twice).
 */
export function eventSummary(
  partner: string,
  item: Pick<ContentItem, 'title' | 'format' | 'platform'>,
): string {
  const title = item.title.trim() || item.format;
  const seen = new Set(title.toLowerCase().split(/\s+/));
  const extra: string[] = [];
  for (const w of [item.platform, item.format]) {
    const k = w.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    extra.push(w);
  }
  return extra.length > 0 ? `${partner}: ${title} (${extra.join(' ')})` : `${partner}: ${title}`;
}

function eventLines(item: ContentItem, o: IcsOptions): string[] {
  const partner = o.partnerName(item.partnerId);
  const campaign = item.campaignId ? o.campaignName(item.campaignId) : undefined;
  const summary = eventSummary(partner, item);
  const description = [
    `Status: ${item.status}`,
    `Partner: ${partner}`,
    campaign ? `Campaign: ${campaign}` : null,
    `Content control: ${item.control === 'co-created' ? 'co-created with the brand' : "partner's own"}`,
    item.brief ? `Brief: ${item.brief}` : null,
  ]
    .filter((l): l is string => l !== null)
    .join('\n');
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(`${item.id}@pawtners`)}`,
    `DTSTAMP:${utcStamp(o.now)}`,
    // The item's own revision number (RFC 5545 3.8.7.4): calendar apps keep the higher one.
    `SEQUENCE:${item.sequence ?? 0}`,
    `LAST-MODIFIED:${utcStamp(item.updatedAt)}`,
  ];
  if (item.plannedTime === '') {
    lines.push(
      `DTSTART;VALUE=DATE:${dateValue(item.plannedDate)}`,
      `DTEND;VALUE=DATE:${dateValue(addDays(item.plannedDate, 1))}`,
    );
  } else {
    // UTC times avoid shipping a VTIMEZONE definition, which a TZID parameter would require.
    const start = zonedTimeToEpoch(item.plannedDate, item.plannedTime, o.timeZone);
    lines.push(
      `DTSTART:${utcStamp(start)}`,
      `DTEND:${utcStamp(start + (o.durationMinutes ?? 30) * 60_000)}`,
    );
  }
  lines.push(`SUMMARY:${escapeText(summary)}`, `DESCRIPTION:${escapeText(description)}`);
  if (item.publishedUrl) lines.push(`URL:${item.publishedUrl}`);
  const categories = [item.platform, item.format, ...(campaign ? [campaign] : [])];
  lines.push(
    `CATEGORIES:${categories.map(escapeText).join(',')}`,
    `STATUS:${ICS_STATUS[item.status]}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  );
  return lines;
}

/** A whole VCALENDAR with one VEVENT per item, CRLF line ends, folded lines. */
export function contentToIcs(items: readonly ContentItem[], o: IcsOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Pawtners//Content calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(o.calendarName)}`,
    ...items.flatMap((it) => eventLines(it, o)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

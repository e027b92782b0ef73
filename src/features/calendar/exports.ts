/** Export the (filtered) content items as an iCalendar file or a spreadsheet-safe CSV. */
import { engagementRate, STATUS_LABEL } from '../../domain/content';
import { centsToDecimal } from '../../domain/money';
import type { ContentItem, Settings } from '../../domain/schemas';
import { toCsv } from '../../io/csv';
import { contentToIcs } from '../../io/ics';
import { saveFile } from '../../platform/bridge';
import type { CalendarData } from './useCalendarData';

function fileStem(settings: Settings, today: string): string {
  const brand = settings.brandName
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  return `${brand ? `${brand}-` : ''}content-calendar-${today}`;
}

export async function exportIcs(
  items: readonly ContentItem[],
  data: CalendarData,
  settings: Settings,
  today: string,
): Promise<boolean> {
  const text = contentToIcs(items, {
    now: Date.now(),
    timeZone: settings.timeZone,
    calendarName: settings.brandName ? `${settings.brandName} content` : 'Pawtners content',
    partnerName: (id) => data.partnersById.get(id)?.name ?? 'Unknown partner',
    campaignName: (id) => data.campaignsById.get(id)?.name,
  });
  const saved = await saveFile({
    kind: 'ics',
    suggestedName: `${fileStem(settings, today)}.ics`,
    data: text,
    encoding: 'utf8',
  });
  return saved !== null;
}

const CSV_HEADER = [
  'Date',
  'Time',
  'Partner',
  'Kind',
  'Campaign',
  'Platform',
  'Format',
  'Status',
  'Title',
  'Content control',
  'Cost',
  'Published URL',
  'Reach',
  'Impressions',
  'Likes',
  'Comments',
  'Shares',
  'Saves',
  'Clicks',
  'Engagement rate %',
  'Brief',
];

/** CSV text of the items; cells a spreadsheet would run as formulas are neutralised by toCsv. */
export function contentCsv(items: readonly ContentItem[], data: CalendarData): string {
  const rows = items.map((it) => {
    const p = data.partnersById.get(it.partnerId);
    const m = it.metrics;
    const er = engagementRate(m);
    return [
      it.plannedDate,
      it.plannedTime,
      p?.name ?? it.partnerId,
      p?.kind ?? '',
      it.campaignId ? (data.campaignsById.get(it.campaignId)?.name ?? '') : '',
      it.platform,
      it.format,
      STATUS_LABEL[it.status],
      it.title,
      it.control,
      centsToDecimal(it.costCents),
      it.publishedUrl,
      m?.reach,
      m?.impressions,
      m?.likes,
      m?.comments,
      m?.shares,
      m?.saves,
      m?.clicks,
      er === null ? null : Math.round(er * 10_000) / 100,
      it.brief,
    ];
  });
  return toCsv(CSV_HEADER, rows);
}

export async function exportCsv(
  items: readonly ContentItem[],
  data: CalendarData,
  settings: Settings,
  today: string,
): Promise<boolean> {
  const saved = await saveFile({
    kind: 'csv',
    suggestedName: `${fileStem(settings, today)}.csv`,
    data: contentCsv(items, data),
    encoding: 'utf8',
  });
  return saved !== null;
}

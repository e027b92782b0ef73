import { useEffect, useState } from 'react';
import { CalendarDays, Download, Plus } from 'lucide-react';
import { href } from '../../navigation/router';
import { EmptyState, PageHeader } from '../../components/ui';
import { getDb } from '../../db/db';
import { allContent, contentOfCampaign, contentOfPartner } from '../../db/content';
import { compareItems, filterContent, type ContentFilter } from '../../domain/content';
import { useSettings } from '../../hooks/data';
import type { Campaign, Settings } from '../../domain/schemas';
import { useUi, type UiState } from '../../store/ui';
import { AddPartnerFirstActions } from '../../components/AddPartnerFirstActions';
import { CampaignDetail, CampaignDialog, CampaignList } from './CampaignsView';
import { DeliverablesView } from './DeliverablesView';
import { exportCsv, exportIcs } from './exports';
import { ItemDialog, type ItemDialogTarget } from './ItemDialog';
import { Planner } from './Planner';
import { useCalendarData, useToday, type CalendarData } from './useCalendarData';
import { useCalendarUi } from './useCalendarUi';
import './calendar.css';

type Section = 'plan' | 'deliverables' | 'campaigns';

const SECTIONS: { id: Section; label: string; path: string }[] = [
  { id: 'plan', label: 'Plan', path: 'calendar' },
  { id: 'deliverables', label: 'Deliverables', path: 'calendar/deliverables' },
  { id: 'campaigns', label: 'Campaigns', path: 'calendar/campaigns' },
];

function sectionOf(rest: string[]): Section {
  if (rest[0] === 'deliverables') return 'deliverables';
  if (rest[0] === 'campaigns') return 'campaigns';
  return 'plan';
}

/** The items an export starts from: through the partner or campaign index when one is chosen. */
function readForExport(filter: ContentFilter) {
  const db = getDb();
  if (filter.partnerId) return contentOfPartner(db, filter.partnerId);
  if (filter.campaignId && filter.campaignId !== 'none')
    return contentOfCampaign(db, filter.campaignId);
  return allContent(db);
}

/** Export every item that matches the filters (not only the days in view) as .ics or CSV. */
async function exportFiltered(
  kind: 'ics' | 'csv',
  data: CalendarData,
  settings: Settings,
  today: string,
  showToast: UiState['showToast'],
) {
  try {
    // Every item that matches the filters (not only the days in view), read when asked for.
    const filter = useCalendarUi.getState().filter;
    const filtered = filterContent(
      await readForExport(filter),
      filter,
      (id) => data.partnersById.get(id)?.kind,
      today,
    ).sort(compareItems);
    if (filtered.length === 0) {
      showToast({ tone: 'error', message: 'No items match the filters: nothing to export.' });
      return;
    }
    const fn = kind === 'ics' ? exportIcs : exportCsv;
    const saved = await fn(filtered, data, settings, today);
    if (saved)
      showToast({
        tone: 'success',
        message: `Exported ${filtered.length} ${filtered.length === 1 ? 'item' : 'items'} to ${kind === 'ics' ? 'a calendar file' : 'CSV'}.`,
      });
  } catch (e) {
    showToast({ tone: 'error', message: `Export failed: ${(e as Error).message}` });
  }
}

/** The content calendar: plan (month/week/agenda), deliverables tracker and campaigns. */
export function CalendarScreen({ rest }: { rest: string[] }) {
  const section = sectionOf(rest);
  const campaignId = section === 'campaigns' ? rest[1] : undefined;
  const data = useCalendarData();
  const settings = useSettings();
  const today = useToday();
  const anchor = useCalendarUi((s) => s.anchor) ?? today;
  const showToast = useUi((s) => s.showToast);
  const [itemDialog, setItemDialog] = useState<ItemDialogTarget | null>(null);
  const [campaignDialog, setCampaignDialog] = useState<Campaign | 'new' | null>(null);
  // #/calendar/day/<date> (the command palette): that day's week.
  const dayAsked = rest[0] === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(rest[1] ?? '') ? rest[1]! : null;
  useEffect(() => {
    if (!dayAsked) return;
    useCalendarUi.getState().setAnchor(dayAsked);
    useCalendarUi.getState().setView('week');
  }, [dayAsked]);

  // Ctrl/Cmd+N: a new item (or campaign) on the current section.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'n') return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      if (section === 'campaigns' && !campaignId) setCampaignDialog('new');
      else setItemDialog({ mode: 'new', date: anchor, quick: false });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [section, campaignId, anchor]);

  const subtitle = 'Who posts what, where and when, and whether it went out.';
  if (!data) {
    return (
      <>
        <PageHeader title="Calendar" subtitle={subtitle} />
        <p className="muted" role="status">
          Loading the calendar…
        </p>
      </>
    );
  }
  if (data.partners.length === 0) {
    return (
      <>
        <PageHeader title="Calendar" subtitle={subtitle} />
        <EmptyState
          icon={CalendarDays}
          title="Nothing planned yet"
          actions={<AddPartnerFirstActions />}
        >
          <p>
            Plan your partners&apos; posts, reels and stories, see what went out and who is behind,
            and export the plan to Google Calendar or Outlook.
          </p>
        </EmptyState>
      </>
    );
  }

  const runExport = (kind: 'ics' | 'csv') => exportFiltered(kind, data, settings, today, showToast);

  const actions =
    section === 'campaigns' && !campaignId ? (
      <button type="button" className="btn btn-primary" onClick={() => setCampaignDialog('new')}>
        <Plus size={16} aria-hidden="true" /> New campaign
      </button>
    ) : section === 'plan' ? (
      <>
        <button type="button" className="btn" onClick={() => void runExport('ics')}>
          <Download size={16} aria-hidden="true" /> Export .ics
        </button>
        <button type="button" className="btn" onClick={() => void runExport('csv')}>
          <Download size={16} aria-hidden="true" /> Export CSV
        </button>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => setItemDialog({ mode: 'new', date: anchor, quick: false })}
        >
          <Plus size={16} aria-hidden="true" /> Add item
        </button>
      </>
    ) : null;

  const ctx = { data, today, locale: settings.locale, currency: settings.currency };
  return (
    <>
      <PageHeader title="Calendar" subtitle={subtitle} actions={actions} />
      <nav className="cal-tabs" aria-label="Calendar sections">
        {SECTIONS.map((s) => (
          <a
            key={s.id}
            href={href(s.path)}
            className={section === s.id ? 'active' : ''}
            aria-current={section === s.id ? 'page' : undefined}
          >
            {s.label}
          </a>
        ))}
      </nav>
      {section === 'plan' ? (
        <Planner data={data} today={today} dialog={itemDialog} setDialog={setItemDialog} />
      ) : null}
      {section === 'deliverables' ? (
        <DeliverablesView data={data} today={today} locale={settings.locale} />
      ) : null}
      {section === 'campaigns' && !campaignId ? (
        <CampaignList {...ctx} onNew={() => setCampaignDialog('new')} />
      ) : null}
      {section === 'campaigns' && campaignId ? (
        <CampaignDetail
          {...ctx}
          id={campaignId}
          onEdit={(c) => setCampaignDialog(c)}
          onOpenItem={setItemDialog}
        />
      ) : null}
      {section !== 'plan' && itemDialog ? (
        <ItemDialog
          target={itemDialog}
          data={data}
          locale={settings.locale}
          onClose={() => setItemDialog(null)}
        />
      ) : null}
      {campaignDialog ? (
        <CampaignDialog
          campaign={campaignDialog === 'new' ? null : campaignDialog}
          data={data}
          today={today}
          onClose={() => setCampaignDialog(null)}
        />
      ) : null}
    </>
  );
}

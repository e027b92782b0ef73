import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { href, navigate } from '../../navigation/router';
import { Field } from '../../components/form';
import { Card, Dialog, DialogButtons, EmptyState, KindBadge, Stat } from '../../components/ui';
import { getDb } from '../../db/db';
import { ContentValidationError, contentOfCampaign, saveCampaign } from '../../db/content';
import { saveErrorMessage } from '../../db/errors';
import { newId } from '../../db/repo';
import { isOverdue, summarizeCampaign } from '../../domain/content';
import { addDays } from '../../domain/dates';
import { safeLocale } from '../../domain/intl';
import { centsToDecimal, formatMoney, parseMoney } from '../../domain/money';
import type { Campaign, ContentItem } from '../../domain/schemas';
import { useUi } from '../../store/ui';
import { Megaphone } from 'lucide-react';
import { CampaignBriefCard } from './CampaignBrief';
import { ItemCells, ItemHeadCells } from './ItemCells';
import { mediumDay, shortDay } from './format';
import type { ItemDialogTarget } from './ItemDialog';
import { useCalendarUi } from './useCalendarUi';
import type { CalendarData } from './useCalendarData';

interface Ctx {
  data: CalendarData;
  today: string;
  locale: string;
  currency: string;
}

function BudgetMeter(props: { spent: number; budget: number; label: string }) {
  const over = props.spent > props.budget;
  return (
    <meter
      className={over ? 'cal-meter over' : 'cal-meter'}
      min={0}
      max={Math.max(props.budget, 1)}
      high={Math.max(props.budget, 1) * 0.9}
      value={Math.min(props.spent, Math.max(props.budget, 1))}
      aria-label={props.label}
    />
  );
}

/** All campaigns, each with budget vs spent. */
export function CampaignList(props: Ctx & { onNew: () => void }) {
  const { data, today, locale, currency } = props;
  const money = (c: number) => formatMoney(c, currency, locale);
  // Each campaign's items through the campaign index (items outside campaigns are not read).
  const ids = useMemo(() => data.campaigns.map((c) => c.id), [data.campaigns]);
  const itemsOf = useLiveQuery(async () => {
    const db = getDb();
    const lists = await Promise.all(ids.map((id) => contentOfCampaign(db, id)));
    return new Map(ids.map((id, i) => [id, lists[i]!]));
  }, [ids]);
  if (data.campaigns.length === 0)
    return (
      <EmptyState
        icon={Megaphone}
        title="No campaigns yet"
        actions={
          <button type="button" className="btn btn-primary" onClick={props.onNew}>
            New campaign
          </button>
        }
      >
        <p>Group posts around a launch or a season, give it a budget and see what it cost.</p>
      </EmptyState>
    );
  return (
    <div className="cal-campaigns">
      {data.campaigns.map((c) => {
        const s = summarizeCampaign(c, itemsOf?.get(c.id) ?? [], today);
        return (
          <Card key={c.id} className="cal-campaign-card">
            <h2>
              <a href={href(`calendar/campaigns/${c.id}`)}>{c.name}</a>
            </h2>
            <p className="muted">
              {c.goal === 'sales' ? 'Sales' : 'Awareness'} · {mediumDay(c.startDate, locale)} –{' '}
              {mediumDay(c.endDate, locale)} · {c.partnerIds.length} partners
            </p>
            <BudgetMeter
              spent={s.spentCents}
              budget={c.budgetCents}
              label={`${c.name}: spent of budget`}
            />
            <p className="cal-campaign-money">
              <span className="num">{money(s.spentCents)}</span> spent of{' '}
              <span className="num">{money(c.budgetCents)}</span>
            </p>
            <p className="muted">
              {itemsOf === undefined
                ? 'Loading…'
                : `${s.published} of ${s.items} items published${s.overdue > 0 ? ` · ${s.overdue} overdue` : ''}`}
            </p>
          </Card>
        );
      })}
    </div>
  );
}

/** One campaign: its numbers, partners and items. */
export function CampaignDetail(
  props: Ctx & {
    id: string;
    onEdit: (c: Campaign) => void;
    onOpenItem: (t: ItemDialogTarget) => void;
  },
) {
  const { data, today, locale, currency } = props;
  const c = data.campaignsById.get(props.id);
  // Only this campaign's items, by planned date.
  const stored = useLiveQuery(() => contentOfCampaign(getDb(), props.id), [props.id]);
  const items = useMemo(
    () => [...(stored ?? [])].sort((a, b) => a.plannedDate.localeCompare(b.plannedDate)),
    [stored],
  );
  if (!c)
    return (
      <EmptyState icon={Megaphone} title="Campaign not found">
        <p>
          It may have been deleted. <a href={href('calendar/campaigns')}>See all campaigns</a>.
        </p>
      </EmptyState>
    );
  if (stored === undefined)
    return (
      <p className="muted" role="status">
        Loading the campaign…
      </p>
    );
  const s = summarizeCampaign(c, items, today);
  const money = (v: number) => formatMoney(v, currency, locale);
  return (
    <div className="stack">
      <div className="cal-campaign-head">
        <div>
          <h2>{c.name}</h2>
          <p className="muted">
            {c.goal === 'sales' ? 'Sales' : 'Awareness'} campaign · {mediumDay(c.startDate, locale)}{' '}
            – {mediumDay(c.endDate, locale)}
          </p>
          {c.notes ? <p>{c.notes}</p> : null}
        </div>
        <div className="row">
          <button
            type="button"
            className="btn"
            onClick={() => {
              const ui = useCalendarUi.getState();
              ui.clearFilter();
              ui.setFilter({ campaignId: c.id });
              ui.setAnchor(c.startDate);
              ui.setView('month');
              navigate('calendar');
            }}
          >
            Show on calendar
          </button>
          <button type="button" className="btn" onClick={() => props.onEdit(c)}>
            Edit campaign
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() =>
              props.onOpenItem({
                mode: 'new',
                date: c.startDate > today ? c.startDate : today,
                quick: false,
                campaignId: c.id,
              })
            }
          >
            Add item
          </button>
        </div>
      </div>
      <CampaignFigures c={c} s={s} money={money} locale={locale} />
      <CampaignBriefCard campaign={c} />
      <div className="cal-campaign-body">
        <CampaignPartners c={c} data={data} items={items} />
        <CampaignItems
          data={data}
          items={items}
          today={today}
          locale={locale}
          money={money}
          onOpenItem={props.onOpenItem}
        />
      </div>
    </div>
  );
}

type Money = (cents: number) => string;

function CampaignFigures({
  c,
  s,
  money,
  locale,
}: {
  c: Campaign;
  s: ReturnType<typeof summarizeCampaign>;
  money: Money;
  locale: string;
}) {
  return (
    <div className="grid-4">
      <Card>
        <Stat label="Budget" value={money(c.budgetCents)} />
      </Card>
      <Card>
        <Stat label="Spent" value={money(s.spentCents)} hint="Flat fees of published items" />
        <BudgetMeter spent={s.spentCents} budget={c.budgetCents} label="Spent of budget" />
      </Card>
      <Card>
        <Stat
          label={s.remainingCents < 0 ? 'Over budget' : 'Remaining'}
          value={money(Math.abs(s.remainingCents))}
        />
      </Card>
      <Card>
        <Stat
          label="Published"
          value={`${s.published} of ${s.items}`}
          hint={
            s.overdue > 0
              ? `${s.overdue} overdue`
              : `Reach ${s.reach.toLocaleString(safeLocale(locale))}`
          }
        />
      </Card>
    </div>
  );
}

function CampaignPartners({
  c,
  data,
  items,
}: {
  c: Campaign;
  data: CalendarData;
  items: ContentItem[];
}) {
  const perPartner = (pid: string) => items.filter((it) => it.partnerId === pid);
  return (
    <Card title="Partners">
      {c.partnerIds.length === 0 ? (
        <p className="muted">No partners yet.</p>
      ) : (
        <ul className="cal-plain-list">
          {c.partnerIds.map((pid) => {
            const p = data.partnersById.get(pid);
            const own = perPartner(pid);
            return (
              <li key={pid}>
                <span className="cal-partner-cell">
                  {p ? <a href={href(`partners/${pid}`)}>{p.name}</a> : 'Unknown partner'}
                  {p ? <KindBadge kind={p.kind} /> : null}
                </span>
                <span className="muted num cal-nowrap">
                  {own.filter((it) => it.status === 'published').length}/{own.length} published
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

function CampaignItems({
  data,
  items,
  today,
  locale,
  money,
  onOpenItem,
}: {
  data: CalendarData;
  items: ContentItem[];
  today: string;
  locale: string;
  money: Money;
  onOpenItem: (t: ItemDialogTarget) => void;
}) {
  return (
    <Card title="Items">
      {items.length === 0 ? (
        <p className="muted">No items in this campaign yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Partner</th>
              <ItemHeadCells />
            </tr>
          </thead>
          <tbody>
            {items.map((it) => {
              const overdue = isOverdue(it, today);
              return (
                <tr key={it.id} className={overdue ? 'cal-row-overdue' : undefined}>
                  <td>{shortDay(it.plannedDate, locale)}</td>
                  <td>{data.partnersById.get(it.partnerId)?.name ?? 'Unknown partner'}</td>
                  <ItemCells
                    item={it}
                    overdue={overdue}
                    cost={money(it.costCents)}
                    onOpen={(item) => onOpenItem({ mode: 'edit', item })}
                  />
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Card>
  );
}

interface CampaignDraft {
  name: string;
  goal: Campaign['goal'];
  startDate: string;
  endDate: string;
  budget: string;
  notes: string;
  partnerIds: string[];
}

/** Create or edit a campaign. */
export function CampaignDialog(props: {
  campaign: Campaign | null;
  data: CalendarData;
  today: string;
  onClose: () => void;
}) {
  const { campaign, data } = props;
  const { d, set, errors, save } = useCampaignDraft(campaign, props.today, props.onClose);

  return (
    <Dialog
      open
      wide
      title={campaign ? 'Edit campaign' : 'New campaign'}
      onClose={props.onClose}
      footer={
        <DialogButtons onCancel={props.onClose} form="campaign-form" confirmLabel="Save campaign" />
      }
    >
      <form
        id="campaign-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {errors.form ? <p className="field-error">{errors.form}</p> : null}
        <CampaignFields d={d} set={set} errors={errors} />
        <PartnerPicker d={d} set={set} errors={errors} partners={data.partners} />
      </form>
    </Dialog>
  );
}

type SetDraft = <K extends keyof CampaignDraft>(k: K, v: CampaignDraft[K]) => void;
interface DraftProps {
  d: CampaignDraft;
  set: SetDraft;
  errors: Record<string, string>;
}

/** The campaign being created or edited, its errors, and saving it (new ones open after). */
function useCampaignDraft(campaign: Campaign | null, today: string, onClose: () => void) {
  const showToast = useUi((s) => s.showToast);
  const [d, setD] = useState<CampaignDraft>(() =>
    campaign
      ? {
          name: campaign.name,
          goal: campaign.goal,
          startDate: campaign.startDate,
          endDate: campaign.endDate,
          budget: centsToDecimal(campaign.budgetCents),
          notes: campaign.notes,
          partnerIds: campaign.partnerIds,
        }
      : {
          name: '',
          goal: 'awareness',
          startDate: today,
          endDate: addDays(today, 30),
          budget: '0.00',
          notes: '',
          partnerIds: [],
        },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof CampaignDraft>(k: K, v: CampaignDraft[K]) =>
    setD((x) => ({ ...x, [k]: v }));

  const save = async () => {
    const budgetCents = parseMoney(d.budget);
    if (budgetCents === null) {
      setErrors({ budgetCents: 'Enter an amount like 1500.00' });
      return;
    }
    const now = Date.now();
    const record: Campaign = {
      id: campaign?.id ?? newId(),
      createdAt: campaign?.createdAt ?? now,
      updatedAt: now,
      name: d.name.trim(),
      goal: d.goal,
      startDate: d.startDate,
      endDate: d.endDate,
      budgetCents,
      notes: d.notes,
      partnerIds: d.partnerIds,
    };
    try {
      await saveCampaign(getDb(), record);
      showToast({ tone: 'success', message: 'Campaign saved' });
      onClose();
      if (!campaign) navigate(`calendar/campaigns/${record.id}`);
    } catch (e) {
      if (e instanceof ContentValidationError)
        setErrors(Object.fromEntries(e.issues.map((i) => [i.field, i.message])));
      else setErrors({ form: saveErrorMessage(e) });
    }
  };

  return { d, set, errors, save };
}

function CampaignFields({ d, set, errors }: DraftProps) {
  return (
    <div className="form-grid">
      <Field id="cmp-name" label="Name" error={errors.name}>
        {(id, desc) => (
          <input
            id={id}
            aria-describedby={desc}
            value={d.name}
            onChange={(e) => set('name', e.target.value)}
          />
        )}
      </Field>
      <Field id="cmp-goal" label="Goal" error={errors.goal}>
        {(id, desc) => (
          <select
            id={id}
            aria-describedby={desc}
            value={d.goal}
            onChange={(e) => set('goal', e.target.value as Campaign['goal'])}
          >
            <option value="awareness">Awareness</option>
            <option value="sales">Sales</option>
          </select>
        )}
      </Field>
      <Field id="cmp-start" label="Start date" error={errors.startDate}>
        {(id, desc) => (
          <input
            id={id}
            type="date"
            aria-describedby={desc}
            value={d.startDate}
            onChange={(e) => set('startDate', e.target.value)}
          />
        )}
      </Field>
      <Field id="cmp-end" label="End date" error={errors.endDate}>
        {(id, desc) => (
          <input
            id={id}
            type="date"
            aria-describedby={desc}
            value={d.endDate}
            onChange={(e) => set('endDate', e.target.value)}
          />
        )}
      </Field>
      <Field id="cmp-budget" label="Budget" error={errors.budgetCents}>
        {(id, desc) => (
          <input
            id={id}
            inputMode="decimal"
            aria-describedby={desc}
            value={d.budget}
            onChange={(e) => set('budget', e.target.value)}
          />
        )}
      </Field>
      <Field id="cmp-notes" label="Products and notes" error={errors.notes}>
        {(id, desc) => (
          <textarea
            id={id}
            aria-describedby={desc}
            value={d.notes}
            onChange={(e) => set('notes', e.target.value)}
          />
        )}
      </Field>
    </div>
  );
}

function PartnerPicker({
  d,
  set,
  errors,
  partners,
}: DraftProps & { partners: CalendarData['partners'] }) {
  return (
    <fieldset className="cal-partner-picker">
      <legend>Participating partners</legend>
      {errors.partnerIds ? <p className="field-error">{errors.partnerIds}</p> : null}
      <div className="cal-partner-options">
        {partners
          .filter((p) => !p.archived)
          .map((p) => (
            <label key={p.id} className={`cal-partner-option cal-chip-${p.kind}`}>
              <input
                type="checkbox"
                checked={d.partnerIds.includes(p.id)}
                onChange={(e) =>
                  set(
                    'partnerIds',
                    e.target.checked
                      ? [...d.partnerIds, p.id]
                      : d.partnerIds.filter((x) => x !== p.id),
                  )
                }
              />
              {p.name}
            </label>
          ))}
      </div>
    </fieldset>
  );
}

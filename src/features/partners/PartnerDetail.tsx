import { useMemo } from 'react';
import { Archive, ArchiveRestore, ArrowLeft, Pencil, Trash2 } from 'lucide-react';
import { href } from '../../navigation/router';
import { KindBadge, PageHeader } from '../../components/ui';
import { useSettings } from '../../hooks/data';
import { activeContractAt } from '../../domain/contracts';
import { formatMoney } from '../../domain/money';
import { partnerTier } from '../../domain/partners';
import type { Partner } from '../../domain/schemas';
import { STATUS_LABEL } from './format';
import { PartnerNotFound } from './parts';
import {
  AccountsCard,
  ActivityCards,
  CodesAndLinks,
  ContractHistory,
  ProfileCard,
} from './PartnerDetailSections';
import { BonusesCard } from './BonusesCard';
import { ResultsCard } from './ResultsCard';
import { GiftsCard, PetsCard } from './PartnerSeeding';
import { usePartnersUi } from './store';
import { usePartnerActions, usePartnerDetailFigures } from './usePartnerDetailFigures';
import { periodRange, todayIn, usePartnerDetail } from './usePartners';

export function PartnerDetail({ id }: { id: string }) {
  const data = usePartnerDetail(id);
  const settings = useSettings();
  const period = usePartnersUi((s) => s.period);
  const today = todayIn(settings);
  const money = (c: number) => formatMoney(c, settings.currency, settings.locale);
  const custom = usePartnersUi((s) => s.custom);
  const range = useMemo(() => periodRange(period, today, custom), [period, today, custom]);
  const { earnings, customers, figures, offer } = usePartnerDetailFigures(
    id,
    data,
    range,
    today,
    settings,
  );

  if (data === undefined) return <p className="muted">Loading…</p>;
  const p = data.partner;
  if (!p) return <PartnerNotFound />;

  const tier = partnerTier(p, settings.tierBounds);
  const current = activeContractAt(data.contracts, today);
  const published = data.content.filter((c) => c.status === 'published');

  return (
    <>
      <a className="pd-back" href={href('partners')}>
        <ArrowLeft size={16} aria-hidden="true" /> All partners
      </a>
      <DetailHeader partner={p} tier={tier} />
      <ResultsCard
        partner={p}
        figures={figures}
        payableCents={earnings?.payableCents ?? null}
        customers={customers}
        offer={offer}
        range={range}
        money={money}
        settings={settings}
      />
      <div className="grid-2 mt">
        <ProfileCard partner={p} />
        <AccountsCard partner={p} tier={tier} locale={settings.locale} />
      </div>
      <ContractHistory contracts={data.contracts} current={current} money={money} />
      <BonusesCard data={{ ...data, partner: p }} today={today} money={money} settings={settings} />
      <div className="grid-2 mt">
        <PetsCard partnerId={p.id} />
        <GiftsCard
          partnerId={p.id}
          ended={p.status === 'ended'}
          shipments={data.shipments}
          money={money}
        />
      </div>
      <CodesAndLinks partner={p} brandUrl={settings.brandUrl} />
      <ActivityCards data={data} published={published} money={money} locale={settings.locale} />
    </>
  );
}

function DetailHeader({ partner: p, tier }: { partner: Partner; tier: string | null }) {
  const { remove, toggleArchive } = usePartnerActions();
  const loc = [p.location.city, p.location.region, p.location.country].filter(Boolean).join(', ');
  return (
    <PageHeader
      title={p.name}
      subtitle={
        <span className="pd-sub">
          <KindBadge kind={p.kind} />
          <span className={`pl-status pl-status-${p.status}`}>{STATUS_LABEL[p.status]}</span>
          {tier ? <span className="tag">{tier} tier</span> : null}
          {p.archived ? <span className="tag">Archived</span> : null}
          {loc ? <span>{loc}</span> : null}
        </span>
      }
      actions={
        <>
          <button type="button" className="btn" onClick={() => void toggleArchive(p)}>
            {p.archived ? (
              <ArchiveRestore size={16} aria-hidden="true" />
            ) : (
              <Archive size={16} aria-hidden="true" />
            )}
            {p.archived ? 'Unarchive' : 'Archive'}
          </button>
          <button type="button" className="btn btn-danger" onClick={() => void remove(p)}>
            <Trash2 size={16} aria-hidden="true" /> Delete
          </button>
          <a className="btn btn-primary" href={href(`partners/${encodeURIComponent(p.id)}/edit`)}>
            <Pencil size={16} aria-hidden="true" /> Edit
          </a>
        </>
      }
    />
  );
}

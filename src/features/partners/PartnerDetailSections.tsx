import { useState } from 'react';
import { Copy } from 'lucide-react';
import { href } from '../../navigation/router';
import { Card } from '../../components/ui';
import { safeLocale } from '../../domain/intl';
import { formatMoney } from '../../domain/money';
import { buildTrackingLink, defaultUtm, PLATFORM_LABEL } from '../../domain/partners';
import type { Contract, Partner } from '../../domain/schemas';
import { useUi } from '../../store/ui';
import { TagLink } from '../../components/TagLink';
import { PAYOUT_METHOD_LABEL } from '../../components/labels';
import { numberFormats, STATUS_LABEL } from './format';
import type { PartnerDetailData } from './usePartners';
import { TableHead } from '../../components/table';

const PERIODS_OF: Record<Contract['retainerPeriod'], string> = {
  monthly: 'month',
  quarterly: 'quarter',
  yearly: 'year',
};

type Money = (cents: number) => string;

export function ProfileCard({ partner: p }: { partner: Partner }) {
  return (
    <Card title="Profile">
      <dl className="pd-dl">
        <dt>Email</dt>
        <dd>{p.email || '—'}</dd>
        <dt>Niche</dt>
        <dd>{p.niche || '—'}</dd>
        <dt>Exclusivity</dt>
        <dd>{p.exclusive ? 'Promotes only us' : 'Works with several brands'}</dd>
        <dt>Payout</dt>
        <dd>
          {p.payout.method === 'none'
            ? 'Not set'
            : `${p.payout.method === 'paypal' ? 'PayPal' : 'Venmo'}: ${p.payout.handle || '—'}`}
        </dd>
        <dt>Tags</dt>
        <dd>
          {p.tags.length ? (
            <span className="pd-tags">
              {p.tags.map((t) => (
                <TagLink key={t} tag={t} />
              ))}
            </span>
          ) : (
            '—'
          )}
        </dd>
        <dt>Status history</dt>
        <dd>
          <ol className="pd-history">
            {p.statusHistory.map((h, i) => (
              <li key={i}>
                {STATUS_LABEL[h.status]} <span className="muted">{h.date}</span>
              </li>
            ))}
          </ol>
        </dd>
        {p.notes ? (
          <>
            <dt>Notes</dt>
            <dd className="pd-notes">{p.notes}</dd>
          </>
        ) : null}
      </dl>
    </Card>
  );
}

export function AccountsCard({
  partner: p,
  tier,
  locale,
}: {
  partner: Partner;
  tier: string | null;
  locale: string;
}) {
  return (
    <Card title="Social accounts">
      {p.accounts.length === 0 ? (
        <p className="muted">No accounts yet.</p>
      ) : (
        <table className="table">
          <TableHead cols={['Platform', 'Handle']} num={['Followers', 'Engagement']} />
          <tbody>
            {p.accounts.map((a, i) => (
              <tr key={i}>
                <td>{PLATFORM_LABEL[a.platform]}</td>
                <td>{a.handle}</td>
                <td className="num">{a.followers.toLocaleString(safeLocale(locale))}</td>
                <td className="num">{a.engagementRate} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {tier ? (
        <p className="muted pd-note">
          {tier[0]!.toUpperCase() + tier.slice(1)} tier from the largest account (
          {numberFormats(locale).followers(Math.max(...p.accounts.map((a) => a.followers)))}{' '}
          followers); bounds are in Settings.
        </p>
      ) : null}
    </Card>
  );
}

export function ContractHistory({
  contracts,
  current,
  money,
}: {
  contracts: Contract[];
  current: Contract | null;
  money: Money;
}) {
  return (
    <Card title="Contract history" className="mt">
      {contracts.length === 0 ? (
        <p className="muted">No contract yet. Add one when you agree on terms.</p>
      ) : (
        <table className="table">
          <TableHead
            cols={['From', 'To']}
            num={['Retainer', 'Commission', 'Fee per post', 'Perks / month', 'Posts / month']}
          />
          <tbody>
            {contracts.map((c) => (
              <tr key={c.id} className={c === current ? 'pd-current' : ''}>
                <td>
                  {c.startDate}{' '}
                  {c === current ? <span className="badge pd-active">Active today</span> : null}
                </td>
                <td>{c.endDate ?? 'open-ended'}</td>
                <td className="num">
                  {c.retainerCents
                    ? `${money(c.retainerCents)} / ${PERIODS_OF[c.retainerPeriod]}`
                    : '—'}
                </td>
                <td className="num">
                  {c.commissionRate ? `${c.commissionRate} % of ${c.commissionBase}` : '—'}
                </td>
                <td className="num">
                  {c.flatFeePerPostCents ? money(c.flatFeePerPostCents) : '—'}
                </td>
                <td className="num">{c.perksCentsPerMonth ? money(c.perksCentsPerMonth) : '—'}</td>
                <td className="num">{c.deliverablesPerMonth}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

export function ActivityCards({
  data,
  published,
  money,
  locale,
}: {
  data: PartnerDetailData;
  published: PartnerDetailData['content'];
  money: Money;
  locale: string;
}) {
  const latestContent = [...data.content].reverse().slice(0, 5);
  const allRevenue = data.orders.reduce(
    (s, o) => s + (o.status === 'cancelled' ? 0 : Math.max(0, o.totalCents - o.refundedCents)),
    0,
  );
  return (
    <div className="grid-3 mt">
      <Card title="Content">
        <p>
          <strong className="num">{data.content.length}</strong> items, {published.length} published
        </p>
        {latestContent.length ? (
          <ul className="pd-list">
            {latestContent.map((c) => (
              <li key={c.id}>
                <span>{c.title || `${PLATFORM_LABEL[c.platform]} ${c.format}`}</span>
                <span className="muted">
                  {c.plannedDate} · {c.status}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nothing planned yet.</p>
        )}
      </Card>
      <Card title="Orders">
        <p>
          <strong className="num">{data.orders.length.toLocaleString(safeLocale(locale))}</strong>{' '}
          orders credited, all time
        </p>
        <p>
          Revenue, net of refunds: <strong className="num">{money(allRevenue)}</strong>
        </p>
      </Card>
      <Card title="Payouts">
        {data.payouts.length === 0 ? (
          <p className="muted">No payouts yet.</p>
        ) : (
          <ul className="pd-list">
            {[...data.payouts]
              .reverse()
              .slice(0, 6)
              .map((x) => (
                <li key={x.id}>
                  <span className="num">{formatMoney(x.amountCents, x.currency, locale)}</span>
                  <span className="muted">
                    paid {x.paidDate} · {PAYOUT_METHOD_LABEL[x.method]}
                  </span>
                </li>
              ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

export function CodesAndLinks({ partner: p, brandUrl }: { partner: Partner; brandUrl: string }) {
  const defaults = defaultUtm(p);
  const [source, setSource] = useState(defaults.source);
  const [campaign, setCampaign] = useState('');
  const showToast = useUi((s) => s.showToast);
  const link = buildTrackingLink(brandUrl, { source, medium: p.kind, campaign });
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      showToast({ tone: 'success', message: 'Tracking link copied' });
    } catch {
      showToast({ tone: 'error', message: 'Could not copy: select the link and copy it by hand.' });
    }
  };
  return (
    <Card title="Codes and links" className="mt">
      <div className="grid-2">
        <dl className="pd-dl">
          <dt>Promo codes</dt>
          <dd>
            {p.codes.length
              ? p.codes.map((c) => (
                  <code key={c} className="pd-code">
                    {c}
                  </code>
                ))
              : 'None yet'}
          </dd>
          <dt>Referral slug</dt>
          <dd>{p.referralSlug ? <code>{p.referralSlug}</code> : '—'}</dd>
        </dl>
        <div className="stack pd-utm">
          <div className="row">
            <label className="pl-inline">
              <span>Source</span>
              <input value={source} onChange={(e) => setSource(e.target.value)} />
            </label>
            <label className="pl-inline">
              <span>Campaign</span>
              <input
                value={campaign}
                placeholder="e.g. spring-treats"
                onChange={(e) => setCampaign(e.target.value)}
              />
            </label>
          </div>
          {link ? (
            <div className="row pd-link">
              <input
                readOnly
                aria-label="Tracking link"
                value={link}
                onFocus={(e) => e.target.select()}
              />
              <button type="button" className="btn" onClick={() => void copy()}>
                <Copy size={16} aria-hidden="true" /> Copy link
              </button>
            </div>
          ) : (
            <p className="muted">
              Add your shop URL in <a href={href('settings')}>Settings</a> to build tracking links
              (medium = {p.kind}).
            </p>
          )}
        </div>
      </div>
    </Card>
  );
}

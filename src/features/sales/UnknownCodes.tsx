import { useMemo, useState } from 'react';
import { Card } from '../../components/ui';
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { mapCodeToPartner, uncreditedWithAnyCode, usedCodes } from '../../db/orders';
import { mapReferralToPartner, readUnknownReferrals, setNotPartner } from '../../db/unknown-values';
import { buildAttributionIndex, unknownCodes, type UnknownCode } from '../../domain/attribution';
import { normalizeCode } from '../../domain/ids';
import type { Partner } from '../../domain/schemas';
import { useUi } from '../../store/ui';
import { MoneyLines } from './MoneyLines';
import { PartnerOptions } from './OrderDialogs';
import { REDO_IDLE_MS, SETTLE_MS, useBackgroundRead } from '../../hooks/background-read';
import { useOrdersVersion } from './useOrderList';

const SHOWN = 8;

interface Key {
  partners: readonly Partner[];
  notPartner: readonly string[];
}

/**
 * The codes used on orders (from the codes index, without reading the orders) that no partner
 * owns, with the uncredited orders that used them: only those orders are read.
 */
async function readUnknownCodes(
  { partners, notPartner }: Key,
  stopped: () => boolean,
): Promise<UnknownCode[]> {
  const db = getDb();
  const codes = await usedCodes(db, undefined, stopped);
  const index = buildAttributionIndex(partners);
  const unowned = codes.filter((c) => !index.byCode.has(normalizeCode(c)));
  // A stopped run's result is dropped (the screen left, or a newer run began).
  return unknownCodes(await uncreditedWithAnyCode(db, unowned, stopped), index, notPartner);
}

const readReferrals = ({ partners, notPartner }: Key, stopped: () => boolean) =>
  readUnknownReferrals(getDb(), partners, notPartner, stopped);

interface Props {
  partners: readonly Partner[];
  currency: string;
  locale: string;
  /** Values the owner marked as not a partner's (settings.notPartnerKeys). */
  notPartner: readonly string[];
}

interface Kind {
  title: string;
  noun: string;
  intro: string;
  /** Runs in the background; ends early once `stopped()` (its result is then dropped). */
  read: (key: Key, stopped: () => boolean) => Promise<UnknownCode[]>;
  map: (db: ReturnType<typeof getDb>, value: string, partnerId: string) => Promise<number>;
}

const CODES: Kind = {
  title: 'Codes nobody owns yet',
  noun: 'code',
  intro:
    'These codes were used on orders credited to nobody. Give a code to its partner and its orders are credited to them; a store-wide code (a newsletter code, BLACKFRIDAY) can be marked as not a partner’s.',
  read: readUnknownCodes,
  map: mapCodeToPartner,
};

const REFERRALS: Kind = {
  title: 'Referral values nobody owns yet',
  noun: 'referral value',
  intro:
    'These utm_source and ref values were on orders credited to nobody. Give one to its partner and its orders are credited to them; one that is no partner (google, newsletter) can be marked as not a partner’s.',
  read: readReferrals,
  map: mapReferralToPartner,
};

/** Codes used on uncredited orders that no partner owns: map one to a partner in one step. */
export const UnknownCodes = (props: Props) => <UnknownValues {...props} {...CODES} />;

/** Referral values (utm_source, ref) on uncredited orders that no partner's slug or handle matches. */
export const UnknownReferrals = (props: Props) => <UnknownValues {...props} {...REFERRALS} />;

function UnknownValues(props: Props & Kind) {
  const { noun } = props;
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [all, setAll] = useState(false);
  const showToast = useUi((s) => s.showToast);
  const key = useMemo(
    () => ({ partners: props.partners, notPartner: props.notPartner }),
    [props.partners, props.notPartner],
  );
  // Read again after orders, partners or the marked values change, in the background.
  const values =
    useBackgroundRead(key, useOrdersVersion(), props.read, true, REDO_IDLE_MS, SETTLE_MS)?.value ??
    [];
  if (values.length === 0) return null;
  const map = async (value: string) => {
    const partnerId = choice[value];
    if (!partnerId) {
      showToast({ tone: 'error', message: `Pick a partner for ${noun} ${value} first.` });
      return;
    }
    try {
      const n = await props.map(getDb(), value, partnerId);
      const name = props.partners.find((p) => p.id === partnerId)?.name ?? 'the partner';
      showToast({
        tone: 'success',
        message: `${noun === 'code' ? 'Code' : 'Referral value'} ${value} now belongs to ${name}; ${n} order${n === 1 ? '' : 's'} credited.`,
      });
    } catch (e) {
      showToast({ tone: 'error', message: saveErrorMessage(e) });
    }
  };
  const ignore = async (value: string) => {
    try {
      await setNotPartner(getDb(), value, true);
      showToast({
        tone: 'success',
        message: `${value} is marked as not a partner’s (Settings lists it, where you can un-mark it).`,
        timeoutMs: 10_000,
        action: { label: `Un-mark ${value}`, run: () => void setNotPartner(getDb(), value, false) },
      });
    } catch (e) {
      showToast({ tone: 'error', message: saveErrorMessage(e) });
    }
  };
  const shown = all ? values : values.slice(0, SHOWN);
  const Noun = noun[0]!.toUpperCase() + noun.slice(1);
  return (
    <Card
      title={props.title}
      actions={
        values.length > SHOWN ? (
          <button type="button" className="btn btn-small" onClick={() => setAll(!all)}>
            {all ? 'Show fewer' : `Show all ${values.length}`}
          </button>
        ) : undefined
      }
    >
      <p className="muted">{props.intro}</p>
      <table className="table">
        <thead>
          <tr>
            <th>{Noun}</th>
            <th className="num">Orders</th>
            <th className="num">Revenue</th>
            <th>Partner</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((c) => (
            <tr key={c.code}>
              <td>
                <div className="sales-unknown-code">
                  <code>{c.code}</code>
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`${c.code} is not a partner’s`}
                    onClick={() => void ignore(c.code)}
                  >
                    Not a partner’s
                  </button>
                </div>
              </td>
              <td className="num">{c.orders}</td>
              <td className="num">
                <MoneyLines amounts={c.revenue} locale={props.locale} fallback={props.currency} />
              </td>
              <td>
                <select
                  aria-label={`Partner for ${noun} ${c.code}`}
                  value={choice[c.code] ?? ''}
                  onChange={(e) => setChoice({ ...choice, [c.code]: e.target.value })}
                >
                  <option value="">Choose…</option>
                  <PartnerOptions partners={props.partners.filter((p) => !p.archived)} />
                </select>
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`Map ${noun} ${c.code}`}
                  onClick={() => void map(c.code)}
                >
                  Map {noun === 'code' ? 'code' : 'value'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

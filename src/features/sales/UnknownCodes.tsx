import { useState } from 'react';
import { Card } from '../../components/ui';
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { mapCodeToPartner, uncreditedWithAnyCode, usedCodes } from '../../db/orders';
import { buildAttributionIndex, unknownCodes, type UnknownCode } from '../../domain/attribution';
import { normalizeCode } from '../../domain/ids';
import { formatMoney } from '../../domain/money';
import type { Partner } from '../../domain/schemas';
import { useUi } from '../../store/ui';
import { PartnerOptions } from './OrderDialogs';
import { useBackgroundRead, useOrdersVersion } from './useOrderList';

const SHOWN = 8;

/**
 * The codes used on orders (from the codes index, without reading the orders) that no partner
 * owns, with the uncredited orders that used them: only those orders are read.
 */
async function readUnknownCodes(
  partners: readonly Partner[],
  stopped: () => boolean,
): Promise<UnknownCode[]> {
  const db = getDb();
  const codes = await usedCodes(db, undefined, stopped);
  const index = buildAttributionIndex(partners);
  const unowned = codes.filter((c) => !index.byCode.has(normalizeCode(c)));
  // A stopped run's result is dropped (the screen left, or a newer run began).
  return unknownCodes(await uncreditedWithAnyCode(db, unowned, stopped), index);
}

/** Codes used on uncredited orders that no partner owns: map one to a partner in one step. */
export function UnknownCodes(props: {
  partners: readonly Partner[];
  currency: string;
  locale: string;
}) {
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [all, setAll] = useState(false);
  const showToast = useUi((s) => s.showToast);
  // Read again after orders or partners change, in the background.
  const codes =
    useBackgroundRead(props.partners, useOrdersVersion(), readUnknownCodes)?.value ?? [];
  if (codes.length === 0) return null;
  const map = async (code: string) => {
    const partnerId = choice[code];
    if (!partnerId) {
      showToast({ tone: 'error', message: `Pick a partner for code ${code} first.` });
      return;
    }
    try {
      const n = await mapCodeToPartner(getDb(), code, partnerId);
      const name = props.partners.find((p) => p.id === partnerId)?.name ?? 'the partner';
      showToast({
        tone: 'success',
        message: `Code ${code} now belongs to ${name}; ${n} order${n === 1 ? '' : 's'} credited.`,
      });
    } catch (e) {
      showToast({ tone: 'error', message: saveErrorMessage(e) });
    }
  };
  const shown = all ? codes : codes.slice(0, SHOWN);
  return (
    <Card
      title="Codes nobody owns yet"
      actions={
        codes.length > SHOWN ? (
          <button type="button" className="btn btn-small" onClick={() => setAll(!all)}>
            {all ? 'Show fewer' : `Show all ${codes.length}`}
          </button>
        ) : undefined
      }
    >
      <p className="muted">
        These codes were used on orders credited to nobody. Give a code to its partner and its
        orders are credited to them.
      </p>
      <table className="table">
        <thead>
          <tr>
            <th>Code</th>
            <th className="num">Orders</th>
            <th className="num">Revenue</th>
            <th>Partner</th>
            <th>
              <span className="sales-sr-only">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((c) => (
            <tr key={c.code}>
              <td>
                <code>{c.code}</code>
              </td>
              <td className="num">{c.orders}</td>
              <td className="num">{formatMoney(c.revenueCents, props.currency, props.locale)}</td>
              <td>
                <select
                  aria-label={`Partner for code ${c.code}`}
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
                  aria-label={`Map code ${c.code}`}
                  onClick={() => map(c.code)}
                >
                  Map code
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

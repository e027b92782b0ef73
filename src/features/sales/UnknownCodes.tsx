import { useState } from 'react';
import { Card } from '../../components/ui';
import { getDb } from '../../db/db';
import { mapCodeToPartner } from '../../db/orders';
import type { UnknownCode } from '../../domain/attribution';
import { formatMoney } from '../../domain/money';
import type { Partner } from '../../domain/schemas';
import { useUi } from '../../store/ui';
import { PartnerOptions } from './OrderDialogs';

const SHOWN = 8;

/** Codes used on uncredited orders that no partner owns: map one to a partner in one step. */
export function UnknownCodes(props: {
  codes: readonly UnknownCode[];
  partners: readonly Partner[];
  currency: string;
  locale: string;
}) {
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [all, setAll] = useState(false);
  const showToast = useUi((s) => s.showToast);
  if (props.codes.length === 0) return null;
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
      showToast({ tone: 'error', message: (e as Error).message });
    }
  };
  const shown = all ? props.codes : props.codes.slice(0, SHOWN);
  return (
    <Card
      title="Codes nobody owns yet"
      actions={
        props.codes.length > SHOWN ? (
          <button type="button" className="btn btn-small" onClick={() => setAll(!all)}>
            {all ? 'Show fewer' : `Show all ${props.codes.length}`}
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

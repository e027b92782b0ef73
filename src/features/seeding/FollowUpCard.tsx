import { useState } from 'react';
import { getDb } from '../../db/db';
import { saveSettings } from '../../db/repo';
import { setShipmentStatus } from '../../db/seeding';
import { followUps } from '../../domain/seeding';
import type { Partner, Shipment } from '../../domain/schemas';
import { href } from '../../navigation/router';
import { Card } from '../../components/ui';

/** Partners who got product a while ago and have not posted about it: time to follow up. */
export function FollowUpCard(props: {
  shipments: readonly Shipment[];
  partners: ReadonlyMap<string, Partner>;
  today: string;
  days: number;
}) {
  const [days, setDays] = useState(String(props.days));
  const [error, setError] = useState('');
  const rows = followUps(props.shipments, props.today, props.days);
  const saveDays = async () => {
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 365) {
      setError('Days must be a whole number from 1 to 365.');
      return;
    }
    setError('');
    await saveSettings(getDb(), { followUpDays: n });
  };
  return (
    <Card title="Follow up">
      <div className="followup-setting">
        <label htmlFor="followup-days">List partners who have not posted after</label>
        <input
          id="followup-days"
          inputMode="numeric"
          value={days}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'followup-days-error' : undefined}
          onChange={(e) => setDays(e.target.value)}
          onBlur={() => void saveDays()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void saveDays();
          }}
        />
        <span>days</span>
      </div>
      {error ? (
        <p className="field-error" id="followup-days-error">
          {error}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="muted">
          Nobody to chase: everyone who got product {props.days} or more days ago has posted.
        </p>
      ) : (
        <ul className="followup-list" aria-label="Partners to follow up">
          {rows.map((r) => (
            <li key={r.partnerId}>
              <a href={href(`partners/${r.partnerId}`)}>
                {props.partners.get(r.partnerId)?.name ?? 'Unknown partner'}
              </a>{' '}
              <span className="muted">
                got product on {r.shipDate}, {r.days} days ago, no post yet
              </span>{' '}
              <button
                type="button"
                className="btn btn-small"
                aria-label={`They posted: ${props.partners.get(r.partnerId)?.name ?? 'this partner'}`}
                onClick={() => void setShipmentStatus(getDb(), r.shipmentId, 'posted')}
              >
                They posted
              </button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

import { useState } from 'react';
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { bulkAddTag, bulkSetStatus } from '../../db/partners';
import { PARTNER_STATUSES, SUBTYPE_TAGS, type PartnerStatus } from '../../domain/schemas';
import { useUi } from '../../store/ui';
import { exportPartners } from './exportPartners';
import type { Row } from './listModel';
import { usePartnersUi } from './store';
import { STATUS_LABEL } from './format';

/** Status, tag and export for the ticked partners. */
export function BulkBar({ ids, today, rows }: { ids: string[]; today: string; rows: Row[] }) {
  const [status, setStatus] = useState<PartnerStatus>('active');
  const [tag, setTag] = useState('');
  const showToast = useUi((s) => s.showToast);
  const setSelected = usePartnersUi((s) => s.setSelected);
  const run = async (work: () => Promise<string>) => {
    try {
      showToast({ tone: 'success', message: await work() });
    } catch (e) {
      showToast({ tone: 'error', message: saveErrorMessage(e) });
    }
  };
  return (
    <div className="pl-bulk" role="region" aria-label="Bulk actions">
      <strong>{ids.length} selected</strong>
      <label className="pl-inline">
        <span>New status</span>
        <select
          aria-label="New status"
          value={status}
          onChange={(e) => setStatus(e.target.value as PartnerStatus)}
        >
          {PARTNER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="btn btn-small"
        onClick={() =>
          void run(async () => {
            const n = await bulkSetStatus(getDb(), ids, status, today);
            return `${n} partner${n === 1 ? '' : 's'} moved to ${STATUS_LABEL[status]}`;
          })
        }
      >
        Change status
      </button>
      <input
        aria-label="Tag to add"
        placeholder="Tag"
        value={tag}
        list="pl-tag-options"
        onChange={(e) => setTag(e.target.value)}
      />
      <button
        type="button"
        className="btn btn-small"
        disabled={!tag.trim()}
        onClick={() =>
          void run(async () => {
            const n = await bulkAddTag(getDb(), ids, tag);
            setTag('');
            return `Tag “${tag.trim()}” added to ${n} partner${n === 1 ? '' : 's'}`;
          })
        }
      >
        Add tag
      </button>
      <button
        type="button"
        className="btn btn-small"
        onClick={() =>
          void exportPartners(
            rows.filter((r) => ids.includes(r.partner.id)).map((r) => r.partner),
            today,
          )
        }
      >
        Export selected
      </button>
      <button type="button" className="btn btn-small" onClick={() => setSelected(new Set())}>
        Clear selection
      </button>
      <datalist id="pl-tag-options">
        {SUBTYPE_TAGS.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
    </div>
  );
}

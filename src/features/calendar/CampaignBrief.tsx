import { useState } from 'react';
import { Card, Dialog, DialogButtons, ErrorPanel } from '../../components/ui';
import { getDb } from '../../db/db';
import { ContentValidationError, saveCampaignBrief } from '../../db/content';
import { saveErrorMessage } from '../../db/errors';
import { briefIsEmpty, emptyBrief, lines, reviewChecklist } from '../../domain/briefs';
import type { Brief, Campaign } from '../../domain/schemas';
import { useUi } from '../../store/ui';
import { BriefFields } from './BriefFields';

/** A campaign's brief, which its posts follow unless they carry their own; edited in a dialog. */
export function CampaignBriefCard({ campaign }: { campaign: Campaign }) {
  const [editing, setEditing] = useState(false);
  const b = campaign.briefDetails;
  return (
    <Card
      title="Brief"
      className="brief-card"
      actions={
        <button type="button" className="btn btn-small" onClick={() => setEditing(true)}>
          {b ? 'Edit brief' : 'Add a brief'}
        </button>
      }
    >
      {b ? (
        <BriefSummary brief={b} />
      ) : (
        <p className="muted">
          No brief yet. Write what partners should say, what to avoid and how to disclose the
          partnership; every post of this campaign follows it.
        </p>
      )}
      {editing ? (
        <CampaignBriefDialog campaign={campaign} onClose={() => setEditing(false)} />
      ) : null}
    </Card>
  );
}

function BriefSummary({ brief }: { brief: Brief }) {
  const rows: [string, string[]][] = [
    ['Key messages', lines(brief.keyMessages)],
    ['Do', lines(brief.dos)],
    ['Don’t', lines(brief.donts)],
    ['Claims to avoid', lines(brief.claimsToAvoid)],
    ['Review checklist', reviewChecklist(brief)],
  ];
  return (
    <dl className="brief-summary">
      {rows
        .filter(([, v]) => v.length > 0)
        .map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v.join(' · ')}</dd>
          </div>
        ))}
    </dl>
  );
}

function CampaignBriefDialog({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const showToast = useUi((s) => s.showToast);
  const [brief, setBrief] = useState<Brief>(() => campaign.briefDetails ?? emptyBrief());
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async (next: Brief | null) => {
    setSaving(true);
    setFailure(null);
    try {
      await saveCampaignBrief(
        getDb(),
        campaign.id,
        next && !briefIsEmpty(next) ? next : null,
        Date.now(),
      );
      showToast({
        tone: 'success',
        message: next ? 'Campaign brief saved' : 'Campaign brief removed',
      });
      onClose();
    } catch (e) {
      setFailure(
        e instanceof ContentValidationError
          ? e.message
          : `${saveErrorMessage(e)} Nothing was changed; try again.`,
      );
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog
      open
      wide
      title={`Brief: ${campaign.name}`}
      onClose={onClose}
      footer={
        <DialogButtons
          leading={
            campaign.briefDetails ? (
              <button
                type="button"
                className="btn btn-danger cal-delete"
                onClick={() => void save(null)}
              >
                Remove brief
              </button>
            ) : null
          }
          onCancel={onClose}
          onConfirm={() => void save(brief)}
          disabled={saving}
          confirmLabel="Save brief"
        />
      }
    >
      {failure ? <ErrorPanel title="The brief was not saved">{failure}</ErrorPanel> : null}
      <BriefFields idPrefix="cmp-brief" brief={brief} onChange={setBrief} />
    </Dialog>
  );
}

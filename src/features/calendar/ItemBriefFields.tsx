import { CheckField, InputField } from '../../components/form';
import { effectiveBrief, emptyBrief, reviewChecklist, reviewProgress } from '../../domain/briefs';
import { BriefFields } from './BriefFields';
import type { CalendarData } from './useCalendarData';
import type { ItemDialogState } from './useItemDialog';

/**
 * The post's brief (its own, or its campaign's) and the review checklist ticked on the published
 * post.
 */
export function ItemBriefSection({ form, data }: { form: ItemDialogState; data: CalendarData }) {
  const { draft, set, setDraft, errors } = form;
  const campaign = draft.campaignId ? data.campaignsById.get(draft.campaignId) : undefined;
  const eff = effectiveBrief(
    { briefDetails: draft.briefDetails ?? undefined, campaignId: draft.campaignId || null },
    campaign,
  );
  const checklist = eff ? reviewChecklist(eff.brief) : [];
  const progress = reviewProgress(checklist, draft.reviewTicks);
  return (
    <fieldset className="brief-section">
      <legend>Brief</legend>
      <div className="brief-source">
        {eff?.from === 'campaign' ? (
          <>
            <span>Follows the brief of the campaign “{campaign?.name}”.</span>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => set('briefDetails', structuredClone(eff.brief))}
            >
              Write a brief for this post only
            </button>
          </>
        ) : eff?.from === 'post' ? (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setDraft((d) => ({ ...d, briefDetails: null }))}
          >
            {campaign?.briefDetails ? 'Use the campaign’s brief instead' : 'Remove the brief'}
          </button>
        ) : (
          <>
            <span className="muted">No brief yet.</span>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => set('briefDetails', emptyBrief())}
            >
              Add a brief
            </button>
          </>
        )}
      </div>
      {draft.briefDetails ? (
        <BriefFields
          idPrefix="ci-brief"
          brief={draft.briefDetails}
          onChange={(b) => set('briefDetails', b)}
          errors={errors}
        />
      ) : null}
      {checklist.length > 0 ? (
        <div className="brief-review">
          <h3 className="small">
            Review checklist ({progress.done} of {progress.total} checked)
          </h3>
          <p className="hint">Tick each point when you look at the published post.</p>
          <ul className="brief-checklist">
            {checklist.map((point) => (
              <li key={point}>
                <CheckField
                  checked={draft.reviewTicks.includes(point)}
                  onChange={(on) =>
                    setDraft((d) => ({
                      ...d,
                      reviewTicks: on
                        ? [...d.reviewTicks.filter((x) => x !== point), point]
                        : d.reviewTicks.filter((x) => x !== point),
                    }))
                  }
                >
                  {point}
                </CheckField>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </fieldset>
  );
}

/** May the brand reuse the post (organic, paid ads), and until when. */
export function ItemRightsSection({ form }: { form: ItemDialogState }) {
  const { draft, set, errors } = form;
  return (
    <fieldset className="brief-section">
      <legend>Usage rights</legend>
      <div className="rights-row">
        <CheckField checked={draft.rightsOrganic} onChange={(on) => set('rightsOrganic', on)}>
          Brand may repost it (organic)
        </CheckField>
        <CheckField checked={draft.rightsPaid} onChange={(on) => set('rightsPaid', on)}>
          Brand may use it in paid ads
        </CheckField>
        <InputField
          id="ci-rights-until"
          label="Usage rights end"
          error={errors.rightsUntil}
          hint="Leave empty for no end date"
          type="date"
          value={draft.rightsUntil}
          onChange={(v) => set('rightsUntil', v)}
        />
      </div>
    </fieldset>
  );
}

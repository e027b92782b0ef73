import { useState } from 'react';
import { Dialog, DialogButtons } from '../../components/ui';
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import {
  applyReattribution,
  undoReattribution,
  type ReattributionPlan,
} from '../../db/reattribute';
import { useSettings } from '../../hooks/data';
import { useUi } from '../../store/ui';
import { numberFormats } from './format';

/**
 * After a partner's codes, slug or handles changed: what re-crediting stored orders would do,
 * confirmed by the owner, with Undo in the message that follows.
 */
export function RecreditDialog(props: { plan: ReattributionPlan | null; onDone: () => void }) {
  const showToast = useUi((s) => s.showToast);
  const [busy, setBusy] = useState(false);
  const { plan, onDone } = props;
  const n = plan?.moves.length ?? 0;
  const { count } = numberFormats(useSettings().locale);
  const confirm = async () => {
    if (!plan) return;
    setBusy(true);
    try {
      const { moved, undoId } = await applyReattribution(getDb(), plan);
      showToast({
        tone: 'success',
        message: `Re-credited ${count(moved)} order${moved === 1 ? '' : 's'}.`,
        timeoutMs: 15_000,
        action: {
          label: 'Undo re-crediting',
          run: () => {
            undoReattribution(getDb(), undoId).then(
              () =>
                showToast({ tone: 'success', message: 'Orders are credited as they were before.' }),
              (e: unknown) => showToast({ tone: 'error', message: saveErrorMessage(e) }),
            );
          },
        },
      });
      onDone();
    } catch (e) {
      showToast({ tone: 'error', message: `Nothing was re-credited: ${saveErrorMessage(e)}` });
      onDone();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={plan !== null}
      title="Re-credit stored orders?"
      onClose={onDone}
      footer={
        <DialogButtons
          onCancel={onDone}
          cancelLabel="Not now"
          onConfirm={() => void confirm()}
          busy={busy}
          confirmLabel={`Re-credit ${count(n)} order${n === 1 ? '' : 's'}`}
        />
      }
    >
      <p>With the codes, referral slugs and handles partners have now:</p>
      <ul>
        {plan?.lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <p className="muted">
        Orders credited by hand keep their partner. You can undo this from the message that follows.
      </p>
    </Dialog>
  );
}

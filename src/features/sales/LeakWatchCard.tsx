import { ShieldAlert } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Card } from '../../components/ui';
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { codeLeakFlags, dismissLeakFlag } from '../../db/leaks';
import type { LeakFlag } from '../../domain/code-leaks';
import { href } from '../../navigation/router';
import { useUi } from '../../store/ui';
import { useBackgroundRead, useOrdersVersion } from './useOrderList';

/**
 * Code-leak watch (issue 21): partner codes whose recent redemptions look like a coupon site's,
 * with the reasons. Worked out when the browser is idle after the screen is shown, never on a
 * click; shown only when a code is flagged. "Dismiss" is remembered (settings).
 */
/** True once the browser was idle after the screen was shown. */
function useIdle(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    const id = requestIdleCallback(() => setIdle(true), { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }, []);
  return idle;
}

/** Ends early once `stopped()` (the owner left Sales, or orders changed): its result is dropped. */
const readFlags = (_key: string, stopped: () => boolean) =>
  codeLeakFlags(getDb(), Date.now(), stopped).catch((): LeakFlag[] => []);

export function LeakWatchCard() {
  const showToast = useUi((s) => s.showToast);
  const idle = useIdle();
  // Worked out again after orders change, once the owner pauses (as the Sales totals are): a
  // read started right after an edit would hold the next edit back behind it.
  const read = useBackgroundRead('leaks', useOrdersVersion(), readFlags, idle);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const flags = read?.value?.filter((f) => !dismissed.has(f.code));
  if (!flags || flags.length === 0) return null;
  const dismiss = async (f: LeakFlag) => {
    try {
      await dismissLeakFlag(getDb(), f.code);
      setDismissed((d) => new Set([...d, f.code]));
      showToast({ tone: 'info', message: `${f.code} will not be flagged again for these orders.` });
    } catch (e) {
      showToast({ tone: 'error', message: saveErrorMessage(e) });
    }
  };
  return (
    <Card title="Codes that may have leaked" className="leak-card">
      <p className="muted">
        These codes are being used in a way that does not look like the partner’s own followers, as
        when a code ends up on a coupon site. Consider replacing the code.
      </p>
      <ul className="leak-list">
        {flags.map((f) => (
          <li key={`${f.partnerId}-${f.code}`}>
            <ShieldAlert size={18} aria-hidden="true" className="leak-icon" />
            <div>
              <strong>{f.code}</strong> of{' '}
              <a href={href(`partners/${f.partnerId}`)}>{f.partnerName}</a>
              <ul>
                {f.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </div>
            <button
              type="button"
              className="btn btn-small"
              aria-label={`Dismiss: ${f.code}`}
              onClick={() => void dismiss(f)}
            >
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </Card>
  );
}

import { Card } from '../../components/ui';
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { setNotPartner } from '../../db/unknown-values';
import { useSettings } from '../../hooks/data';
import { useUi } from '../../store/ui';

/** Codes and referral values the owner marked as not a partner's, each can be un-marked. */
export function NotPartnerCard() {
  const marked = useSettings().notPartnerKeys ?? [];
  const showToast = useUi((s) => s.showToast);
  const unmark = (value: string) =>
    setNotPartner(getDb(), value, false).then(
      () =>
        showToast({
          tone: 'success',
          message: `${value} is un-marked: Sales lists it again if orders nobody owns carry it.`,
        }),
      (e: unknown) => showToast({ tone: 'error', message: saveErrorMessage(e) }),
    );
  return (
    <Card title="Not a partner’s" className="mt">
      {marked.length === 0 ? (
        <p className="muted">
          No codes are marked. On Sales, a store-wide code (a newsletter code, BLACKFRIDAY) or a
          referral value like google can be marked as not a partner’s; it is listed here.
        </p>
      ) : (
        <>
          <p className="muted">
            Sales no longer offers these codes and referral values to map to a partner.
          </p>
          <ul className="stack" aria-label="Codes and referral values that are not a partner’s">
            {marked.map((v) => (
              <li key={v} className="row">
                <code>{v}</code>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`Un-mark ${v}`}
                  onClick={() => void unmark(v)}
                >
                  Un-mark
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

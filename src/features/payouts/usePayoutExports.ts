import { safeCurrency } from '../../domain/intl';
import type { Statement } from '../../domain/payout-statements';
import type { Settings } from '../../domain/schemas';
import { paypalPayoutFiles } from '../../io/paypal';
import { saveFile } from '../../platform/bridge';
import { useUi } from '../../store/ui';
import { decimalSeparatorOf, paypalRows, statementsCsv } from './payout-files';

/**
 * The month's files: a PayPal Payouts file of the chosen statements, and a CSV of the chosen ones
 * (or all when none is chosen).
 */
export function usePayoutExports(args: {
  settings: Pick<Settings, 'currency' | 'locale'>;
  chosen: readonly Statement[];
  statements: readonly Statement[];
  shownMonth: string;
}) {
  const { settings, chosen, statements, shownMonth } = args;
  const showToast = useUi((s) => s.showToast);
  const exportPaypal = async () => {
    const { rows, skipped } = paypalRows(chosen, safeCurrency(settings.currency), shownMonth);
    const files = paypalPayoutFiles(rows, decimalSeparatorOf(settings.locale));
    if (files.length === 0) {
      showToast({ tone: 'error', message: `Nothing to export. ${skipped.join('; ')}` });
      return;
    }
    for (const f of files) {
      const suffix = files.length > 1 ? `-${f.currency}-${f.part}` : '';
      await saveFile({
        kind: 'csv',
        suggestedName: `paypal-payouts-${shownMonth}${suffix}.csv`,
        data: f.csv,
        encoding: 'utf8',
      });
    }
    const n = files.reduce((s, f) => s + f.rows, 0);
    showToast({
      tone: skipped.length > 0 ? 'error' : 'success',
      message: `PayPal file saved with ${n} payment${n === 1 ? '' : 's'}.${skipped.length > 0 ? ` Left out: ${skipped.join('; ')}.` : ''}`,
      timeoutMs: skipped.length > 0 ? 15_000 : 6000,
    });
  };

  const exportCsv = async () => {
    await saveFile({
      kind: 'csv',
      suggestedName: `payout-statements-${shownMonth}.csv`,
      data: statementsCsv(chosen.length > 0 ? chosen : statements, shownMonth),
      encoding: 'utf8',
    });
  };

  return { exportPaypal, exportCsv };
}

import type { DateRange } from '../../domain/dates';
import { safeCurrency } from '../../domain/intl';
import { periodTag } from '../../domain/payout-periods';
import type { ForeignCommission, Statement } from '../../domain/payout-statements';
import type { Partner, Settings } from '../../domain/schemas';
import { paypalPayoutFiles } from '../../io/paypal';
import { saveFile } from '../../platform/bridge';
import { useUi } from '../../store/ui';
import { decimalSeparatorOf, paypalRows, statementsCsv } from './payout-files';

/** What a file holds, said in the message after saving it. */
const partnersWord = (n: number) => `${n} partner${n === 1 ? '' : 's'}`;

/**
 * The period's files: a PayPal Payouts file of the chosen statements, and a CSV of the chosen ones
 * (or all when none is chosen). Amounts are in the brand's currency, which each file names.
 */
export function usePayoutExports(args: {
  settings: Pick<Settings, 'currency' | 'locale'>;
  chosen: readonly Statement[];
  statements: readonly Statement[];
  range: DateRange;
  /** Commission in other currencies, written as rows in their own currency. */
  foreign: readonly ForeignCommission[];
  partners: ReadonlyMap<string, Partner>;
}) {
  const { settings, chosen, statements, range } = args;
  const showToast = useUi((s) => s.showToast);
  const tag = periodTag(range);
  const currency = safeCurrency(settings.currency);
  const exportPaypal = async () => {
    const { rows, skipped } = paypalRows(chosen, currency, tag);
    const files = paypalPayoutFiles(rows, decimalSeparatorOf(settings.locale));
    if (files.length === 0) {
      showToast({ tone: 'error', message: `Nothing to export. ${skipped.join('; ')}` });
      return;
    }
    for (const f of files) {
      const suffix = files.length > 1 ? `-${f.currency}-${f.part}` : '';
      await saveFile({
        kind: 'csv',
        suggestedName: `paypal-payouts-${tag}${suffix}.csv`,
        data: f.csv,
        encoding: 'utf8',
      });
    }
    const n = files.reduce((s, f) => s + f.rows, 0);
    showToast({
      tone: skipped.length > 0 ? 'error' : 'success',
      message: `PayPal file saved with ${n} payment${n === 1 ? '' : 's'} in ${currency}, for the ${partnersWord(chosen.length)} selected, ${tag}.${skipped.length > 0 ? ` Left out: ${skipped.join('; ')}.` : ''}`,
      timeoutMs: skipped.length > 0 ? 15_000 : 6000,
    });
  };

  const exportCsv = async () => {
    const all = chosen.length === 0;
    await saveFile({
      kind: 'csv',
      suggestedName: `payout-statements-${tag}${all ? '' : `-${chosen.length}-selected`}.csv`,
      data: statementsCsv(
        all ? statements : chosen,
        tag,
        currency,
        all
          ? args.foreign
          : args.foreign.filter((f) => chosen.some((s) => s.partner.id === f.partnerId)),
        args.partners,
      ),
      encoding: 'utf8',
    });
    showToast({
      tone: 'success',
      message: all
        ? `Statements CSV saved: all ${partnersWord(statements.length)} of ${tag}, in ${currency}.`
        : `Statements CSV saved: the ${partnersWord(chosen.length)} selected, of ${statements.length} in ${tag}, in ${currency}.`,
    });
  };

  return { exportPaypal, exportCsv };
}

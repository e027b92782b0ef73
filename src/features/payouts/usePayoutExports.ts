import type { DateRange } from '../../domain/dates';
import { safeCurrency } from '../../domain/intl';
import { periodTag } from '../../domain/payout-periods';
import { brandPayable, foreignPayable, type ForeignStatement } from '../../domain/payout-foreign';
import type { Statement } from '../../domain/payout-statements';
import type { Settings } from '../../domain/schemas';
import { paypalPayoutFiles } from '../../io/paypal';
import { saveFile } from '../../platform/bridge';
import { useUi } from '../../store/ui';
import { decimalSeparatorOf, paypalRows, statementsCsv } from './payout-files';

/** What a file holds, said in the message after saving it. */
const partnersWord = (n: number) => `${n} partner${n === 1 ? '' : 's'}`;

/**
 * The period's files: PayPal Payouts files of the chosen statements (one per currency: a statement
 * in another currency is paid in it), and a CSV of the chosen ones (or all when none is chosen).
 */
export function usePayoutExports(args: {
  settings: Pick<Settings, 'currency' | 'locale'>;
  chosen: readonly Statement[];
  statements: readonly Statement[];
  range: DateRange;
  /** Statements in other currencies, and those of them chosen. */
  foreign: readonly ForeignStatement[];
  chosenForeign: readonly ForeignStatement[];
}) {
  const { settings, chosen, statements, range, chosenForeign } = args;
  const showToast = useUi((s) => s.showToast);
  const tag = periodTag(range);
  const currency = safeCurrency(settings.currency);
  const exportPaypal = async () => {
    const { rows, skipped } = paypalRows(
      [...chosen.map((s) => brandPayable(s, currency)), ...chosenForeign.map(foreignPayable)],
      tag,
    );
    const files = paypalPayoutFiles(rows, decimalSeparatorOf(settings.locale));
    if (files.length === 0) {
      showToast({ tone: 'error', message: `Nothing to export. ${skipped.join('; ')}` });
      return;
    }
    const many = files.length > 1;
    for (const f of files) {
      const suffix = many
        ? `-${f.currency}${files.some((g) => g.part > 1) ? `-${f.part}` : ''}`
        : '';
      await saveFile({
        kind: 'csv',
        suggestedName: `paypal-payouts-${tag}${suffix}.csv`,
        data: f.csv,
        encoding: 'utf8',
      });
    }
    const n = files.reduce((s, f) => s + f.rows, 0);
    const currencies = [...new Set(files.map((f) => f.currency))].join(' and ');
    const who = new Set([...chosen, ...chosenForeign].map((s) => s.partner.id)).size;
    showToast({
      tone: skipped.length > 0 ? 'error' : 'success',
      message: `PayPal file${many ? 's' : ''} saved with ${n} payment${n === 1 ? '' : 's'} in ${currencies}, for the ${partnersWord(who)} selected, ${tag}.${skipped.length > 0 ? ` Left out: ${skipped.join('; ')}.` : ''}`,
      timeoutMs: skipped.length > 0 ? 15_000 : 6000,
    });
  };

  const exportCsv = async () => {
    const all = chosen.length === 0 && chosenForeign.length === 0;
    await saveFile({
      kind: 'csv',
      suggestedName: `payout-statements-${tag}${all ? '' : `-${chosen.length + chosenForeign.length}-selected`}.csv`,
      data: statementsCsv(
        all ? statements : chosen,
        tag,
        currency,
        all ? args.foreign : chosenForeign,
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

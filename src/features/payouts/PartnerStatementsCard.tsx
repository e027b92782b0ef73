import { FileDown, FileSpreadsheet, FolderArchive, Printer } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Card } from '../../components/ui';
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { readPartnerStatements } from '../../db/statements';
import type { DateRange } from '../../domain/dates';
import type { PartnerStatementDoc } from '../../domain/partner-statement';
import type { Statement } from '../../domain/payout-statements';
import { useSettings } from '../../hooks/data';
import { statementCsv, statementFileName, statementsZip } from '../../io/statement-csv';
import { printToPdf, saveFile } from '../../platform/bridge';
import { useUi } from '../../store/ui';
import { useAfterFirstPaint } from '../../hooks/after-paint';
import { StatementPrint } from './StatementPrint';

type Job = { docs: PartnerStatementDoc[]; name: string };

/**
 * Partner statements for the period (issue 21): one partner's, or those of everyone still owed
 * money, printed (a PDF in the desktop app, the print dialog in a browser) or as CSV / a ZIP of CSVs.
 */
export function PartnerStatementsCard(props: {
  statements: readonly Statement[];
  range: DateRange;
}) {
  const { statements, range } = props;
  const settings = useSettings();
  const showToast = useUi((s) => s.showToast);
  const [picked, setPicked] = useState('');
  const [busy, setBusy] = useState(false);
  const [printing, setPrinting] = useState<Job | null>(null);
  const owed = statements.filter((s) => s.owedCents > 0);
  const partnerId = statements.some((s) => s.partner.id === picked)
    ? picked
    : (statements[0]?.partner.id ?? '');
  const tag = `${range.start}-to-${range.end}`;
  // Up to 2,000 partners: the picker holds the one chosen until the statements are on screen.
  const full = useAfterFirstPaint(statements.length > 0);
  const options = full ? statements : statements.filter((s) => s.partner.id === partnerId);

  usePrintJob(printing, () => setPrinting(null));

  const run = async (ids: string[], what: (docs: PartnerStatementDoc[]) => Promise<void>) => {
    setBusy(true);
    try {
      await what(await readPartnerStatements(getDb(), ids, range));
    } catch (e) {
      showToast({
        tone: 'error',
        message: `The statements could not be made. ${saveErrorMessage(e)}`,
      });
    } finally {
      setBusy(false);
    }
  };
  const oneCsv = () =>
    run([partnerId], async ([doc]) => {
      if (!doc) return;
      const saved = await saveFile({
        kind: 'csv',
        suggestedName: statementFileName(doc, 'csv'),
        data: statementCsv(doc),
        encoding: 'utf8',
      });
      if (saved) showToast({ tone: 'success', message: `Statement saved: ${saved.location}` });
    });
  const allZip = () =>
    run(
      owed.map((s) => s.partner.id),
      async (docs) => {
        const saved = await saveFile({
          kind: 'zip',
          suggestedName: `statements-owed-${tag}.zip`,
          data: [statementsZip(docs)],
          encoding: 'utf8',
        });
        if (saved)
          showToast({
            tone: 'success',
            message: `${docs.length} statements saved: ${saved.location}`,
          });
      },
    );

  return (
    <Card title="Partner statements" className="statement-card">
      <p className="muted">
        A one-page statement for a partner: their orders and commission, retainer, fees, bonuses,
        gifted product, what you paid and what you still owe, under your brand’s name.
      </p>
      <div className="statement-actions">
        <div className="field">
          <label htmlFor="statement-partner">Partner</label>
          <select
            id="statement-partner"
            value={partnerId}
            onChange={(e) => setPicked(e.target.value)}
            disabled={statements.length === 0}
          >
            {options.map((s) => (
              <option key={s.partner.id} value={s.partner.id}>
                {s.partner.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="btn"
          disabled={busy || !partnerId}
          onClick={() =>
            void run([partnerId], async (docs) =>
              setPrinting({ docs, name: statementFileName(docs[0]!, 'pdf') }),
            )
          }
        >
          <Printer size={16} aria-hidden="true" /> Print or save as PDF
        </button>
        <button type="button" className="btn" disabled={busy || !partnerId} onClick={oneCsv}>
          <FileSpreadsheet size={16} aria-hidden="true" /> CSV
        </button>
      </div>
      <div className="statement-actions">
        <span>
          Everyone still owed money ({owed.length} partner{owed.length === 1 ? '' : 's'}):
        </span>
        <button
          type="button"
          className="btn"
          disabled={busy || owed.length === 0}
          onClick={() =>
            void run(
              owed.map((s) => s.partner.id),
              async (docs) => setPrinting({ docs, name: `statements-owed-${tag}.pdf` }),
            )
          }
        >
          <FileDown size={16} aria-hidden="true" /> All as one PDF
        </button>
        <button type="button" className="btn" disabled={busy || owed.length === 0} onClick={allZip}>
          <FolderArchive size={16} aria-hidden="true" /> ZIP of CSV files
        </button>
      </div>
      {printing
        ? createPortal(
            <StatementPrint
              docs={printing.docs}
              locale={settings.locale}
              madeOn={new Date().toLocaleDateString(settings.locale)}
            />,
            document.body,
          )
        : null}
    </Card>
  );
}

/** Once the print view is on the page: print only it, then take it away. */
function usePrintJob(job: Job | null, done: () => void) {
  const showToast = useUi((s) => s.showToast);
  // The latest callback, so a re-render while printing never starts the same job again.
  const doneRef = useRef(done);
  doneRef.current = done;
  useEffect(() => {
    if (!job) return;
    const frame = requestAnimationFrame(() => {
      document.body.classList.add('printing-statements');
      printToPdf(job.name)
        .then((saved) => {
          if (saved) showToast({ tone: 'success', message: `PDF saved: ${saved.location}` });
        })
        .catch((e: unknown) =>
          showToast({
            tone: 'error',
            message: `The PDF could not be made. ${saveErrorMessage(e)}`,
          }),
        )
        .finally(() => {
          document.body.classList.remove('printing-statements');
          doneRef.current();
        });
    });
    return () => cancelAnimationFrame(frame);
  }, [job, showToast]);
}

/**
 * Reads, parses and checks an orders file off the main thread so the window stays responsive
 * on big exports. Cancel = the screen terminates this worker. Nothing here touches the database.
 */
import { parseCsv } from '../../io/csv';
import { withCustomerKeys } from '../../io/customer-key';
import { detectImporter, notCsvReason, parseWithMapping } from '../../io/orders-mapped';
import type { ImportMessage, ImportRequest } from './import-protocol';

const post = (m: ImportMessage) => self.postMessage(m);
const CHUNK = 500;

const failedFile = (message: string): ImportMessage => ({
  type: 'done',
  source: '',
  formatLabel: '',
  orders: [],
  problems: [],
  fatal: [message],
  rowCount: 0,
});

async function run(req: ImportRequest): Promise<void> {
  post({ type: 'progress', label: 'Reading file', done: 0, total: req.blob.size });
  const text = await req.blob.text();
  post({ type: 'progress', label: 'Reading file', done: req.blob.size, total: req.blob.size });
  const csv = parseCsv(text);
  const notCsv = notCsvReason(text, csv.header);
  if (notCsv) return post(failedFile(notCsv));
  const ctx = { timeZone: req.timeZone, defaultCurrency: req.defaultCurrency, now: req.now };
  const known = detectImporter(csv.header);
  if (!known && !req.mapping)
    return post({ type: 'needs-mapping', header: csv.header, sample: csv.rows.slice(0, 3) });
  const res = known
    ? known.parse(csv, ctx)
    : parseWithMapping(csv, req.mapping!.source, req.mapping!.columns, ctx);
  const orders: Awaited<ReturnType<typeof withCustomerKeys<(typeof res.orders)[number]>>> = [];
  for (let i = 0; i < res.orders.length; i += CHUNK) {
    post({ type: 'progress', label: 'Checking orders', done: i, total: res.orders.length });
    orders.push(
      ...(await withCustomerKeys(res.orders.slice(i, i + CHUNK), req.salt, req.keepRawEmails)),
    );
  }
  post({
    type: 'done',
    source: res.source,
    formatLabel: known?.label ?? `${req.mapping!.source} (mapped columns)`,
    orders,
    problems: res.problems,
    fatal: res.fatal,
    rowCount: res.rowCount,
  });
}

self.onmessage = (e: MessageEvent<ImportRequest>) => {
  run(e.data).catch((err: unknown) =>
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
  );
};

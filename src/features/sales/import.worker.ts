/**
 * The whole order import, off the main thread so the window stays responsive on big exports:
 * read and parse the file, compute customer keys, plan against the stored orders (this worker
 * opens the same IndexedDB database), then, when the owner confirms, write the plan in one
 * transaction. Cancel = the screen terminates this worker; nothing is written before "apply".
 */
import { getDb } from '../../db/db';
import { applyOrderImport, planOrderImport } from '../../db/orders';
import { summarizePlan, type ImportPlan } from '../../domain/import-plan';
import { parseCsv } from '../../io/csv';
import { withCustomerKeys } from '../../io/customer-key';
import { detectImporter, notCsvReason, parseWithMapping } from '../../io/orders-mapped';
import {
  PREVIEW_LIMIT,
  type ApplyRequest,
  type ImportMessage,
  type ImportRequest,
  type ParseRequest,
  type ParsedFile,
} from './import-protocol';

const post = (m: ImportMessage) => self.postMessage(m);
const CHUNK = 5000;

/** The plan the owner is looking at; "apply" writes exactly this. */
let plan: ImportPlan | null = null;

async function parseFile(req: ParseRequest): Promise<ParsedFile | 'needs-mapping' | string> {
  post({ type: 'progress', label: 'Reading file', done: 0, total: req.blob.size });
  const text = await req.blob.text();
  post({ type: 'progress', label: 'Reading file', done: req.blob.size, total: req.blob.size });
  const csv = parseCsv(text);
  const notCsv = notCsvReason(text, csv.header);
  if (notCsv) return notCsv;
  const ctx = { timeZone: req.timeZone, defaultCurrency: req.defaultCurrency, now: req.now };
  const known = detectImporter(csv.header);
  if (!known && !req.mapping) {
    post({ type: 'needs-mapping', header: csv.header, sample: csv.rows.slice(0, 3) });
    return 'needs-mapping';
  }
  const res = known
    ? known.parse(csv, ctx)
    : parseWithMapping(csv, req.mapping!.source, req.mapping!.columns, ctx);
  const orders: ParsedFile['orders'] = [];
  for (let i = 0; i < res.orders.length; i += CHUNK) {
    post({ type: 'progress', label: 'Checking orders', done: i, total: res.orders.length });
    orders.push(
      ...(await withCustomerKeys(res.orders.slice(i, i + CHUNK), req.salt, req.keepRawEmails)),
    );
  }
  return {
    source: res.source,
    formatLabel: known?.label ?? `${req.mapping!.source} (mapped columns)`,
    orders,
    problems: res.problems,
    fatal: res.fatal,
    rowCount: res.rowCount,
  };
}

async function parse(req: ParseRequest): Promise<void> {
  plan = null;
  const file = await parseFile(req);
  if (file === 'needs-mapping') return;
  if (typeof file === 'string') return post({ type: 'fatal', messages: [file] });
  if (file.fatal.length > 0) return post({ type: 'fatal', messages: file.fatal });
  post({ type: 'progress', label: 'Comparing with stored orders', done: 0, total: 1 });
  plan = await planOrderImport(getDb(), file.source, file.orders, file.problems, req.now);
  post({
    type: 'preview',
    formatLabel: file.formatLabel,
    rowCount: file.rowCount,
    summary: summarizePlan(plan, PREVIEW_LIMIT),
  });
}

async function apply(req: ApplyRequest): Promise<void> {
  if (!plan) return post({ type: 'failed', message: 'There is no preview to import.' });
  post({ type: 'progress', label: 'Saving orders', done: 0, total: 1 });
  const written = await applyOrderImport(getDb(), plan, req.remember);
  const { counts } = plan;
  plan = null;
  post({ type: 'applied', written, counts });
}

self.onmessage = (e: MessageEvent<ImportRequest>) => {
  const job = e.data.type === 'parse' ? parse(e.data) : apply(e.data);
  job.catch((err: unknown) =>
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
  );
};

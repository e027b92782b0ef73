/**
 * The whole order import, off the main thread so the window stays responsive on big exports:
 * read and parse the file, compute customer keys, plan against the stored orders (this worker
 * opens the same IndexedDB database), then, when the owner confirms, write the plan in one
 * transaction. Cancel = the screen terminates this worker; nothing is written before "apply".
 */
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { applyOrderImport, planOrderImport } from '../../db/orders';
import { withImportMapping } from '../../domain/import-mappings';
import { summarizePlan, type ImportPlan } from '../../domain/import-plan';
import { decodeFile, ENCODING_LABEL, parseCsv, type TextEncodingName } from '../../io/csv';
import { withCustomerKeys } from '../../io/customer-key';
import { convertOrders, type ImportResult } from '../../io/orders-common';
import { detectImporter, notCsvReason, parseWithMapping } from '../../io/orders-mapped';
import {
  PREVIEW_LIMIT,
  SAVING,
  type ApplyRequest,
  type ImportMessage,
  type ImportRequest,
  type ParseRequest,
  type ParsedFile,
} from './import-protocol';

const post = (m: ImportMessage) => self.postMessage(m);

// Opened as soon as the worker starts (while the owner picks a file), so the reads an import
// starts with go out at once instead of waiting for the connection behind the parsing.
getDb()
  .open()
  .catch(() => undefined); // the import's own reads report it

/** The plan the owner is looking at; "apply" writes exactly this. */
let plan: ImportPlan | null = null;

/** What the file holds, parsed and grouped into orders, or why not. */
function readOrders(
  req: ParseRequest,
  file: { text: string; encoding: TextEncodingName },
): { res: ImportResult; formatLabel: string; keepStored: boolean } | 'needs-mapping' | string {
  const { text, encoding } = file;
  const csv = parseCsv(text);
  const notCsv = notCsvReason(text, csv.header);
  // Said when it is not plain UTF-8, so the owner knows how accented names were read.
  const read = encoding === 'utf-8' ? '' : ` (read as ${ENCODING_LABEL[encoding]})`;
  if (notCsv) return notCsv;
  const ctx = {
    timeZone: req.timeZone,
    defaultCurrency: req.defaultCurrency,
    locale: req.locale,
    now: req.now,
  };
  const known = detectImporter(csv.header);
  if (!known && !req.mapping) {
    post({ type: 'needs-mapping', header: csv.header, sample: csv.rows.slice(0, 3) });
    return 'needs-mapping';
  }
  if (known)
    return {
      res: known.parse(csv, ctx),
      formatLabel: known.label + read,
      keepStored: known.keepsStored === true,
    };
  return {
    res: parseWithMapping(csv, req.mapping!.source, req.mapping!.columns, ctx),
    formatLabel: `${req.mapping!.source} (mapped columns)${read}`,
    keepStored: false,
  };
}

async function readText(blob: Blob): Promise<{ text: string; encoding: TextEncodingName }> {
  post({ type: 'progress', label: 'Reading file', done: 0, total: blob.size, unit: 'bytes' });
  // UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252 (files Excel saved again).
  const read = decodeFile(new Uint8Array(await blob.arrayBuffer()));
  post({
    type: 'progress',
    label: 'Reading file',
    done: blob.size,
    total: blob.size,
    unit: 'bytes',
  });
  return read;
}

async function parseFile(req: ParseRequest): Promise<ParsedFile | 'needs-mapping' | string> {
  // The text and the parsed rows (hundreds of MB for a big export) live only inside readOrders:
  // kept across an await they would stay reachable and slow every later garbage collection.
  const read = readOrders(req, await readText(req.blob));
  if (typeof read === 'string') return read;
  const { res, formatLabel, keepStored } = read;
  post({ type: 'progress', label: 'Checking orders' });
  // Currencies the owner chose to convert, at the owner's rates (kept on each order as `fx`).
  const parsed = convertOrders(res.orders, req.conversions, req.defaultCurrency);
  const orders = await withCustomerKeys(parsed, req.salt, req.keepRawEmails);
  return {
    source: res.source,
    formatLabel,
    orders,
    problems: res.problems,
    warnings: res.warnings,
    fatal: res.fatal,
    rowCount: res.rowCount,
    keepStored,
  };
}

async function parse(req: ParseRequest): Promise<void> {
  plan = null;
  const file = await parseFile(req);
  if (file === 'needs-mapping') return;
  if (typeof file === 'string') return post({ type: 'fatal', messages: [file] });
  if (file.fatal.length > 0) return post({ type: 'fatal', messages: file.fatal });
  post({ type: 'progress', label: 'Comparing with stored orders' });
  // Reads only the stored versions of the orders in the file (by id), settings and partners.
  const made = await planOrderImport(getDb(), file.source, file.orders, file.problems, req.now, {
    warnings: file.warnings,
    keepStored: file.keepStored,
  });
  plan = made;
  post({
    type: 'preview',
    formatLabel: file.formatLabel,
    rowCount: file.rowCount,
    summary: summarizePlan(made, PREVIEW_LIMIT),
  });
}

async function apply(req: ApplyRequest): Promise<void> {
  if (!plan) return post({ type: 'failed', message: 'There is no preview to import.' });
  const total = plan.toWrite.length;
  post({ type: 'progress', label: SAVING, done: 0, total });
  const now = Date.now();
  const remember = req.remember;
  const { written, undoId } = await applyOrderImport(getDb(), plan, {
    now,
    // The column mapping of this source, saved in the same transaction as the orders.
    remember: remember
      ? (s) => ({
          ...s,
          importMappings: withImportMapping(s.importMappings, remember.source, remember.mapping),
          updatedAt: now,
        })
      : undefined,
    onProgress: (done, of) => post({ type: 'progress', label: SAVING, done, total: of }),
  });
  const { counts } = plan;
  plan = null;
  post({ type: 'applied', written, counts, undoId });
}

self.onmessage = (e: MessageEvent<ImportRequest>) => {
  const job = e.data.type === 'parse' ? parse(e.data) : apply(e.data);
  job.catch((err: unknown) => post({ type: 'failed', message: saveErrorMessage(err) }));
};

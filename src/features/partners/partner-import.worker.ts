/**
 * The partners CSV import off the main thread, so a 20,000-row file never freezes the window:
 * read the file; a file with our own column names is planned at once, any other gets the column
 * step first (columns guessed, or as the owner set them for this header before); plan it against
 * the stored partners and contracts (this worker opens the same IndexedDB database), keep the
 * plan, and write exactly it when the owner confirms, with the column mapping remembered.
 * Cancel = the screen terminates this worker; nothing is written before "apply".
 */
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { allContracts, allPartners, commitPartnerImport } from '../../db/partners';
import { newId } from '../../db/repo';
import {
  findImportMapping,
  withImportMapping,
  type ColumnChoice,
} from '../../domain/import-mappings';
import type { PartnerKind } from '../../domain/schemas';
import { parseCsv } from '../../io/csv';
import {
  isOwnHeader,
  mappingForHeader,
  partnerHeaderSource,
  unmappedColumns,
} from '../../io/partner-columns';
import { planPartnerImport, type PartnerImportPlan } from '../../io/partners-csv';
import {
  PREVIEW_ERRORS,
  PREVIEW_ROWS,
  type ApplyRequest,
  type PartnerImportMessage,
  type PartnerImportRequest,
  type PartnerPreview,
  type ReadRequest,
} from './partner-import-protocol';

const post = (m: PartnerImportMessage) => self.postMessage(m);

/** The file read last, and the plan the owner is looking at; "apply" writes exactly this. */
let file: { text: string; header: string[]; today: string; now: number } | null = null;
let plan: PartnerImportPlan | null = null;

function previewOf(p: PartnerImportPlan, unmapped: string[]): PartnerPreview {
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const r of p.rows) counts[r.action]++;
  return {
    ok: p.ok,
    counts,
    rowTotal: p.rows.length,
    rows: p.rows.slice(0, PREVIEW_ROWS).map((r) => ({
      line: r.line,
      action: r.action,
      name: r.partner.name,
      kind: r.partner.kind,
      status: r.partner.status,
      codes: r.partner.codes,
      contracts: r.contracts.length,
    })),
    errorTotal: p.errors.length,
    errors: p.errors.slice(0, PREVIEW_ERRORS),
    unmapped,
  };
}

async function read(req: ReadRequest): Promise<void> {
  plan = null;
  post({ type: 'progress', label: 'Reading file', done: 0, total: req.blob.size, unit: 'bytes' });
  const text = await req.blob.text();
  post({
    type: 'progress',
    label: 'Reading file',
    done: req.blob.size,
    total: req.blob.size,
    unit: 'bytes',
  });
  const parsed = parseCsv(text);
  file = { text, header: parsed.header, today: req.today, now: req.now };
  if (isOwnHeader(parsed.header)) return makePlan(undefined, undefined);
  const source = partnerHeaderSource(parsed.header);
  const remembered = findImportMapping(req.remembered, source);
  const examples = parsed.header.map((_, j) => {
    const out: string[] = [];
    for (const rec of parsed.records) {
      const v = (rec[j] ?? '').trim();
      if (v) out.push(v.length > 40 ? `${v.slice(0, 39)}…` : v);
      if (out.length === 3) break;
    }
    return out;
  });
  post({
    type: 'columns',
    columns: {
      header: parsed.header,
      examples,
      mapping: mappingForHeader(parsed.header, remembered),
      source,
      remembered: remembered !== undefined,
    },
  });
}

async function makePlan(
  mapping: ColumnChoice[] | undefined,
  defaultKind: PartnerKind | undefined,
): Promise<void> {
  if (!file) return post({ type: 'failed', message: 'Choose the file again.' });
  const db = getDb();
  const [partners, contracts] = await Promise.all([allPartners(db), allContracts(db)]);
  plan = planPartnerImport(file.text, {
    partners,
    contracts,
    today: file.today,
    now: file.now,
    newId,
    mapping,
    defaultKind,
    onProgress: (done, total) => post({ type: 'progress', label: 'Checking rows', done, total }),
  });
  post({
    type: 'preview',
    preview: previewOf(plan, mapping ? unmappedColumns(file.header, mapping) : []),
  });
}

async function apply(req: ApplyRequest): Promise<void> {
  if (!plan?.ok) return post({ type: 'failed', message: 'There is no preview to import.' });
  const writes = plan.rows.filter((r) => r.action !== 'unchanged');
  post({ type: 'progress', label: 'Saving partners', done: 0, total: writes.length });
  const { remember } = req;
  const now = Date.now();
  await commitPartnerImport(
    getDb(),
    writes,
    remember
      ? (s) => ({
          ...s,
          importMappings: withImportMapping(s.importMappings, remember.source, remember.mapping),
          updatedAt: now,
        })
      : undefined,
  );
  plan = null;
  file = null;
  post({ type: 'applied', written: writes.length });
}

self.onmessage = (e: MessageEvent<PartnerImportRequest>) => {
  const r = e.data;
  const job =
    r.type === 'read' ? read(r) : r.type === 'plan' ? makePlan(r.mapping, r.defaultKind) : apply(r);
  job.catch((err: unknown) => post({ type: 'failed', message: saveErrorMessage(err) }));
};

/**
 * The partners CSV import off the main thread, so a 20,000-row file never freezes the window:
 * read the file, plan it against the stored partners and contracts (this worker opens the same
 * IndexedDB database), keep the plan, and write exactly it when the owner confirms.
 * Cancel = the screen terminates this worker; nothing is written before "apply".
 */
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { allContracts, allPartners, commitPartnerImport } from '../../db/partners';
import { newId } from '../../db/repo';
import { planPartnerImport, type PartnerImportPlan } from '../../io/partners-csv';
import {
  PREVIEW_ERRORS,
  PREVIEW_ROWS,
  type PartnerImportMessage,
  type PartnerImportRequest,
  type PartnerPreview,
  type PlanRequest,
} from './partner-import-protocol';

const post = (m: PartnerImportMessage) => self.postMessage(m);

/** The plan the owner is looking at; "apply" writes exactly this. */
let plan: PartnerImportPlan | null = null;

function previewOf(p: PartnerImportPlan): PartnerPreview {
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
  };
}

async function makePlan(req: PlanRequest): Promise<void> {
  plan = null;
  post({ type: 'progress', label: 'Reading file', done: 0, total: req.blob.size });
  const text = await req.blob.text();
  post({ type: 'progress', label: 'Reading file', done: req.blob.size, total: req.blob.size });
  const db = getDb();
  const [partners, contracts] = await Promise.all([allPartners(db), allContracts(db)]);
  plan = planPartnerImport(text, {
    partners,
    contracts,
    today: req.today,
    now: req.now,
    newId,
    onProgress: (done, total) => post({ type: 'progress', label: 'Checking rows', done, total }),
  });
  post({ type: 'preview', preview: previewOf(plan) });
}

async function apply(): Promise<void> {
  if (!plan?.ok) return post({ type: 'failed', message: 'There is no preview to import.' });
  const writes = plan.rows.filter((r) => r.action !== 'unchanged');
  post({ type: 'progress', label: 'Saving partners', done: 0, total: writes.length });
  await commitPartnerImport(getDb(), writes);
  plan = null;
  post({ type: 'applied', written: writes.length });
}

self.onmessage = (e: MessageEvent<PartnerImportRequest>) => {
  const job = e.data.type === 'plan' ? makePlan(e.data) : apply();
  job.catch((err: unknown) => post({ type: 'failed', message: saveErrorMessage(err) }));
};

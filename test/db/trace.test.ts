import Dexie from 'dexie';
import { afterEach, expect, it } from 'vitest';
import { PawtnersDb } from '../../src/db/db';
import { paidByPartner } from '../../src/db/stats';
import type { TraceEntry } from '../../src/db/trace';

const g = globalThis as { __pawtnersDbTrace?: TraceEntry[]; __pawtnersDbTraceStacks?: boolean };

afterEach(async () => {
  delete g.__pawtnersDbTrace;
  delete g.__pawtnersDbTraceStacks;
  await Dexie.delete('test-trace');
});

it('the benchmark trace names the function behind each request when asked', async () => {
  g.__pawtnersDbTrace = [];
  g.__pawtnersDbTraceStacks = true;
  const db = new PawtnersDb('test-trace');
  await db.open();
  await paidByPartner(db);
  const reads = g.__pawtnersDbTrace.filter((e) => e.table === 'payoutSums');
  expect(reads).toHaveLength(1);
  expect(reads[0]!.from).toMatch(/^paidByPartner\b/);
  // Without the switch, no names (and no stack taken).
  g.__pawtnersDbTraceStacks = false;
  await paidByPartner(db);
  expect(g.__pawtnersDbTrace.filter((e) => e.table === 'payoutSums')[1]!.from).toBeUndefined();
  db.close();
});

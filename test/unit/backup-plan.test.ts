import { describe, expect, it } from 'vitest';
import {
  emptyBackupData,
  keepBothDismissals,
  planImport,
  rowOutcome,
  type BackupData,
  type LocalIndex,
  type TablePlanning,
} from '../../src/domain/backup-plan';
import { generateSampleData } from '../../src/domain/sample-data';
import { rowSignature } from '../../src/domain/row-signature';
import { defaultSettings, TABLE_NAMES, type TableName } from '../../src/domain/schemas';

const NOW = Date.UTC(2026, 10, 24, 15);
const sample = generateSampleData('2026-11-24', NOW);

/** What readLocal gives for `data` stored here. */
function localOf(data: BackupData) {
  const index = Object.fromEntries(
    TABLE_NAMES.map((t) => [t, new Map(data[t].map((r) => [r.id, r.updatedAt]))]),
  ) as LocalIndex;
  const sigs = new Map(
    TABLE_NAMES.map((t) => [t, new Map(data[t].map((r) => [r.id, rowSignature(r)]))]),
  );
  const same = (t: TableName, r: { id: string }) => sigs.get(t)!.get(r.id) === rowSignature(r);
  return { index, same };
}

const base: BackupData = { ...emptyBackupData(), ...sample, deletions: [] };

describe('planImport compares content, not only time stamps', () => {
  const edited: BackupData = {
    ...base,
    partners: base.partners.map((p, i) => (i < 41 ? { ...p, name: `${p.name} (edited)` } : p)),
  };
  const { index, same } = localOf(base);
  const partners = (mode: 'replace' | 'merge') =>
    planImport(mode, index, [], edited, '', same).changes.find((c) => c.table === 'partners')!;

  it('Replace counts rows edited without a new updatedAt as updates', () => {
    expect(partners('replace')).toMatchObject({ update: 41, unchanged: base.partners.length - 41 });
    expect(planImport('replace', index, [], edited, '', same).totalChanges).toBe(41);
  });

  it('Merge keeps the rows here and says they differ', () => {
    expect(partners('merge')).toMatchObject({ update: 0, sameTimeDiffers: 41, keptLocal: 0 });
  });

  it('the same data is unchanged in both modes', () => {
    for (const mode of ['replace', 'merge'] as const)
      expect(planImport(mode, index, [], base, '', same).totalChanges).toBe(0);
  });

  it('without a content check equal time stamps count as unchanged (the old rule)', () => {
    expect(planImport('replace', index, [], edited).totalChanges).toBe(0);
  });
});

describe('rowSignature', () => {
  it('is the same for the same row and sees any changed value', () => {
    const row = { a: 1, b: [1, { c: 'x' }] };
    expect(rowSignature(row)).toBe(rowSignature(structuredClone(row)));
    expect(rowSignature(row)).not.toBe(rowSignature({ a: 1, b: [1, { c: 'y' }] }));
    expect(rowSignature({ a: null })).not.toBe(rowSignature({ a: 0 }));
    expect(rowSignature({ a: '1' })).not.toBe(rowSignature({ a: 1 }));
  });
});

describe('keepBothDismissals', () => {
  const day = (i: number) =>
    new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  const settings = (updatedAt: number, keys: string[]) => ({
    ...defaultSettings(updatedAt),
    dismissedLeakFlags: keys,
  });
  it('keeps the newest 2,000 dismissals of both sides when together they are more', () => {
    const here = Array.from({ length: 1500 }, (_, i) => `HERE${i}@${day(2 * i)}`);
    const there = Array.from({ length: 1500 }, (_, i) => `THERE${i}@${day(2 * i + 1)}`);
    const empty = { ...emptyBackupData(), settings: [] };
    const { index } = localOf({ ...empty, settings: [settings(5, here)] });
    const incoming = { ...empty, settings: [settings(9, there)] };
    const plan = keepBothDismissals(
      planImport('merge', index, [], incoming),
      settings(5, here),
      settings(9, there),
    );
    const kept = plan.writes.settings[0]!.dismissedLeakFlags;
    expect(kept).toHaveLength(2000);
    // 3,000 made on 3,000 days: the 1,000 oldest go.
    expect(kept[0]).toBe(`HERE500@${day(1000)}`);
    expect(kept.at(-1)).toBe(`THERE1499@${day(2999)}`);
    expect(new Set(kept).size).toBe(2000);
  });

  it('leaves a Replace and a merge with nothing new alone', () => {
    const s = settings(5, ['A1@2026-01-01']);
    const data = { ...emptyBackupData(), settings: [s] };
    const { index } = localOf(data);
    for (const mode of ['replace', 'merge'] as const) {
      const plan = planImport(mode, index, [], data);
      expect(keepBothDismissals(plan, s, s)).toBe(plan);
    }
  });
});

describe('rowOutcome', () => {
  const empty = () =>
    Object.fromEntries(TABLE_NAMES.map((t) => [t, new Map<string, number>()])) as LocalIndex;
  const planning = (over: Partial<TablePlanning> = {}): TablePlanning => ({
    mode: 'merge',
    local: empty(),
    deletedThere: new Map(),
    outdated: new Set(),
    ...over,
  });
  const row = { id: 'p1', updatedAt: 100 };

  it('adds what is not here, updates to a newer version, keeps a newer one here', () => {
    expect(rowOutcome('partners', row, undefined, planning())).toBe('add');
    expect(rowOutcome('partners', row, 50, planning())).toBe('update');
    expect(rowOutcome('partners', row, 150, planning())).toBe('keptLocal');
    expect(rowOutcome('partners', row, 150, planning({ mode: 'replace' }))).toBe('update');
  });

  it('tells an equal time stamp with other content apart, when asked', () => {
    const differs = planning({ sameAsLocal: () => false });
    expect(rowOutcome('partners', row, 100, planning())).toBe('unchanged');
    expect(rowOutcome('partners', row, 100, differs)).toBe('sameTimeDiffers');
    expect(rowOutcome('partners', row, 100, { ...differs, mode: 'replace' })).toBe('update');
  });

  it('merge: keeps a deletion made here after the row, skips a row the backup deleted later', () => {
    const local = empty();
    local.deletions.set('partners/p1', 100);
    expect(rowOutcome('partners', row, undefined, planning({ local }))).toBe('keptLocal');
    expect(rowOutcome('partners', row, undefined, planning({ local, mode: 'replace' }))).toBe(
      'add',
    );
    const deletedThere = new Map([['partners/p1', 200]]);
    expect(rowOutcome('partners', row, undefined, planning({ deletedThere }))).toBe('skip');
    const outdated = new Set(['partners/p1']);
    expect(rowOutcome('partners', row, undefined, planning({ deletedThere, outdated }))).toBe(
      'add',
    );
    expect(
      rowOutcome(
        'deletions',
        { id: 'partners/p1', updatedAt: 200 },
        undefined,
        planning({ outdated }),
      ),
    ).toBe('keptLocal');
  });
});

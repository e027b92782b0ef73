import { describe, expect, it } from 'vitest';
import {
  autoBackupName,
  isBackupDue,
  parseAutoBackupTime,
  selectBackupsToKeep,
} from '../../electron/main/services/auto-backups';

const day = 86_400_000;
const t0 = Date.UTC(2026, 10, 24, 12, 0, 0);

describe('automatic backup retention', () => {
  it('names round-trip', () => {
    const n = autoBackupName(new Date(t0));
    expect(n).toBe('pawtners-auto-2026-11-24T12-00-00Z.json');
    expect(parseAutoBackupTime(n)).toBe(t0);
    expect(parseAutoBackupTime('other.json')).toBeNull();
  });
  it('keeps 7 daily and 4 weekly', () => {
    // One backup a day for 60 days, plus a second one on the newest day.
    const names = Array.from({ length: 60 }, (_, i) => autoBackupName(new Date(t0 - i * day)));
    names.push(autoBackupName(new Date(t0 - 3600_000)));
    const keep = selectBackupsToKeep(names);
    expect(keep.size).toBe(11);
    // The newest of today is kept, not the earlier one.
    expect(keep.has(autoBackupName(new Date(t0)))).toBe(true);
    expect(keep.has(autoBackupName(new Date(t0 - 3600_000)))).toBe(false);
    for (let i = 0; i < 7; i++) expect(keep.has(autoBackupName(new Date(t0 - i * day)))).toBe(true);
    const older = [...keep].map((n) => parseAutoBackupTime(n)!).filter((t) => t < t0 - 6 * day);
    expect(older).toHaveLength(4);
    // The weekly ones are in different weeks, each at least ~7 days apart.
    older.sort((a, b) => b - a);
    for (let i = 1; i < older.length; i++)
      expect(older[i - 1]! - older[i]!).toBeGreaterThanOrEqual(7 * day);
  });
  it('is due after a day', () => {
    expect(isBackupDue([], t0)).toBe(true);
    expect(isBackupDue([autoBackupName(new Date(t0 - 2 * 3600_000))], t0)).toBe(false);
    expect(isBackupDue([autoBackupName(new Date(t0 - day - 1000))], t0)).toBe(true);
  });
});

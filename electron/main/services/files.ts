import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { OpenFileKind, SaveFileKind } from '../../../src/shared/ipc';

interface Filter {
  name: string;
  extensions: string[];
}

export const OPEN_FILTERS: Record<OpenFileKind, { title: string; filters: Filter[] }> = {
  backup: {
    title: 'Import a Pawtners backup',
    filters: [{ name: 'Pawtners backup', extensions: ['json'] }],
  },
  'orders-csv': {
    title: 'Import orders',
    filters: [{ name: 'Orders CSV', extensions: ['csv', 'txt'] }],
  },
  'partners-csv': {
    title: 'Import partners',
    filters: [{ name: 'Partners CSV', extensions: ['csv', 'txt'] }],
  },
  csv: { title: 'Open a CSV file', filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }] },
};

export const SAVE_FILTERS: Record<SaveFileKind, Filter[]> = {
  backup: [{ name: 'Pawtners backup', extensions: ['json'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  ics: [{ name: 'iCalendar', extensions: ['ics'] }],
  png: [{ name: 'PNG image', extensions: ['png'] }],
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
  zip: [{ name: 'ZIP archive', extensions: ['zip'] }],
};

/** Files larger than this are refused before reading (a backup of a large brand is ~200 MB). */
export const MAX_OPEN_BYTES = 512 * 1024 * 1024;

export async function readTextFile(filePath: string): Promise<{ name: string; text: string }> {
  const stat = await fs.stat(filePath);
  if (stat.size > MAX_OPEN_BYTES) throw new Error('That file is larger than 512 MB.');
  return { name: path.basename(filePath), text: await fs.readFile(filePath, 'utf8') };
}

/** Write atomically: a temp file next to the target, then rename, so a crash never leaves half a file. */
export async function writeFileAtomic(filePath: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${filePath}.${process.pid}.tmp`;
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, filePath);
}

/**
 * The desktop app's automatic backups: files in one folder (userData/backups). A backup is checked
 * before it is written, written to a temp file, flushed, read back and checked again, renamed into
 * place, and only then is retention applied: a bad or failed write never deletes a good backup.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AutoBackupEntry } from '../../../src/shared/ipc';
import {
  autoBackupName,
  backupsToDelete,
  checkAutoBackupText,
  checkBackupHead,
  checkBackupTail,
  MAX_HEADER_CHARS,
  parseAutoBackupTime,
} from '../../../src/shared/auto-backups';

/** A temp file from a write that never finished (a crash) is removed after this long. */
const STALE_TEMP_MS = 24 * 60 * 60 * 1000;
const TEMP = /^pawtners-auto-.*\.tmp$/;

export class AutoBackupRefused extends Error {
  constructor(reason: string) {
    super(`Automatic backup refused: ${reason}.`);
    this.name = 'AutoBackupRefused';
  }
}

/** The automatic backups in `dir`, newest first. */
export async function listAutoBackupFiles(dir: string): Promise<AutoBackupEntry[]> {
  await fs.mkdir(dir, { recursive: true });
  const out: AutoBackupEntry[] = [];
  for (const name of await fs.readdir(dir)) {
    const t = parseAutoBackupTime(name);
    if (t === null) continue;
    const st = await fs.stat(path.join(dir, name));
    if (st.isFile()) out.push({ name, createdAt: t, size: st.size });
  }
  return out.sort((a, b) => b.createdAt - a.createdAt);
}

export async function readAutoBackupFile(dir: string, name: string): Promise<string> {
  if (parseAutoBackupTime(name) === null) throw new Error('Not an automatic backup');
  return fs.readFile(path.join(dir, name), 'utf8');
}

async function readEnds(file: string, size: number): Promise<{ head: string; tail: string }> {
  const h = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, MAX_HEADER_CHARS));
    await h.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(size, 64));
    await h.read(tail, 0, tail.length, size - tail.length);
    return { head: head.toString('utf8'), tail: tail.toString('utf8') };
  } finally {
    await h.close();
  }
}

/** Write `data` to `tmp` and make sure it reached the disk before anyone renames it. */
async function writeFlushed(tmp: string, data: Buffer): Promise<void> {
  const h = await fs.open(tmp, 'wx');
  try {
    await h.writeFile(data);
    await h.sync();
  } finally {
    await h.close();
  }
}

async function removeStaleTemps(dir: string, now: number): Promise<void> {
  for (const name of await fs.readdir(dir)) {
    if (!TEMP.test(name)) continue;
    const file = path.join(dir, name);
    const st = await fs.stat(file).catch(() => null);
    if (st && now - st.mtimeMs > STALE_TEMP_MS) await fs.rm(file, { force: true });
  }
}

export interface WriteResult {
  name: string;
  deleted: string[];
}

/**
 * Store one automatic backup in `dir` and apply the 7-daily / 4-weekly retention. Throws
 * {@link AutoBackupRefused} (nothing written, nothing deleted) when `text` is not a whole backup
 * as the app writes it, and any file-system error before the rename likewise leaves every existing
 * backup in place.
 */
export async function writeAutoBackupFile(
  dir: string,
  text: unknown,
  now: Date = new Date(),
): Promise<WriteResult> {
  const check = checkAutoBackupText(text);
  if (!check.ok) throw new AutoBackupRefused(check.reason);
  const data = Buffer.from(text as string, 'utf8');
  await fs.mkdir(dir, { recursive: true });
  const name = autoBackupName(now);
  const target = path.join(dir, name);
  const tmp = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFlushed(tmp, data);
    const st = await fs.stat(tmp);
    if (st.size !== data.length)
      throw new Error(`the file on disk has ${st.size} bytes, ${data.length} were written`);
    const ends = await readEnds(tmp, st.size);
    const back = checkBackupHead(ends.head);
    if (!back.ok) throw new Error(`the file on disk does not read back: ${back.reason}`);
    const tail = checkBackupTail(ends.tail);
    if (tail) throw new Error(`the file on disk does not read back: ${tail}`);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  // Only now, with the new copy safely in place, may older ones go.
  const names = await fs.readdir(dir);
  const deleted = backupsToDelete(names, name);
  await Promise.all(deleted.map((n) => fs.rm(path.join(dir, n), { force: true })));
  await removeStaleTemps(dir, now.getTime()).catch(() => undefined);
  return { name, deleted };
}

/**
 * One writer at a time per folder: the renderer's daily backup and the one on quit may overlap,
 * and each retention pass must see the other's finished file.
 */
export function serialized<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  let last: Promise<unknown> = Promise.resolve();
  return (...args) => {
    const run = last.then(
      () => fn(...args),
      () => fn(...args),
    );
    last = run.catch(() => undefined);
    return run;
  };
}

/** The automatic backups of one folder, as the IPC handlers and the quit hook use them. */
export interface AutoBackupStore {
  list(): Promise<AutoBackupEntry[]>;
  read(name: string): Promise<string>;
  /** Check, write, verify, rename, then retention (see {@link writeAutoBackupFile}). */
  write(text: unknown): Promise<WriteResult>;
}

export function autoBackupStore(
  dir: string,
  clock: () => Date = () => new Date(),
): AutoBackupStore {
  return {
    list: () => listAutoBackupFiles(dir),
    read: (name) => readAutoBackupFile(dir, name),
    write: serialized((text: unknown) => writeAutoBackupFile(dir, text, clock())),
  };
}

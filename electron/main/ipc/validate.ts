import { z } from 'zod';
import { MAX_AUTO_BACKUP_CHARS } from '../../../src/shared/auto-backups';
import { MAX_REMINDER_NOTES, OPEN_FILE_KINDS, SAVE_FILE_KINDS } from '../../../src/shared/ipc';
import { isAppUrl } from '../security';

/** The least a handler needs of an IPC event: the frame that sent it (null when it is gone). */
export interface SenderLike {
  senderFrame: { url: string } | null;
}

/** True when the message comes from a frame on the app's own origin. */
export function isTrustedSender(event: SenderLike, origin: string): boolean {
  const frame = event.senderFrame;
  return frame !== null && typeof frame.url === 'string' && isAppUrl(frame.url, origin);
}

const MAX_TEXT = 512 * 1024 * 1024;

export const openFileArgs = z.tuple([z.enum(OPEN_FILE_KINDS as [string, ...string[]])]);
export const saveFileArgs = z
  .tuple([
    z.strictObject({
      kind: z.enum(SAVE_FILE_KINDS as [string, ...string[]]),
      suggestedName: z
        .string()
        .min(1)
        .max(200)
        .refine((s) => !/[\\/:*?"<>|\0]/.test(s), 'must be a plain file name'),
      data: z.union([
        z.string().max(MAX_TEXT),
        z
          .array(z.union([z.string(), z.instanceof(Uint8Array)]))
          .max(1_000_000)
          .refine(
            (parts) =>
              parts.reduce((n, p) => n + (typeof p === 'string' ? p.length : p.byteLength), 0) <=
              MAX_TEXT,
            'too large',
          ),
      ]),
      encoding: z.enum(['utf8', 'base64']),
    }),
  ])
  .refine(
    ([r]) => r.encoding === 'utf8' || typeof r.data === 'string',
    'base64 must be one string',
  );
export const printToPdfArgs = z.tuple([
  z
    .string()
    .min(1)
    .max(200)
    .refine((s) => !/[\\/:*?"<>|\0]/.test(s), 'must be a plain file name'),
]);
/** Only text within the size cap; the store then checks it is a whole backup (checkAutoBackupText). */
export const autoBackupWriteArgs = z.tuple([z.string().min(1).max(MAX_AUTO_BACKUP_CHARS)]);
export const autoBackupNameArgs = z.tuple([
  z.string().regex(/^pawtners-auto-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.json$/),
]);
export const externalUrlArgs = z.tuple([z.url().max(2000)]);
export const noArgs = z.tuple([]);
/** Reminders to show: short plain text only. */
export const reminderNotesArgs = z.tuple([
  z
    .array(
      z.strictObject({
        id: z.string().min(1).max(200),
        title: z.string().min(1).max(200),
        body: z.string().max(500),
      }),
    )
    .max(MAX_REMINDER_NOTES),
]);

/** Parse IPC arguments or throw a short error the renderer can show. */
export function parseArgs<T extends z.ZodTypeAny>(schema: T, args: unknown[]): z.infer<T> {
  const r = schema.safeParse(args);
  if (!r.success) throw new Error(`Invalid arguments: ${r.error.issues[0]?.message ?? 'unknown'}`);
  return r.data;
}

/** Refusing a write made from a stale form (another window changed the row since it was read). */

/** The row changed elsewhere since the form was filled in. */
export class StaleWriteError extends Error {
  /** `what`: the record, as "this partner" or, plural, "the settings". */
  constructor(what: string) {
    const plural = !what.startsWith('this ');
    super(
      `${what[0]!.toUpperCase()}${what.slice(1)} ${plural ? 'were' : 'was'} changed elsewhere (another window) after you opened ${plural ? 'them' : 'it'}. Reload to see the change, or overwrite it with yours.`,
    );
    this.name = 'StaleWriteError';
  }
}

/**
 * Throw StaleWriteError when `stored` is not the version the form was made from. Without an
 * expected version (a caller that read the row in the same transaction) nothing is checked.
 */
export function checkVersion(
  what: string,
  stored: { updatedAt: number } | undefined,
  expectedUpdatedAt: number | undefined,
): void {
  if (expectedUpdatedAt === undefined || stored === undefined) return;
  if (stored.updatedAt !== expectedUpdatedAt) throw new StaleWriteError(what);
}

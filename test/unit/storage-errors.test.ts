import { describe, expect, it } from 'vitest';
import { saveErrorMessage, storageError } from '../../src/db/errors';

const named = (name: string, message = 'raw browser text') =>
  Object.assign(new Error(message), { name });

describe('storage errors in words', () => {
  it.each([
    ['QuotaExceededError', /disk is full/],
    ['VersionError', /another window/],
    ['DatabaseClosedError', /another window/],
    ['UnknownError', /could not be written/],
    ['InvalidStateError', /could not be written/],
    ['AbortError', /interrupted/],
    ['TransactionInactiveError', /interrupted/],
  ])('%s, bare or wrapped by Dexie, never shows its raw name', (name, words) => {
    for (const e of [named(name), Object.assign(named('AbortError'), { inner: named(name) })]) {
      const text = storageError(e);
      expect(text).toMatch(name === 'AbortError' ? /interrupted/ : words);
      expect(text).toMatch(/Nothing was changed/);
      expect(text).not.toContain(name);
      expect(saveErrorMessage(e)).toBe(text);
    }
  });

  it('leaves other errors to their own message', () => {
    expect(storageError(new Error('That partner no longer exists.'))).toBeNull();
    expect(saveErrorMessage(new Error('That partner no longer exists.'))).toBe(
      'That partner no longer exists.',
    );
    expect(storageError(null)).toBeNull();
  });
});

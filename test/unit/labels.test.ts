import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/components/labels';

describe('formatBytes', () => {
  it('counts bytes under 1,024, with a plural but for one', () => {
    expect(formatBytes(0, 'en-US')).toBe('0 bytes');
    expect(formatBytes(1, 'en-US')).toBe('1 byte');
    expect(formatBytes(999, 'en-US')).toBe('999 bytes');
    expect(formatBytes(1000, 'en-US')).toBe('1,000 bytes');
    expect(formatBytes(1023, 'en-US')).toBe('1,023 bytes');
  });

  it('shows whole KB from 1,024 bytes', () => {
    expect(formatBytes(1024, 'en-US')).toBe('1 KB');
    expect(formatBytes(1535, 'en-US')).toBe('1 KB');
    expect(formatBytes(1536, 'en-US')).toBe('2 KB');
    expect(formatBytes(512 * 1024, 'en-US')).toBe('512 KB');
    expect(formatBytes(1000 * 1024, 'en-US')).toBe('1,000 KB');
  });

  it('moves to MB and GB, to one decimal, once a size rounds to 1,024 of a unit', () => {
    expect(formatBytes(1023 * 1024 + 511, 'en-US')).toBe('1,023 KB');
    expect(formatBytes(1023 * 1024 + 512, 'en-US')).toBe('1 MB');
    expect(formatBytes(1024 ** 2, 'en-US')).toBe('1 MB');
    expect(formatBytes(1.5 * 1024 ** 2, 'en-US')).toBe('1.5 MB');
    expect(formatBytes(48.26 * 1024 ** 2, 'en-US')).toBe('48.3 MB');
    expect(formatBytes(1024 ** 3 - 1, 'en-US')).toBe('1 GB');
    expect(formatBytes(2.34 * 1024 ** 3, 'en-US')).toBe('2.3 GB');
    // Past GB the number grows (no file the app reads is that big).
    expect(formatBytes(2048 * 1024 ** 3, 'en-US')).toBe('2,048 GB');
  });

  it('writes the number in the owner’s locale', () => {
    expect(formatBytes(1.5 * 1024 ** 2, 'de-DE')).toBe('1,5 MB');
    expect(formatBytes(1000, 'de-DE')).toBe('1.000 bytes');
    expect(formatBytes(1000 * 1024, 'fr-FR')).toBe('1\u202f000 KB');
  });

  it('takes a size that is not a whole count of bytes, or below 0, as the nearest sensible one', () => {
    expect(formatBytes(-5, 'en-US')).toBe('0 bytes');
    expect(formatBytes(1.4, 'en-US')).toBe('1 byte');
  });
});

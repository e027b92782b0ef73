import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SaveFileRequest } from '../../src/shared/ipc';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('saveFile in the desktop app', () => {
  it('sends Blob parts (stored pages) over IPC as their bytes, in order', async () => {
    const sent: SaveFileRequest[] = [];
    vi.stubGlobal('window', {
      api: {
        saveFile: (r: SaveFileRequest) => {
          sent.push(r);
          return Promise.resolve({ location: '/tmp/x.json' });
        },
      },
    });
    const { saveFile } = await import('../../src/platform/bridge');
    const page = new Blob([new TextEncoder().encode('{"id":"ä"}')]);
    const saved = await saveFile({
      kind: 'backup',
      suggestedName: 'b.json',
      data: ['[', page, new TextEncoder().encode(']')],
      encoding: 'utf8',
    });
    expect(saved).toEqual({ location: '/tmp/x.json' });
    const data = sent[0]!.data as (string | Uint8Array)[];
    expect(data[0]).toBe('[');
    expect(data[1]).toBeInstanceOf(Uint8Array);
    const text = data.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p)));
    expect(text.join('')).toBe('[{"id":"ä"}]');
  });
});

describe('blobInSteps (the browser download of a big file)', () => {
  it('holds the same bytes as one Blob of the parts, whatever the step size', async () => {
    const { blobInSteps } = await import('../../src/platform/bridge');
    const parts: BlobPart[] = [
      '{"rows": [',
      'x'.repeat(10),
      new TextEncoder().encode('"ä"'),
      new Blob([',"ü✓"']),
      '',
      'y'.repeat(7),
      ']}',
    ];
    const whole = await new Blob(parts).text();
    for (const step of [1, 3, 10, 16, 1 << 20]) {
      const blob = await blobInSteps(parts, 'application/json', step);
      expect(blob.type).toBe('application/json');
      expect(await blob.text()).toBe(whole);
    }
    expect(await (await blobInSteps([], 'text/csv')).text()).toBe('');
  });

  it('lets other work run between steps of about stepChars characters', async () => {
    const { blobInSteps } = await import('../../src/platform/bridge');
    const parts = Array.from({ length: 10 }, (_, i) => String(i).repeat(100));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const blob = await blobInSteps(parts, 'text/plain', 300);
    clearInterval(timer);
    expect(blob.size).toBe(1000);
    // Three parts (300 characters) per step: three yields before the last, partial, step.
    expect(ticks).toBeGreaterThanOrEqual(2);
  });
});

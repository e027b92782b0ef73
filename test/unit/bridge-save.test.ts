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

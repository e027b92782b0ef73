import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenOwnerIdle } from '../../src/hooks/owner-idle';

describe('whenOwnerIdle', () => {
  let win: EventTarget;
  beforeEach(() => {
    vi.useFakeTimers();
    win = new EventTarget();
    vi.stubGlobal('window', win);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const track = (p: Promise<void>) => {
    const state = { done: false };
    void p.then(() => (state.done = true));
    return state;
  };

  it('resolves once no input has come for the whole wait', async () => {
    const s = track(whenOwnerIdle(800));
    await vi.advanceTimersByTimeAsync(799);
    expect(s.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.done).toBe(true);
  });

  it.each(['keydown', 'pointerdown', 'wheel', 'input', 'change'])(
    '%s starts the wait again',
    async (type) => {
      const s = track(whenOwnerIdle(800));
      await vi.advanceTimersByTimeAsync(700);
      win.dispatchEvent(new Event(type));
      await vi.advanceTimersByTimeAsync(700);
      expect(s.done).toBe(false);
      await vi.advanceTimersByTimeAsync(100);
      expect(s.done).toBe(true);
    },
  );

  it('other events do not count as input', async () => {
    const s = track(whenOwnerIdle(800));
    await vi.advanceTimersByTimeAsync(700);
    win.dispatchEvent(new Event('mousemove'));
    await vi.advanceTimersByTimeAsync(100);
    expect(s.done).toBe(true);
  });

  it('never resolves once aborted, and stops listening', async () => {
    const remove = vi.spyOn(win, 'removeEventListener');
    const ac = new AbortController();
    const s = track(whenOwnerIdle(800, ac.signal));
    await vi.advanceTimersByTimeAsync(400);
    ac.abort();
    await vi.advanceTimersByTimeAsync(5000);
    expect(s.done).toBe(false);
    expect(remove.mock.calls.map((c) => c[0]).sort()).toEqual([
      'change',
      'input',
      'keydown',
      'pointerdown',
      'wheel',
    ]);
  });

  it('an already aborted signal never resolves', async () => {
    const ac = new AbortController();
    ac.abort();
    const s = track(whenOwnerIdle(10, ac.signal));
    await vi.advanceTimersByTimeAsync(100);
    expect(s.done).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { EditHistory, type Edit } from '../../src/store/history';
import { historyKey, menuStepTarget, SAME_PRESS_MS } from '../../src/hooks/useUndoKeys';

/** A counter the edits change, so each step's effect can be read back. */
function setup(limit?: number) {
  const h = new EditHistory(limit);
  const state = { value: 0, log: [] as string[] };
  const add = (n: number): Edit => {
    state.value += n;
    return {
      label: `add ${n}`,
      undo: async () => {
        state.value -= n;
        state.log.push(`undo ${n}`);
      },
      redo: async () => {
        state.value += n;
        state.log.push(`redo ${n}`);
      },
    };
  };
  return { h, state, add };
}

describe('EditHistory', () => {
  it('undoes the last edit first, then the one before', async () => {
    const { h, state, add } = setup();
    h.push(add(1));
    h.push(add(10));
    expect(state.value).toBe(11);
    expect((await h.undo())?.label).toBe('add 10');
    expect(state.value).toBe(1);
    expect((await h.undo())?.label).toBe('add 1');
    expect(state.value).toBe(0);
    expect(await h.undo()).toBeNull();
    expect(h.canUndo).toBe(false);
  });

  it('redoes what was undone, in reverse order of undoing', async () => {
    const { h, state, add } = setup();
    h.push(add(1));
    h.push(add(10));
    await h.undo();
    await h.undo();
    expect(h.canRedo).toBe(true);
    await h.redo();
    expect(state.value).toBe(1);
    await h.redo();
    expect(state.value).toBe(11);
    expect(await h.redo()).toBeNull();
    expect(state.log).toEqual(['undo 10', 'undo 1', 'redo 1', 'redo 10']);
    // Redone edits can be undone again.
    await h.undo();
    expect(state.value).toBe(1);
  });

  it('a new edit clears what could be redone', async () => {
    const { h, state, add } = setup();
    h.push(add(1));
    h.push(add(10));
    await h.undo();
    h.push(add(100));
    expect(h.canRedo).toBe(false);
    expect(await h.redo()).toBeNull();
    expect(state.value).toBe(101);
    await h.undo();
    await h.undo();
    expect(state.value).toBe(0);
  });

  it('keeps only the last `limit` edits', async () => {
    const { h, state, add } = setup(3);
    for (const n of [1, 2, 4, 8, 16]) h.push(add(n));
    expect(state.value).toBe(31);
    while (await h.undo());
    // 16, 8 and 4 were undone; 1 and 2 fell out of the history.
    expect(state.value).toBe(3);
    expect(state.log).toEqual(['undo 16', 'undo 8', 'undo 4']);
  });

  it("a message's Undo takes back its own edit even when others came after", async () => {
    const { h, state, add } = setup();
    const first = add(1);
    h.push(first);
    h.push(add(10));
    expect((await h.undo(first))?.label).toBe('add 1');
    expect(state.value).toBe(10);
    // Out of order: nothing to redo on top of the later edit; the later one is still undoable.
    expect(h.canRedo).toBe(false);
    expect(await h.undo(first)).toBeNull();
    await h.undo();
    expect(state.value).toBe(0);
  });

  it('a failed undo leaves the edit in place and reports the error', async () => {
    const h = new EditHistory();
    let fail = true;
    const edit: Edit = {
      label: 'x',
      undo: async () => {
        if (fail) throw new Error('disk full');
      },
      redo: async () => undefined,
    };
    h.push(edit);
    await expect(h.undo()).rejects.toThrow('disk full');
    expect(h.peekUndo()).toBe(edit);
    fail = false;
    expect(await h.undo()).toBe(edit);
  });

  it('runs one step at a time: a second Ctrl+Z while the first writes is refused', async () => {
    const h = new EditHistory();
    let release = () => undefined as void;
    const slow: Edit = {
      label: 'slow',
      undo: () => new Promise<void>((r) => (release = r)),
      redo: async () => undefined,
    };
    h.push({ label: 'other', undo: async () => undefined, redo: async () => undefined });
    h.push(slow);
    const first = h.undo();
    expect(await h.undo()).toBeNull();
    release();
    expect(await first).toBe(slow);
    expect(h.peekUndo()?.label).toBe('other');
  });
});

describe('historyKey', () => {
  const k = (
    key: string,
    mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>>,
  ) => historyKey({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
  it('reads Ctrl/Cmd+Z as undo and Shift+Ctrl/Cmd+Z or Ctrl+Y as redo', () => {
    expect(k('z', { ctrlKey: true })).toBe('undo');
    expect(k('z', { metaKey: true })).toBe('undo');
    expect(k('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(k('Z', { metaKey: true, shiftKey: true })).toBe('redo');
    expect(k('y', { ctrlKey: true })).toBe('redo');
    expect(k('z', {})).toBeNull();
    expect(k('z', { ctrlKey: true, altKey: true })).toBeNull();
    expect(k('k', { ctrlKey: true })).toBeNull();
  });
});

describe('the Edit menu Undo and Redo (desktop)', () => {
  it('acts alone when the page did not see the key press (macOS menus take it first)', () => {
    expect(menuStepTarget(false, 10_000, -Infinity)).toBe('history');
    expect(menuStepTarget(true, 10_000, -Infinity)).toBe('text');
    expect(menuStepTarget(false, 10_000, 10_000 - SAME_PRESS_MS)).toBe('history');
  });

  it('does nothing for the echo of a press the page already handled (Windows, Linux)', () => {
    for (const gap of [0, 1, SAME_PRESS_MS / 2, SAME_PRESS_MS - 1]) {
      expect(menuStepTarget(false, 10_000, 10_000 - gap)).toBe('none');
      expect(menuStepTarget(true, 10_000, 10_000 - gap)).toBe('none');
    }
  });
});

/**
 * The app's one undo/redo history: the owner's last edits (partner and contract edits, calendar
 * moves, order credits, payments marked paid, deletions). Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z
 * (src/hooks/useUndoKeys.ts) and the Undo buttons in messages all go through it, so an edit undone
 * from its message is not undone a second time by the keyboard.
 */
import { create } from 'zustand';

/** One edit that can be taken back and done again. Both steps write through src/db. */
export interface Edit {
  /** What the edit did, in the owner's words ("Moved Maya Chen's teaser to June 12"). */
  label: string;
  /** Said once it is undone, when "Undone: <label>" would read badly. */
  undoneMessage?: string;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

/** How many edits are kept. */
export const HISTORY_LIMIT = 50;

/**
 * A stack of done edits and a stack of undone ones. Pure (no React, no database): the edits'
 * own functions do the writing. One step runs at a time; a step asked for meanwhile is refused.
 */
export class EditHistory {
  private done: Edit[] = [];
  private undone: Edit[] = [];
  private running = false;

  constructor(private readonly limit = HISTORY_LIMIT) {}

  /** A new edit: it can be undone, and what was undone before can no longer be redone. */
  push(edit: Edit): void {
    this.done.push(edit);
    if (this.done.length > this.limit) this.done.splice(0, this.done.length - this.limit);
    this.undone = [];
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** The edit Ctrl+Z would take back. */
  peekUndo(): Edit | undefined {
    return this.done.at(-1);
  }

  peekRedo(): Edit | undefined {
    return this.undone.at(-1);
  }

  /**
   * Take back the last edit, or `edit` when given (a message's Undo button: its own edit, even
   * when others came after it). Resolves to the edit undone, or null when there was none or a
   * step is still running. When the write fails the edit stays where it was and the error is
   * thrown.
   */
  async undo(edit?: Edit): Promise<Edit | null> {
    const target = edit ?? this.done.at(-1);
    if (!target || this.running) return null;
    const at = this.done.lastIndexOf(target);
    if (at < 0) return null;
    return this.step(async () => {
      await target.undo();
      this.done.splice(at, 1);
      // An edit taken back out of order cannot be redone on top of the later ones.
      if (at === this.done.length) this.undone.push(target);
      else this.undone = [];
      return target;
    });
  }

  /** Do again the edit undone last. */
  async redo(): Promise<Edit | null> {
    const target = this.undone.at(-1);
    if (!target || this.running) return null;
    return this.step(async () => {
      await target.redo();
      this.undone.pop();
      this.done.push(target);
      return target;
    });
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }

  private async step(run: () => Promise<Edit>): Promise<Edit> {
    this.running = true;
    try {
      return await run();
    } finally {
      this.running = false;
    }
  }
}

/** The app's history. */
export const history = new EditHistory();

/** What screens show of the history (whether Undo / Redo would do anything); kept in step. */
export const useHistoryState = create<{ canUndo: boolean; canRedo: boolean }>()(() => ({
  canUndo: false,
  canRedo: false,
}));

export function syncHistoryState(): void {
  useHistoryState.setState({ canUndo: history.canUndo, canRedo: history.canRedo });
}

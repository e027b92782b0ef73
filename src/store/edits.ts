/**
 * Recording an edit in the history and telling the owner, with Undo in the message; Ctrl/Cmd+Z
 * and Shift+Ctrl/Cmd+Z run the same steps (src/hooks/useUndoKeys.ts).
 */
import { saveErrorMessage } from '../db/errors';
import { history, syncHistoryState, type Edit } from './history';
import { useUi, type Toast } from './ui';

/** Push `edit` and show `message` with an Undo button that takes back this edit. */
export function recordEdit(
  edit: Edit,
  message: string,
  opts: Partial<Pick<Toast, 'tone' | 'timeoutMs'>> = {},
): void {
  history.push(edit);
  syncHistoryState();
  useUi.getState().showToast({
    tone: 'success',
    ...opts,
    message,
    action: { label: 'Undo', run: () => void undoEdit(edit) },
  });
}

/** Take back `edit` (a message's Undo) or the last edit (Ctrl/Cmd+Z), and say what happened. */
export async function undoEdit(edit?: Edit): Promise<void> {
  const { showToast } = useUi.getState();
  try {
    const done = await history.undo(edit);
    syncHistoryState();
    if (done)
      showToast({
        message: done.undoneMessage ?? `Undone: ${done.label}`,
        action:
          history.peekRedo() === done ? { label: 'Redo', run: () => void redoEdit() } : undefined,
      });
    else if (!edit && !history.canUndo) showToast({ message: 'Nothing to undo.', timeoutMs: 2500 });
  } catch (e) {
    showToast({ tone: 'error', message: `Could not undo: ${saveErrorMessage(e)}` });
  }
}

/** Do again the edit undone last. */
export async function redoEdit(): Promise<void> {
  const { showToast } = useUi.getState();
  try {
    const done = await history.redo();
    syncHistoryState();
    if (done) showToast({ message: `Redone: ${done.label}` });
    else if (!history.canRedo) showToast({ message: 'Nothing to redo.', timeoutMs: 2500 });
  } catch (e) {
    showToast({ tone: 'error', message: `Could not redo: ${saveErrorMessage(e)}` });
  }
}

import { useEffect } from 'react';
import { redoEdit, undoEdit } from '../store/edits';

/**
 * True when the key goes to something with its own undo (a text field, a select, editable
 * text): the browser's text undo works there and the app's history stays out of it.
 */
export function hasOwnUndo(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(
      target.type,
    );
  return false;
}

/** Which history step a key press asks for: Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z or Ctrl+Y redo. */
export function historyKey(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && e.ctrlKey && !e.shiftKey) return 'redo';
  return null;
}

/** When the page last saw an undo or redo key press (performance.now()). */
let lastKeyStepAt = -Infinity;

/** A menu step this soon after the page saw the key press is that same press, heard twice. */
export const SAME_PRESS_MS = 300;

/**
 * What the desktop menu's Undo or Redo does. Where the page sees the key first (Windows, Linux)
 * it has already acted, so the menu's echo of the same press does nothing; where the menu takes
 * the key (macOS) it reaches here alone: the text field's own undo, or else the app's history.
 */
export function menuStepTarget(
  inTextField: boolean,
  now: number,
  lastKeyAt: number,
): 'text' | 'history' | 'none' {
  if (now - lastKeyAt < SAME_PRESS_MS) return 'none';
  return inTextField ? 'text' : 'history';
}

/** The Edit menu's Undo or Redo (Electron), as the keys would do it. */
export function runMenuStep(step: 'undo' | 'redo'): void {
  const target = menuStepTarget(
    hasOwnUndo(document.activeElement),
    performance.now(),
    lastKeyStepAt,
  );
  if (target === 'text') document.execCommand(step);
  else if (target === 'history') void (step === 'undo' ? undoEdit() : redoEdit());
}

/** Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z anywhere but in text fields: the app's undo history. */
export function useUndoKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const step = historyKey(e);
      if (step) lastKeyStepAt = performance.now();
      if (!step || e.defaultPrevented || hasOwnUndo(e.target)) return;
      e.preventDefault();
      void (step === 'undo' ? undoEdit() : redoEdit());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

import { create } from 'zustand';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'success' | 'error';
  /** Optional action button, e.g. Undo. */
  action?: { label: string; run: () => void };
  timeoutMs: number;
}

interface ToastSlice {
  toasts: Toast[];
  showToast: (
    t: Omit<Toast, 'id' | 'timeoutMs' | 'tone'> & Partial<Pick<Toast, 'tone' | 'timeoutMs'>>,
  ) => number;
  dismissToast: (id: number) => void;
}

interface BusySlice {
  /** A long task the whole app should know about (import, restore). */
  /** Without `total` a step with no count (the bar shows work going on). */
  busy: { label: string; done?: number; total?: number; cancel?: () => void } | null;
  setBusy: (b: BusySlice['busy']) => void;
}

export type UiState = ToastSlice & BusySlice;

let nextToast = 1;

/** UI/session state only. Stored data lives in Dexie and reaches components via useLiveQuery. */
export const useUi = create<UiState>()((set) => ({
  toasts: [],
  showToast: (t) => {
    const id = nextToast++;
    set((s) => ({ toasts: [...s.toasts, { tone: 'info', timeoutMs: 6000, ...t, id }] }));
    return id;
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((x) => x.id !== id) })),
  busy: null,
  setBusy: (busy) => set({ busy }),
}));

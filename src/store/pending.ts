/**
 * Edits shown before they are stored (optimistic display). An edit of one order (crediting it to
 * another partner) is shown in the list at once, while its write may still wait behind a read
 * IndexedDB began earlier; the stored row takes over as soon as the list has read it again (its
 * `updatedAt` reaches the pending one's), and a write that fails takes the pending row back.
 */
import { create } from 'zustand';
import type { Order } from '../domain/schemas';

interface PendingState {
  orders: ReadonlyMap<string, Order>;
}

export const usePending = create<PendingState>(() => ({ orders: new Map() }));

/** How long a pending row is kept after its write succeeded (the list has read it by then). */
const KEEP_AFTER_WRITE_MS = 10_000;

function setOrders(change: (m: Map<string, Order>) => void): void {
  const next = new Map(usePending.getState().orders);
  change(next);
  usePending.setState({ orders: next });
}

/** The row to show: a pending version newer than the stored one, else the stored one. */
export function shownOrder(stored: Order, pending: ReadonlyMap<string, Order>): Order {
  const p = pending.get(stored.id);
  return p !== undefined && p.updatedAt > stored.updatedAt ? p : stored;
}

/** Forget `version` of its order (not a later pending version of the same order). */
function drop(version: Order): void {
  if (usePending.getState().orders.get(version.id) !== version) return;
  setOrders((m) => m.delete(version.id));
}

/**
 * Show `version` of an order at once and run `write` (which stores exactly that version, with
 * the same `updatedAt`). If the write fails, the order shows as stored again and the error is
 * passed on for the caller to tell the owner.
 */
export async function withPendingOrder<T>(version: Order, write: () => Promise<T>): Promise<T> {
  // The write is begun first: its transaction is then asked for before the screen's update runs
  // (closing a dialog over a long list took 145 ms on a loaded machine).
  let started: Promise<T>;
  try {
    started = write();
  } catch (e) {
    return Promise.reject(e);
  }
  setOrders((m) => m.set(version.id, version));
  try {
    const result = await started;
    setTimeout(() => drop(version), KEEP_AFTER_WRITE_MS);
    return result;
  } catch (e) {
    drop(version);
    throw e;
  }
}

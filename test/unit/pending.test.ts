import { afterEach, describe, expect, it, vi } from 'vitest';
import { creditedByHand } from '../../src/db/orders';
import type { Order } from '../../src/domain/schemas';
import { shownOrder, usePending, withPendingOrder } from '../../src/store/pending';

const stored = {
  id: 'shopify:1001',
  orderId: '#1001',
  partnerId: 'p-lucy',
  attribution: { method: 'code', reason: 'Code LUCY15' },
  updatedAt: 1000,
} as unknown as Order;

afterEach(() => {
  vi.useRealTimers();
  usePending.setState({ orders: new Map() });
});

describe('an edit shows before it is stored (optimistic display)', () => {
  it('shows the new credit while the write waits, then the stored row once it is read', async () => {
    const after = creditedByHand(stored, 'p-max', 'Met Max at the market', 2000);
    let finish!: () => void;
    const write = withPendingOrder(after, () => new Promise<void>((r) => (finish = r)));
    // The write has not finished: the list shows the new partner already.
    const shown = shownOrder(stored, usePending.getState().orders);
    expect(shown.partnerId).toBe('p-max');
    expect(shown.attribution).toEqual({ method: 'manual', reason: 'Met Max at the market' });
    finish();
    await write;
    // Read again after the write: the stored version (same updatedAt) is shown.
    const reread = { ...after };
    expect(shownOrder(reread, usePending.getState().orders)).toBe(reread);
    // A later change made elsewhere wins over the pending version too.
    const newer = { ...stored, partnerId: null, updatedAt: 3000 };
    expect(shownOrder(newer, usePending.getState().orders)).toBe(newer);
  });

  it('begins the write before the screen updates (its transaction is asked for first)', async () => {
    const after = creditedByHand(stored, 'p-max', 'x', 2000);
    let shownWhenBegun: boolean | null = null;
    await withPendingOrder(after, () => {
      shownWhenBegun = usePending.getState().orders.has(after.id);
      return Promise.resolve();
    });
    expect(shownWhenBegun).toBe(false);
  });

  it('takes the pending row back when the write fails, and passes the error on', async () => {
    const after = creditedByHand(stored, 'p-max', 'x', 2000);
    await expect(
      withPendingOrder(after, () => Promise.reject(new Error('The disk is full.'))),
    ).rejects.toThrow('The disk is full.');
    expect(shownOrder(stored, usePending.getState().orders)).toBe(stored);
    expect(usePending.getState().orders.size).toBe(0);
  });

  it('forgets a stored edit after a while, but not a newer pending edit of the same order', async () => {
    vi.useFakeTimers();
    const first = creditedByHand(stored, 'p-max', 'one', 2000);
    await withPendingOrder(first, () => Promise.resolve());
    const second = creditedByHand(stored, 'p-pip', 'two', 3000);
    let finish!: () => void;
    const write = withPendingOrder(second, () => new Promise<void>((r) => (finish = r)));
    await vi.advanceTimersByTimeAsync(10_000);
    // The first edit's timer must not drop the second, still being stored.
    expect(shownOrder(stored, usePending.getState().orders).partnerId).toBe('p-pip');
    finish();
    await write;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(usePending.getState().orders.size).toBe(0);
  });
});

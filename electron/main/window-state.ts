import { DEFAULT_BOUNDS, MIN_HEIGHT, MIN_WIDTH, type WindowBounds } from './window-options';

export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Turn the saved window-state file into bounds that fit a current display: bad or missing data
 * gives the default size; a window saved on a monitor that is gone is re-centred.
 */
export function restoreBounds(saved: string | null, displays: DisplayArea[]): WindowBounds {
  let parsed: unknown;
  try {
    parsed = saved ? JSON.parse(saved) : null;
  } catch {
    parsed = null;
  }
  if (!parsed || typeof parsed !== 'object') return { ...DEFAULT_BOUNDS };
  const o = parsed as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : null);
  const width = num(o.width);
  const height = num(o.height);
  if (width === null || height === null) return { ...DEFAULT_BOUNDS };
  const w = Math.max(MIN_WIDTH, Math.min(width, 10_000));
  const h = Math.max(MIN_HEIGHT, Math.min(height, 10_000));
  const x = num(o.x);
  const y = num(o.y);
  if (x === null || y === null) return { width: w, height: h };
  const visible = displays.some(
    (d) => x + 100 > d.x && x < d.x + d.width - 100 && y >= d.y - 10 && y < d.y + d.height - 100,
  );
  return visible ? { x, y, width: w, height: h } : { width: w, height: h };
}

export function serializeBounds(b: WindowBounds): string {
  return JSON.stringify({ x: b.x, y: b.y, width: b.width, height: b.height });
}

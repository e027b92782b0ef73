/**
 * A request log for the benchmark: when `globalThis.__pawtnersDbTrace` is an array (the bench
 * harness sets it before the app starts), every DBCore request is recorded with its table, kind,
 * start and end (performance.now()) and row count. Off otherwise: the middleware is then a pass-
 * through that adds no work. It sits at the bottom of the stack, so it sees the app's requests and
 * the middlewares' own (rollups, deletion records) as IndexedDB gets them.
 */
import type { DBCore, DBCoreTable, Middleware } from 'dexie';

export interface TraceEntry {
  table: string;
  op: string;
  /** Transaction mode of the request's transaction. */
  mode: string;
  start: number;
  end: number;
  rows?: number;
}

const traceLog = (): TraceEntry[] | null => {
  const t = (globalThis as { __pawtnersDbTrace?: TraceEntry[] }).__pawtnersDbTrace;
  return Array.isArray(t) ? t : null;
};

const OPS = ['get', 'getMany', 'query', 'openCursor', 'count', 'mutate'] as const;

function size(result: unknown): number | undefined {
  if (Array.isArray(result)) return result.length;
  if (result && typeof result === 'object' && 'result' in result) {
    const r = (result as { result: unknown }).result;
    return Array.isArray(r) ? r.length : undefined;
  }
  return undefined;
}

export const traceMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'trace',
  level: -10,
  create(down) {
    if (!traceLog()) return down;
    return {
      ...down,
      table(name) {
        const t = down.table(name);
        const wrapped: DBCoreTable = { ...t };
        for (const op of OPS) {
          const fn = t[op].bind(t) as (req: { trans: unknown }) => Promise<unknown>;
          (wrapped as unknown as Record<string, unknown>)[op] = (req: {
            trans: { mode?: string };
            type?: string;
          }) => {
            const log = traceLog();
            const start = performance.now();
            const p = fn(req);
            if (!log) return p;
            const kind = op === 'mutate' ? `mutate:${req.type ?? '?'}` : op;
            return p.then((r) => {
              log.push({
                table: name,
                op: kind,
                mode: req.trans.mode ?? '?',
                start,
                end: performance.now(),
                rows: size(r),
              });
              return r;
            });
          };
        }
        return wrapped;
      },
    };
  },
};

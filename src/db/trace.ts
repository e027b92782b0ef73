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
  /** The calling functions (innermost first), when `__pawtnersDbTraceStacks` is set. */
  from?: string;
}

/** Dexie's own functions and the event loop's, left out of `from`. */
const INTERNAL =
  /^(callers|Object\.|tableClone|checkTableInTransaction|usePSD|newScope|executePromiseTask|DexiePromise|Transaction\.|tempTransaction|Table\.|Collection\.|WhereClause\.|execute$|_doQuery|execInGlobalContext|doQuery|listOnTimeout|process\.|Timeout\.|physicalTick|beginMicroTickScope|endMicroTickScope|callListener|propagateToListener|finalizePhysicalTick|globalThis|wrapped|runMicroTasks|execPromise)/;

/** Function names on the stack of a request (unminified builds), for finding who reads what. */
function callers(): string | undefined {
  if (!(globalThis as { __pawtnersDbTraceStacks?: boolean }).__pawtnersDbTraceStacks) return;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 60;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  const names = stack
    .split('\n')
    .map((l) => /at (?:async )?(?:new )?([\w$.]+) \(/.exec(l)?.[1])
    .filter((n): n is string => n !== undefined && !INTERNAL.test(n));
  return names.slice(0, 6).join(' < ');
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
            const from = callers();
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
                ...(from ? { from } : {}),
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

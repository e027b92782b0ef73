import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as constants from '../../src/domain/constants';
import * as schemas from '../../src/domain/schemas';

const SRC = path.resolve(__dirname, '../../src');

/** Modules reached from `entry` through static imports (dynamic import() loads later). */
function staticGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (graph.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    const deps: string[] = [];
    // Type-only imports are erased by the compiler, so they load nothing.
    const re = /^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'([^']+)';?/gms;
    for (const m of text.matchAll(re)) {
      const spec = m[1]!;
      if (!spec.startsWith('.')) {
        deps.push(spec);
        continue;
      }
      const base = path.resolve(path.dirname(file), spec);
      const hit = ['', '.ts', '.tsx', '/index.ts'].map((x) => base + x).find((f) => existsSync(f));
      if (hit && /\.tsx?$/.test(hit)) {
        deps.push(hit);
        todo.push(hit);
      }
    }
    graph.set(file, deps);
  }
  return graph;
}

describe('start-up bundle', () => {
  it('does not load zod or the schemas before the first screen', () => {
    const graph = staticGraph(path.join(SRC, 'app/boot.tsx'));
    const schemasFile = path.join(SRC, 'domain/schemas.ts');
    const offenders = [...graph].filter(([, deps]) =>
      deps.some((d) => d === 'zod' || d === schemasFile),
    );
    expect(offenders.map(([f]) => path.relative(SRC, f))).toEqual([]);
    // The walk itself works: the Dashboard and Dexie are reached.
    expect(graph.has(path.join(SRC, 'features/dashboard/DashboardScreen.tsx'))).toBe(true);
    expect([...graph.values()].some((deps) => deps.includes('dexie'))).toBe(true);
  });

  it('the schemas module re-exports the same constants', () => {
    for (const [name, value] of Object.entries(constants))
      expect(schemas[name as keyof typeof schemas], name).toBe(value);
    expect(schemas.settingsSchema.safeParse(constants.defaultSettings(0)).success).toBe(true);
  });
});

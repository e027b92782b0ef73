// Summarises a .cpuprofile (from BENCH_PROFILE=1 npm run bench): self time by function, and the
// total (inclusive) time of the app's own functions. Usage: node scripts/profile-summary.mjs FILE [N]
import { readFileSync } from 'node:fs';

const [file, n = '25'] = process.argv.slice(2);
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((x) => [x.id, x]));
const parent = new Map();
for (const x of prof.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
const dt = new Map();
for (let i = 0; i < prof.samples.length; i++) {
  const d = (prof.timeDeltas[i + 1] ?? 0) / 1000;
  dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + d);
}
const name = (x) => {
  const f = x.callFrame;
  const file = f.url.split('/').pop();
  return `${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}`;
};
const self = new Map();
const total = new Map();
let all = 0;
for (const [id, ms] of dt) {
  all += ms;
  const k = name(byId.get(id));
  self.set(k, (self.get(k) ?? 0) + ms);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const kk = name(byId.get(cur));
    if (seen.has(kk)) continue;
    seen.add(kk);
    total.set(kk, (total.get(kk) ?? 0) + ms);
  }
}
const top = (m) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(n))
    .map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`)
    .join('\n');
console.log(
  `${file}: ${all.toFixed(0)} ms sampled\n-- self --\n${top(self)}\n-- total --\n${top(total)}`,
);

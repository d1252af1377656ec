/**
 * Issue 12 part 3's audit: Pisinger's five classes (test/helpers/classes.ts; 10 options,
 * R = 1,000, seed 1) written as proposals (JPY, so amounts are the instance's integers; the
 * capacity of the class becomes the margin floor at a 10% request) and answered by the built
 * CLI, `counter F --discount D --json`, in eight cases: a default 3 alternatives; b options
 * priced at their value; c --keep 3 levers and a tenth locked (cp: priced); d a 70% request,
 * above what can be met (dp: priced); e a ratio floor instead of an amount (ep: priced).
 * Not part of `npm run bench` (about 7 minutes).
 *
 *   npm run build && node bench/audit-alternatives.mjs [100,1000] [a,b,...]   (CLASSES=weakly,... to pick)
 */
import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'part3-audit-'));
buildSync({ entryPoints: { classes: join(ROOT, 'test/helpers/classes.ts') }, bundle: true, format: 'esm', platform: 'node', outdir: dir, logLevel: 'warning' });
const { classInstance, CLASSES } = await import(pathToFileURL(join(dir, 'classes.js')).href);

const D = 10; // request, %
/** A class instance as a proposal (JPY: amounts are integers). priced: option price = value. */
function proposal(p, { priced, floor, locked = 0 }) {
  const k = p.levers.length;
  let curPrice = 0;
  const maxCost = p.levers.reduce((s, l) => s + Math.max(...l.cost), 0);
  p.levers.forEach((l) => { curPrice += priced ? l.value[l.current] : 0; });
  // Locked levers stay at current: capacity for them is their current cost.
  let cap = 0;
  p.levers.forEach((l, j) => { cap += j < locked ? l.cost[l.current] : (Math.min(...l.cost) + Math.max(...l.cost)) / 2; });
  cap = Math.floor(cap);
  const O = 4 * maxCost + curPrice;
  const T = Math.floor(O * (100 - D) / 100);
  const itemsPrice = O - curPrice;
  const marginFloor = floor === 'amount' ? `${T - cap}` : `"${(100 * (1 - cap / T)).toFixed(6)}%"`;
  const items = [];
  for (let i = 0; i * 10 < k; i++) {
    const share = Math.floor(itemsPrice / Math.ceil(k / 10)) + (i === 0 ? itemsPrice % Math.ceil(k / 10) : 0);
    items.push(`  - id: a${i}\n    name: Area ${i}\n    price: ${share}\n    cost: 0\n    levers:`);
    for (let j = i * 10; j < Math.min(k, i * 10 + 10); j++) {
      const l = p.levers[j];
      items.push(`      - id: l${j}\n        name: Lever ${j}\n        current: o${l.current}${j < locked ? '\n        locked: true' : ''}\n        options:`);
      for (let o = 0; o < l.cost.length; o++) items.push(`          - { name: o${o}, cost: ${l.cost[o]}, value: ${l.value[o]}${priced ? `, price: ${l.value[o]}` : ''} }`);
    }
  }
  return ['proposal: audit', 'customer: c', 'currency: JPY', 'policy:', `  marginFloor: ${marginFloor}`, 'items:', ...items, ''].join('\n');
}

const CASES = {
  a: { priced: false, floor: 'amount', args: [] },
  b: { priced: true, floor: 'amount', args: [] },
  c: { priced: false, floor: 'amount', locked: 'tenth', args: 'keep' },
  cp: { priced: true, floor: 'amount', locked: 'tenth', args: 'keep' },
  d: { priced: false, floor: 'amount', args: [], discount: 70 },
  dp: { priced: true, floor: 'amount', args: [], discount: 70 },
  e: { priced: false, floor: 'ratio', args: [] },
  ep: { priced: true, floor: 'ratio', args: [] },
};
const sizes = (process.argv[2] ?? '100,1000').split(',').map(Number);
const only = process.argv[3]?.split(',');
const classes = process.env.CLASSES?.split(',') ?? CLASSES;
console.log('class        k     case exit feasible optimal proven maxDisc    ms');
for (const k of sizes) for (const kind of classes) {
  const p = classInstance({ kind, levers: k, options: 10, range: 1000, seed: 1 });
  for (const [name, c] of Object.entries(CASES)) {
    if (only && !only.includes(name)) continue;
    const locked = c.locked ? Math.floor(k / 10) : 0;
    const file = join(dir, `${kind}-${k}-${name}.yaml`);
    writeFileSync(file, proposal(p, { ...c, locked }));
    const keep = c.args === 'keep' ? Array.from({ length: 3 }, (_, i) => ['--keep', `a${Math.floor((locked + 5 * i) / 10)}.l${locked + 5 * i}`]).flat() : [];
    const args = ['bin/valuepack.js', 'counter', file, '--discount', `${c.discount ?? D}%`, '--json', ...keep];
    const t0 = performance.now();
    const r = spawnSync('node', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    const ms = Math.round(performance.now() - t0);
    let j = {};
    try { j = JSON.parse(r.stdout); } catch { j = { err: r.stderr.slice(0, 200) }; }
    console.log(`${kind.padEnd(12)} ${String(k).padEnd(5)} ${name.padEnd(4)} ${String(r.status).padEnd(4)} ${String(j.feasible).padEnd(8)} ${String(j.optimal).padEnd(7)} ${String(j.provenCount).padEnd(2)}/${j.alternatives?.length ?? '-'}  ${String(j.maxDiscount).padEnd(9)} ${String(ms).padStart(6)} ${j.err ?? ''}`);
  }
}
rmSync(dir, { recursive: true, force: true });

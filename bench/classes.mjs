/**
 * The five instance classes of the multiple-choice knapsack literature (Pisinger 1995),
 * solved by valuepack's solver alone: a margin floor that is an amount and options
 * without prices make feasibility exactly a knapsack capacity, so the solver sees the
 * same problem mcknap does. Each instance runs in a fresh process (first call, JIT
 * cold, then the median of repeated calls after warm-up ones), and its optimum is checked against the independent
 * pseudo-polynomial DP of test/helpers/knapsack-dp.ts wherever that is small enough.
 *
 *   node bench/classes.mjs KIND LEVERS OPTIONS RANGE LIMIT_MS   (prints one JSON line)
 */
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeJson } from './measure.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
/** The reference DP runs when its table × options stays under this many cell updates. */
const REFERENCE_WORK = 5e8;

/**
 * Pisinger's mcknap (C), median ms on this kind of machine, as given in issue 12: the
 * figures quoted there, and between them a geometric interpolation in the number of
 * levers (orientation only: the ratio column is no finer than that).
 */
const MCKNAP = {
  uncorrelated: (k) => geometric(0.03, 2, k),
  weakly: (k) => geometric(0.3, 2.8, k),
  strongly: (k, n, R) => (k === 100 && n === 100 ? 1.7 : k === 100 && R === 10_000 ? 16 : geometric(k === 100 ? 1.7 : 29, 29 * 10, k, 1_000)),
  subset: (k) => geometric(0.05, 1.5, k),
  zigzag: (k) => geometric(0.06, 2.5, k),
};
function geometric(lo, hi, k, from = 100) {
  const t = Math.log10(k / from) / Math.log10(10_000 / from);
  return lo * (hi / lo) ** Math.min(1, Math.max(0, t));
}

export const CLASS_KINDS = Object.keys(MCKNAP);

/** The bundle of the solver, the generators and the reference, for the child processes. */
function bundle() {
  const dir = mkdtempSync(join(tmpdir(), 'valuepack-classes-'));
  buildSync({
    entryPoints: {
      solve: join(ROOT, 'src/engine/mckp/solve.ts'),
      classes: join(ROOT, 'test/helpers/classes.ts'),
      dp: join(ROOT, 'test/helpers/knapsack-dp.ts'),
    },
    bundle: true, format: 'esm', platform: 'node', target: 'node20', outdir: dir, logLevel: 'warning',
  });
  return dir;
}

/** Every class × size, each in a fresh process; `sizes` is a list of [levers, options, range]. */
export function classRows(sizes, { limitMs }) {
  const dir = bundle();
  try {
    return CLASS_KINDS.flatMap((kind) => sizes.map(([k, n, R]) => {
      const r = nodeJson([SELF, kind, String(k), String(n), String(R), String(limitMs)], { env: { CLASSES_BUNDLE: dir } });
      const mcknap = MCKNAP[kind](k, n, R);
      return { class: kind, levers: k, options: n, range: R, ...r, mcknapMs: mcknap, ratio: r.firstMs / mcknap, warmRatio: r.warmMs / mcknap };
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function child([kind, k, n, R, limitMs]) {
  const dir = process.env.CLASSES_BUNDLE;
  const load = (name) => import(pathToFileURL(join(dir, `${name}.js`)).href);
  const [{ solveKnapsack }, { classInstance }, { referenceDp }] = await Promise.all([load('solve'), load('classes'), load('dp')]);
  const problem = classInstance({ kind, levers: Number(k), options: Number(n), range: Number(R), seed: 1 });
  const timed = () => {
    const start = performance.now();
    const r = solveKnapsack(problem, { deadline: Date.now() + Number(limitMs), clock: Date.now });
    return { ms: performance.now() - start, r };
  };
  const first = timed();
  const warm = first.r.status === 'optimal' ? steady(timed) : first;
  const ref = referenceDp(problem, REFERENCE_WORK);
  const value = first.r.best?.value ?? null;
  return {
    proven: first.r.status === 'optimal', firstMs: first.ms, warmMs: warm.ms, states: first.r.states, value,
    reference: ref === undefined ? null : ref?.value ?? 'infeasible',
    // Unproven (stopped) answers agree when they do not beat the reference's optimum.
    agree: ref === undefined ? null : ref === null ? first.r.status === 'infeasible'
      : first.r.status === 'optimal' ? ref.value === value : value === null || value <= ref.value,
  };
}

/**
 * Steady state, as a compiled program runs: after warm-up calls (20, or half a second's
 * worth) that let the JIT optimise, the median of 2 to 15 more, about a second's worth.
 */
function steady(timed) {
  const warmUp = performance.now();
  for (let i = 0; i < 20 && performance.now() - warmUp < 500; i++) timed();
  const times = [];
  const start = performance.now();
  while (times.length < 2 || (times.length < 15 && performance.now() - start < 1_000)) times.push(timed().ms);
  times.sort((a, b) => a - b);
  return { ms: times[times.length >> 1] };
}

if (process.argv[1] === SELF) console.log(JSON.stringify(await child(process.argv.slice(2))));

#!/usr/bin/env node
/**
 * The benchmark suite (`npm run bench`, which builds first): prints each section and
 * writes BENCHMARKS.md. It exits non-zero, loudly, when valuepack and HiGHS disagree
 * on an optimum — never because of a time.
 *
 *   node bench/run.mjs [--quick] [--out BENCHMARKS.md] [--highs-limit 60] [--batch-files 2000] [--class-limit 10]
 *
 * --quick: fewer repetitions and a shorter HiGHS limit, for a smoke run (figures rougher).
 * --class-limit: seconds per knapsack-class instance (default 10, quick 2).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateProposals, measureBatch } from './batch.mjs';
import { writeProposal } from './generate.mjs';
import { machine } from './measure.mjs';
import { renderReport } from './report.mjs';
import { classRows } from './classes.mjs';
import { concessionRows } from './concessions.mjs';
import { alternativeRows, coldStart, hardRows, LADDER, solverRows, wholeProcess } from './sections.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIZES = [10, 100, 1000, 5000];
const HARD_LIMIT_MS = 2000;
/** The knapsack classes' sizes: [levers, options, coefficient range]. */
const CLASS_SIZES = [100, 1000, 10_000].flatMap((k) => [10, 100].flatMap((n) => [1000, 10_000].map((R) => [k, n, R])));
const QUICK_CLASS_SIZES = [[100, 10, 1000], [100, 100, 10_000], [1000, 10, 1000]];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: join(ROOT, 'BENCHMARKS.md') },
    'highs-limit': { type: 'string' },
    'batch-files': { type: 'string' },
    'class-limit': { type: 'string' },
  },
});
const quick = values.quick;
const options = {
  runs: quick ? 1 : 5,
  highsRuns: quick ? 1 : 3,
  highsLimit: Number(values['highs-limit'] ?? (quick ? 20 : 60)),
  hardLimitMs: HARD_LIMIT_MS,
  ladder: LADDER.join(', '),
  rounds: quick ? 5 : 20,
  wholeRounds: quick ? 1 : 3,
  batchFiles: Number(values['batch-files'] ?? (quick ? 300 : 2000)),
  classLimitMs: Number(values['class-limit'] ?? (quick ? 2 : 10)) * 1000,
};
const section = (title) => console.log(`\n== ${title}`);
const round = (v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(1)) : v);
const show = (rows) => console.table(rows.map(({ problems: _p, ...rest }) => Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, round(v)]))));

const loadBefore = loadavg().map((x) => x.toFixed(2)).join(' ');
const dir = mkdtempSync(join(tmpdir(), 'valuepack-bench-'));
try {
  const files = (shape) => SIZES.map((levers) => ({ levers, file: writeProposal(dir, { levers, shape }) }));
  const correlated = files('correlated');
  const hard = files('hard');
  const results = { date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', loadBefore, options: {} };

  section(`the five knapsack classes, solver alone (time limit ${options.classLimitMs} ms)`);
  results.classes = classRows(quick ? QUICK_CLASS_SIZES : CLASS_SIZES, { limitMs: options.classLimitMs });
  show(results.classes);
  section('solver alone vs HiGHS (correlated)');
  results.solver = solverRows(correlated, options);
  show(results.solver);
  section(`hard case (value = cost + constant), time limit ${HARD_LIMIT_MS} ms`);
  results.hard = hardRows(hard, { ...options, timeLimitMs: HARD_LIMIT_MS });
  show(results.hard);
  section('best only vs 3 alternatives');
  results.alternatives = alternativeRows(correlated.slice(1), options);
  show(results.alternatives);
  section('concession planning: ladder and curve');
  results.concessions = concessionRows(correlated.find((c) => c.levers === 1000), options);
  show(results.concessions);
  section('whole process, 5,000 levers');
  const big = correlated.at(-1).file;
  results.whole = wholeProcess(big, { rounds: options.wholeRounds, highsLimit: options.highsLimit });
  show(results.whole.rows);
  console.log(results.whole.phases);
  section('cold start');
  results.cold = coldStart({ rounds: options.rounds });
  show(results.cold);
  section('batch throughput');
  results.batch = batch(join(dir, 'batch'), options.batchFiles);
  if (results.batch.available) show(results.batch.rows);
  else console.log(`not available yet: ${results.batch.reason}`);

  results.machine = machine();
  results.version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  results.highsVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/highs/package.json'), 'utf8')).version;
  results.options = { ...options, bigFileMiB: (statSync(big).size / 2 ** 20).toFixed(1) };
  writeFileSync(values.out, renderReport(results));
  console.log(`\nwrote ${values.out}`);

  for (const c of results.classes.filter((r) => r.agree === false)) {
    console.error(`DISAGREEMENT: ${c.class} ${c.levers}×${c.options} R=${c.range}: solver ${c.value}, DP reference ${c.reference}`);
    process.exitCode = 1;
  }
  const disagreements = [...results.solver, ...results.hard].filter((r) => !r.agree);
  if (disagreements.length > 0) {
    for (const d of disagreements) console.error(`DISAGREEMENT at ${d.levers} levers: ${d.problems.join('; ')}`);
    console.error('\nFAILED: valuepack and HiGHS disagree on an optimum (see above and BENCHMARKS.md)');
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Batch throughput with one worker and with every core, once `valuepack batch` exists. */
function batch(batchDir, count) {
  const probe = spawnSync(process.execPath, [join(ROOT, 'bin/valuepack.cjs'), 'batch', '--help'], { encoding: 'utf8' });
  if (probe.status !== 0) return { available: false, reason: '`valuepack batch` is not in this build' };
  generateProposals(batchDir, count);
  const jobs = [...new Set([1, availableParallelism()])];
  const rows = jobs.map((j) => measureBatch({ dir: batchDir, files: count, discounts: ['10%', '15%', '20%'], jobs: j }));
  return { available: true, rows };
}

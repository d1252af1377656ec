/**
 * The suite's sections, each measured in fresh processes: the solver alone against
 * HiGHS (correlated and hard instances, the cost of alternatives), then whole processes
 * (a 5,000-lever counter against a whole HiGHS run, and cold start). Solver rows record
 * whether the optima agree; bench/run.mjs fails the suite when one does not.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { interleaved, medianOf, nodeJson } from './measure.mjs';

const INSIDE = fileURLToPath(new URL('./inside.mjs', import.meta.url));
const HIGHS = fileURLToPath(new URL('./highs.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/valuepack.cjs');
const TELECOM = fileURLToPath(new URL('../fixtures/telecom-switching.yaml', import.meta.url));
/** Time limits for the hard case's "when was the bound first reached" ladder, in ms. */
export const LADDER = [5, 10, 20, 50, 100, 200, 500, 1000];

function highs(file, runs, limitSeconds) {
  return medianOf(runs, [HIGHS, file, '--discount', '15%', '--time-limit', String(limitSeconds)]);
}

/** Correlated instances: both must prove the optimum, and agree on its value. */
export function solverRows(files, { runs, highsRuns, highsLimit }) {
  return files.map(({ levers, file }) => {
    const ours = medianOf(runs, [INSIDE, 'solve', file]);
    const ref = highs(file, levers >= 5000 ? 1 : highsRuns, highsLimit);
    const problems = [];
    if (!ours.optimal) problems.push('valuepack did not prove its optimum');
    if (ref.value === null) problems.push(`HiGHS answer unusable: ${ref.problem}`);
    else if (ref.value > ours.value) problems.push(`HiGHS found more value (${ref.value} > ${ours.value})`);
    else if (ref.optimal && ref.value !== ours.value) problems.push(`optima differ (${ours.value} vs ${ref.value})`);
    return {
      levers, oursMs: ours.ms, highsMs: ref.ms, highsOptimal: ref.optimal, oursValue: ours.value, highsValue: ref.value,
      agree: problems.length === 0, problems,
    };
  });
}

/**
 * Hard instances (value = cost + constant): ours under a short time limit. The value
 * bound is exact, so a package worth it is proven best in value; only the tie-break
 * order among packages of that value (margin, changes, option indices) is left open.
 */
export function hardRows(files, { runs, highsRuns, highsLimit, timeLimitMs }) {
  return files.map(({ levers, file }) => {
    const full = medianOf(runs, [INSIDE, 'solve', file, '--time-limit-ms', String(timeLimitMs)]);
    // Proven best in value: the search completed, or its package is worth the exact bound.
    const provenValue = full.optimal || full.value >= full.valueBound;
    let provenAt = full.optimal ? full.ms : null;
    for (const limit of LADDER) {
      if (provenAt !== null || !provenValue || limit >= timeLimitMs) break;
      const r = nodeJson([INSIDE, 'solve', file, '--time-limit-ms', String(limit)]);
      if (r.optimal || r.value >= r.valueBound) provenAt = Math.min(limit, r.ms);
    }
    provenAt ??= provenValue ? full.ms : null;
    const ref = highs(file, levers >= 100 ? 1 : highsRuns, highsLimit);
    const problems = [];
    if (ref.value === null) problems.push(`HiGHS answer unusable: ${ref.problem}`);
    else if (ref.value > full.valueBound) problems.push(`HiGHS beat valuepack's proven bound (${ref.value} > ${full.valueBound})`);
    else if (ref.value > full.value) problems.push(`HiGHS found more value (${ref.value} > ${full.value})`);
    else if (ref.optimal && ref.value !== full.value) problems.push(`optima differ (${full.value} vs ${ref.value})`);
    return {
      levers, provenAtMs: provenAt, totalMs: full.ms, optimal: full.optimal, provenValue,
      gap: full.valueBound - full.value, highsMs: ref.ms, highsOptimal: ref.optimal, oursValue: full.value, highsValue: ref.value,
      agree: problems.length === 0, problems,
    };
  });
}

/** Best only against three alternatives, the same instances, fresh processes. */
export function alternativeRows(files, { runs }) {
  return files.map(({ levers, file }) => {
    const one = medianOf(runs, [INSIDE, 'solve', file, '--alternatives', '1']);
    const three = medianOf(runs, [INSIDE, 'solve', file, '--alternatives', '3']);
    return { levers, oneMs: one.ms, threeMs: three.ms, found: three.found, optimal: one.optimal && three.optimal };
  });
}

/** Interleaved rounds of the three whole processes; valuepack's answer is checked against HiGHS's. */
export function wholeProcess(file, { rounds, highsLimit }) {
  const counter = (n) => ({ label: `valuepack counter (--alternatives ${n})`, args: [BIN, 'counter', file, '--discount', '15%', '--alternatives', String(n), '--json'] });
  const highs = { label: 'HiGHS (read YAML, build, solve)', args: [HIGHS, file, '--discount', '15%', '--time-limit', String(highsLimit)] };
  const rows = interleaved(rounds, [counter(3), counter(1), highs]);
  const phases = medianOf(3, [INSIDE, 'phases', file]);
  const yaml = medianOf(3, [INSIDE, 'phases', file, '--yaml']);
  return { rows, phases: { ...phases, yamlPackageMs: yaml.yamlMs } };
}

/**
 * Start-up: medians of interleaved rounds, each running them in turn; the last runs a
 * copy of the build without the code cache (the binary then runs the ES module build).
 */
export function coldStart({ rounds }) {
  const bare = mkdtempSync(join(tmpdir(), 'valuepack-bare-'));
  try {
    cpSync(join(ROOT, 'bin'), join(bare, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist'), join(bare, 'dist'), { recursive: true, filter: (f) => !f.endsWith('.cache') });
    const counter = (bin) => [bin, 'counter', TELECOM, '--discount', '20%'];
    return interleaved(rounds, [
      { label: 'node -e 0', args: ['-e', '0'] },
      { label: 'valuepack --version', args: [BIN, '--version'] },
      { label: 'valuepack counter telecom --discount 20%', args: counter(BIN) },
      { label: 'the same without the code cache', args: counter(join(bare, 'bin/valuepack.cjs')) },
    ]);
  } finally {
    rmSync(bare, { recursive: true, force: true });
  }
}

/**
 * Concession planning (issue 15), each figure the median of fresh processes against the
 * built package: the telecom ladder (to 20% in 4 steps) and curve, and a 4-step ladder
 * on a 1,000-lever proposal against one counter() call at its last step. Nothing here
 * judges a time.
 *
 *   node bench/concessions.mjs inside ladder|curve|counter FILE [--to 15%]
 *       one call, timed inside a fresh process (the file loaded untimed); one JSON line
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { medianOf } from './measure.mjs';

const SELF = fileURLToPath(import.meta.url);
const TELECOM = fileURLToPath(new URL('../fixtures/telecom-switching.yaml', import.meta.url));
const STEPS = 4;

/**
 * The section's rows: `big` is a generated proposal file of `levers` levers. The ladder
 * is set against one counter() call at its first step (a small discount, usually the
 * costliest search) and at its last: it makes one search per step and, after the first,
 * one more for the price of nesting.
 */
export function concessionRows({ levers, file }, { runs }) {
  const time = (what, f, to) => medianOf(runs, [SELF, 'inside', what, f, '--to', to]);
  const ladder = time('ladder', file, '15%');
  const first = time('counter', file, `${ladder.first / 100}%`);
  const last = time('counter', file, '15%');
  return [
    { case: 'telecom ladder, 4 steps to 20%', ms: time('ladder', TELECOM, '20%').ms },
    { case: 'telecom curve, 0 to 30%', ms: time('curve', TELECOM, '30%').ms },
    { case: `${levers} levers: ladder, ${STEPS} steps to 15%`, ms: ladder.ms, optimal: ladder.optimal },
    { case: `${levers} levers: one counter call at ${ladder.first / 100}% (the first step)`, ms: first.ms, optimal: first.optimal },
    { case: `${levers} levers: one counter call at 15% (the last step)`, ms: last.ms, optimal: last.optimal },
    { case: `${levers} levers: ladder ÷ counter at the first step`, ratio: ladder.ms / first.ms },
    { case: `${levers} levers: ladder ÷ counter at the last step`, ratio: ladder.ms / last.ms },
  ];
}

async function inside(what, file, to) {
  const api = await import('../dist/index.js');
  const loaded = api.loadProposal(file);
  if (!api.isUsable(loaded)) throw new Error(`${file} did not load`);
  const discount = api.parsePercent(to, true);
  const bp = Number((discount.num * 10_000n) / discount.den);
  const run = {
    ladder: () => api.ladder(loaded.deal, { steps: api.taperedSchedule(bp, STEPS).map((b) => api.ratio(b, 10_000)), clock: api.wallClock }),
    curve: () => api.curve(loaded.deal, { toBp: bp, clock: api.wallClock }),
    counter: () => api.counter(loaded.deal, { discount }, { alternatives: 1, clock: api.wallClock }),
  }[what];
  const start = performance.now();
  const r = run();
  const ms = performance.now() - start;
  return { ms, optimal: r.optimal, first: api.taperedSchedule(bp, STEPS)[0] };
}

if (process.argv[1] === SELF && process.argv[2] === 'inside') {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { to: { type: 'string', default: '15%' } } });
  const [, what, file] = positionals;
  console.log(JSON.stringify(await inside(what, file, values.to)));
}

/** The section of BENCHMARKS.md. */
export function concessionsMarkdown(rows, runs) {
  const fmt = (x) => (x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`);
  return [
    '## Concession planning (issue 15)',
    '',
    `Medians of ${runs} fresh processes, the call alone (the file loaded untimed). Goals: the telecom ladder and`,
    'curve well under 100 ms; a 1,000-lever ladder of 4 steps within 4× one counter call.',
    '',
    '| case | time | ratio |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.case}${r.optimal === false ? ' (time limit)' : ''} | ${r.ms === undefined ? '' : fmt(r.ms)} | ${r.ratio === undefined ? '' : `${r.ratio.toFixed(1)}×`} |`),
    '',
  ].join('\n');
}
